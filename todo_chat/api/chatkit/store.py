"""A ChatKit `Store` over our conversations: one conversation model for every door.

Thread = Conversation (by `thread_id`), thread item = Message (by `item_id`). Items that ChatKit
created keep their full JSON in `payload`; messages written by the Phase III endpoint have text
only and are rebuilt into ChatKit items here.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

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
from sqlmodel import Session, col, select

from todo_chat.core.config import get_settings
from todo_chat.core.db import session_scope
from todo_chat.core.security import auth_secret, create_token
from todo_chat.models import Attachment as AttachmentRow
from todo_chat.models import Conversation, Message, User
from todo_chat.services import conversations
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.services.ownership import get_owned

_ITEM: TypeAdapter[ThreadItem] = TypeAdapter(ThreadItem)
_PREFIX = {"thread": "thr", "message": "msg", "tool_call": "tc", "task": "tsk", "workflow": "wf",
           "attachment": "atc", "sdk_hidden_context": "shcx"}


@dataclass
class RequestContext:
    """Who is asking, and where they reach us (for upload and preview URLs)."""

    user: User
    base_url: str = "http://localhost:8000"


def from_chatkit(value: datetime) -> datetime:
    """ChatKit stamps items with naive local `datetime.now()`: make it aware UTC."""
    return value.astimezone(timezone.utc)


# --- converting rows <-> ChatKit items -------------------------------------------------------

def item_text(item: ThreadItem) -> str:
    if isinstance(item, (UserMessageItem, AssistantMessageItem)):
        return "".join(getattr(part, "text", "") for part in item.content)
    return getattr(item, "copy_text", None) or ""


def item_role(item: ThreadItem) -> str:
    return {"user_message": "user", "assistant_message": "assistant"}.get(item.type, item.type)


def row_to_item(row: Message, thread_id: str) -> ThreadItem:
    if row.payload:
        return _ITEM.validate_python({**row.payload, "thread_id": thread_id})
    common = {"id": row.item_id, "thread_id": thread_id, "created_at": row.created_at}
    if row.role == "task":  # a tool call saved by the Phase III door: "add_task: success"
        ok = row.content.endswith(": success")
        return TaskItem(**common, task=CustomTask(title=row.content, status_indicator="complete",
                                                  icon="check-circle-filled" if ok else "info"))
    if row.role == "user":
        return UserMessageItem(**common, content=[UserMessageTextContent(text=row.content)],
                               inference_options=InferenceOptions())
    return AssistantMessageItem(**common, content=[AssistantMessageContent(text=row.content)])


def thread_of(conversation: Conversation) -> ThreadMetadata:
    return ThreadMetadata(id=conversation.thread_id, title=conversation.title,
                          created_at=conversation.created_at,
                          metadata={"conversation_id": conversation.id})


def _conversation(session: Session, context: RequestContext, thread_id: str) -> Conversation:
    try:
        return conversations.get_by_thread_id(session, context.user, thread_id)
    except NotFound as exc:
        raise NotFoundError(str(exc)) from exc


class SQLStore(Store[RequestContext]):
    def generate_thread_id(self, context: RequestContext) -> str:
        return conversations.new_id("thr")

    def generate_item_id(self, item_type: StoreItemType, thread: ThreadMetadata,
                         context: RequestContext) -> str:
        return conversations.new_id(_PREFIX[item_type])

    # -- threads ---------------------------------------------------------------------------

    async def load_thread(self, thread_id: str, context: RequestContext) -> ThreadMetadata:
        with session_scope() as session:
            return thread_of(_conversation(session, context, thread_id))

    async def save_thread(self, thread: ThreadMetadata, context: RequestContext) -> None:
        with session_scope() as session:
            try:
                conversation = conversations.get_by_thread_id(session, context.user, thread.id)
            except NotFound:
                conversation = conversations.create_conversation(
                    session, context.user, thread.title or conversations.DEFAULT_TITLE, thread.id)
                conversation.created_at = from_chatkit(thread.created_at)
                session.add(conversation)
                return
            if thread.title and thread.title != conversation.title:
                conversations.rename_conversation(session, context.user, conversation.id, thread.title)

    async def load_threads(self, limit: int, after: str | None, order: str,
                           context: RequestContext) -> Page[ThreadMetadata]:
        with session_scope() as session:
            query = select(Conversation).where(Conversation.user_id == context.user.id)
            if after:
                cursor = _conversation(session, context, after).id
                query = query.where(col(Conversation.id) < cursor if order == "desc"
                                    else col(Conversation.id) > cursor)
            key = col(Conversation.id).desc() if order == "desc" else col(Conversation.id)
            rows = session.exec(query.order_by(key).limit(limit + 1)).all()
        page = [thread_of(c) for c in rows[:limit]]
        return Page(data=page, has_more=len(rows) > limit, after=page[-1].id if page else None)

    async def delete_thread(self, thread_id: str, context: RequestContext) -> None:
        with session_scope() as session:
            conversation = _conversation(session, context, thread_id)
            conversations.delete_conversation(session, context.user, conversation.id)

    # -- items -----------------------------------------------------------------------------

    async def load_thread_items(self, thread_id: str, after: str | None, limit: int, order: str,
                                context: RequestContext) -> Page[ThreadItem]:
        with session_scope() as session:
            conversation = _conversation(session, context, thread_id)
            query = select(Message).where(Message.conversation_id == conversation.id,
                                          Message.user_id == context.user.id)
            if after:
                cursor = self._row(session, context, conversation, after).id
                query = query.where(col(Message.id) < cursor if order == "desc"
                                    else col(Message.id) > cursor)
            key = col(Message.id).desc() if order == "desc" else col(Message.id)
            rows = session.exec(query.order_by(key).limit(limit + 1)).all()
        items = [row_to_item(r, thread_id) for r in rows[:limit]]
        return Page(data=items, has_more=len(rows) > limit, after=items[-1].id if items else None)

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        await self.save_item(thread_id, item, context)

    async def save_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        """Insert or replace an item (ChatKit saves some items twice as they complete)."""
        payload = item.model_dump(mode="json")
        with session_scope() as session:
            conversation = _conversation(session, context, thread_id)
            existing = session.exec(select(Message).where(Message.item_id == item.id)).first()
            if existing is None:
                row = conversations.add_message(session, context.user, conversation, item_role(item),
                                                item_text(item), item_id=item.id, payload=payload)
                row.created_at = from_chatkit(item.created_at)
                session.add(row)
                return
            if existing.conversation_id != conversation.id:
                raise NotFoundError(f"Item {item.id} not found")
            existing.content, existing.payload = item_text(item), payload
            session.add(existing)

    async def load_item(self, thread_id: str, item_id: str, context: RequestContext) -> ThreadItem:
        with session_scope() as session:
            conversation = _conversation(session, context, thread_id)
            return row_to_item(self._row(session, context, conversation, item_id), thread_id)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: RequestContext) -> None:
        with session_scope() as session:
            conversation = _conversation(session, context, thread_id)
            session.delete(self._row(session, context, conversation, item_id))

    @staticmethod
    def _row(session: Session, context: RequestContext, conversation: Conversation, item_id: str) -> Message:
        try:
            row = conversations.get_message(session, context.user, item_id)
        except NotFound as exc:
            raise NotFoundError(str(exc)) from exc
        if row.conversation_id != conversation.id:
            raise NotFoundError(f"Item {item_id} not found")
        return row

    # -- attachments (metadata here; bytes in FileAttachmentStore) --------------------------

    async def save_attachment(self, attachment: Attachment, context: RequestContext) -> None:
        with session_scope() as session:
            row = _attachment_row(session, context, attachment.id)
            if attachment.thread_id:
                row.conversation_id = _conversation(session, context, attachment.thread_id).id
            row.name = attachment.name
            session.add(row)

    async def load_attachment(self, attachment_id: str, context: RequestContext) -> Attachment:
        with session_scope() as session:
            row = _attachment_row(session, context, attachment_id)
            thread_id = session.get(Conversation, row.conversation_id).thread_id \
                if row.conversation_id else None
        return attachment_model(row, context, thread_id)

    async def delete_attachment(self, attachment_id: str, context: RequestContext) -> None:
        with session_scope() as session:
            session.delete(_attachment_row(session, context, attachment_id))


def _attachment_row(session: Session, context: RequestContext, attachment_id: str) -> AttachmentRow:
    try:
        return get_owned(session, AttachmentRow, attachment_id, context.user, "Attachment")
    except NotFound as exc:
        raise NotFoundError(str(exc)) from exc


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
            headers={"Authorization": f"Bearer {create_token(context.user.id, 'chatkit')}"})
    if row.mime_type.startswith("image/"):
        return ImageAttachment(**fields, preview_url=f"{base}/api/chatkit/attachments/{row.id}"
                                                     f"?sig={preview_signature(row.id)}")
    return FileAttachment(**fields)


class FileAttachmentStore(AttachmentStore[RequestContext]):
    """Two-phase upload: `create_attachment` checks the declared file, the upload writes bytes."""

    async def create_attachment(self, input: AttachmentCreateParams,
                                context: RequestContext) -> Attachment:
        check_attachment(input.mime_type, input.size)
        row = AttachmentRow(id=conversations.new_id("atc"), user_id=context.user.id,
                            name=input.name[:255], mime_type=input.mime_type, size=input.size)
        with session_scope() as session:
            session.add(row)
        return attachment_model(row, context, None, uploading=True)

    async def delete_attachment(self, attachment_id: str, context: RequestContext) -> None:
        with session_scope() as session:
            _attachment_row(session, context, attachment_id)
        attachment_path(context.user.id, attachment_id).unlink(missing_ok=True)


def check_attachment(mime_type: str, size: int) -> None:
    settings = get_settings()
    if mime_type not in settings.attachment_types:
        raise Invalid(f"Files of type {mime_type} are not allowed")
    if size > settings.attachment_max_bytes:
        raise Invalid(f"File is too large (limit {settings.attachment_max_bytes // 1024 // 1024} MB)")


def attachment_path(user_id: int, attachment_id: str):
    return get_settings().attachments_dir / str(user_id) / attachment_id
