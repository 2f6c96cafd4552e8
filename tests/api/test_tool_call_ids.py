"""Tool calls are ours to name, and a call whose unit of work failed says so (issue 18).

Model servers choose tool-call ids, and some number them per response: "call_0" in every turn.
Saved as they came, the second turn's call hit the unique index of the first one's badge, its unit
of work rolled back, and the turn still answered "Added …" with nothing added.
"""

from __future__ import annotations

import json

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from tests.api.test_chat import tasks_in_db
from tests.api.test_model_server import chat_ok, post
from tests.fake_openai import text, tool_call
from todo_chat.models import ItemRole, Message, ToolCall


def tool_outputs(fake_openai) -> list[dict]:
    """Every tool output the model was sent, in order, parsed."""
    return [json.loads(m["content"]) for m in fake_openai.messages() if m["role"] == "tool"]


def test_a_server_that_reuses_call_ids_across_turns_adds_every_task(client, alice, session, fake_openai):
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_0"), text("Added Pay rent."),
                       tool_call("add_task", {"title": "Buy milk"}, call_id="call_0"), text("Added Buy milk."))
    first = chat_ok(client, alice, "add pay rent")
    second = chat_ok(client, alice, "add buy milk", first["conversation_id"])
    assert sorted(t.title for t in tasks_in_db(session, alice).values()) == ["Buy milk", "Pay rent"]
    assert [c["status"] for c in first["tool_calls"] + second["tool_calls"]] == ["success", "success"]
    assert json.loads(fake_openai.messages()[-1]["content"])["status"] == "created"
    # Our ids, not the server's: unique, and each badge saved under its own.
    ids = [first["tool_calls"][0]["call_id"], second["tool_calls"][0]["call_id"]]
    assert len(set(ids)) == 2 and "call_0" not in ids
    session.expire_all()
    assert sorted(c.call_id for c in session.exec(select(ToolCall)).all()) == sorted(ids)
    assert len(session.exec(select(Message).where(Message.role == ItemRole.task)).all()) == 2


def test_a_tool_whose_unit_of_work_fails_tells_the_model_and_the_badge(client, alice, session, fake_openai,
                                                                        monkeypatch):
    from todo_chat.services import conversations

    real, failures = conversations.record_tool_call, []

    def fails_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed: message.item_id"))
        return real(*args, **kwargs)

    monkeypatch.setattr(conversations, "record_tool_call", fails_once)
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}), text("Sorry, that did not work."))
    body = chat_ok(client, alice, "add pay rent")
    assert tasks_in_db(session, alice) == {}  # rolled back with the failed unit of work
    [output] = tool_outputs(fake_openai)
    assert "failed and changed nothing" in output["error"]
    [call] = body["tool_calls"]
    assert call["status"] == "error"
    session.expire_all()  # the failed call is still filed, as failed, in a unit of its own
    [saved] = session.exec(select(ToolCall)).all()
    assert (saved.status.value, saved.call_id) == ("error", call["call_id"])


def test_update_task_with_a_bad_due_date_is_a_filed_tool_error(client, alice, session, fake_openai):
    task_id = client.post(f"/api/{alice.id}/tasks", json={"title": "Pay rent"}, headers=alice.headers).json()["id"]
    fake_openai.script(tool_call("update_task", {"task_id": task_id, "due_date": "next blursday"}),
                       text("That date did not work."))
    body = post(client, alice, message="move rent to next blursday").json()
    [call] = body["tool_calls"]
    assert call["status"] == "error" and "YYYY-MM-DD" in call["result"]["error"]
    [output] = tool_outputs(fake_openai)
    assert "YYYY-MM-DD" in output["error"] and "unexpectedly" not in output["error"]
    session.expire_all()
    [saved] = session.exec(select(ToolCall)).all()
    assert saved.name == "update_task" and saved.status.value == "error"


def test_an_sse_client_that_hangs_up_midway_leaves_a_stopped_reply(client, alice, session, fake_openai):
    """The SSE door under the runner's cancel policy: what was sent is saved, marked stopped."""
    import dataclasses
    import time

    from todo_chat.agent.stop import STOPPED_MARK, is_stopped

    fake_openai.script(dataclasses.replace(text("A long answer, piece by piece, to the end", pieces=8), pace_s=0.1))
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "tell me"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        for line in response.iter_lines():
            if line.startswith("event: delta"):
                break
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        session.expire_all()
        saved = session.exec(select(Message).where(Message.role == ItemRole.assistant)).all()
        if saved:
            break
        time.sleep(0.1)
    [reply] = saved
    assert is_stopped(reply) and reply.content.endswith(STOPPED_MARK) and "to the end" not in reply.content
