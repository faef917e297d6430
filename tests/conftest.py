"""Top-level tests run by pytest-odoo (Python 3.7); browser/ runs apart
(Python 3.11 with Playwright, see scripts/test.sh)."""
collect_ignore = ["browser"]
