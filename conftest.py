"""pytest at the repository root (Python 3.7, pytest-odoo).

pytest-odoo 1.0.1 reads a ``__manifest__.py`` it did not find when a test
file lives outside any addon (our top-level ``tests/``): make its lookup
answer "none" there, so those files are collected as plain test modules.
"""
try:
    import pytest_odoo
except ImportError:  # the browser tests' interpreter has no Odoo
    pytest_odoo = None

if pytest_odoo is not None:
    _find_manifest_path = pytest_odoo._find_manifest_path

    def _existing_manifest_path(collection_path):
        found = _find_manifest_path(collection_path)
        return found if found.is_file() else None

    pytest_odoo._find_manifest_path = _existing_manifest_path
