"""The same migrations, services, agent turn and ChatKit store on PostgreSQL."""

from __future__ import annotations

import pytest
from chatkit.types import ThreadListParams, ThreadsListReq
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.api.test_chatkit import new_thread
from tests.conftest import Account, use_data_dir
from todo_chat.core import db


@pytest.fixture
def pg_client(postgres_url, tmp_path):
    use_data_dir(tmp_path, postgres_url)
    with db.get_engine().begin() as connection:  # a clean schema for every test
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    db.migrate()
    from todo_chat.api.app import create_app

    with TestClient(create_app()) as client:
        yield client
    db.reset_engine()


def test_migrations_build_the_schema_on_postgres(pg_client):
    with db.get_engine().connect() as connection:
        tables = set(connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
        kind = connection.execute(text(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'task' AND column_name = 'created_at'"
        )).scalar()
    assert {"user", "task", "conversation", "message", "toolcall", "attachment", "alembic_version"} <= tables
    assert kind == "timestamp with time zone"


def test_accounts_tasks_chat_and_chatkit_on_postgres(pg_client):
    alice, bob = Account(pg_client, "alice@example.com"), Account(pg_client, "bob@example.com")
    task = pg_client.post(f"/api/{alice.id}/tasks", json={"title": "Buy milk", "priority": "high"},
                          headers=alice.headers).json()
    assert task["created_at"].endswith("Z")
    assert pg_client.get(f"/api/{bob.id}/tasks/{task['id']}", headers=bob.headers).status_code == 404

    answer = pg_client.post(f"/api/{alice.id}/chat", json={"message": "Mark task 1 as complete"},
                            headers=alice.headers).json()
    assert answer["tool_calls"][0]["status"] == "success"
    assert pg_client.get(f"/api/{alice.id}/tasks/1", headers=alice.headers).json()["completed"] is True

    thread_id, events = new_thread(pg_client, alice, "What's pending?")
    assert events[-1].type != "error"
    listed = pg_client.post("/api/chatkit", content=ThreadsListReq(params=ThreadListParams()).model_dump_json(),
                            headers=alice.headers).json()
    assert {t["id"] for t in listed["data"]} >= {thread_id}
    conversations = pg_client.get("/api/conversations", headers=alice.headers).json()["conversations"]
    assert len(conversations) == 2
    assert pg_client.get("/api/conversations", headers=bob.headers).json()["conversations"] == []


def test_duplicate_email_is_409_on_postgres_too(pg_client):
    Account(pg_client, "same@example.com")
    response = pg_client.post("/api/auth/signup", json={"email": "SAME@example.com", "password": "long-enough-1"})
    assert response.status_code == 409


def test_pool_settings_reach_the_engine(postgres_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_SIZE", "3")
    monkeypatch.setenv("DATABASE_MAX_OVERFLOW", "4")
    use_data_dir(tmp_path, postgres_url)
    try:
        pool = db.get_engine().pool
        assert (pool.size(), pool._max_overflow) == (3, 4)
    finally:
        monkeypatch.undo()
        use_data_dir(tmp_path)
