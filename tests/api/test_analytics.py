"""The seeds' analytics endpoints, the server's own turn events, and the analytics setting."""

from __future__ import annotations

import pytest
from agents.testing import ScriptedModel, assistant_message, function_call
from sqlmodel import select

from tests.api.test_model_server import chat_ok
from tests.fake_openai import context_overflow, text
from todo_chat.agent import turn
from todo_chat.core import config
from todo_chat.models import AnalyticsEvent, EventKind, EventSource


def chat(client, account, message, **extra):
    response = client.post(f"/api/{account.id}/chat", json={"message": message, **extra}, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


def thread_of(client, account) -> str:
    conversation_id = chat(client, account, "hello")["conversation_id"]
    return client.get(f"/api/conversations/{conversation_id}", headers=account.headers).json()["thread_id"]


def events_of(session, account, *kinds: EventKind) -> list[AnalyticsEvent]:
    session.expire_all()
    query = select(AnalyticsEvent).where(AnalyticsEvent.user_id == account.id)
    if kinds:
        query = query.where(AnalyticsEvent.kind.in_(kinds))  # type: ignore[attr-defined]
    return list(session.exec(query.order_by(AnalyticsEvent.id)).all())


def test_thread_change_and_message_are_stored_for_their_user(client, alice, session):
    thread = thread_of(client, alice)
    changed = client.post("/api/analytics/thread-change", json={"threadId": thread}, headers=alice.headers)
    assert changed.status_code == 202 and changed.json() == {"stored": True}
    sent = client.post("/api/analytics/message", headers=alice.headers,
                       json={"threadId": thread, "source": "native", "length": 12, "text": "not kept"})
    assert sent.status_code == 202 and sent.json() == {"stored": True}
    new_thread = client.post("/api/analytics/thread-change", json={"threadId": None}, headers=alice.headers)
    assert new_thread.status_code == 202

    stored = events_of(session, alice, *EventKind.__members__.values())
    client_rows = [e for e in stored if e.source != EventSource.server]
    assert [(e.kind, e.source, e.thread_id) for e in client_rows] == [
        (EventKind.thread_change, EventSource.chatkit, thread),
        (EventKind.message_sent, EventSource.native, thread),
        (EventKind.thread_change, EventSource.chatkit, None)]
    assert client_rows[1].data == {"length": 12, "attachments": 0}  # counts only, never the text
    mine = client.get("/api/analytics/events", headers=alice.headers).json()
    assert {e["kind"] for e in mine} >= {"thread_change", "message_sent", "turn_finished"}


def test_other_users_threads_and_anonymous_writes_are_refused(client, alice, bob, session):
    thread = thread_of(client, alice)
    for path, body in (("thread-change", {"threadId": thread}), ("message", {"threadId": thread, "length": 3})):
        assert client.post(f"/api/analytics/{path}", json=body, headers=bob.headers).status_code == 404
        anonymous = client.post(f"/api/analytics/{path}", json=body)
        assert anonymous.status_code == 401 and anonymous.json()["detail"] == "Not authenticated"
        forged = client.post(f"/api/analytics/{path}", json=body, headers={"Authorization": "Bearer forged"})
        assert forged.status_code == 401
    assert events_of(session, bob) == []
    assert [e for e in events_of(session, alice) if e.source != EventSource.server] == []
    assert client.get("/api/analytics/events", headers=bob.headers).json() == []


@pytest.mark.parametrize("body", [
    {"threadId": "x" * 65}, {"threadId": "bad id; drop"}, {"length": -1}, {"length": 10**9},
    {"attachments": 1000}, {"source": "server"},
])
def test_out_of_bounds_fields_are_422(client, alice, body):
    response = client.post("/api/analytics/message", json=body, headers=alice.headers)
    assert response.status_code == 422 and response.json()["detail"]


def test_a_large_body_is_413_before_it_is_read(client, alice, session):
    response = client.post("/api/analytics/message", headers=alice.headers,
                           content=b'{"length": 1, "pad": "' + b"x" * 5000 + b'"}')
    assert response.status_code == 413 and "at most" in response.json()["detail"]

    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    chunked = client.post("/api/analytics/message", headers=alice.headers, content=chunks())
    assert chunked.status_code == 413
    assert events_of(session, alice) == []


def test_analytics_writes_are_rate_limited(client, alice, monkeypatch):
    monkeypatch.setenv("ANALYTICS_EVENTS_PER_USER", "3/minute")
    config.get_settings.cache_clear()
    codes = [client.post("/api/analytics/thread-change", json={}, headers=alice.headers).status_code
             for _ in range(4)]
    assert codes == [202, 202, 202, 429]
    monkeypatch.delenv("ANALYTICS_EVENTS_PER_USER")
    config.get_settings.cache_clear()


def test_the_setting_turns_client_analytics_off(client, alice, session):
    client.post("/api/analytics/thread-change", json={}, headers=alice.headers)
    assert client.get("/api/auth/me", headers=alice.headers).json()["analytics_enabled"] is True
    off = client.patch("/api/auth/me", json={"analytics_enabled": False}, headers=alice.headers)
    assert off.status_code == 200 and off.json()["analytics_enabled"] is False
    assert events_of(session, alice) == []  # what the client had reported is forgotten too
    ignored = client.post("/api/analytics/message", json={"length": 4}, headers=alice.headers)
    assert ignored.status_code == 202 and ignored.json() == {"stored": False}
    assert events_of(session, alice) == []
    client.patch("/api/auth/me", json={"analytics_enabled": True}, headers=alice.headers)
    assert client.post("/api/analytics/message", json={}, headers=alice.headers).json() == {"stored": True}


def test_deleting_the_account_removes_its_events(client, alice, bob, session):
    client.post("/api/analytics/thread-change", json={}, headers=alice.headers)
    client.post("/api/analytics/thread-change", json={}, headers=bob.headers)
    chat(client, alice, "add a task to water the plants")
    assert len(events_of(session, alice)) >= 4
    deleted = client.request("DELETE", "/api/auth/me", json={"password": alice.password}, headers=alice.headers)
    assert deleted.status_code == 204
    assert events_of(session, alice) == [] and len(events_of(session, bob)) == 1


def test_a_turn_records_its_start_tool_calls_and_end(client, alice, session):
    answer = chat(client, alice, "add a task to buy milk")
    rows = events_of(session, alice)
    assert [e.kind for e in rows] == [EventKind.turn_started, EventKind.tool_call, EventKind.turn_finished]
    assert all(e.source == EventSource.server for e in rows)
    assert (rows[1].name, rows[1].status) == ("add_task", "success")
    assert rows[2].status == "ok" and rows[2].duration_ms is not None and rows[2].duration_ms >= 0
    assert rows[0].request_id and len({e.request_id for e in rows}) == 1  # one id follows the turn
    thread = client.get(f"/api/conversations/{answer['conversation_id']}", headers=alice.headers).json()["thread_id"]
    assert {e.thread_id for e in rows} == {thread}


def test_a_model_error_and_a_retry_are_recorded(client, alice, session, monkeypatch):
    model = ScriptedModel([
        {"error": RuntimeError("upstream exploded")},
        [function_call("add_task", {"title": "Pay rent"}, call_id="c1")],
        [assistant_message("Added Pay rent.")],
    ])
    monkeypatch.setattr(turn, "get_model", lambda: model)
    failed = client.post(f"/api/{alice.id}/chat", json={"message": "add pay rent"}, headers=alice.headers)
    assert failed.status_code == 502
    chat(client, alice, "", conversation_id=failed.json()["conversation_id"], retry=True)
    rows = events_of(session, alice)
    assert [(e.kind, e.name or e.status) for e in rows] == [
        (EventKind.turn_started, None), (EventKind.model_error, "RuntimeError"), (EventKind.turn_finished, "error"),
        (EventKind.retry, "user"),
        (EventKind.turn_started, None), (EventKind.tool_call, "add_task"), (EventKind.turn_finished, "ok")]


def test_a_request_id_is_echoed_and_a_sane_one_kept(client, alice):
    given = client.get("/api/auth/me", headers={**alice.headers, "X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = client.get("/api/auth/me", headers={**alice.headers, "X-Request-ID": "no good;"})
    assert made.headers["x-request-id"] != "no good;" and len(made.headers["x-request-id"]) == 16


def test_a_context_overflow_retry_is_recorded(client, alice, session, fake_openai):
    fake_openai.script(text("one"))
    conversation = chat_ok(client, alice, "first")["conversation_id"]
    fake_openai.script(context_overflow(), text("two"))
    assert chat_ok(client, alice, "second", conversation)["response"] == "two"
    rows = events_of(session, alice)
    assert [(e.kind, e.status) for e in rows][-3:] == [
        (EventKind.turn_started, None), (EventKind.retry, "context_overflow"), (EventKind.turn_finished, "ok")]


def test_a_turn_writes_its_events_with_its_answer(client, alice, session, monkeypatch):
    # One unit of work (one commit, one thread hand-off) saves the answer and the turn's events:
    # the record's own unit of work runs only when a turn fails or is stopped.
    from todo_chat.services import analytics

    own_writes: list[object] = []
    real_run_db = analytics.run_db

    async def counting(work, *args, **kwargs):
        own_writes.append(work)
        return await real_run_db(work, *args, **kwargs)

    monkeypatch.setattr(analytics, "run_db", counting)
    chat(client, alice, "add a task to buy milk")
    assert own_writes == []
    kinds = [e.kind for e in events_of(session, alice)]
    assert kinds == [EventKind.turn_started, EventKind.tool_call, EventKind.turn_finished]
