"""Plain (Core) writes for the rows every chat turn adds, where the ORM's unit of work costs more
than the statement: a conversation's items, its bump, a tool call, the turn's analytics events.

The rows are written in the caller's session and transaction (atomic with the rest of its unit of
work), but the ORM does not track them: nothing in the same unit of work reads them back. A
returned item is *detached*, as every row is once its unit of work has committed
(`expire_on_commit` is off), so a caller that changes it and adds it to a session updates it.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar, cast

from sqlalchemy import Integer, String, Table, Update, bindparam, case, insert, update
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, SQLModel

from todo_chat.models import Conversation, Message

Model = TypeVar("Model", bound=SQLModel)


def table_of(model: type[SQLModel]) -> Table:
    """A model's table, for a plain statement that skips the ORM's unit of work."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _bump_statement() -> Update:
    table = table_of(Conversation)
    return (update(table).where(table.c.id == bindparam("conversation_id"))
            .values(updated_at=bindparam("now"), title=bindparam("new_title")))


def bump(session: Session, conversation: Conversation, now: datetime, title: str) -> None:
    """Move a conversation up (and set its title) with one UPDATE; the object says the same
    without becoming dirty (no second UPDATE at the next flush)."""
    session.execute(_bump_statement(), {"conversation_id": conversation.id, "now": now, "new_title": title})
    set_committed_value(conversation, "updated_at", now)
    set_committed_value(conversation, "title", title)


@lru_cache(maxsize=1)
def _claim_statement() -> Update:
    table = table_of(Conversation)
    untitled = table.c.title == bindparam("default_title", type_=String)
    return (update(table)
            .where(table.c.id == bindparam("conversation_id", type_=Integer),
                   table.c.user_id == bindparam("owner_id", type_=Integer))
            .values(updated_at=bindparam("now"), title=case((untitled, bindparam("new_title", type_=String)),
                                                           else_=table.c.title))
            .returning(*table.c))


def claim(session: Session, user_id: int | None, conversation_id: int, now: datetime, default_title: str,
          new_title: str) -> Conversation | None:
    """The user's conversation, moved up (and titled `new_title` if it still has `default_title`)
    by one UPDATE that returns it: its ownership check, its read and its bump in one statement.
    None when it is not the user's. The conversation comes back detached, as it is now saved."""
    row = session.execute(_claim_statement(), {
        "conversation_id": conversation_id, "owner_id": user_id, "now": now, "default_title": default_title,
        "new_title": new_title}).one_or_none()
    if row is None:
        return None
    conversation = Conversation(**row._mapping)
    make_transient_to_detached(conversation)
    return conversation


def insert_item(session: Session, values: dict[str, Any]) -> Message:
    """INSERT one conversation item (`values`: its columns but the id); the item, detached."""
    result = session.execute(insert(table_of(Message)), values)
    message = Message(id=result.inserted_primary_key[0], **values)  # type: ignore[attr-defined]
    make_transient_to_detached(message)
    return message


def insert_new(session: Session, row: Model) -> Model:
    """INSERT a new row (every column but its id, defaults filled when it was built) with one plain
    statement, then let the session track it as saved: the same unit of work finds this very
    object by its id, and a change to it is flushed like any loaded row's. The ORM's flush of one
    new object cost more than the statement (its unit of work sorts, batches, and fetches back)."""
    table = table_of(type(row))
    values = {column.key: getattr(row, column.key) for column in table.columns if not column.primary_key}
    result = session.execute(insert(table), values)
    row.id = result.inserted_primary_key[0]  # type: ignore[attr-defined]
    make_transient_to_detached(row)  # saved, unchanged since ...
    session.add(row)  # ... and in this session's identity map, as a row read here would be
    return row


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """INSERT rows of one table (each with the same columns) in one statement."""
    if rows:
        session.execute(insert(table_of(model)), rows)
