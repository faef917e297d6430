#!/usr/bin/env bash
# make test: a fresh database built from scratch, then every test:
#   1. the modules' tests and the top-level tests/ (pytest-odoo, Python 3.7),
#      plain-Python rule tests included;
#   2. the demo loaded into that database, then the browser tests
#      (Playwright + Chromium, Python 3.11) against a real Odoo server;
#   3. the upgrade from the last release (releases.txt): its modules and
#      demo on a third database, `-u` to the working tree, every record kept;
#   4. Odoo's own tests of account, hr_contract, project and portal on a
#      second database with Odoo's demo data and our modules installed.
# The databases are dropped afterwards, whatever happened.
set -uo pipefail
STEP=test
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
DB="${TEST_DB:-kpa_test_$$}"
ARTIFACTS="$ROOT/.local/test-artifacts"
rm -rf "$ARTIFACTS"; mkdir -p "$ARTIFACTS"

cleanup() {
    dropdb --if-exists "$DB" 2>/dev/null || true
    rm -rf "$ROOT/.local/data/filestore/$DB"
}
trap cleanup EXIT

started=$(date +%s)
say "building the test database $DB from scratch"
dropdb --if-exists "$DB" 2>/dev/null
create_db "$DB" --logfile="$ARTIFACTS/install.log" \
    || { tail -50 "$ARTIFACTS/install.log"; die "installing the modules failed"; }
say "database ready in $(( $(date +%s) - started ))s"

say "module and cross-module tests (pytest-odoo)"
"$PY" -m pytest --odoo-config="$ROOT/.local/odoo.conf" --odoo-database="$DB" \
    --odoo-log-level=warn "${MODULE_DIRS[@]}" tests \
    "$@"
rc_odoo=$?

say "loading the demo into $DB for the browser tests"
"$PY" -m data.demo "$DB" || die "loading the demo failed"

say "browser tests (Chromium)"
KPA_TEST_DB="$DB" KPA_ARTIFACTS="$ARTIFACTS" \
    "$ROOT/.venv-browser/bin/python" -m pytest -c "$ROOT/tests/browser/pytest.ini" \
    --rootdir="$ROOT/tests/browser" "$ROOT/tests/browser"
rc_browser=$?

say "upgrade from the last release"
UPGRADE_DB="${DB}_up" KPA_ARTIFACTS="$ARTIFACTS" "$ROOT/scripts/upgrade_test.sh"
rc_upgrade=$?

say "Odoo's own tests with the KPA-Cité modules installed"
STD_DB="${DB}_std" KPA_ARTIFACTS="$ARTIFACTS" "$ROOT/scripts/odoo_standard_tests.sh"
rc_std=$?

say "finished in $(( $(date +%s) - started ))s (pytest-odoo: exit $rc_odoo, browser: exit $rc_browser, upgrade: exit $rc_upgrade, Odoo's tests: exit $rc_std)"
[ "$rc_odoo" = 0 ] && [ "$rc_browser" = 0 ] && [ "$rc_upgrade" = 0 ] && [ "$rc_std" = 0 ]
