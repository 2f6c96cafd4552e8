"""The one check every lookup by id makes: the row exists and belongs to the acting user."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, select

from todo_chat.models import User
from todo_chat.services.errors import NotFound

Row = TypeVar("Row", bound=SQLModel)


def get_owned(session: Session, model: type[Row], row_id: object, user: User, label: str) -> Row:
    """The row, or NotFound: another user's row is indistinguishable from a missing one."""
    row = session.get(model, row_id)
    if row is None or getattr(row, "user_id", None) != user.id:
        raise NotFound(f"{label} {row_id} not found")
    return row


def _column(model: type[SQLModel], name: str) -> Any:
    """A table's column by name (the rows these helpers take are any user-owned table)."""
    return getattr(model, name)


def find_owned(session: Session, model: type[Row], field: str, value: object, user: User, label: str) -> Row:
    """Like get_owned, by another unique column (a ChatKit thread or item id)."""
    row = session.exec(
        select(model).where(_column(model, field) == value, _column(model, "user_id") == user.id)
    ).first()
    if row is None:
        raise NotFound(f"{label} {value} not found")
    return row
