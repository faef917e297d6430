# Shared by the make scripts: paths, modules, messages.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# modules.txt is the one list of the modules; MODULES is it comma-separated.
MODULES="$(grep -v '^#' "$ROOT/modules.txt" | paste -sd, -)"
MODULE_DIRS=(${MODULES//,/ })
ODOO="$ROOT/bin/odoo"
PY="$ROOT/.venv/bin/python"
say() { printf '\033[1;34m[%s]\033[0m %s\n' "${STEP:-kpa}" "$*"; }
die() { printf '\033[1;31m[%s]\033[0m %s\n' "${STEP:-kpa}" "$*" >&2; exit 1; }
db_exists() { psql -d postgres -Atqc "select 1 from pg_database where datname='$1'" | grep -q 1; }
# A fingerprint of everything that changes the database: module files and demo.
modules_fingerprint() {
    (cd "$ROOT" && find "${MODULE_DIRS[@]}" data modules.txt -type f \( -name '*.py' -o -name '*.xml' \
        -o -name '*.csv' -o -name '*.po' -o -name '*.js' -o -name '*.less' \
        -o -name '*.png' \) -not -path '*/tests/*' -print0 | sort -z \
        | xargs -0 sha1sum | sha1sum | cut -c1-16)
}
# Create a database with the four modules and French, without Odoo's demo.
create_db() {
    local db="$1"; shift
    "$ODOO" -d "$db" -i "$MODULES" --load-language=fr_FR --without-demo=all \
        --stop-after-init --log-level=warn "$@"
}
port_is_free() {
    "$PY" - "$1" <<'PYEOF'
import socket, sys
sock = socket.socket()
try:
    sock.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PYEOF
}
