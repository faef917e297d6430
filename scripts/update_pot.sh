#!/usr/bin/env bash
# Write each module's translation template, kpa_*/i18n/<module>.pot, from the
# terms Odoo exports, and say how the module's fr.po compares with it.
#
#   scripts/update_pot.sh            # on a fresh database, dropped afterwards (~3 min)
#   scripts/update_pot.sh DATABASE   # on a database where the four modules are
#                                    # installed and up to date with this tree
#
# Odoo 11 exports .csv, .po or .tgz only: a .po export without --language is
# the template (every msgstr empty); it is written as <module>.pot, without
# the two dates of its header and with code references at line 0, so that the
# file changes only when a term does.
set -euo pipefail
STEP=pot
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

db="${1:-}"
tmp="$(mktemp -d)"
made=""
cleanup() {
    if [ -n "$made" ]; then
        dropdb --if-exists "$made" || true
        rm -rf "$ROOT/.local/data/filestore/$made"
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if [ -z "$db" ]; then
    made="kpa_pot_$$"
    db="$made"
    say "creating the database $db with the four modules"
    create_db "$db" >"$tmp/create.log" 2>&1 \
        || { cat "$tmp/create.log" >&2; die "could not create $db"; }
elif ! db_exists "$db"; then
    die "no database $db"
fi

for module in ${MODULES//,/ }; do
    "$ODOO" -d "$db" --i18n-export="$tmp/$module.po" --modules="$module" \
        --stop-after-init --log-level=warn
    "$PY" - "$tmp/$module.po" "$ROOT/$module/i18n/$module.pot" \
        "$ROOT/$module/i18n/fr.po" <<'PYEOF'
import sys

import polib

exported, target, french = sys.argv[1:4]
pot = polib.pofile(exported)
for key in ("POT-Creation-Date", "PO-Revision-Date"):
    pot.metadata.pop(key, None)
for entry in pot:
    # Code references without their line number (as Odoo 13 and later
    # write them): a line added above a term does not change the file.
    occurrences = []
    for where, line in entry.occurrences:
        where_line = (where, "0" if where.startswith("code:") else line)
        if where_line not in occurrences:
            occurrences.append(where_line)
    entry.occurrences = occurrences
    if entry.msgstr:
        sys.exit("%s: %r has a translation: not a template" % (
            exported, entry.msgid))
pot.save(target)
terms = {entry.msgid for entry in pot}
print("%s: %d terms" % (target, len(terms)))
try:
    po = polib.pofile(french)
except OSError:
    print("  no fr.po")
    sys.exit(0)
translated = {entry.msgid for entry in po if entry.msgstr}
untranslated = sorted(terms - translated)
unused = sorted({entry.msgid for entry in po} - terms)
for msgid in untranslated:
    print("  in the .pot, not translated in fr.po: %r" % msgid)
for msgid in unused:
    print("  in fr.po, not in the .pot (unused): %r" % msgid)
print("  fr.po: %d of %d terms translated, %d unused" % (
    len(terms) - len(untranslated), len(terms), len(unused)))
PYEOF
done
