"""Reflex configuration. Bun comes from the npm registry (see Makefile), never from GitHub."""

import os
import sys
from pathlib import Path

import reflex as rx

_ROOT = Path(__file__).parent
_BUN = _ROOT / ".tools" / "node_modules" / ".bin" / "bun"

os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "0")
# `reflex run` reloads on file changes under the project: not on the database, test output or builds.
os.environ.setdefault("REFLEX_HOT_RELOAD_EXCLUDE_PATHS", os.pathsep.join(
    str(path) for path in (_ROOT / name for name in ("data", "test-artifacts", "dist", "docs", "bench"))
    if path.exists()))


def _backend_only() -> bool:
    return "--backend-only" in sys.argv or os.environ.get("REFLEX_BACKEND_ONLY", "").lower() in ("1", "true", "yes")


# No frontend port unless asked for: `reflex run --backend-only` refuses one, and in prod mode
# frontend and backend share one port (8000 by default). `reflex run` (dev) serves the frontend on
# Reflex's default, 3000.
_frontend_port = {} if _backend_only() or not os.environ.get("FRONTEND_PORT") else {
    "frontend_port": int(os.environ["FRONTEND_PORT"])}

# Several backend workers: set REFLEX_REDIS_URL (Reflex reads it itself and keeps every user's
# state in Redis; without it Reflex runs one worker). `python -m todo_chat.serve` picks the worker
# count and points the chat rate limiter at the same Redis.
config = rx.Config(
    app_name="todo_chat",
    telemetry_enabled=False,
    bun_path=Path(os.environ.get("REFLEX_BUN_PATH", _BUN)),
    **_frontend_port,
    backend_port=int(os.environ.get("BACKEND_PORT", 8000)),
    api_url=os.environ.get("API_URL", f"http://localhost:{os.environ.get('BACKEND_PORT', 8000)}"),
    show_built_with_reflex=False,
    # Reflex's CORS (answered before the API's) and its websocket: CORS_ORIGINS + API_URL's origin.
    cors_allowed_origins=__import__("todo_chat.core.config", fromlist=["x"]).get_settings().allowed_origins,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(
        accent_color="indigo", gray_color="slate", radius="large", appearance="inherit"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
