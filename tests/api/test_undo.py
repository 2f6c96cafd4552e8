"""Undo of what the assistant changed, over REST, over chat (the `undo_last_turn` tool) and per
tool call; redo by undoing the undo; conflicts refused with nothing changed. The model is the
fake OpenAI-compatible server, so the tool calls are a real model's, over real HTTP."""

from __future__ import annotations

from sqlmodel import select

from tests.api.test_chat import tasks_in_db
from tests.api.test_model_server import chat_ok
from tests.fake_openai import text, tool_call, tool_calls
from todo_chat.models import JournalEntry, ToolCall


def our_id(session, name: str, **arguments) -> str:
    """Our id of the call (never the fake model server's "call_a": issue 18 files calls under ids
    of our own), found by its tool and arguments."""
    session.expire_all()
    calls = session.exec(select(ToolCall).where(ToolCall.name == name).order_by(ToolCall.id)).all()  # type: ignore[arg-type]
    return next(c.call_id for c in calls if all(c.arguments.get(k) == v for k, v in arguments.items()))


def milk_and_rent(session) -> tuple[str, str]:
    return our_id(session, "add_task", title="Buy milk"), our_id(session, "add_task", title="Pay rent")


def undo(client, account, conversation_id, **body):
    return client.post(f"/api/conversations/{conversation_id}/undo", json=body or None, headers=account.headers)


def add_two(client, alice, fake_openai):
    fake_openai.script(tool_calls([("add_task", {"title": "Buy milk", "tags": ["shop"]}, "call_a"),
                                   ("add_task", {"title": "Pay rent"}, "call_b")]), text("Added both."))
    return chat_ok(client, alice, "add buy milk and pay rent")["conversation_id"]


def test_undo_a_turn_removes_what_it_added_and_undoing_the_undo_redoes(client, alice, session, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    before = {t.id: (t.title, t.tags, t.created_at) for t in tasks_in_db(session, alice).values()}
    assert len(before) == 2
    response = undo(client, alice, conversation)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["redo"] is False and {c["kind"] for c in body["changes"]} == {"deleted"}
    assert sorted(c["title"] for c in body["changes"]) == ["Buy milk", "Pay rent"]  # (the two ran in parallel)
    assert tasks_in_db(session, alice) == {}
    redo = undo(client, alice, conversation).json()
    assert redo["redo"] is True and {c["kind"] for c in redo["changes"]} == {"restored"}
    assert redo["undone_batch"] == body["batch"]
    after = {t.id: (t.title, t.tags, t.created_at) for t in tasks_in_db(session, alice).values()}
    assert after == before  # same ids, tags and history
    # And once more: undo of the redo takes them away again.
    again = undo(client, alice, conversation).json()  # an undo again (of the redo), not a redo
    assert again["redo"] is False and {c["kind"] for c in again["changes"]} == {"deleted"}
    assert tasks_in_db(session, alice) == {}


def test_undo_brings_a_deleted_task_back_with_its_id_history_and_tags(client, alice, session, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    milk = next(t for t in tasks_in_db(session, alice).values() if t.title == "Buy milk")
    fake_openai.script(tool_call("complete_task", {"task_id": milk.id}, "call_c"), text("Done."))
    chat_ok(client, alice, "milk is done", conversation)
    done = tasks_in_db(session, alice)[milk.id]
    shown = (done.title, done.tags, done.completed, done.created_at, done.updated_at)
    fake_openai.script(tool_call("delete_task", {"task_id": milk.id}, "call_d"), text("Deleted."))
    chat_ok(client, alice, "delete the milk task", conversation)
    assert milk.id not in tasks_in_db(session, alice)
    body = undo(client, alice, conversation).json()
    assert [(c["task_id"], c["kind"], c["undid"]) for c in body["changes"]] == [(milk.id, "restored", "deleted")]
    back = tasks_in_db(session, alice)[milk.id]
    assert (back.title, back.tags, back.completed, back.created_at, back.updated_at) == shown
    # "Undo" again would redo (the newest standing change is the undo): an older change is
    # undone by its tool call.
    body = undo(client, alice, conversation, call_id=our_id(session, "complete_task")).json()
    assert [(c["kind"], c["undid"]) for c in body["changes"]] == [("reopened", "completed")]
    assert tasks_in_db(session, alice)[milk.id].completed is False


def test_undo_of_an_edit_sets_every_field_back(client, alice, session, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    rent = next(t for t in tasks_in_db(session, alice).values() if t.title == "Pay rent")
    fake_openai.script(tool_call("update_task", {"task_id": rent.id, "title": "Pay the rent", "priority": "high",
                                                 "due_date": "2026-12-24", "tags": ["home"]}, "call_e"),
                       text("Updated."))
    chat_ok(client, alice, "rename it", conversation)
    assert tasks_in_db(session, alice)[rent.id].title == "Pay the rent"
    body = undo(client, alice, conversation).json()
    assert [(c["kind"], c["undid"]) for c in body["changes"]] == [("updated", "updated")]
    back = tasks_in_db(session, alice)[rent.id]
    assert (back.title, back.priority.value, back.due_at, back.tags) == ("Pay rent", "medium", None, [])


def test_undo_one_tool_call_only(client, alice, session, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    call_a, _ = milk_and_rent(session)
    body = undo(client, alice, conversation, call_id=call_a).json()
    assert [c["title"] for c in body["changes"]] == ["Buy milk"]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]
    # The undo of a call is filed under it: undoing the call again redoes (the badge's Redo).
    redo = undo(client, alice, conversation, call_id=call_a).json()
    assert redo["redo"] is True and [c["kind"] for c in redo["changes"]] == ["restored"]
    assert sorted(t.title for t in tasks_in_db(session, alice).values()) == ["Buy milk", "Pay rent"]


def test_badge_states_follow_undo_and_redo(client, alice, session, fake_openai):
    from todo_chat.models import User
    from todo_chat.services.undo import call_states

    conversation = add_two(client, alice, fake_openai)
    user = session.get(User, alice.id)

    def states():
        session.expire_all()
        return call_states(session, user, conversation)

    call_a, call_b = milk_and_rent(session)
    assert states() == {call_a: "undo", call_b: "undo"}
    undo(client, alice, conversation, call_id=call_a)
    assert states() == {call_a: "redo", call_b: "undo"}
    undo(client, alice, conversation, call_id=call_a)
    assert states() == {call_a: "undo", call_b: "undo"}


def test_a_whole_turn_undo_lets_each_badge_redo_its_own_part(client, alice, session, fake_openai):
    from todo_chat.models import User
    from todo_chat.services.undo import call_states

    conversation = add_two(client, alice, fake_openai)
    call_a, call_b = milk_and_rent(session)
    undo(client, alice, conversation)
    session.expire_all()
    assert call_states(session, session.get(User, alice.id), conversation) == {call_a: "redo", call_b: "redo"}
    body = undo(client, alice, conversation, call_id=call_b).json()
    assert body["redo"] is True and [c["title"] for c in body["changes"]] == ["Pay rent"]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]


def test_an_undo_whose_task_changed_since_is_refused_and_changes_nothing(client, alice, session, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    milk = next(t for t in tasks_in_db(session, alice).values() if t.title == "Buy milk")
    # The person edits the task by hand (not journaled): the assistant's add must not be undone.
    changed = client.put(f"/api/{alice.id}/tasks/{milk.id}", json={"title": "Buy oat milk"}, headers=alice.headers)
    assert changed.status_code == 200
    response = undo(client, alice, conversation)
    assert response.status_code == 409
    assert "changed after" in response.json()["detail"] and "Buy milk" in response.json()["detail"]
    assert sorted(t.title for t in tasks_in_db(session, alice).values()) == ["Buy oat milk", "Pay rent"]
    session.expire_all()
    assert all(e.undone_by is None for e in session.exec(select(JournalEntry)).all())


def test_undo_by_chat_and_undo_again_redoes(client, alice, session, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    fake_openai.script(tool_call("undo_last_turn", {}, "call_u"), text("Undone."))
    answer = chat_ok(client, alice, "undo that", conversation)
    [call] = answer["tool_calls"]
    assert call["status"] == "success" and call["result"]["status"] == "undone"
    assert "Buy milk" in call["result"]["summary"]
    assert tasks_in_db(session, alice) == {}
    fake_openai.script(tool_call("undo_last_turn", {}, "call_v"), text("Redone."))
    answer = chat_ok(client, alice, "undo", conversation)
    assert answer["tool_calls"][0]["result"]["status"] == "redone"
    assert sorted(t.title for t in tasks_in_db(session, alice).values()) == ["Buy milk", "Pay rent"]
    # The chat undo is a change like any other: the REST door undoes it (the redo) too.
    assert undo(client, alice, conversation).json()["redo"] is False  # undoing the redo is an undo
    assert tasks_in_db(session, alice) == {}


def test_undo_is_the_users_own_and_answers_json(client, alice, bob, fake_openai):
    conversation = add_two(client, alice, fake_openai)
    assert undo(client, bob, conversation).status_code == 404
    assert client.post(f"/api/conversations/{conversation}/undo").status_code == 401
    fake_openai.script(text("Hello."))
    empty = chat_ok(client, bob, "hi")["conversation_id"]
    response = undo(client, bob, empty)
    assert response.status_code == 404 and "Nothing to undo" in response.json()["detail"]


def test_chatkit_shows_an_undo_in_chat_as_a_notice(client, alice, session, fake_openai):
    from chatkit.types import ThreadAddUserMessageParams, ThreadsAddUserMessageReq

    from tests.api.test_chatkit import new_thread, stream, text_input

    fake_openai.script(tool_call("add_task", {"title": "Buy milk"}, "call_k"), text("Added."))
    thread_id, _ = new_thread(client, alice, "add buy milk")
    fake_openai.script(tool_call("undo_last_turn", {}, "call_ku"), text("Undone."))
    events = stream(client, alice, ThreadsAddUserMessageReq(params=ThreadAddUserMessageParams(
        thread_id=thread_id, input=text_input("undo that"))))
    [notice] = [e for e in events if e.type == "notice"]
    assert notice.title == "Undone" and "Buy milk" in notice.message
    assert tasks_in_db(session, alice) == {}
    fake_openai.script(tool_call("undo_last_turn", {}, "call_kv"), text("Redone."))
    events = stream(client, alice, ThreadsAddUserMessageReq(params=ThreadAddUserMessageParams(
        thread_id=thread_id, input=text_input("undo"))))
    assert [e.title for e in events if e.type == "notice"] == ["Redone"]
    [milk] = tasks_in_db(session, alice)
    client.put(f"/api/{alice.id}/tasks/{milk}", json={"title": "Buy oat milk"}, headers=alice.headers)
    fake_openai.script(tool_call("undo_last_turn", {}, "call_kw"), text("I could not undo that."))
    events = stream(client, alice, ThreadsAddUserMessageReq(params=ThreadAddUserMessageParams(
        thread_id=thread_id, input=text_input("undo"))))
    [notice] = [e for e in events if e.type == "notice"]
    assert notice.level == "warning" and "changed after" in notice.message
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Buy oat milk"]


def test_undo_of_completing_a_repeating_task_also_removes_its_next_occurrence(client, alice, session, fake_openai):
    task = client.post(f"/api/{alice.id}/tasks", json={"title": "Water plants", "due_at": "2026-12-07",
                                                       "recurrence": "FREQ=WEEKLY"}, headers=alice.headers).json()
    fake_openai.script(tool_call("complete_task", {"task_id": task["id"]}, "call_r"), text("Done; next one added."))
    conversation = chat_ok(client, alice, "watered the plants")["conversation_id"]
    assert len(tasks_in_db(session, alice)) == 2
    body = undo(client, alice, conversation).json()
    assert sorted((c["kind"], c["undid"]) for c in body["changes"]) == [("deleted", "created"),
                                                                         ("reopened", "completed")]
    [back] = tasks_in_db(session, alice).values()
    assert back.id == task["id"] and back.completed is False
