"""The undo journal: every change the assistant made to a task, with the task before and after."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, String
from sqlmodel import Field, SQLModel

from todo_chat.core.time import UTCDateTime, utcnow
from todo_chat.models.conversation import _enum_column, _user_fk
from todo_chat.models.user import NEVER_REUSE_IDS


class ChangeKind(StrEnum):
    created = "created"
    updated = "updated"
    completed = "completed"
    reopened = "reopened"
    deleted = "deleted"
    restored = "restored"  # an undo brought a deleted task back


class JournalEntry(SQLModel, table=True):
    """One change to one task. `batch` groups what one undo reverts: a turn's changes
    (`msg_<message id>`) or one undo made outside a turn (`undo_<uuid>`)."""

    __tablename__ = "journal_entry"
    __table_args__ = NEVER_REUSE_IDS

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    conversation_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("conversation.id", ondelete="CASCADE"), index=True, nullable=True))
    # The user message whose turn made the change (None for an undo from a button or the API).
    message_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("message.id", ondelete="SET NULL"), nullable=True))
    call_id: str | None = Field(default=None, sa_column=Column(String(128), index=True, nullable=True))
    batch: str = Field(sa_column=Column(String(64), index=True, nullable=False))
    # No foreign key: the task may be gone (deleted), and an undo brings it back by this id.
    task_id: int = Field(index=True)
    kind: ChangeKind = Field(sa_column=_enum_column(ChangeKind, 12))
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # The entry this one reverted (an undo's entries point at what they undid).
    reverts_id: int | None = Field(default=None)
    # 0: the assistant's own change; 1: its undo; 2: the redo; ... (odd: the change was undone).
    generation: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    # The batch of the undo that reverted this entry; None while it stands.
    undone_by: str | None = Field(default=None, sa_column=Column(String(64), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))

