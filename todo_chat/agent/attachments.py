"""Attachments as the model reads them: images as image input, text and Markdown as text, PDFs as
their extracted text (pypdf). Every door goes through here: the turn's user message, with the
files it names, becomes a ChatKit `UserMessageItem` and ChatKit's own `ThreadItemConverter`
(subclassed in `agent.attachment_items` with our file reading) turns it into the model's input item.

Only the current turn's message carries its files; the text of all of them together is bounded
by a share of the context window (`agent.budget`), so a long file never crowds out the
conversation or the answer. A native message with files keeps them in its payload as a ChatKit
item, so the ChatKit view shows the same message with the same files.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from todo_chat.core.db import run_db
from todo_chat.models import Attachment, Message, User
from todo_chat.services import attachments, conversations
from todo_chat.services.conversations import TurnInput

# The converting itself (ChatKit's item types and converter) is in `agent.attachment_items`,
# imported by the functions below only when a message has files: a worker whose turns carry
# none never loads ChatKit (issue 19's memory budget).


def _files(session: Session, user: User, ids: list[str]) -> list[tuple[Attachment, bytes]]:
    return attachments.read_for_model(session, user, ids)


async def user_items(user: User, message: Message, context_tokens: int) -> list[Any]:
    """The turn's user message as model input items: plain text, or (with files) what ChatKit's
    converter makes of it (files read and PDFs parsed in a worker thread, never on the loop)."""
    ids = attachments.message_attachment_ids(message.payload)
    if not ids:
        return [{"role": "user", "content": message.content}]
    from todo_chat.agent.attachment_items import FileReader, as_chatkit_item

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
    from todo_chat.agent.attachment_items import as_chatkit_item

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
