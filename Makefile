# Two commands for a fresh machine with only Python: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
# manage.py defaults to the production settings; the local targets run the development ones.
DEV := DJANGO_SETTINGS_MODULE=config.settings.dev

.PHONY: run test install lock lint check pytest browser-deps demo migrate editor clean

# Exact versions with hashes from requirements.lock (made by `make lock`), then the
# project itself without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Re-resolve requirements.lock from pyproject.toml after changing a dependency there (uv is a
# dev dependency). Add --upgrade to move every pin to the newest allowed release.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --custom-compile-command "make lock" --quiet -o requirements.lock

migrate: install
	$(DEV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV) $(BIN)/python manage.py load_demo

run: demo
	@echo "Kunskapsnätverket: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, see README)"
	$(DEV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# ruff for style; import-linter for the layers contract in pyproject.toml (README: Layers).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Two pytest sessions: the main suite, spread over the machine's cores (pytest-xdist; each
# worker has its own test database, search index and demo), then the browser tests over one
# demo database in one process (skipped, with a message saying what to install, where
# Chromium or axe-core is missing). PYTEST_WORKERS=0 runs the main suite in one process.
PYTEST_WORKERS ?= auto
pytest: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS)
	BROWSER_TESTS=1 $(BIN)/python -m pytest tests/browser

# What the browser tests need beyond Python: Debian's Chromium and axe-core from npm.
browser-deps:
	command -v chromium >/dev/null || apt-get install -y --no-install-recommends chromium
	npm ci --no-audit --no-fund

test: lint check pytest

editor: migrate
	$(DEV) $(BIN)/python manage.py create_editor

clean:
	rm -rf $(VENV) db.sqlite3 var
