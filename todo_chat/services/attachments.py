"""Attachments of one user: metadata rows here; the bytes live on disk under the data dir."""

from __future__ import annotations

import os
from pathlib import Path

from sqlmodel import Session

from todo_chat.core.config import get_settings
from todo_chat.core.db import private_dir
from todo_chat.models import Attachment, Conversation, User
from todo_chat.services.conversations import get_by_thread_id, new_id
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.services.ownership import get_owned


def check_attachment(mime_type: str, size: int) -> None:
    settings = get_settings()
    if mime_type not in settings.attachment_types:
        raise Invalid(f"Files of type {mime_type} are not allowed")
    if size < 0:
        raise Invalid("File size must not be negative")
    if size > settings.attachment_max_bytes:
        raise Invalid(f"File is too large (limit {settings.attachment_max_bytes // 1024 // 1024} MB)")


def attachment_path(user_id: int, attachment_id: str) -> Path:
    return get_settings().attachments_dir / str(user_id) / attachment_id


def create_attachment(session: Session, user: User, name: str, mime_type: str, size: int) -> Attachment:
    check_attachment(mime_type, size)
    row = Attachment(id=new_id("atc"), user_id=user.id, name=name[:255], mime_type=mime_type, size=size)
    session.add(row)
    session.flush()
    return row


def get_attachment(session: Session, user: User, attachment_id: str) -> Attachment:
    return get_owned(session, Attachment, attachment_id, user, "Attachment")


def thread_of_attachment(session: Session, attachment: Attachment) -> str | None:
    if attachment.conversation_id is None:
        return None
    conversation = session.get(Conversation, attachment.conversation_id)
    return conversation.thread_id if conversation else None


def save_attachment(session: Session, user: User, attachment_id: str, name: str,
                    thread_id: str | None) -> Attachment:
    row = get_attachment(session, user, attachment_id)
    if thread_id:
        row.conversation_id = get_by_thread_id(session, user, thread_id).id
    row.name = name[:255]
    session.add(row)
    session.flush()
    return row


def delete_attachment(session: Session, user: User, attachment_id: str) -> None:
    session.delete(get_attachment(session, user, attachment_id))
    session.flush()


def record_upload(session: Session, user: User, attachment_id: str, data: bytes) -> Attachment:
    """Phase two of an upload: the bytes must be of the declared type and no larger than declared."""
    row = get_attachment(session, user, attachment_id)
    check_attachment(row.mime_type, len(data))
    if len(data) > row.size:
        raise Invalid(f"File is larger than declared ({len(data)} > {row.size} bytes)")
    path = attachment_path(user.id, attachment_id)
    private_dir(path.parent)
    # 0600 from the start: another local user can never read someone's files.
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
        out.write(data)
    row.size = len(data)
    session.add(row)
    session.flush()
    return row


def find_for_download(session: Session, attachment_id: str) -> Attachment | None:
    """Lookup by id alone: the download link carries a signature instead of a token."""
    return session.get(Attachment, attachment_id)


def message_attachment_ids(payload: dict | None) -> list[str]:
    """The attachments a saved user item names (ChatKit keeps them in the item's JSON)."""
    found = (payload or {}).get("attachments") or []
    return [a["id"] for a in found if isinstance(a, dict) and isinstance(a.get("id"), str)]


def read_for_model(session: Session, user: User, attachment_ids: list[str]) -> list[tuple[Attachment, bytes]]:
    """The user's own attachments with their bytes (a missing file is left out: nothing to read)."""
    found = []
    for attachment_id in attachment_ids:
        try:
            row = get_attachment(session, user, attachment_id)
        except NotFound:  # deleted since the message was sent
            continue
        path = attachment_path(row.user_id, attachment_id)
        if path.exists():
            found.append((row, path.read_bytes()))
    return found


def store_file(session: Session, user: User, name: str, mime_type: str, data: bytes) -> Attachment:
    """A file sent whole (the native composer): both phases of an upload in one unit of work."""
    row = create_attachment(session, user, name, mime_type, len(data))
    return record_upload(session, user, row.id, data)
