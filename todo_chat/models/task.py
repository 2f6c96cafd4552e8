from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from sqlalchemy import JSON, Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from todo_chat.core.db import UTCDateTime, utcnow
from todo_chat.models.user import NEVER_REUSE_IDS

TITLE_MAX = 200
DESCRIPTION_MAX = 2000


class Priority(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


class Task(SQLModel, table=True):
    __table_args__ = NEVER_REUSE_IDS

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    title: str = Field(max_length=TITLE_MAX)
    description: str = Field(default="", max_length=DESCRIPTION_MAX)
    completed: bool = Field(default=False, index=True)
    priority: Priority | None = Field(default=None)
    due_date: date | None = Field(default=None)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    # An RRULE-like word ("daily", "weekly", "monthly") that a completed task repeats by.
    recurrence: str | None = Field(default=None, max_length=40)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
