# KPA-Cité for Odoo. `make run` serves the demo, `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
# modules.txt is the one list of the modules.
MODULES_DIRS := $(shell grep -v '^\#' modules.txt)
PY := .venv/bin/python

.PHONY: help setup run test lint readme pot odoo bench demo-reset clean

help:
	@echo "make run      install everything, build the demo database, serve Odoo on 127.0.0.1:8069"
	@echo "make test     install everything, run every test on a fresh database"
	@echo "make lint     flake8 and pylint-odoo on the modules"
	@echo "make pot      the modules' translation templates i18n/<module>.pot (DB=... to use a database)"
	@echo "make bench    query counts and server times at two data sizes (SIZES='3x10x52 30x40x26')"
	@echo "make odoo ARGS='...'  any Odoo command with the project's configuration"
	@echo "make demo-reset       drop the demo database (the next make run rebuilds it)"

setup:
	@scripts/setup.sh

run: setup
	@scripts/run.sh

test: setup lint
	@scripts/test.sh $(PYTEST_ARGS)

lint: setup
	@$(PY) -m flake8 $(MODULES_DIRS) data tests scripts bench conftest.py
	@$(PY) -m pylint --rcfile=.pylintrc $(MODULES_DIRS)
	@$(PY) scripts/gen_addon_readme.py --check
	@echo "lint: clean"

readme: setup
	@$(PY) scripts/gen_addon_readme.py

pot: setup
	@scripts/update_pot.sh $(DB)

bench: setup
	@$(PY) -m bench.run $(foreach size,$(SIZES),--size $(size))

odoo: setup
	@bin/odoo $(ARGS)

demo-reset: setup
	@dropdb --if-exists kpa_demo && rm -f .local/kpa_demo.fingerprint && echo "kpa_demo dropped"

clean:
	rm -rf .local/test-artifacts
