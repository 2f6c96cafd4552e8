"""Undo in the native view, desktop and 390 px, against a real model server (tests/fake_openai.py):
Undo and Redo on the badge of each kind of change (add, complete, edit, delete), "undo" in chat
and again to redo, and a bulk deletion that asks first (cancel deletes nothing; confirming deletes
exactly the tasks shown). axe-core finds no serious or critical violation on the new controls,
and the console shows no React error."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.browser import test_native_chat_actions as actions
from tests.browser.conftest import run_axe, shot
from tests.browser.test_native_chat_actions import SIZES, cid, query, react_errors, send, settled
from tests.fake_openai import text, tool_call, tool_calls

pytestmark = pytest.mark.browser
# The same fake model server, app and signed-up page (desktop and 390 px) as the other actions.
model, app, chat = actions.model, actions.app, actions.chat


ALL_THREE = ["Old invoice", "Old report", "Pay rent"]


def eventually(read: Callable[[], object], expected: object, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while (value := read()) != expected:
        assert time.monotonic() < deadline, f"{value!r} != {expected!r}"
        time.sleep(0.2)


def turn(chat, model, message: str, *replies) -> None:
    """One turn, over once its answer is shown (a busy machine may take a while to start it)."""
    answers = chat.locator(".message-assistant")
    before = answers.count()
    model.script(*replies)
    send(chat, message)
    expect(answers).to_have_count(before + 1, timeout=30_000)
    settled(chat)


def task_row(chat, title: str) -> Callable[[], list[tuple]]:
    return lambda: query(chat.db, "SELECT id, title, completed, tags FROM task WHERE user_id = ? AND title = ?",
                         chat.user_id, title)


def titles(chat) -> Callable[[], list[str]]:
    return lambda: sorted(t for (t,) in query(chat.db, "SELECT title FROM task WHERE user_id = ?", chat.user_id))


def click_badge(chat, word: str, tool: str, toast: str) -> None:
    """The badge's Undo or Redo button, and the toast saying what it did."""
    chat.get_by_role("button", name=f"{word} {tool}").last.click()
    expect(chat.get_by_text(toast, exact=False).last).to_be_visible()


def test_undo_and_redo_each_kind_of_change_from_its_badge(chat, model):
    turn(chat, model, "add buy milk",
         tool_call("add_task", {"title": "Buy milk", "tags": ["shop"]}, call_id=cid("c_add")), text("Added."))
    [(milk, _, _, tags)] = task_row(chat, "Buy milk")()
    assert run_axe(chat) == []  # the badge's Undo button
    click_badge(chat, "Undo", "add_task", "Undid 1 change: created")
    eventually(task_row(chat, "Buy milk"), [])
    click_badge(chat, "Redo", "add_task", "Redid 1 change")
    eventually(task_row(chat, "Buy milk"), [(milk, "Buy milk", 0, tags)])  # the same id

    turn(chat, model, "milk is done",
         tool_call("complete_task", {"task_id": milk}, call_id=cid("c_done")), text("Done."))
    eventually(task_row(chat, "Buy milk"), [(milk, "Buy milk", 1, tags)])
    click_badge(chat, "Undo", "complete_task", "Undid 1 change: completed")
    eventually(task_row(chat, "Buy milk"), [(milk, "Buy milk", 0, tags)])
    click_badge(chat, "Redo", "complete_task", "Redid 1 change")
    eventually(task_row(chat, "Buy milk"), [(milk, "Buy milk", 1, tags)])

    turn(chat, model, "call it oat milk",
         tool_call("update_task", {"task_id": milk, "title": "Buy oat milk"}, call_id=cid("c_edit")), text("Renamed."))
    click_badge(chat, "Undo", "update_task", "Undid 1 change: updated")
    eventually(task_row(chat, "Buy milk"), [(milk, "Buy milk", 1, tags)])
    click_badge(chat, "Redo", "update_task", "Redid 1 change")
    eventually(task_row(chat, "Buy oat milk"), [(milk, "Buy oat milk", 1, tags)])

    turn(chat, model, "delete it", tool_call("delete_task", {"task_id": milk}, call_id=cid("c_del")), text("Gone."))
    eventually(task_row(chat, "Buy oat milk"), [])
    click_badge(chat, "Undo", "delete_task", "Undid 1 change: deleted")
    eventually(task_row(chat, "Buy oat milk"), [(milk, "Buy oat milk", 1, tags)])  # its id, state and tags
    shot(chat, f"{chat.label}-undo-badges")
    click_badge(chat, "Redo", "delete_task", "Redid 1 change")
    eventually(task_row(chat, "Buy oat milk"), [])
    # axe reads a toast mid-fade as low contrast: check the page once it is gone.
    expect(chat.locator("[data-sonner-toast]")).to_have_count(0, timeout=10_000)
    assert run_axe(chat) == []
    assert react_errors(chat) == []
    assert chat.evaluate("() => document.documentElement.scrollWidth") <= SIZES[chat.label][0]


def test_undo_in_chat_and_again_to_redo(chat, model):
    turn(chat, model, "add pay rent",
         tool_call("add_task", {"title": "Pay rent"}, call_id=cid("c_rent")), text("Added Pay rent."))
    [(rent, *_)] = task_row(chat, "Pay rent")()
    turn(chat, model, "undo that", tool_call("undo_last_turn", {}, call_id=cid("c_undo")), text("Undone."))
    eventually(task_row(chat, "Pay rent"), [])
    expect(chat.get_by_role("status", name="undo_last_turn: success")).to_be_visible()
    expect(chat.get_by_role("button", name="Redo undo_last_turn")).to_be_visible()  # its badge puts it back
    expect(chat.get_by_role("button", name="Undo add_task")).to_have_count(0)  # that change no longer stands
    turn(chat, model, "undo", tool_call("undo_last_turn", {}, call_id=cid("c_redo")), text("Redone."))
    eventually(lambda: [r[0] for r in task_row(chat, "Pay rent")()], [rent])
    assert react_errors(chat) == []


def test_a_bulk_deletion_asks_first(chat, model):
    adds = [("add_task", {"title": title}, cid("c_a")) for title in ("Old report", "Pay rent", "Old invoice")]
    turn(chat, model, "add three", tool_calls(adds), text("Added three."))
    ids = dict(query(chat.db, "SELECT title, id FROM task WHERE user_id = ?", chat.user_id))
    done = [("complete_task", {"task_id": ids[t]}, cid("c_c")) for t in ("Old report", "Old invoice")]
    turn(chat, model, "both old ones are done", tool_calls(done), text("Completed two."))
    preview = tool_call("delete_tasks", {"status": "completed"}, call_id=cid("c_ask"))

    turn(chat, model, "delete all completed tasks", preview, text("Delete these 2?"))
    question = chat.get_by_role("group", name="Delete 2 completed tasks?")
    expect(question.get_by_role("button")).to_have_count(2)
    assert run_axe(chat) == []  # the question's buttons
    shot(chat, f"{chat.label}-bulk-question")
    eventually(titles(chat), ALL_THREE)  # nothing deleted before the answer
    model.script(text("OK, nothing deleted."))
    question.get_by_role("button", name="Cancel").click()
    expect(chat.get_by_role("log").get_by_text("OK, nothing deleted.")).to_be_visible(timeout=30_000)
    settled(chat)
    assert model.messages()[-1]["content"] == "No, don't delete anything"
    assert titles(chat)() == ALL_THREE

    turn(chat, model, "delete all completed tasks", preview, text("Delete these 2?"))
    model.script(tool_call("delete_tasks", {"status": "completed", "confirm": True}, call_id=cid("c_yes")),
                 text("Deleted 2."))
    chat.get_by_role("group", name="Delete 2 completed tasks?").get_by_role("button", name="Delete 2").click()
    expect(chat.get_by_role("log").get_by_text("Deleted 2.")).to_be_visible(timeout=30_000)
    settled(chat)
    eventually(titles(chat), ["Pay rent"])  # exactly the tasks shown
    click_badge(chat, "Undo", "delete_tasks", "Undid 2 changes")  # and undoable
    eventually(titles(chat), ALL_THREE)
    assert react_errors(chat) == []
