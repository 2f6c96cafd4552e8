# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# Every step is idempotent: a second run only starts the app / runs the tests.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TOOLS  := .tools
BUN    := $(TOOLS)/node_modules/.bin/bun
# Front-end tools from the npm registry: bun for Reflex, axe-core for the accessibility tests.
NPM_TOOLS := bun@1.4.5 axe-core@4.14.1
TOOLS_STAMP := $(TOOLS)/.installed-$(subst @,-,$(subst $() ,_,$(NPM_TOOLS)))
export REFLEX_CHECK_LATEST_VERSION := 0
export REFLEX_BUN_PATH := $(CURDIR)/$(BUN)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup migrate chromium postgres export bench clean

run: setup migrate
	$(VENV)/bin/reflex run

test: setup chromium postgres
	$(PY) -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed $(TOOLS_STAMP)

# Re-installs only when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Bun from the npm registry (Reflex would download it from GitHub). One npm call for all tools:
# a second `npm install --no-save` would prune what the first installed.
$(TOOLS_STAMP):
	npm install --silent --no-save --no-audit --no-fund --prefix $(TOOLS) $(NPM_TOOLS)
	$(BUN) --version
	touch $@

migrate: setup
	$(PY) -m todo_chat.core.db

# Debian's chromium for the browser tests (Playwright's own download cannot work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# PostgreSQL server binaries for the tests that prove the scale path (each test run starts its
# own throwaway cluster on a free port; nothing is left running).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

# The static frontend as dist/frontend.zip, built for API_URL (the backend's public URL).
export: setup
	$(VENV)/bin/reflex export --frontend-only --zip-dest-dir dist

bench: setup
	$(PY) -m bench.run

# The offline model's dev set over the real chat path: pass rate per intent, failing cases, parse cost.
.PHONY: nlu-report
nlu-report: setup
	$(PY) -m tests.nlu.report

clean:
	rm -rf $(VENV) $(TOOLS) .web
