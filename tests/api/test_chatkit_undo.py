"""ChatKit's door onto undo and bulk deletion (offline model): a turn that changed tasks ends with
an Undo widget whose button (the server's `action` handler) reverts it and turns into Redo;
"undo" in chat is announced; a bulk deletion asks with the choices widget, cancel deletes nothing."""

from __future__ import annotations

from chatkit.actions import Action
from chatkit.types import (
    ThreadAddUserMessageParams,
    ThreadCustomActionParams,
    ThreadsAddUserMessageReq,
    ThreadsCustomActionReq,
)

from tests.api.test_chat import tasks_in_db
from tests.api.test_chatkit import done_items, fresh_server, new_thread, stream, text_input  # noqa: F401 (fixture)


def add_message(client, account, thread_id: str, text: str) -> list:
    return stream(client, account, ThreadsAddUserMessageReq(
        params=ThreadAddUserMessageParams(thread_id=thread_id, input=text_input(text))))


def press(client, account, thread_id: str, widget, action: Action) -> list:
    return stream(client, account, ThreadsCustomActionReq(params=ThreadCustomActionParams(
        thread_id=thread_id, item_id=widget.id, action=action)))


def button_action(widget, label: str) -> Action:
    """The action of the widget's button with this label (as ChatKit would send it)."""
    shown = widget.widget.model_dump()
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Button" and node.get("label") == label:
                found.append(node["onClickAction"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(shown)
    assert found, f"no {label} button in {shown}"
    return Action(type=found[0]["type"], payload=found[0].get("payload"))


def test_undo_widget_reverts_the_turn_and_then_redoes(client, alice, session):
    thread_id, events = new_thread(client, alice, "add buy milk")
    [milk] = tasks_in_db(session, alice)
    [widget] = [w for w in done_items(events, "widget") if w.widget.key == "changes"]
    undone = press(client, alice, thread_id, widget, button_action(widget, "Undo"))
    notices = [e for e in undone if e.type == "notice"]
    assert notices and notices[0].title == "Undone" and "Buy milk" in notices[0].message
    [replaced] = [e.item for e in undone if e.type == "thread.item.replaced"]
    assert tasks_in_db(session, alice) == {}
    redone = press(client, alice, thread_id, replaced, button_action(replaced, "Redo"))
    assert [e.title for e in redone if e.type == "notice"] == ["Redone"]
    assert list(tasks_in_db(session, alice)) == [milk]


def test_a_refused_undo_says_why_and_changes_nothing(client, alice, session):
    thread_id, events = new_thread(client, alice, "add buy milk")
    [milk] = tasks_in_db(session, alice)
    assert client.put(f"/api/{alice.id}/tasks/{milk}", json={"title": "Buy oat milk"},
                      headers=alice.headers).status_code == 200
    [widget] = [w for w in done_items(events, "widget") if w.widget.key == "changes"]
    refused = press(client, alice, thread_id, widget, button_action(widget, "Undo"))
    assert [e.title for e in refused if e.type == "notice"] == ["Nothing undone"]
    assert tasks_in_db(session, alice)[milk].title == "Buy oat milk"


def test_undo_in_chat_is_announced(client, alice, session):
    thread_id, _ = new_thread(client, alice, "add buy milk")
    events = add_message(client, alice, thread_id, "undo that")
    assert [e.title for e in events if e.type == "notice"] == ["Undone"]
    assert tasks_in_db(session, alice) == {}


def test_a_bulk_deletion_asks_with_buttons_and_cancel_deletes_nothing(client, alice, session):
    for title in ("Old report", "Pay rent", "Old invoice"):
        client.post(f"/api/{alice.id}/tasks", json={"title": title}, headers=alice.headers)
    for task_id in (1, 3):
        client.patch(f"/api/{alice.id}/tasks/{task_id}/complete", headers=alice.headers)
    thread_id, events = new_thread(client, alice, "delete all completed tasks")
    [question] = [w for w in done_items(events, "widget") if w.widget.key == "choices"]
    assert "Delete 2 completed tasks?" in question.widget.model_dump_json()
    press(client, alice, thread_id, question, button_action(question, "Cancel"))
    assert len(tasks_in_db(session, alice)) == 3
    events = add_message(client, alice, thread_id, "delete all completed tasks")
    [question] = [w for w in done_items(events, "widget") if w.widget.key == "choices"]
    confirmed = press(client, alice, thread_id, question, button_action(question, "Delete 2"))
    assert list(tasks_in_db(session, alice)) == [2]
    assert [w.widget.key for w in done_items(confirmed, "widget")] == ["changes"]  # undoable
