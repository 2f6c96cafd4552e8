from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow

# SQLite hands out a deleted newest row's id again unless the table says AUTOINCREMENT: ids are
# never reused (old chat text naming "task #118" must never name someone else's new task).
# PostgreSQL sequences never reuse ids anyway; the option is SQLite's alone.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class User(SQLModel, table=True):
    __table_args__ = NEVER_REUSE_IDS

    id: int = Field(default=None, primary_key=True)  # None until flushed; every row read or flushed has one
    # Stored lower-cased, so the unique index is case-insensitive.
    email: str = Field(max_length=320, unique=True, index=True)
    name: str = Field(default="", max_length=120)
    password_hash: str
    # IANA zone: relative dates ("tomorrow 5pm") are read in it, and due dates are shown in it.
    timezone: str = Field(default="UTC", max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))


class AuthSession(SQLModel, table=True):
    """One login: every token issued for it carries its id (`sid`), so the server can end it.

    It is also the refresh-token family: `refresh_jti` is the one refresh token of the family
    that may still be used. Using any other (an older, already rotated one) means a copy exists
    somewhere: the whole session is revoked.
    """

    __tablename__ = "auth_session"

    id: str = Field(primary_key=True, max_length=32)
    user_id: int = Field(
        sa_column=Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    refresh_jti: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    # When the newest refresh token expires: past it the session is over and may be pruned.
    expires_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False, index=True))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
