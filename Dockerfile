# syntax=docker/dockerfile:1
# Three stages (and `node`, a source of binaries): `build` exports the frontend with the Makefile
# (`make export`), `app` is the slim backend runtime (no Node, no bun), `web` is nginx with the
# exported files and deploy/nginx.conf.
#   docker build --target app -t todo-chat-app .
#   docker build --target web --build-arg API_URL=https://todo.example.com -t todo-chat-web .
# compose.yaml builds and runs both. tests/deploy/test_files.py checks that these steps are the
# commands the test suite runs.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# Reflex builds with bun (from npm, as the Makefile installs it) and wants Node >= 22.22:
# Debian's nodejs is older, so node and npm come from the official image.
FROM node:22-bookworm-slim AS node

FROM ${PYTHON_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends make libstdc++6 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /app
# Dependencies first (cached until requirements.txt or the Makefile change).
COPY requirements.txt Makefile ./
RUN make setup
COPY . .
# The public URL of the backend as the browser sees it, baked into the frontend.
ARG API_URL=http://localhost:8080
RUN API_URL=${API_URL} make export \
 && .venv/bin/python -m zipfile -e dist/frontend.zip /site

FROM ${PYTHON_IMAGE} AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PATH=/app/.venv/bin:$PATH \
    REFLEX_CHECK_LATEST_VERSION=0 \
    ENVIRONMENT=production DATA_DIR=/data PORT=8000
WORKDIR /app
RUN useradd --create-home --uid 10001 todo && mkdir -p /data && chown todo /data /app
COPY --from=build /app/.venv /app/.venv
COPY --chown=todo rxconfig.py alembic.ini requirements.txt ./
COPY --chown=todo alembic ./alembic
COPY --chown=todo assets ./assets
COPY --chown=todo todo_chat ./todo_chat
USER todo
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health')"
# Migrations once, then the process becomes the ASGI server itself (granian, no `reflex run` parent):
# one worker per CPU sharing REFLEX_REDIS_URL (see todo_chat/serve.py).
CMD ["python", "-m", "todo_chat.serve", "--backend-only"]

FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /site /usr/share/nginx/html
EXPOSE 8080
