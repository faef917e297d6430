#!/usr/bin/env bash
# The upgrade a CAE makes: a database built with the last release (modules
# and demo of its tag in releases.txt), upgraded with `-u` to the working
# tree, must keep every record of the modules with the same stored values
# (data/snapshot.py; changes a release makes on purpose are declared in
# data/upgrade_expected.txt). The database is dropped afterwards.
#   scripts/upgrade_test.sh            # from the last release
#   FROM=v11.0.1.0.0 scripts/upgrade_test.sh
#   KEEP=1 UPGRADE_DB=kpa_up scripts/upgrade_test.sh   # keep the database
set -uo pipefail
STEP=upgrade
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
DB="${UPGRADE_DB:-kpa_upgrade_$$}"
ARTIFACTS="${KPA_ARTIFACTS:-$ROOT/.local/test-artifacts}"
WORK="$ROOT/.local/upgrade-$$"
mkdir -p "$ARTIFACTS"

read -r TAG COMMIT < <(grep -v '^#' releases.txt | { [ -n "${FROM:-}" ] && grep "^$FROM " || cat; } | tail -1)
[ -n "${TAG:-}" ] || die "no release ${FROM:-} in releases.txt"
# The tag, else its commit (a clone without tags still has the history).
REV="$TAG"
git rev-parse -q --verify "$TAG^{commit}" >/dev/null || REV="$COMMIT"
git rev-parse -q --verify "$REV^{commit}" >/dev/null \
    || die "release $TAG ($COMMIT) is not in this clone: clone with its history (not --depth 1)"

cleanup() {
    [ -n "${KEEP:-}" ] && { say "kept $DB"; return; }
    dropdb --if-exists "$DB" 2>/dev/null || true
    rm -rf "$ROOT/.local/data/filestore/$DB" "$WORK"
}
trap cleanup EXIT

started=$(date +%s)
say "release $TAG: its modules and demo into $DB"
mkdir -p "$WORK/old/.local"
git archive "$REV" | tar -x -C "$WORK/old"
ln -s "$ROOT/.venv" "$WORK/old/.venv"
ODOO_ADDONS="$("$PY" -c 'import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))')"
OLD_CONF="$WORK/old/.local/odoo.conf"
sed -e "s#^addons_path = .*#addons_path = $ODOO_ADDONS,$WORK/old#" \
    "$ROOT/.local/odoo.conf" >"$OLD_CONF"
dropdb --if-exists "$DB" 2>/dev/null
OLD_MODULES="$(cd "$WORK/old" && { grep -v '^#' modules.txt 2>/dev/null | paste -sd, - ; } )"
OLD_MODULES="${OLD_MODULES:-kpa_cooperative,kpa_cape,kpa_remuneration,kpa_governance}"
ODOO_CONF="$OLD_CONF" "$ODOO" -d "$DB" -i "$OLD_MODULES" --load-language=fr_FR \
    --without-demo=all --stop-after-init --log-level=warn \
    --logfile="$ARTIFACTS/upgrade-install.log" \
    || { tail -30 "$ARTIFACTS/upgrade-install.log"; die "installing release $TAG failed"; }
(cd "$WORK/old" && .venv/bin/python -m data.demo "$DB") \
    || die "loading the demo of release $TAG failed"
"$PY" -m data.snapshot take "$DB" "$ARTIFACTS/upgrade-before.json" --config "$OLD_CONF" \
    || die "snapshot before the upgrade failed"

say "upgrading $DB to the working tree (-u $MODULES)"
"$ODOO" -d "$DB" -u "$MODULES" --stop-after-init --log-level=warn \
    --logfile="$ARTIFACTS/upgrade.log" \
    || { tail -30 "$ARTIFACTS/upgrade.log"; die "the upgrade failed"; }
if grep -E " (ERROR|CRITICAL) " "$ARTIFACTS/upgrade.log"; then
    die "the upgrade logged errors (above; $ARTIFACTS/upgrade.log)"
fi
"$PY" -m data.snapshot take "$DB" "$ARTIFACTS/upgrade-after.json" \
    || die "snapshot after the upgrade failed"
"$PY" -m data.snapshot compare "$ARTIFACTS/upgrade-before.json" "$ARTIFACTS/upgrade-after.json" \
    || die "the upgrade from $TAG lost or changed data (above)"
say "upgrade from $TAG kept every record ($(( $(date +%s) - started ))s)"
