"""Conversations over HTTP (what the seeds' sidebar calls): /api/conversations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field, field_validator

from todo_chat.api.deps import ConversationId, CurrentUser, Offset
from todo_chat.api.responses import AUTHED, errors
from todo_chat.core.db import ID_MAX, run_db
from todo_chat.core.text import NOT_BLANK_PATTERN, is_blank, squeeze
from todo_chat.models import ItemRole, ToolCallStatus
from todo_chat.services import conversations

router = APIRouter(prefix="/api/conversations", tags=["conversations"], responses=errors(*AUTHED))
# The REST view is the text of the chat; each message carries its tool calls. Other thread items
# (tool badges, widgets) are ChatKit's view of the same conversation.
TEXT_ROLES = conversations.TEXT_ROLES


class ConversationOut(BaseModel):
    id: int
    thread_id: str
    title: str
    created_at: datetime
    updated_at: datetime


class ConversationList(BaseModel):
    conversations: list[ConversationOut]
    has_more: bool
    limit: int
    offset: int


class ToolCallOut(BaseModel):
    call_id: str
    name: str
    arguments: dict[str, Any]
    status: ToolCallStatus
    result: str
    created_at: datetime


class MessageOut(BaseModel):
    id: int
    item_id: str
    role: ItemRole
    content: str
    created_at: datetime
    tool_calls: list[ToolCallOut] = []


class ConversationDetail(ConversationOut):
    messages: list[MessageOut]
    has_more: bool


class RenameBody(BaseModel):
    title: str = Field(min_length=1, max_length=conversations.TITLE_MAX,
                       json_schema_extra={"pattern": NOT_BLANK_PATTERN})

    @field_validator("title")
    @classmethod
    def _not_blank(cls, title: str) -> str:
        if is_blank(title):
            raise ValueError("Title must not be empty")
        return squeeze(title)


@router.get("")
async def list_conversations(
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0,
    q: Annotated[str, Query(max_length=100, description="search in titles")] = "",
) -> ConversationList:
    rows, has_more = await run_db(conversations.list_conversations, user, limit, offset, q)
    return ConversationList(conversations=[ConversationOut.model_validate(c, from_attributes=True)
                                           for c in rows], has_more=has_more, limit=limit, offset=offset)


@router.get("/{conversation_id}")
async def get_conversation(
    user: CurrentUser, conversation_id: ConversationId,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[int | None, Query(ge=1, le=ID_MAX, description="message id: the page before it")] = None,
) -> ConversationDetail:
    """The conversation with its latest page of messages (oldest first) and their tool calls."""
    conversation, page, calls = await run_db(conversations.conversation_page, user, conversation_id,
                                             limit, before)
    by_message: dict[int, list[ToolCallOut]] = {}
    for call in calls:
        if call.message_id is None:  # not a message's call (never listed with one)
            continue
        by_message.setdefault(call.message_id, []).append(
            ToolCallOut.model_validate(call, from_attributes=True))
    messages = [MessageOut.model_validate(m, from_attributes=True).model_copy(
        update={"tool_calls": by_message.get(m.id, [])}) for m in page.items]
    return ConversationDetail(**ConversationOut.model_validate(conversation, from_attributes=True)
                              .model_dump(), messages=messages, has_more=page.has_more)


@router.patch("/{conversation_id}")
async def rename_conversation(user: CurrentUser, conversation_id: ConversationId, body: RenameBody) -> ConversationOut:
    conversation = await run_db(conversations.rename_conversation, user, conversation_id, body.title)
    return ConversationOut.model_validate(conversation, from_attributes=True)


@router.delete("/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_conversation(user: CurrentUser, conversation_id: ConversationId) -> None:
    await run_db(conversations.delete_conversation, user, conversation_id)
