"""Refresh a module's i18n/fr.po from the terms Odoo exports, keeping every
translation already made, and list the terms still untranslated.

    .venv/bin/python scripts/update_po.py kpa_cooperative DATABASE [more.json]

more.json (optional): {"English term": "terme français"} to add.
"""
import json
import os
import subprocess
import sys
import tempfile

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    module, database = sys.argv[1], sys.argv[2]
    extra = {}
    if len(sys.argv) > 3:
        with open(sys.argv[3]) as handle:
            extra = json.load(handle)
    target = os.path.join(ROOT, module, "i18n", "fr.po")
    known = {}
    if os.path.exists(target):
        known = {entry.msgid: entry.msgstr for entry in polib.pofile(target)
                 if entry.msgstr}
    known.update(extra)
    with tempfile.TemporaryDirectory() as tmp:
        exported = os.path.join(tmp, "fr.po")
        subprocess.check_call([
            os.path.join(ROOT, "bin", "odoo"), "-d", database,
            "--i18n-export=%s" % exported, "--modules=%s" % module,
            "--language=fr_FR", "--stop-after-init", "--log-level=warn"])
        po = polib.pofile(exported)
    missing = []
    for entry in po:
        if entry.msgid in known:
            entry.msgstr = known[entry.msgid]
        elif entry.msgstr == entry.msgid:
            # Odoo exports a term never translated with the English text as
            # its translation: that is not a translation.
            entry.msgstr = ""
        if not entry.msgstr:
            missing.append(entry.msgid)
    po.metadata["Language"] = "fr"
    po.metadata["Project-Id-Version"] = "KPA-Cité 11.0"
    os.makedirs(os.path.dirname(target), exist_ok=True)
    po.save(target)
    for msgid in missing:
        print("untranslated: %r" % msgid)
    print("%s: %d terms, %d untranslated" % (target, len(po), len(missing)))


if __name__ == "__main__":
    main()
