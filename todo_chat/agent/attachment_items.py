"""The ChatKit-bound half of `agent.attachments`: a message with files as a ChatKit
`UserMessageItem`, and ChatKit's own `ThreadItemConverter` (subclassed with our file reading) to
turn it into the model's input. Imported only by a turn or a message that has files (or by the
ChatKit door): ChatKit's server package, its widgets and jinja2 are ~6 MiB a worker that a plain
text turn never needs (issue 19)."""

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

from todo_chat.agent.budget import cut_text
from todo_chat.models import Attachment, Message

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
