"""Demo network and scale generator for KPA-Cité (run with the project's .venv)."""
