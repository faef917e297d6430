"""The KPA-Cité modules, read from ``modules.txt`` (the one list)."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_modules(path=os.path.join(ROOT, "modules.txt")):
    with open(path, encoding="utf-8") as lines:
        return tuple(
            line.strip() for line in lines
            if line.strip() and not line.startswith("#"))


MODULES = read_modules()
