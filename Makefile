# Bürgerportal — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_ENV := BP_DEMO=true

.PHONY: run test install assets lint typecheck test-sqlite test-dates test-postgres test-e2e browser screens messages clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed assets

assets: node_modules/.installed

## make run: install, migrate SQLite under var/, load the demo city, serve on $HOST:$PORT.
run: install
	$(DEMO_ENV) $(PY) -m buergerportal migrate
	$(DEMO_ENV) $(PY) -m buergerportal demo
	$(DEMO_ENV) $(PY) -m buergerportal serve

## make test: lint, type check, the suite on SQLite (also at the year's edges), on PostgreSQL,
## and the browser journeys.
test: install lint typecheck test-sqlite test-dates test-postgres test-e2e

lint:
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck:
	$(VENV)/bin/mypy

test-sqlite:
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=. $(PY) -m django makemigrations --check --dry-run
	$(PY) -m pytest -m "not e2e"
	$(PY) -m pytest -m "not e2e" --reverse -q

## The date-sensitive tests with the clock at mid-December, New Year's night and a leap day.
test-dates:
	bash scripts/date_pass.sh $(PY)

test-postgres:
	bash scripts/postgres_pass.sh $(PY)

browser:
	bash scripts/ensure_chromium.sh

test-e2e: browser
	$(PY) -m pytest -m e2e tests/e2e

## make screens: refresh docs/screens/ from the screenshots of the last e2e run.
screens:
	$(PY) scripts/update_doc_screens.py

## make messages: update the German catalogue after changing texts, then translate and run again.
messages: install
	cd src/buergerportal && DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=../..:.. \
		../../$(PY) -m django makemessages -l de --no-obsolete && \
		DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=../..:.. ../../$(PY) -m django compilemessages -l de

clean:
	rm -rf $(VENV) node_modules var test-artifacts
