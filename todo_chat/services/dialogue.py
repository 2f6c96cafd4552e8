"""The dialogue state a turn reads back: the choices the model's last answer offered, as data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from sqlalchemy import BindParameter, ColumnElement, Select, and_, bindparam, or_
from sqlalchemy import select as columns_of
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


class TextItem(Protocol):
    """What the history needs of a text item: a `Message`, or a row of `recent_with_choices`."""

    @property
    def id(self) -> int | None: ...
    @property
    def role(self) -> ItemRole: ...
    @property
    def content(self) -> str: ...


class AskingCall(Protocol):
    """What the dialogue state needs of a saved call: a `ToolCall`, or a row of `recent_with_choices`."""

    @property
    def call_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def arguments(self) -> dict[str, Any]: ...
    @property
    def result(self) -> str: ...


def _asks(rows: Sequence[TextItem]) -> bool:
    """Whether the last answer (oldest-first `rows`) may have offered choices: it answers a user
    message and has text."""
    return len(rows) >= 2 and rows[-1].role == ItemRole.assistant and bool(rows[-1].content) \
        and rows[-2].role == ItemRole.user


def with_offered_choices(session: Session, user: User, rows: Sequence[TextItem], items: list[dict[str, str]],
                         calls: Sequence[AskingCall] | None = None) -> list[dict[str, str]]:
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


class RecentItem(NamedTuple):
    """A text item as the history reads it: three columns, not a loaded `Message` (a turn reads up
    to HISTORY_LIMIT + 1 of them; loading each as an ORM object was most of opening a turn)."""

    id: int
    role: ItemRole
    content: str


class OfferedCall(NamedTuple):
    """An asking call of a recent user message, as the dialogue state reads it."""

    call_id: str
    name: str
    arguments: dict[str, Any]
    result: str


def recent_with_choices(session: Session, user: User, conversation_id: int,
                        limit: int) -> tuple[list[RecentItem], dict[int, list[OfferedCall]]]:
    """The conversation's last `limit` user/assistant messages, newest first, and in the same
    statement the asking calls (ASKING_TOOLS) of those user messages (by message id): the history and
    the dialogue state in one read, as plain rows."""
    rows = session.execute(_recent_with_choices(),
                           {"conversation_id": conversation_id, "user_id": user.id, "limit": limit}).all()
    messages: list[RecentItem] = []
    calls: dict[int, list[OfferedCall]] = {}
    for item_id, role, content, call_id, name, arguments, result in rows:
        if not messages or messages[-1].id != item_id:
            messages.append(RecentItem(item_id, role, content))
        if call_id is not None:
            calls.setdefault(item_id, []).append(OfferedCall(call_id, name, arguments, result))
    return messages, calls


def _one_of(column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN (values)` for a fixed list, as equalities: SQLAlchemy sends an IN list as an
    "expanding" parameter whose SQL is rewritten at every execution (~45 µs a turn's opening)."""
    return or_(*(column == value for value in values))


@lru_cache(maxsize=1)
def _recent_with_choices() -> Select:
    """The statement of `recent_with_choices`, built once: a subquery and an aliased join cost
    more to construct (about 1 ms) than to run, at every turn."""
    user_id: BindParameter[int] = bindparam("user_id")
    latest = (columns_of(col(Message.id), col(Message.role), col(Message.content))
              .where(col(Message.conversation_id) == bindparam("conversation_id"),
                     col(Message.user_id) == user_id, _one_of(col(Message.role), TEXT_ROLES))
              .order_by(col(Message.id).desc()).limit(bindparam("limit")).subquery())
    offered = and_(col(ToolCall.message_id) == latest.c.id, latest.c.role == ItemRole.user,
                   col(ToolCall.user_id) == user_id, _one_of(col(ToolCall.name), ASKING_TOOLS),
                   col(ToolCall.status) == ToolCallStatus.success)
    return (columns_of(latest.c.id, latest.c.role, latest.c.content, col(ToolCall.call_id), col(ToolCall.name),
                   col(ToolCall.arguments), col(ToolCall.result))
            .select_from(latest).outerjoin(ToolCall, offered).order_by(latest.c.id.desc(), col(ToolCall.id)))
