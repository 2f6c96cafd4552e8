"""One conversation model shared by every front door (REST chat, ChatKit, the Reflex UI)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, Text
from sqlmodel import Field, SQLModel

from todo_chat.core.db import UTCDateTime, utcnow


def _user_fk() -> Column:
    return Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False)


def _conversation_fk(nullable: bool = False) -> Column:
    return Column(
        Integer, ForeignKey("conversation.id", ondelete="CASCADE"), index=True, nullable=nullable
    )


class Conversation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    # The id ChatKit knows this conversation by (its thread id).
    thread_id: str = Field(unique=True, index=True, max_length=64)
    title: str = Field(default="New chat", max_length=120)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )


class Message(SQLModel, table=True):
    """One item of a conversation: a user or assistant message, or another ChatKit thread item."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    conversation_id: int = Field(sa_column=_conversation_fk())
    # ChatKit's item id (string), unique across threads.
    item_id: str = Field(unique=True, index=True, max_length=64)
    # "user" | "assistant" for messages; "widget", "workflow", ... for other thread items.
    role: str = Field(max_length=20)
    content: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # The full ChatKit item as JSON when the item came from ChatKit or has more than text.
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    feedback: str | None = Field(default=None, max_length=20)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )


class ToolCall(SQLModel, table=True):
    """One tool call of the agent, kept so that badges survive a reload."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    conversation_id: int = Field(sa_column=_conversation_fk())
    # The user message whose turn made this call: badges show under it.
    message_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("message.id", ondelete="CASCADE"), index=True),
    )
    call_id: str = Field(index=True, max_length=128)
    name: str = Field(max_length=64)
    arguments: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    result: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # "pending" | "success" | "error"
    status: str = Field(default="pending", max_length=10)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))


class Attachment(SQLModel, table=True):
    """An uploaded file: metadata here, bytes on disk under the data dir."""

    id: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(sa_column=_user_fk())
    conversation_id: int | None = Field(default=None, sa_column=_conversation_fk(nullable=True))
    name: str = Field(max_length=255)
    mime_type: str = Field(max_length=100)
    size: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
