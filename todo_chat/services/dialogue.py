"""The dialogue state a turn reads back: the choices the model's last answer offered, as data."""

from __future__ import annotations

import json
from functools import lru_cache

from sqlalchemy import BindParameter, Select, and_, bindparam
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from todo_chat.models import ItemRole, Message, ToolCall, ToolCallStatus, User

# The tool whose saved call is the dialogue state of a question the model asked (agent.choices).
CHOICES_TOOL = "offer_choices"
# A bulk deletion's preview asks its question in its result (agent.change_tools): dialogue state too.
# What the last turn changed is dialogue state as well: "put it back" undoes a change made just
# before, "redo" follows an undo (the offline model reads these calls, never the reply's prose).
ASKING_TOOLS = (CHOICES_TOOL, "delete_tasks", "add_task", "complete_task", "reopen_task", "delete_task",
                "update_task", "undo_last_turn")
TEXT_ROLES = (ItemRole.user, ItemRole.assistant)


def _asks(rows: list[Message]) -> bool:
    """Whether the last answer (oldest-first `rows`) may have offered choices: it answers a user
    message and has text."""
    return len(rows) >= 2 and rows[-1].role == ItemRole.assistant and bool(rows[-1].content) \
        and rows[-2].role == ItemRole.user


def with_offered_choices(session: Session, user: User, rows: list[Message], items: list[dict[str, str]],
                         calls: list[ToolCall] | None = None) -> list[dict[str, str]]:
    """The choices the last answer offered, as the call and output the model made, before that
    answer: the next turn reads what was offered as data, never from the reply's prose.
    `calls`: the asking calls (ASKING_TOOLS) of the message that answer replied to, when already read
    (`recent_with_choices`); else they are read here."""
    if not _asks(rows):
        return items
    if calls is None:
        calls = list(session.exec(select(ToolCall).where(
            ToolCall.message_id == rows[-2].id, ToolCall.user_id == user.id, col(ToolCall.name).in_(ASKING_TOOLS),
            ToolCall.status == ToolCallStatus.success).order_by(col(ToolCall.id))).all())
    pairs = [item for call in calls for item in (
        {"type": "function_call", "call_id": call.call_id, "name": call.name,
         "arguments": json.dumps(call.arguments, ensure_ascii=False)},
        {"type": "function_call_output", "call_id": call.call_id, "output": call.result})]
    return [*items[:-1], *pairs, items[-1]] if pairs and items else items


def recent_with_choices(session: Session, user: User, conversation_id: int,
                        limit: int) -> tuple[list[Message], dict[int, list[ToolCall]]]:
    """The conversation's last `limit` user/assistant messages, newest first, and in the same
    statement the asking calls (ASKING_TOOLS) of those user messages (by message id): the history and
    the dialogue state in one read."""
    rows = session.exec(_recent_with_choices(),  # type: ignore[call-overload]
                        params={"conversation_id": conversation_id, "user_id": user.id, "limit": limit}).all()
    messages: list[Message] = []
    calls: dict[int, list[ToolCall]] = {}
    for row, call in rows:
        if not messages or messages[-1].id != row.id:
            messages.append(row)
        if call is not None:
            calls.setdefault(row.id, []).append(call)
    return messages, calls


@lru_cache(maxsize=1)
def _recent_with_choices() -> Select:
    """The statement of `recent_with_choices`, built once: a subquery and an aliased join cost
    more to construct (about 1 ms) than to run, at every turn."""
    user_id: BindParameter[int] = bindparam("user_id")
    latest = (select(Message).where(col(Message.conversation_id) == bindparam("conversation_id"),
                                    col(Message.user_id) == user_id, col(Message.role).in_(TEXT_ROLES))
              .order_by(col(Message.id).desc()).limit(bindparam("limit")).subquery())
    message = aliased(Message, latest)
    offered = and_(col(ToolCall.message_id) == col(message.id), col(message.role) == ItemRole.user,
                   col(ToolCall.user_id) == user_id, col(ToolCall.name).in_(ASKING_TOOLS),
                   col(ToolCall.status) == ToolCallStatus.success)
    return select(message, ToolCall).outerjoin(ToolCall, offered).order_by(col(message.id).desc(), col(ToolCall.id))
