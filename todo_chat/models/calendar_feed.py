"""A user's secret calendar feed (a URL calendar apps subscribe to)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow


class CalendarFeed(SQLModel, table=True):
    """A user's secret calendar feed URL: only the secret's SHA-256 is kept; deleting the row
    revokes it."""

    __tablename__ = "calendar_feed"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(Integer, ForeignKey("user.id", ondelete="CASCADE"),
                                          unique=True, nullable=False))
    secret_hash: str = Field(sa_column=Column(String(64), unique=True, index=True, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
