# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# Every step is idempotent: a second run only starts the app / runs the tests.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TOOLS  := .tools
BUN    := $(TOOLS)/node_modules/.bin/bun
BUN_VERSION := 1.4.5
export REFLEX_CHECK_LATEST_VERSION := 0
export REFLEX_BUN_PATH := $(CURDIR)/$(BUN)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup migrate chromium export bench clean

run: setup migrate
	$(VENV)/bin/reflex run

test: setup chromium
	$(PY) -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed $(BUN)

# Re-installs only when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Bun from the npm registry (Reflex would download it from GitHub).
$(BUN):
	npm install --silent --no-save --prefix $(TOOLS) bun@$(BUN_VERSION)
	$(BUN) --version

migrate: setup
	$(PY) -m todo_chat.core.db

# Debian's chromium for the browser tests (Playwright's own download cannot work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# A static frontend in frontend.zip plus the backend to deploy (see README).
export: setup migrate
	$(VENV)/bin/reflex export --frontend-only --no-zip

bench: setup
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) $(TOOLS) .web
