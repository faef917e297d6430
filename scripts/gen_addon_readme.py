"""Build each module's README.rst from its readme/ fragments (OCA layout).

    python scripts/gen_addon_readme.py          # write the README.rst files
    python scripts/gen_addon_readme.py --check  # fail when one is stale or
                                                # is not clean reStructuredText

The sections come in the order of OCA's oca-gen-addon-readme: DESCRIPTION
(no heading), then Installation, Configuration, Usage, Known issues /
Roadmap, Changelog (HISTORY), and Credits (Authors from the manifest,
CONTRIBUTORS, Other credits from CREDITS). A fragment that is missing is
left out. Headings inside a fragment use ``~`` (one level below the
sections); DESCRIPTION comes before the first section and so cannot have
headings: a **bold** line instead.
"""
import ast
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTIONS = [
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("HISTORY", "Changelog"),
]
CREDITS = [
    ("CONTRIBUTORS", "Contributors"),
    ("CREDITS", "Other credits"),
]


def _fragment(module_dir, name):
    path = os.path.join(module_dir, "readme", name + ".rst")
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return handle.read().rstrip() + "\n"


def _heading(text, underline):
    return [text, underline * len(text), ""]


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
    description = _fragment(module_dir, "DESCRIPTION")
    if description:
        parts.append(description)
    parts += ["**Table of contents**", "", ".. contents::", "   :local:", ""]
    for name, heading in SECTIONS:
        text = _fragment(module_dir, name)
        if text:
            parts += _heading(heading, "=") + [text]
    parts += _heading("Credits", "=")
    parts += _heading("Authors", "~") + [
        "* %s" % author.strip()
        for author in manifest.get("author", "").split(",")] + [""]
    for name, heading in CREDITS:
        text = _fragment(module_dir, name)
        if text:
            parts += _heading(heading, "~") + [text]
    return "\n".join(parts)


def problems(text, module_dir):
    """What docutils says of ``text`` (warnings and worse), and the
    sections a fragment's headings would put at the wrong level."""
    import io

    import docutils.core
    import docutils.nodes

    doctree = docutils.core.publish_doctree(text, settings_overrides={
        "report_level": 2, "halt_level": 5, "warning_stream": io.StringIO(),
        "input_encoding": "unicode",
        "source_path": os.path.join(module_dir, "README.rst")})
    found = ["line %s: %s" % (message.get("line"), message[0].astext())
             for message in doctree.traverse(docutils.nodes.system_message)]
    expected = {heading for _name, heading in SECTIONS} | {"Credits"}
    # With the title promoted to the document title, the sections are the
    # document's direct children.
    for section in doctree.children:
        if isinstance(section, docutils.nodes.section):
            name = section[0].astext()
            if name not in expected:
                found.append("heading %r at the level of the sections "
                             "(use ~ in a fragment, a **bold** line in "
                             "DESCRIPTION)" % name)
    return found


def main():
    check = "--check" in sys.argv
    failures = []
    for manifest in sorted(glob.glob(os.path.join(ROOT, "*", "__manifest__.py"))):
        module_dir = os.path.dirname(manifest)
        target = os.path.join(module_dir, "README.rst")
        relative = os.path.relpath(target, ROOT)
        text = render(module_dir)
        if check:
            failures += ["%s: %s" % (relative, problem)
                         for problem in problems(text, module_dir)]
        current = open(target).read() if os.path.exists(target) else None
        if current == text:
            continue
        if check:
            failures.append("%s: stale (run: make readme)" % relative)
        else:
            with open(target, "w") as handle:
                handle.write(text)
    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
