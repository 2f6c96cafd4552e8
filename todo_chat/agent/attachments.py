"""Attachments as the model reads them: images as image input, text and Markdown as text, PDFs as
their extracted text (pypdf). Only the current turn's message carries its files; the text of all
of them together is bounded by a share of the context window (`agent.budget`), so a long file
never crowds out the conversation or the answer.
"""

from __future__ import annotations

import base64
import io
import logging
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from sqlmodel import Session

from todo_chat.agent.budget import cut_text
from todo_chat.core.db import run_db
from todo_chat.models import Attachment, Message, User
from todo_chat.services import attachments

log = logging.getLogger(__name__)
# All attached text together gets at most this share of the context window.
TEXT_SHARE = 4
Part = dict[str, Any]


def pdf_text(data: bytes) -> str:
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


def user_content(text: str, files: list[tuple[Attachment, bytes]], context_tokens: int) -> str | list[Part]:
    """The user message's content: plain text, or the text then one part per attached file."""
    if not files:
        return text
    texts = sum(1 for row, _ in files if not row.mime_type.startswith("image/"))
    room = context_tokens // TEXT_SHARE // max(texts, 1)
    return [{"type": "input_text", "text": text}, *(file_part(row, data, room) for row, data in files)]


def _content(session: Session, user: User, ids: list[str], text: str, context_tokens: int) -> str | list[Part]:
    return user_content(text, attachments.read_for_model(session, user, ids), context_tokens)


async def user_item(user: User, message: Message, context_tokens: int) -> dict[str, Any]:
    """The turn's user message as a model input item, with its attachments (read, encoded and
    extracted in a worker thread: file IO and PDF parsing never run on the event loop)."""
    ids = attachments.message_attachment_ids(message.payload)
    content = await run_db(_content, user, ids, message.content, context_tokens) if ids else message.content
    return {"role": "user", "content": content}
