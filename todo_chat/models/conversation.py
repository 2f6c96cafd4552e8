"""One conversation model shared by every front door (REST chat, ChatKit, the Reflex UI)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, Text
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow
from todo_chat.models.user import NEVER_REUSE_IDS


def _user_fk() -> Column:
    return Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=False)


def _conversation_fk(nullable: bool = False) -> Column:
    return Column(
        Integer, ForeignKey("conversation.id", ondelete="CASCADE"), index=True, nullable=nullable
    )


class ItemRole(StrEnum):
    """What a conversation item is: a message of either side, or another ChatKit thread item."""

    user = "user"
    assistant = "assistant"
    task = "task"  # a tool call's badge
    widget = "widget"
    workflow = "workflow"
    client_tool_call = "client_tool_call"
    generated_image = "generated_image"
    hidden_context = "hidden_context"
    sdk_hidden_context = "sdk_hidden_context"
    end_of_turn = "end_of_turn"


class ToolCallStatus(StrEnum):
    pending = "pending"
    success = "success"
    error = "error"


def _enum_column(enum: type[Enum], length: int, nullable: bool = False) -> Column:
    """An enum kept as its plain value in a VARCHAR: portable, and readable in SQL."""
    return Column(SAEnum(enum, native_enum=False, length=length, validate_strings=True,
                         values_callable=lambda kinds: [k.value for k in kinds]), nullable=nullable)


class Conversation(SQLModel, table=True):
    __table_args__ = NEVER_REUSE_IDS

    id: int = Field(default=None, primary_key=True)  # None until flushed; every row read or flushed has one
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

    __table_args__ = NEVER_REUSE_IDS

    id: int = Field(default=None, primary_key=True)  # None until flushed; every row read or flushed has one
    user_id: int = Field(sa_column=_user_fk())
    conversation_id: int = Field(sa_column=_conversation_fk())
    # ChatKit's item id (string), unique across threads.
    item_id: str = Field(unique=True, index=True, max_length=64)
    role: ItemRole = Field(sa_column=_enum_column(ItemRole, 20))
    content: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # The full ChatKit item as JSON when the item came from ChatKit or has more than text.
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    feedback: str | None = Field(default=None, max_length=20)
    # For a tool call's badge (role task): how the call ended.
    status: ToolCallStatus | None = Field(default=None, sa_column=_enum_column(ToolCallStatus, 10, True))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False, index=True)
    )


class ToolCall(SQLModel, table=True):
    """One tool call of the agent, kept so that badges survive a reload."""

    __table_args__ = NEVER_REUSE_IDS

    id: int = Field(default=None, primary_key=True)  # None until flushed; every row read or flushed has one
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
    status: ToolCallStatus = Field(default=ToolCallStatus.pending,
                                   sa_column=_enum_column(ToolCallStatus, 10))
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
