"""Personal access tokens: what an MCP client (Claude Desktop, Cursor, the inspector) sends."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow
from todo_chat.models.user import NEVER_REUSE_IDS

NAME_MAX = 80


class TokenScope(StrEnum):
    """What a token may do: `read` lists tasks; `write` also changes them."""

    read = "read"
    write = "write"


class AccessToken(SQLModel, table=True):
    """A token a user made, named and can revoke. Only the SHA-256 of its secret is kept: the
    secret is 256 random bits, so a fast hash is enough (no argon2 on every request)."""

    __tablename__ = "access_token"
    __table_args__ = NEVER_REUSE_IDS

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    name: str = Field(max_length=NAME_MAX)
    scope: TokenScope = Field(sa_column=Column(
        SAEnum(TokenScope, native_enum=False, length=10, validate_strings=True,
               values_callable=lambda kinds: [k.value for k in kinds]), nullable=False))
    token_hash: str = Field(max_length=64, unique=True, index=True)
    # The first characters of the token, so a person can tell their tokens apart.
    hint: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    last_used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    expires_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
