"""ChatKit renders an `offer_choices` prompt as a widget with one button per choice; a button sends
that choice's message as the user's next message (issue 17's choices interface)."""

from __future__ import annotations

from chatkit.actions import Action
from chatkit.types import ThreadCustomActionParams, ThreadsCustomActionReq
from sqlmodel import select

from tests.api.test_chatkit import done_items, fresh_server, new_thread, stream  # noqa: F401 (fixture)
from todo_chat.models import Task


def test_choices_show_as_buttons_and_a_button_answers(client, alice, session):
    for title in ("Call mom", "Call dad"):
        client.post(f"/api/{alice.id}/tasks", json={"title": title}, headers=alice.headers)
    thread_id, events = new_thread(client, alice, "delete the call task")
    widget = [w for w in done_items(events, "widget") if w.widget.key == "choices"][0]
    shown = widget.widget.model_dump_json()
    assert "Call mom (#1)" in shown and "Call dad (#2)" in shown and "delete task 2" in shown
    chosen = Action(type="choice.pick", payload={"message": "delete task 2"})
    pick = ThreadsCustomActionReq(params=ThreadCustomActionParams(
        thread_id=thread_id, item_id=widget.id, action=chosen))
    answered = stream(client, alice, pick)
    assert done_items(answered, "user_message")[0].content[0].text == "delete task 2"
    session.expire_all()
    assert [t.title for t in session.exec(select(Task)).all()] == ["Call mom"]
