# prevnet: `make run` to try it, `make test` to check it. Both are safe to run twice.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

.PHONY: run setup install install-dev test test-unit test-postgres test-e2e lint format messages clean

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(VENV)/bin/python
	scripts/ensure-pdf-libs.sh
	$(PIP) install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt requirements/base.txt | $(VENV)/bin/python
	scripts/ensure-pdf-libs.sh
	$(PIP) install --quiet -r requirements/dev.txt
	touch $@ $(VENV)/.installed-base

node_modules/.installed: package.json package-lock.json
	scripts/ensure-node.sh
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed-base
install-dev: $(VENV)/.installed-dev node_modules/.installed

# Migrate, compile the French catalogue and load the demo network.
setup: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	$(MANAGE) load_demo

# The web server on http://127.0.0.1:8000 and the background worker beside it.
run: setup
	scripts/run.sh

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Extract strings for translators (needs GNU gettext), then translate each django.po:
# locale/fr/... for core and network, prevnet/<app>/locale/fr/... for every other app.
messages: $(VENV)/.installed-dev
	scripts/messages.sh
	$(MANAGE) compile_translations

test: install-dev
	scripts/test.sh

clean:
	rm -rf $(VENV) node_modules var/static
