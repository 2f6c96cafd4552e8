"""The REST and chat doors hand no dependency or endpoint to FastAPI's thread pool: a thread
hand-off per request for work that never blocks (the database's units of work have their own)."""

from __future__ import annotations

from fastapi import routing
from fastapi.dependencies import utils


def test_task_and_chat_requests_run_nothing_in_fastapis_thread_pool(client, alice, monkeypatch):
    pooled: list[str] = []

    def recorder(original):
        async def run_in_threadpool(func, *args, **kwargs):
            pooled.append(getattr(func, "__name__", repr(func)))
            return await original(func, *args, **kwargs)
        return run_in_threadpool

    monkeypatch.setattr(utils, "run_in_threadpool", recorder(utils.run_in_threadpool))
    monkeypatch.setattr(routing, "run_in_threadpool", recorder(routing.run_in_threadpool))
    created = client.post(f"/api/{alice.id}/tasks", json={"title": "milk"}, headers=alice.headers)
    assert created.status_code in (200, 201), created.text
    task_id = created.json()["id"]
    assert client.get(f"/api/{alice.id}/tasks", headers=alice.headers).status_code == 200
    assert client.get(f"/api/{alice.id}/tasks/{task_id}", headers=alice.headers).status_code == 200
    assert client.post(f"/api/{alice.id}/chat", json={"message": "What's pending?"},
                       headers=alice.headers).status_code == 200
    assert client.get(f"/api/{alice.id + 1}/tasks", headers=alice.headers).status_code == 403
    assert pooled == []
