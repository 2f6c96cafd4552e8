"""ChatKit's Undo: after a turn that changed tasks, a small widget says so with an Undo button;
the button (the server's `action` handler) reverts the turn's changes in one unit of work and
the widget is replaced by what was undone, with Redo (undoing that undo), and so on.

A bulk deletion's question (`delete_tasks` preview) shows with the choices widget, like
`offer_choices`: the preview's result carries the same question and choices.
"""

from __future__ import annotations

from typing import Any

from chatkit.actions import ActionConfig
from chatkit.widgets import Button, ListView, ListViewItem, Row, Text
from sqlmodel import Session

from todo_chat.agent.change_tools import changes_tasks
from todo_chat.agent.turn import ToolCallEvent
from todo_chat.models import ToolCallStatus, User
from todo_chat.services import conversations, journal, undo
from todo_chat.services.undo import UndoResult

UNDO = "changes.undo"  # server side: payload {"batch"}: revert that batch (an undo's batch: redo)
KEY = "changes"


def changed(calls: list[ToolCallEvent]) -> list[ToolCallEvent]:
    """The turn's calls that changed tasks."""
    return [c for c in calls if changes_tasks(c.name, c.status == ToolCallStatus.success, c.arguments)]


def asks(event: ToolCallEvent) -> dict[str, Any] | None:
    """The question of a bulk deletion's preview (question and choices), if this call is one."""
    result = event.result
    if event.type == "tool_call_finished" and event.name == "delete_tasks" \
            and event.status == ToolCallStatus.success and isinstance(result, dict) \
            and result.get("status") == "confirmation_needed":
        return result
    return None


def turn_widget(message_id: int, calls: list[ToolCallEvent]) -> ListView:
    count = len(changed(calls))
    what = f"Changed tasks ({count} change{'' if count == 1 else 's'})"
    return _widget(what, "Undo", journal.turn_batch(message_id))


def result_widget(done: UndoResult) -> ListView:
    """After an Undo (or a Redo) click: what it did, and the button that takes it back."""
    return _widget(done.summary(), "Undo" if done.redo else "Redo", done.batch)


def _widget(text: str, label: str, batch: str) -> ListView:
    button = Button(label=label, size="sm", variant="outline", iconStart="reload",
                    onClickAction=ActionConfig(type=UNDO, payload={"batch": batch}))
    return ListView(key=KEY, children=[
        ListViewItem(children=[Row(gap=3, align="center", children=[Text(value=text, size="sm"), button])]),
    ])


def undo_batch(session: Session, user: User, thread_id: str, batch: str) -> UndoResult:
    """One unit of work: revert a batch of the thread's conversation (the user's own only)."""
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    return undo.undo_in_conversation(session, user, conversation.id or 0, batch=batch)
