"""Build each module's README.rst from its readme/ fragments (OCA layout).

    python scripts/gen_addon_readme.py          # write the README.rst files
    python scripts/gen_addon_readme.py --check  # fail when one is stale
"""
import ast
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTIONS = [
    ("DESCRIPTION", None),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("HISTORY", "Changelog"),
    ("CONTRIBUTORS", "Contributors"),
]


def render(module_dir):
    with open(os.path.join(module_dir, "__manifest__.py")) as handle:
        manifest = ast.literal_eval(handle.read())
    title = manifest["name"]
    parts = [
        ".. Generated from readme/ by scripts/gen_addon_readme.py: "
        "edit the fragments.\n",
        "=" * len(title), title, "=" * len(title), "",
        "*%s*" % manifest.get("summary", ""), "",
        "License: %s. Version: %s." % (
            manifest["license"], manifest["version"]), "",
    ]
    for fragment, heading in SECTIONS:
        path = os.path.join(module_dir, "readme", fragment + ".rst")
        if not os.path.exists(path):
            continue
        if heading:
            parts += [heading, "=" * len(heading), ""]
        with open(path) as handle:
            parts.append(handle.read().rstrip() + "\n")
    return "\n".join(parts)


def main():
    check = "--check" in sys.argv
    stale = []
    for manifest in sorted(glob.glob(os.path.join(ROOT, "*", "__manifest__.py"))):
        module_dir = os.path.dirname(manifest)
        target = os.path.join(module_dir, "README.rst")
        text = render(module_dir)
        current = open(target).read() if os.path.exists(target) else None
        if current == text:
            continue
        if check:
            stale.append(os.path.relpath(target, ROOT))
        else:
            with open(target, "w") as handle:
                handle.write(text)
    if stale:
        print("stale README.rst (run: make readme): %s" % ", ".join(stale))
        sys.exit(1)


if __name__ == "__main__":
    main()
