"""Attachments as the model reads them: images as image input, text and Markdown as text, PDFs as
their extracted text (pypdf). Every door goes through here: the turn's user message, with the
files it names, becomes a ChatKit `UserMessageItem` and ChatKit's own `ThreadItemConverter`
(subclassed below with our file reading) turns it into the model's input item.

Only the current turn's message carries its files; the text of all of them together is bounded
by a share of the context window (`agent.budget`), so a long file never crowds out the
conversation or the answer. A native message with files keeps them in its payload as a ChatKit
item, so the ChatKit view shows the same message with the same files.
"""

from __future__ import annotations

import base64
import io
import logging
from typing import Any

from chatkit.agents import ThreadItemConverter
from chatkit.types import Attachment as ChatKitAttachment
from chatkit.types import (
    FileAttachment,
    InferenceOptions,
    UserMessageItem,
    UserMessageTagContent,
    UserMessageTextContent,
)
from openai.types.responses import ResponseInputContentParam
from pydantic import TypeAdapter, ValidationError
from sqlmodel import Session

from todo_chat.agent.budget import cut_text
from todo_chat.core.db import run_db
from todo_chat.models import Attachment, Message, User
from todo_chat.services import attachments, conversations
from todo_chat.services.conversations import TurnInput

log = logging.getLogger(__name__)
# All attached text together gets at most this share of the context window.
TEXT_SHARE = 4
Part = dict[str, Any]
_ITEM = TypeAdapter(UserMessageItem)


def pdf_text(data: bytes) -> str:
    # Imported here: pypdf (with its crypto providers) adds ~24 MiB to every worker that never
    # reads a PDF (issue 19's memory budget).
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:  # a damaged file: say so, don't fail
        log.info("could not read a PDF attachment: %s", exc)
        return ""


def file_part(row: Attachment, data: bytes, room: int) -> Part:
    """One attachment as a content part (text is cut to `room` tokens, keeping its start and end)."""
    if row.mime_type.startswith("image/"):
        url = f"data:{row.mime_type};base64,{base64.b64encode(data).decode()}"
        return {"type": "input_image", "image_url": url, "detail": "auto"}
    if row.mime_type == "application/pdf":
        text = pdf_text(data) or "(no text could be extracted from this PDF)"
    else:
        text = data.decode("utf-8", errors="replace")
    return {"type": "input_text", "text": f"[Attached file: {row.name}]\n{cut_text(text, room)}"}


class FileReader(ThreadItemConverter):
    """ChatKit's converter, reading the files of one message (already loaded, off the loop)."""

    def __init__(self, files: list[tuple[Attachment, bytes]], context_tokens: int):
        self.files = {row.id: (row, data) for row, data in files}
        texts = sum(1 for row, _ in files if not row.mime_type.startswith("image/"))
        self.room = context_tokens // TEXT_SHARE // max(texts, 1)

    async def attachment_to_message_content(self, attachment: ChatKitAttachment) -> ResponseInputContentParam:
        found = self.files.get(attachment.id)
        if found is None:  # deleted since the message was sent: say so rather than drop it silently
            return {"type": "input_text", "text": f"[Attached file: {attachment.name} (no longer available)]"}
        return file_part(*found, self.room)  # type: ignore[return-value]

    async def tag_to_message_content(self, tag: UserMessageTagContent) -> ResponseInputContentParam:
        return {"type": "input_text", "text": f"@{tag.text}"}


def as_chatkit_item(message: Message, files: list[Attachment]) -> UserMessageItem:
    """The message as ChatKit saves one: its own payload, or built from its text and files."""
    if message.payload:
        try:
            return _ITEM.validate_python({"thread_id": "", **message.payload})
        except ValidationError:
            log.warning("user item %s has an unreadable payload; sending its text only", message.item_id)
    return UserMessageItem(
        id=message.item_id, thread_id="", created_at=message.created_at,
        content=[UserMessageTextContent(text=message.content)], inference_options=InferenceOptions(),
        attachments=[FileAttachment(id=f.id, name=f.name, mime_type=f.mime_type) for f in files])


def user_content(text: str, files: list[tuple[Attachment, bytes]], context_tokens: int) -> str | list[Part]:
    """The user message's content with these files: for tests and callers without a saved item."""
    if not files:
        return text
    reader = FileReader(files, context_tokens)
    return [{"type": "input_text", "text": text}, *(file_part(row, data, reader.room) for row, data in files)]


def _files(session: Session, user: User, ids: list[str]) -> list[tuple[Attachment, bytes]]:
    return attachments.read_for_model(session, user, ids)


async def user_items(user: User, message: Message, context_tokens: int) -> list[Any]:
    """The turn's user message as model input items: plain text, or (with files) what ChatKit's
    converter makes of it (files read and PDFs parsed in a worker thread, never on the loop)."""
    ids = attachments.message_attachment_ids(message.payload)
    if not ids:
        return [{"role": "user", "content": message.content}]
    files = await run_db(_files, user, ids)
    converted = await FileReader(files, context_tokens).user_message_to_input(
        as_chatkit_item(message, [row for row, _ in files]))
    return converted if isinstance(converted, list) else [converted] if converted else []


# --- the native door: a message saved with its files -------------------------------------------

def open_turn_with_files(session: Session, user: User, text: str | None, conversation_id: int | None,
                         retry: bool, attachment_ids: list[str]) -> TurnInput:
    """`conversations.open_turn`, then the files join the saved message (one unit of work): they
    are the user's own, move into the conversation, and are named in the message's payload as a
    ChatKit item, which is where every door (and the ChatKit view) reads them from."""
    turn = conversations.open_turn(session, user, text, conversation_id, retry)
    if not attachment_ids or retry:
        return turn
    rows = [attachments.get_attachment(session, user, a) for a in dict.fromkeys(attachment_ids)]
    for row in rows:
        row.conversation_id = turn.conversation.id
        session.add(row)
    item = as_chatkit_item(turn.message, rows)
    item.thread_id = turn.conversation.thread_id
    turn.message.payload = item.model_dump(mode="json")
    session.add(turn.message)
    session.flush()
    return turn
