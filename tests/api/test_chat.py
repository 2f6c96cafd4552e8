"""The Phase III chat endpoint with the embedded offline model, checked against the database."""

import json

import pytest
from agents.testing import ScriptedModel, assistant_message, function_call
from sqlmodel import select

from todo_chat.agent import turn
from todo_chat.core import db
from todo_chat.models import Message, Task, ToolCall


def chat(client, account, message, conversation_id=None, **extra):
    body = {"message": message, **({"conversation_id": conversation_id} if conversation_id else {}), **extra}
    response = client.post(f"/api/{account.id}/chat", json=body, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


def add(client, account, *titles):
    for title in titles:
        client.post(f"/api/{account.id}/tasks", json={"title": title}, headers=account.headers)


def tasks_in_db(session, account):
    session.expire_all()
    return {t.id: t for t in session.exec(select(Task).where(Task.user_id == account.id)).all()}


def test_add_a_task_to_buy_groceries(client, alice, session):
    answer = chat(client, alice, "Add a task to buy groceries")
    assert [c["name"] for c in answer["tool_calls"]] == ["add_task"]
    assert answer["tool_calls"][0]["status"] == "success"
    assert "Buy groceries" in answer["response"]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Buy groceries"]


def test_add_with_due_date_and_priority(client, alice, session):
    chat(client, alice, "Add a task to buy groceries tomorrow, high priority")
    task = next(iter(tasks_in_db(session, alice).values()))
    assert task.title == "Buy groceries" and task.priority.value == "high" and task.due_at is not None and task.all_day


def test_show_me_all_my_tasks(client, alice):
    add(client, alice, "Buy groceries", "Call mom")
    answer = chat(client, alice, "Show me all my tasks")
    assert answer["tool_calls"][0]["name"] == "list_tasks"
    assert answer["tool_calls"][0]["arguments"] == {"status": "all"}
    assert "Buy groceries" in answer["response"] and "Call mom" in answer["response"]


def test_whats_pending_and_what_have_i_completed(client, alice):
    add(client, alice, "Buy groceries", "Call mom")
    chat(client, alice, "Mark task 1 as complete")
    pending = chat(client, alice, "What's pending?")
    assert pending["tool_calls"][0]["arguments"] == {"status": "pending"}
    assert "Call mom" in pending["response"] and "Buy groceries" not in pending["response"]
    done = chat(client, alice, "What have I completed?")
    assert done["tool_calls"][0]["arguments"] == {"status": "completed"}
    assert "Buy groceries" in done["response"] and "Call mom" not in done["response"]


def test_mark_task_3_as_complete(client, alice, session):
    add(client, alice, "One", "Two", "Three")
    answer = chat(client, alice, "Mark task 3 as complete")
    assert answer["tool_calls"][0] == {**answer["tool_calls"][0], "name": "complete_task",
                                       "arguments": {"task_id": 3}, "status": "success"}
    assert {i: t.completed for i, t in tasks_in_db(session, alice).items()} == {1: False, 2: False, 3: True}


def test_delete_the_meeting_task_lists_first_then_deletes_the_match(client, alice, session):
    add(client, alice, "Buy groceries", "Team meeting", "Call mom")
    answer = chat(client, alice, "Delete the meeting task")
    assert [c["name"] for c in answer["tool_calls"]] == ["list_tasks", "delete_task"]
    assert answer["tool_calls"][1]["arguments"] == {"task_id": 2}
    assert sorted(t.title for t in tasks_in_db(session, alice).values()) == ["Buy groceries", "Call mom"]


def test_delete_asks_when_several_match_and_takes_the_number_next_turn(client, alice, session):
    add(client, alice, "Team meeting", "Meeting notes")
    question = chat(client, alice, "Delete the meeting task")
    assert [c["name"] for c in question["tool_calls"]] == ["list_tasks", "offer_choices"]
    assert "Which one" in question["response"] and len(tasks_in_db(session, alice)) == 2
    answer = chat(client, alice, "2", question["conversation_id"])
    assert answer["tool_calls"][0]["arguments"] == {"task_id": 2}
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Team meeting"]


def test_change_task_1(client, alice, session):
    add(client, alice, "Call mum")
    answer = chat(client, alice, "Change task 1 to 'Call mom tonight'")
    assert answer["tool_calls"][0]["arguments"] == {"task_id": 1, "title": "Call mom tonight"}
    assert tasks_in_db(session, alice)[1].title == "Call mom tonight"


def test_i_need_to_remember_to_pay_bills(client, alice, session):
    chat(client, alice, "I need to remember to pay bills")
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay bills"]


def test_unknown_task_is_relayed_not_raised(client, alice):
    answer = chat(client, alice, "Mark task 42 as complete")
    assert answer["tool_calls"][0]["status"] == "error"
    assert "Task 42 not found" in answer["response"]


def test_other_users_tasks_are_out_of_the_agents_reach(client, alice, bob, session):
    add(client, alice, "Alice only")
    answer = chat(client, bob, "Delete task 1")
    assert answer["tool_calls"][0]["status"] == "error" and "not found" in answer["response"]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Alice only"]


def test_greeting_help_and_things_it_cannot_do(client, alice):
    assert "task assistant" in chat(client, alice, "hello")["response"]
    assert "add tasks" in chat(client, alice, "what can you do?")["response"]
    refusal = chat(client, alice, "book me a flight to Paris")
    assert refusal["tool_calls"] == [] and "can only help with your todo list" in refusal["response"]


def test_messages_and_tool_calls_are_stored(client, alice, session):
    answer = chat(client, alice, "Add a task to buy groceries")
    session.expire_all()
    messages = session.exec(select(Message).where(Message.conversation_id == answer["conversation_id"])).all()
    assert [(m.role, m.content) for m in messages] == [
        ("user", "Add a task to buy groceries"), ("task", "add_task: success"), ("assistant", answer["response"])]
    calls = session.exec(select(ToolCall)).all()
    assert [(c.name, c.status, c.message_id) for c in calls] == [("add_task", "success", messages[0].id)]
    assert messages[1].item_id == f"tsk_{calls[0].call_id}"  # the thread item ChatKit shows for it
    assert json.loads(calls[0].result)["status"] == "created"


def test_a_restart_between_turns_loses_nothing(client, alice, session, data_dir):
    add(client, alice, "Team meeting", "Meeting notes")
    first = chat(client, alice, "Delete the meeting task")
    # A new process in all but name: fresh engine, fresh app, nothing carried in memory.
    db.reset_engine()
    from fastapi.testclient import TestClient

    from todo_chat.api.app import create_app

    with TestClient(create_app()) as restarted:
        second = chat(restarted, alice, "the first one", first["conversation_id"])
    assert second["tool_calls"][0]["name"] == "delete_task"
    assert second["tool_calls"][0]["arguments"] == {"task_id": 1}
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Meeting notes"]


def test_model_failure_keeps_the_message_and_retry_succeeds(client, alice, session, monkeypatch):
    model = ScriptedModel([
        {"error": RuntimeError("upstream exploded")},
        [function_call("add_task", {"title": "Pay rent"}, call_id="c1")],
        [assistant_message("Added Pay rent.")],
    ])
    monkeypatch.setattr(turn, "get_model", lambda: model)
    failed = client.post(f"/api/{alice.id}/chat", json={"message": "add pay rent"}, headers=alice.headers)
    assert failed.status_code == 502
    body = failed.json()
    assert body["retryable"] is True and "retry" in body["detail"].lower()
    assert "exploded" not in body["detail"]  # no internals leak to the user
    session.expire_all()
    saved = session.exec(select(Message)).all()
    assert [(m.role, m.content) for m in saved] == [("user", "add pay rent")]

    retried = chat(client, alice, "", body["conversation_id"], retry=True)
    assert retried["response"] == "Added Pay rent." and retried["tool_calls"][0]["status"] == "success"
    session.expire_all()
    assert [m.role for m in session.exec(select(Message)).all()] == ["user", "task", "assistant"]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]


def test_resending_the_unanswered_message_does_not_duplicate_it(client, alice, session, monkeypatch):
    model = ScriptedModel([{"error": RuntimeError("boom")}, [assistant_message("ok")]])
    monkeypatch.setattr(turn, "get_model", lambda: model)
    failed = client.post(f"/api/{alice.id}/chat", json={"message": "hi there"}, headers=alice.headers).json()
    chat(client, alice, "hi there", failed["conversation_id"])
    session.expire_all()
    assert [m.content for m in session.exec(select(Message)).all()] == ["hi there", "ok"]


def test_retry_with_nothing_to_retry_is_422(client, alice):
    first = chat(client, alice, "hello")
    response = client.post(f"/api/{alice.id}/chat", headers=alice.headers,
                           json={"conversation_id": first["conversation_id"], "retry": True})
    assert response.status_code == 422 and "Nothing to retry" in response.json()["detail"]


def parse_sse(lines):
    event, events = None, []
    for line in lines:
        if line.startswith("event: "):
            event = line[len("event: "):]
        elif line.startswith("data: "):
            events.append((event, json.loads(line[len("data: "):])))
    return events


def test_sse_streams_deltas_tool_calls_and_done(client, alice):
    add(client, alice, "Buy groceries")
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "Mark task 1 as complete"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["x-accel-buffering"] == "no"
        assert response.headers["cache-control"] == "no-cache"
        events = parse_sse(response.iter_lines())
    names = [name for name, _ in events]
    assert names[0] == "start" and names[-1] == "done"
    assert names.index("tool_call_started") < names.index("tool_call_finished") < names.index("delta")
    started = dict(events)["tool_call_started"]
    assert started["name"] == "complete_task" and started["status"] == "pending"
    assert dict(events)["tool_call_finished"]["status"] == "success"
    deltas = "".join(data["delta"] for name, data in events if name == "delta")
    assert names.count("delta") >= 1 and deltas == events[-1][1]["response"]


def test_sse_reports_model_failure_as_error_event(client, alice, monkeypatch):
    monkeypatch.setattr(turn, "get_model", lambda: ScriptedModel([{"error": RuntimeError("x")}]))
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "hi"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        events = parse_sse(response.iter_lines())
    assert [n for n, _ in events] == ["start", "error"] and events[1][1]["retryable"] is True


@pytest.mark.parametrize(("body", "code"), [
    ({"message": ""}, 422), ({"message": "x" * 4001}, 422), ({"message": "hi", "conversation_id": 999}, 404),
    ({"message": 5}, 422),
])
def test_bad_chat_requests(client, alice, body, code):
    response = client.post(f"/api/{alice.id}/chat", json=body, headers=alice.headers)
    assert response.status_code == code and response.json()["detail"]


def test_chat_auth_rules(client, alice, bob):
    assert client.post(f"/api/{alice.id}/chat", json={"message": "hi"}).status_code == 401
    assert client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=bob.headers).status_code == 403
    mine = chat(client, alice, "hello")
    stolen = client.post(f"/api/{bob.id}/chat", headers=bob.headers,
                         json={"message": "hi", "conversation_id": mine["conversation_id"]})
    assert stolen.status_code == 404
    bad_json = client.post(f"/api/{alice.id}/chat", content=b"{", headers=alice.headers)
    assert bad_json.status_code == 400


async def test_a_consumer_that_stops_early_cancels_the_agent_run(alice, session, data_dir):
    """The Stop button: once the page stops reading, no further tool call may run."""
    from agents.testing import ScriptedModel, assistant_message, function_call

    from todo_chat.agent.turn import ToolCallEvent, begin_turn, run_turn
    from todo_chat.models import User

    user = session.get(User, alice.id)
    model = ScriptedModel([
        [function_call("add_task", {"title": "First"}, call_id="c1")],
        [function_call("add_task", {"title": "Second"}, call_id="c2")],
        [assistant_message("done")],
    ])
    turn = await begin_turn(user, "add two tasks")
    events = run_turn(user, turn, model=model)
    async for event in events:
        if isinstance(event, ToolCallEvent) and event.type == "tool_call_finished":
            break  # stop after the first tool call
    await events.aclose()
    import asyncio

    await asyncio.sleep(0.2)
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["First"]
