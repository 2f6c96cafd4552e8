"""Bulk deletion that asks first: a preview names the tasks that would go; only a confirmation
given in the person's next message deletes them, and only those (still matching) tasks."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from todo_chat.models import ItemRole, Message, Task, ToolCall, ToolCallStatus, User
from todo_chat.services import tasks
from todo_chat.services.errors import Invalid
from todo_chat.services.tasks import StatusFilter, TaskQuery

BULK_MAX = 500


def matching(session: Session, user: User, status: StatusFilter, tag: str | None) -> list[Task]:
    query = TaskQuery(status=status, tag=tag, sort="created", order="asc", limit=BULK_MAX)
    return tasks.list_tasks(session, user, query).items


def _previous_user_message(session: Session, user: User, conversation_id: int, message_id: int) -> int | None:
    return session.exec(select(Message.id).where(
        Message.conversation_id == conversation_id, Message.user_id == user.id, Message.role == ItemRole.user,
        col(Message.id) < message_id).order_by(col(Message.id).desc()).limit(1)).first()


def previewed_ids(session: Session, user: User, conversation_id: int | None, message_id: int | None,
                  tool: str, filters: dict[str, Any]) -> list[int]:
    """The task ids the preview asked about in the turn just before this one, with these filters.

    A confirmation only counts as the person's answer: a preview made in this very turn (the
    model asking and answering itself) or two turns ago (the person said something else) is none."""
    if conversation_id is None or message_id is None:
        raise Invalid("A bulk deletion needs a conversation to ask in")
    previous = _previous_user_message(session, user, conversation_id, message_id)
    calls = session.exec(select(ToolCall).where(
        ToolCall.user_id == user.id, ToolCall.conversation_id == conversation_id, ToolCall.message_id == previous,
        ToolCall.name == tool, ToolCall.status == ToolCallStatus.success).order_by(col(ToolCall.id).desc())).all()
    for call in calls if previous is not None else []:
        result = json.loads(call.result or "{}")
        same = all(call.arguments.get(k) == v for k, v in filters.items() if v is not None)
        if same and not call.arguments.get("confirm") and result.get("status") == "confirmation_needed":
            return [t["id"] for t in result.get("tasks", [])]
    raise Invalid("Not confirmed: call delete_tasks without confirm first, show the person what would be "
                  "deleted, and call it with confirm=true only after they agree in their next message")


def delete_confirmed(session: Session, user: User, ids: list[int], status: StatusFilter,
                     tag: str | None) -> list[Task]:
    """Delete the previewed tasks that still match the filter (one added since is not included)."""
    still = {t.id for t in matching(session, user, status, tag)}
    return [tasks.delete_task(session, user, task_id) for task_id in ids if task_id in still]
