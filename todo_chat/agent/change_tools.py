"""Tools that change many tasks or take changes back: `delete_tasks` (asks first) and
`undo_last_turn`. They are `TaskTool`s run by `perform` like the task tools (filed, and journaled:
a bulk deletion is undoable; an undo is undoable, which redoes), always in this process, where
the turn's conversation is known: the agent has them beside its door's task tools. With no
conversation (`perform` called without a record) a confirmed deletion is refused and an undo
finds nothing: both answer with an error, never crash."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from sqlmodel import Session

from todo_chat.agent.tool_args import Arguments, _or
from todo_chat.agent.tools import Payload, TaskTool, in_process_tool
from todo_chat.models import User
from todo_chat.services import bulk, journal, tasks, undo

BulkStatus = Annotated[Literal["completed", "pending", "all"], BeforeValidator(_or("completed"))]

DELETE_TASKS = ("Delete many tasks. Without confirm it deletes nothing and returns what would go: ask. "
                "Once the user agrees, call again with the same filters and confirm=true.")
UNDO_LAST_TURN = "Undo your last turn's changes; called again right after, it redoes them."


# Calls that change tasks when they succeed (a bulk deletion only once confirmed): the doors offer
# Undo on them.
CHANGING = frozenset({"add_task", "complete_task", "reopen_task", "delete_task", "update_task", "undo_last_turn"})


def changes_tasks(name: str, succeeded: bool, arguments: dict[str, Any]) -> bool:
    return succeeded and (name in CHANGING or (name == "delete_tasks" and bool(arguments.get("confirm"))))


class DeleteTasks(Arguments):
    status: BulkStatus = Field("completed", description="all: the whole list")
    tag: str | None = None
    confirm: bool = Field(False, description="only after the user agreed")


class NoArguments(Arguments):
    pass


def _which(status: str, tag: str | None) -> str:
    kind = {"completed": "completed ", "pending": "pending ", "all": ""}[status]
    return f"{kind}tasks" + (f" tagged {tag}" if tag else "")


def confirmation(status: str, tag: str | None, found: list[dict[str, Any]]) -> dict[str, Any]:
    """The question and its two answers (the shape of `offer_choices`: each choice's message is the
    unambiguous command sent when it is chosen)."""
    kind = {"completed": "completed ", "pending": "pending ", "all": ""}[status]
    count = f"{len(found)} {kind}task{'' if len(found) == 1 else 's'}" + (f" tagged {tag}" if tag else "")
    return {"question": f"Delete {count}?",
            "choices": [{"label": f"Delete {len(found)}", "message": f"Yes, delete the {count} you listed"},
                        {"label": "Cancel", "message": "No, don't delete anything"}]}


def _turn(session: Session) -> tuple[int | None, int | None]:
    """The conversation and user message of the call running (none over MCP without a chat)."""
    recorder = journal.current(session)
    return (recorder.conversation_id, recorder.message_id) if recorder else (None, None)


def delete_tasks(session: Session, user: User, a: DeleteTasks) -> Payload:
    words = tasks.tag_words([a.tag]) if a.tag else []
    tag = words[0] if words else None
    if not a.confirm:
        found = [{"id": t.id, "title": t.title} for t in bulk.matching(session, user, a.status, tag)]
        if not found:
            return {"status": "nothing_to_delete", "count": 0, "message": f"There are no {_which(a.status, tag)}."}
        return {"status": "confirmation_needed", "count": len(found), "tasks": found,
                "note": "Nothing was deleted. Ask the user, and wait for their answer.",
                **confirmation(a.status, tag, found)}
    conversation_id, message_id = _turn(session)
    ids = bulk.previewed_ids(session, user, conversation_id, message_id, "delete_tasks",
                             {"status": a.status, "tag": tag})
    gone = bulk.delete_confirmed(session, user, ids, a.status, tag)
    return {"status": "deleted", "count": len(gone), "tasks": [{"id": t.id, "title": t.title} for t in gone],
            "note": "The user can say 'undo' to bring them back."}


def undo_last_turn(session: Session, user: User, a: NoArguments) -> Payload:
    conversation_id, message_id = _turn(session)
    scope = undo.Scope(conversation_id=conversation_id, exclude_batch=journal.turn_batch(message_id))
    done = undo.undo(session, user, scope, into=journal.current(session))
    return {"status": "redone" if done.redo else "undone", "summary": done.summary(),
            "changes": [c.model_dump(mode="json") for c in done.changes]}


CHANGE_DEFINITIONS = (
    TaskTool("delete_tasks", DELETE_TASKS, DeleteTasks, delete_tasks),
    TaskTool("undo_last_turn", UNDO_LAST_TURN, NoArguments, undo_last_turn),
)
CHANGE_TOOLS = [in_process_tool(t) for t in CHANGE_DEFINITIONS]
