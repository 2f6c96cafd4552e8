from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow
from todo_chat.models.user import NEVER_REUSE_IDS

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
TAGS_MAX = 20
TAG_MAX = 40
RECURRENCE_MAX = 200


class Priority(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Task(SQLModel, table=True):
    __table_args__ = NEVER_REUSE_IDS

    id: int = Field(default=None, primary_key=True)  # None until flushed; every row read or flushed has one
    user_id: int = Field(
        sa_column=Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    title: str = Field(max_length=TITLE_MAX)
    description: str = Field(default="", max_length=DESCRIPTION_MAX)
    completed: bool = Field(default=False, index=True)
    priority: Priority = Field(default=Priority.medium)
    # An instant (aware UTC). With `all_day`, only its date in the user's time zone counts: it
    # holds that day's local midnight.
    due_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True, index=True))
    all_day: bool = Field(default=False)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    # An RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=MO"): completing the task creates its next occurrence.
    recurrence: str | None = Field(default=None, max_length=RECURRENCE_MAX)
    remind_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True, index=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
