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

.PHONY: run serve test lint setup migrate test-packages chromium postgres redis nginx export bench clean

run: setup migrate
	$(VENV)/bin/reflex run

# Production: the built frontend and the backend on one port ($(PORT)), migrations applied once,
# then one worker per CPU sharing Redis (REFLEX_REDIS_URL, else a local redis-server). Needs
# BETTER_AUTH_SECRET. `make serve SERVE_ARGS=--backend-only` for a frontend from `make export`.
PORT ?= 8000
# Its own Reflex web dir (like `make export`): building there never repoints a `make run` dev
# server's `.web` at another URL.
serve: setup $(if $(REFLEX_REDIS_URL),,redis)
	PORT=$(PORT) REFLEX_WEB_WORKDIR=$${REFLEX_WEB_WORKDIR:-$(CURDIR)/.web-serve} $(PY) -m todo_chat.serve $(SERVE_ARGS)

# Static checks first (settings in pyproject.toml): ruff over the tree, then mypy over todo_chat/.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# The suite on SQLite, then again on PostgreSQL the tests whose behaviour can differ by
# database (tests/db_passes.py says which).
test: lint test-packages
	$(PY) -m pytest $(PYTEST_ARGS)
	$(PY) -m pytest --db=postgres $(PYTEST_ARGS)

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

# What the tests need from apt, in one apt-get call: chromium, postgresql, redis-server, nginx
# (each target below installs one of them alone).
HAVE_chromium     := command -v chromium
HAVE_postgresql   := ls /usr/lib/postgresql/*/bin/initdb
HAVE_redis-server := command -v redis-server
HAVE_nginx        := test -x /usr/sbin/nginx || command -v nginx
test-packages:
	@missing=""; \
	$(foreach pkg,chromium postgresql redis-server nginx,{ $(HAVE_$(pkg)); } >/dev/null 2>&1 || missing="$$missing $(pkg)";) \
	[ -z "$$missing" ] || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); echo "apt-get install$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; }

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

# Debian's redis-server: several backend workers share state and rate limits through it (the
# tests start throwaway ones; `make serve` starts one when REFLEX_REDIS_URL is not set).
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server >/dev/null; }

# Debian's nginx: tests/deploy runs deploy/nginx.conf (the compose `web` service) in front of the app.
nginx:
	@test -x /usr/sbin/nginx || command -v nginx >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx >/dev/null; }

# The static frontend as dist/frontend.zip, built for API_URL (the backend's public URL).
DIST ?= dist
export: setup
	mkdir -p $(DIST)
	REFLEX_WEB_WORKDIR=$${REFLEX_WEB_WORKDIR:-$(CURDIR)/.web-export} \
	  $(VENV)/bin/reflex export --frontend-only --zip-dest-dir $(DIST)

# Server CPU per chat turn under load (bench/load.py: the offline model and an OpenAI-compatible
# model server over HTTP, SQLite and PostgreSQL, against a bare endpoint), then the page's path
# (bench/page.py: the native view in headless chromium against the same turn over HTTP), then the
# in-process ratios (bench/run.py), then the task tools in process vs through our MCP server
# (bench/mcp_tools.py). `make bench BENCH_ARGS="--setups pg-http --ab ../old --rounds 3"` for an
# A/B of two checkouts on one setup.
bench: setup test-packages
	$(PY) -u -m bench.load $(BENCH_ARGS)
	$(PY) -u -m bench.page
	$(PY) -m bench.run
	$(PY) -m bench.mcp_tools
	$(PY) -m bench.stats_query

# The offline model's dev set over the real chat path: pass rate per intent, failing open cases (never
# sealed ones), parse cost. `make nlu-report NLU_ARGS=-q` prints the tables only.
.PHONY: nlu-report
nlu-report: setup
	$(PY) -m tests.nlu.report $(NLU_ARGS)

# The offline model's intent classifier: the open split exported as training lines, then trained
# (scikit-learn, fixed seeds) into todo_chat/agent/offline/learned/weights.json, which is committed.
.PHONY: nlu-train
nlu-train: setup
	$(PY) -m tests.nlu.export_training
	$(PY) -m todo_chat.agent.offline.learned.train
	$(PY) -m todo_chat.agent.offline.learned.train_tagger

clean:
	rm -rf $(VENV) $(TOOLS) .web .web-export .web-serve
