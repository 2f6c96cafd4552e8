"""Usage events: what the client reports (the seeds' analytics endpoints) and what the server
records of its own turns, in one table. A row belongs to one user and goes with the account."""

from __future__ import annotations

from datetime import datetime
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow

NAME_MAX = 64
STATUS_MAX = 16


class EventSource(StrEnum):
    chatkit = "chatkit"  # the ChatKit bridge in the browser
    native = "native"  # the Reflex-native chat view
    server = "server"  # the server's own record of a turn


class EventKind(StrEnum):
    # reported by a client (a user setting turns these off)
    thread_change = "thread_change"
    message_sent = "message_sent"
    # recorded by the server
    turn_started = "turn_started"
    turn_finished = "turn_finished"
    tool_call = "tool_call"
    model_error = "model_error"
    retry = "retry"
    undo = "undo"


CLIENT_KINDS = frozenset({EventKind.thread_change, EventKind.message_sent})


def _enum(kind: type[Enum], length: int) -> Column:
    return Column(SAEnum(kind, native_enum=False, length=length, validate_strings=True,
                         values_callable=lambda kinds: [k.value for k in kinds]), nullable=False)


class AnalyticsEvent(SQLModel, table=True):
    __tablename__ = "analytics_event"
    __table_args__ = (Index("ix_analytics_event_user_kind_created", "user_id", "kind", "created_at"),
                      {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False))
    kind: EventKind = Field(sa_column=_enum(EventKind, 20))
    source: EventSource = Field(sa_column=_enum(EventSource, 10))
    # ChatKit's thread id (a conversation's public id); no foreign key: an event outlives nothing
    # but the account, and a deleted conversation's counts still count.
    thread_id: str | None = Field(default=None, max_length=64)
    # A tool's name, a model error's kind; and the outcome (ok, error, stopped; success...).
    name: str | None = Field(default=None, max_length=NAME_MAX)
    status: str | None = Field(default=None, max_length=STATUS_MAX)
    duration_ms: int | None = None
    # The request (or turn) id that the logs carry too.
    request_id: str | None = Field(default=None, max_length=32)
    # A few small, typed values (message length, attachment count); never message text.
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
