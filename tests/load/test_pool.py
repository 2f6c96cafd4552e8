"""An exhausted connection pool sheds load with 503 + Retry-After; it never hangs the server."""

from __future__ import annotations

import os

from tests.conftest import Account
from todo_chat.core import config, db


def test_a_request_that_cannot_get_a_connection_gets_503_then_recovers(data_dir, client, monkeypatch):
    alice = Account(client, "pool@example.com")
    pool = {"DATABASE_POOL_SIZE": "1", "DATABASE_MAX_OVERFLOW": "0", "DATABASE_POOL_TIMEOUT": "0.3"}
    for name, value in pool.items():
        monkeypatch.setenv(name, value)
    config.get_settings.cache_clear()
    db.reset_engine()
    held = db.get_engine().connect()  # the only connection, held elsewhere
    try:
        busy = client.get(f"/api/{alice.id}/tasks", headers=alice.headers)
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
        assert "busy" in busy.json()["detail"]
    finally:
        held.close()
    assert client.get(f"/api/{alice.id}/tasks", headers=alice.headers).status_code == 200
    for name in ("DATABASE_POOL_SIZE", "DATABASE_MAX_OVERFLOW", "DATABASE_POOL_TIMEOUT"):
        os.environ.pop(name, None)
    config.get_settings.cache_clear()
    db.reset_engine()
