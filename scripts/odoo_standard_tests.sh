#!/usr/bin/env bash
# Odoo's own tests of account, hr_contract, project, portal and sale, on a database
# with Odoo's demo data (they need it) and our four modules installed.
#   scripts/odoo_standard_tests.sh            # with our modules (make test)
#   WITHOUT_KPA=1 scripts/odoo_standard_tests.sh   # the same without them
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
INSTALL="$BASE"
[ -n "${WITHOUT_KPA:-}" ] || INSTALL="$BASE,$MODULES"
trap 'dropdb --if-exists "$DB" 2>/dev/null; rm -rf "$ROOT/.local/data/filestore/$DB"' EXIT

say "database $DB with Odoo's demo data: $INSTALL"
"$ODOO" -d "$DB" -i "$INSTALL" --without-demo= --stop-after-init --log-level=warn \
    --logfile="$ARTIFACTS/install-std.log" \
    || { tail -30 "$ARTIFACTS/install-std.log"; die "install failed"; }
ADDONS="$("$PY" -c 'import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))')"
# pytest names tests relative to its rootdir, this repository.
RELATIVE="$("$PY" -c "import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))" "$ADDONS" "$ROOT")"
deselect=()
while read -r nodeid _; do
    [ -n "$nodeid" ] && [ "${nodeid#\#}" = "$nodeid" ] && deselect+=("--deselect=$RELATIVE/$nodeid")
done < tests/odoo_standard_exceptions.txt
"$PY" -m pytest -p no:cacheprovider -q --rootdir="$ROOT" \
    --odoo-config="$ROOT/.local/odoo.conf" --odoo-database="$DB" --odoo-log-level=critical \
    "${deselect[@]}" "$@" \
    "$ADDONS/account/tests" "$ADDONS/hr_contract/tests" \
    "$ADDONS/project/tests" "$ADDONS/portal/tests" "$ADDONS/sale/tests"
