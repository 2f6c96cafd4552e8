from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from todo_chat.core.db import UTCDateTime, utcnow


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    # Stored lower-cased, so the unique index is case-insensitive.
    email: str = Field(max_length=320, unique=True, index=True)
    name: str = Field(default="", max_length=120)
    password_hash: str
    # IANA zone: relative dates ("tomorrow 5pm") are read in it, and due dates are shown in it.
    timezone: str = Field(default="UTC", max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
