"""A ChatKit `Store` over our conversations: one conversation model for every door.

Thread = Conversation (by `thread_id`), thread item = Message (by `item_id`). Items that ChatKit
created keep their full JSON in `payload`; messages written by the Phase III endpoint have text
only and are rebuilt into ChatKit items here.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from chatkit.store import AttachmentStore, NotFoundError, Store, StoreItemType
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    Attachment,
    AttachmentCreateParams,
    AttachmentUploadDescriptor,
    CustomTask,
    FileAttachment,
    ImageAttachment,
    InferenceOptions,
    Page,
    TaskItem,
    ThreadItem,
    ThreadMetadata,
    UserMessageItem,
    UserMessageTextContent,
)
from pydantic import TypeAdapter
from sqlmodel import Session

from todo_chat.core.db import run_db
from todo_chat.core.security import auth_secret
from todo_chat.models import Attachment as AttachmentRow
from todo_chat.models import Conversation, ItemRole, Message, ToolCallStatus, User
from todo_chat.services import attachments, conversations, tokens
from todo_chat.services.conversations import MessagePage
from todo_chat.services.errors import NotFound

T = TypeVar("T")

_ITEM: TypeAdapter[ThreadItem] = TypeAdapter(ThreadItem)
_PREFIX = {"thread": "thr", "message": "msg", "tool_call": "tc", "task": "tsk", "workflow": "wf",
           "attachment": "atc", "sdk_hidden_context": "shcx"}


@dataclass
class RequestContext:
    """Who is asking, and where they reach us (for upload and preview URLs: the configured
    API_URL, never a request's Host header), and the login session of their token."""

    user: User
    base_url: str = "http://localhost:8000"
    session_id: str = ""


def from_chatkit(value: datetime) -> datetime:
    """ChatKit stamps items with naive local `datetime.now()`: make it aware UTC."""
    return value.astimezone(UTC)


# --- converting rows <-> ChatKit items -------------------------------------------------------

def item_text(item: ThreadItem) -> str:
    if isinstance(item, (UserMessageItem, AssistantMessageItem)):
        return "".join(getattr(part, "text", "") for part in item.content)
    return getattr(item, "copy_text", None) or ""


def item_role(item: ThreadItem) -> ItemRole:
    return ItemRole({"user_message": "user", "assistant_message": "assistant"}.get(item.type, item.type))


def row_to_item(row: Message, thread_id: str) -> ThreadItem:
    # A payload is a ChatKit item (tagged by its `type`) when ChatKit saved the row; a reply the
    # runner saved carries other data there (a stopped one: `{"status": "stopped"}`).
    if row.payload and "type" in row.payload:
        return _ITEM.validate_python({**row.payload, "thread_id": thread_id})
    common = {"id": row.item_id, "thread_id": thread_id, "created_at": row.created_at}
    if row.role == ItemRole.task:  # a tool call saved without ChatKit: "add_task: success"
        ok = row.status == ToolCallStatus.success
        return TaskItem(**common, task=CustomTask(title=row.content, status_indicator="complete",
                                                  icon="check-circle-filled" if ok else "info"))
    if row.role == ItemRole.user:
        return UserMessageItem(**common, content=[UserMessageTextContent(text=row.content)],
                               inference_options=InferenceOptions())
    return AssistantMessageItem(**common, content=[AssistantMessageContent(text=row.content)])


def thread_of(conversation: Conversation) -> ThreadMetadata:
    return ThreadMetadata(id=conversation.thread_id, title=conversation.title,
                          created_at=conversation.created_at,
                          metadata={"conversation_id": conversation.id})


async def in_store(work: Callable[..., T], *args: Any) -> T:
    """A service call as one unit of work, with our NotFound as the ChatKit store's error."""
    try:
        return await run_db(work, *args)
    except NotFound as exc:
        raise NotFoundError(str(exc)) from exc


def _save_thread(session: Session, user: User, thread: ThreadMetadata) -> None:
    try:
        conversation = conversations.get_by_thread_id(session, user, thread.id)
    except NotFound:
        conversations.create_conversation(session, user, thread.title or conversations.DEFAULT_TITLE,
                                          thread.id, created_at=from_chatkit(thread.created_at))
        return
    if thread.title and thread.title != conversation.title:
        conversations.rename_conversation(session, user, conversation.id, thread.title)


def _items_page(session: Session, user: User, thread_id: str, after: str | None, limit: int,
                order: str) -> MessagePage:
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    return conversations.list_items(session, user, conversation, after, limit, "desc" if order == "desc" else "asc")


def _save_item(session: Session, user: User, thread_id: str, item: ThreadItem) -> None:
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    conversations.save_item(session, user, conversation, item.id, item_role(item), item_text(item),
                            item.model_dump(mode="json"), from_chatkit(item.created_at))


def _load_item(session: Session, user: User, thread_id: str, item_id: str) -> Message:
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    return conversations.get_item(session, user, conversation, item_id)


def _delete_item(session: Session, user: User, thread_id: str, item_id: str) -> None:
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    conversations.delete_item(session, user, conversation, item_id)


def _delete_thread(session: Session, user: User, thread_id: str) -> None:
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    conversations.delete_conversation(session, user, conversation.id)


def _attachment_with_thread(session: Session, user: User, attachment_id: str):
    row = attachments.get_attachment(session, user, attachment_id)
    return row, attachments.thread_of_attachment(session, row)


class SQLStore(Store[RequestContext]):
    """Every method is one service call in its own unit of work: the queries live in services."""

    def generate_thread_id(self, context: RequestContext) -> str:
        return conversations.new_id("thr")

    def generate_item_id(self, item_type: StoreItemType, thread: ThreadMetadata,
                         context: RequestContext) -> str:
        return conversations.new_id(_PREFIX[item_type])

    # -- threads ---------------------------------------------------------------------------

    async def load_thread(self, thread_id: str, context: RequestContext) -> ThreadMetadata:
        return thread_of(await in_store(conversations.get_by_thread_id, context.user, thread_id))

    async def save_thread(self, thread: ThreadMetadata, context: RequestContext) -> None:
        await in_store(_save_thread, context.user, thread)

    async def load_threads(self, limit: int, after: str | None, order: str,
                           context: RequestContext) -> Page[ThreadMetadata]:
        rows, has_more = await in_store(conversations.list_threads, context.user, limit, after, order)
        page = [thread_of(c) for c in rows]
        return Page(data=page, has_more=has_more, after=page[-1].id if page else None)

    async def delete_thread(self, thread_id: str, context: RequestContext) -> None:
        await in_store(_delete_thread, context.user, thread_id)

    # -- items -----------------------------------------------------------------------------

    async def load_thread_items(self, thread_id: str, after: str | None, limit: int, order: str,
                                context: RequestContext) -> Page[ThreadItem]:
        page = await in_store(_items_page, context.user, thread_id, after, limit, order)
        items = [row_to_item(r, thread_id) for r in page.items]
        return Page(data=items, has_more=page.has_more, after=items[-1].id if items else None)

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        await self.save_item(thread_id, item, context)

    async def save_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        """Insert or replace an item (ChatKit saves some items twice as they complete)."""
        await in_store(_save_item, context.user, thread_id, item)

    async def load_item(self, thread_id: str, item_id: str, context: RequestContext) -> ThreadItem:
        return row_to_item(await in_store(_load_item, context.user, thread_id, item_id), thread_id)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: RequestContext) -> None:
        await in_store(_delete_item, context.user, thread_id, item_id)

    # -- attachments (metadata here; bytes in FileAttachmentStore) --------------------------

    async def save_attachment(self, attachment: Attachment, context: RequestContext) -> None:
        await in_store(attachments.save_attachment, context.user, attachment.id, attachment.name,
                       attachment.thread_id)

    async def load_attachment(self, attachment_id: str, context: RequestContext) -> Attachment:
        row, thread_id = await in_store(_attachment_with_thread, context.user, attachment_id)
        return attachment_model(row, context, thread_id)

    async def delete_attachment(self, attachment_id: str, context: RequestContext) -> None:
        await in_store(attachments.delete_attachment, context.user, attachment_id)


def preview_signature(attachment_id: str) -> str:
    """Image previews load through <img>, which cannot send a bearer token: sign the URL."""
    return hmac.new(auth_secret().encode(), attachment_id.encode(), hashlib.sha256).hexdigest()[:32]


def attachment_model(row: AttachmentRow, context: RequestContext, thread_id: str | None,
                     uploading: bool = False) -> Attachment:
    base = context.base_url.rstrip("/")
    fields: dict[str, Any] = {"id": row.id, "name": row.name, "mime_type": row.mime_type,
                              "thread_id": thread_id}
    if uploading:
        fields["upload_descriptor"] = AttachmentUploadDescriptor(
            url=f"{base}/api/chatkit/attachments/{row.id}/upload", method="PUT",
            headers={"Authorization": f"Bearer {tokens.client_secret(context.user, context.session_id)}"})
    if row.mime_type.startswith("image/"):
        return ImageAttachment(**fields, preview_url=f"{base}/api/chatkit/attachments/{row.id}"
                                                     f"?sig={preview_signature(row.id)}")
    return FileAttachment(**fields)


class FileAttachmentStore(AttachmentStore[RequestContext]):
    """Two-phase upload: `create_attachment` checks the declared file, the upload writes bytes."""

    async def create_attachment(self, input: AttachmentCreateParams,
                                context: RequestContext) -> Attachment:
        row = await run_db(attachments.create_attachment, context.user, input.name, input.mime_type,
                           input.size)
        return attachment_model(row, context, None, uploading=True)

    async def delete_attachment(self, attachment_id: str, context: RequestContext) -> None:
        await in_store(attachments.get_attachment, context.user, attachment_id)
        attachments.attachment_path(context.user.id, attachment_id).unlink(missing_ok=True)
