#!/usr/bin/env bash
# Our modules as an integrator installs them, then Odoo's own tests:
#   1. a database with Odoo's demo data (Odoo's tests need it) for account,
#      hr_contract, project, portal and sale;
#   2. our four modules installed on it with `-i ... --test-enable`, as
#      `odoo -i` does on a CAE's Odoo: their XML demo loads, and Odoo's own
#      runner runs their at_install and post_install tests (HTTP tests
#      included, on a free port); log in $ARTIFACTS/odoo-runner.log, any
#      ERROR or CRITICAL line there (a failing test, a file that does not
#      load) fails this script;
#   3. Odoo's own tests of account, hr_contract, project, portal and sale
#      (pytest-odoo), our modules and their demo installed, and web's check
#      of its test suites (it stubs web.layout: our page frame must survive
#      it; the JS suites themselves need PhantomJS, which this machine lacks).
#   scripts/odoo_standard_tests.sh            # as above (make test)
#   WITHOUT_KPA=1 scripts/odoo_standard_tests.sh   # 1 and 3 without our modules
# Tests that fail without our modules too are listed, with why, in
# tests/odoo_standard_exceptions.txt and deselected.
set -uo pipefail
STEP=odoo-tests
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
DB="${STD_DB:-kpa_std_$$}"
ARTIFACTS="${KPA_ARTIFACTS:-$ROOT/.local/test-artifacts}"
mkdir -p "$ARTIFACTS"
BASE="account_invoicing,l10n_fr,project,hr_timesheet,hr_contract,portal,sale"
# OCA modules installed with the base, before ours, without --test-enable:
# the runner is for our modules. mis_builder 11.0.3.6.9's own test_xlsx fails
# with the pinned XlsxWriter 3.2 (its "size" format alias is gone); with
# kpa_remuneration installed the export works (kpa_remuneration/report/
# mis_report_instance_xlsx.py, tested in kpa_remuneration/tests).
OCA_FIRST="mis_builder"
INSTALL="$BASE"
[ -z "${WITHOUT_KPA:-}" ] && INSTALL="$BASE,$OCA_FIRST"
trap 'dropdb --if-exists "$DB" 2>/dev/null; rm -rf "$ROOT/.local/data/filestore/$DB"' EXIT

say "database $DB with Odoo's demo data: $INSTALL"
"$ODOO" -d "$DB" -i "$INSTALL" --without-demo= --stop-after-init --log-level=warn \
    --logfile="$ARTIFACTS/install-std.log" \
    || { tail -30 "$ARTIFACTS/install-std.log"; die "install failed"; }

rc_runner=0
if [ -z "${WITHOUT_KPA:-}" ]; then
    # The HTTP tests need Odoo's server: a port nobody else uses.
    port=$(( 20000 + $$ % 20000 ))
    while ! port_is_free "$port"; do port=$(( port + 1 )); done
    LOG="$ARTIFACTS/odoo-runner.log"
    say "$MODULES with their demo data, tested by Odoo's runner (port $port)"
    started=$(date +%s)
    "$ODOO" -d "$DB" -i "$MODULES" --without-demo= --test-enable \
        --stop-after-init --log-level=test --http-port="$port" \
        --logfile="$LOG"
    rc_runner=$?
    errors="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$LOG")"
    say "Odoo's runner finished in $(( $(date +%s) - started ))s (exit $rc_runner," \
        "$(grep -c ': Ran [0-9]* test' "$LOG") test files run)"
    if [ -n "$errors" ]; then
        printf '%s\n' "$errors" | cut -c1-400 | head -80 >&2
        rc_runner=1
    fi
    if [ "$rc_runner" != 0 ]; then
        printf '\033[1;31m[%s]\033[0m %s\n' "$STEP" \
            "Odoo's runner failed on our modules: see $LOG" >&2
    fi
fi

ADDONS="$("$PY" -c 'import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))')"
# pytest names tests relative to its rootdir, this repository.
RELATIVE="$("$PY" -c "import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))" "$ADDONS" "$ROOT")"
deselect=()
while read -r nodeid _; do
    [ -n "$nodeid" ] && [ "${nodeid#\#}" = "$nodeid" ] && deselect+=("--deselect=$RELATIVE/$nodeid")
done < tests/odoo_standard_exceptions.txt
say "Odoo's own tests"
"$PY" -m pytest -p no:cacheprovider -q --rootdir="$ROOT" \
    --odoo-config="$ROOT/.local/odoo.conf" --odoo-database="$DB" --odoo-log-level=critical \
    "${deselect[@]}" "$@" \
    "$ADDONS/account/tests" "$ADDONS/hr_contract/tests" \
    "$ADDONS/project/tests" "$ADDONS/portal/tests" "$ADDONS/sale/tests" \
    "$ADDONS/web/tests/test_js.py::WebSuite::test_check_suite"
rc_odoo=$?
[ "$rc_runner" = 0 ] && [ "$rc_odoo" = 0 ]
