"""The native chat's messages as the page shows them, and the read that opens a conversation at
its latest page (one unit of work: its text messages, the unanswered one, its tool calls and their
undo states). `ChatState` keeps them in the transcript's parts (`transcript.py`)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlmodel import Session

from todo_chat.models import Message, ToolCall, User
from todo_chat.services import conversations, undo

PAGE = 50  # messages a conversation opens with


@dataclass
class ChatMessage:
    id: int
    role: str
    content: str
    time: str
    item_id: str = ""
    pending: bool = False
    feedback: str = ""
    files: str = ""  # the names of a user message's attached files


def message_view(row: Message) -> ChatMessage:
    files = ", ".join(str(a.get("name", "")) for a in (row.payload or {}).get("attachments") or [])
    return ChatMessage(id=row.id or 0, role=row.role.value, content=row.content, files=files,
                       time=row.created_at.strftime("%H:%M"), item_id=row.item_id, feedback=row.feedback or "")


def now_hhmm() -> str:
    return time.strftime("%H:%M", time.gmtime())


def opened_conversation(session: Session, user: User, conversation_id: int
                        ) -> tuple[list[Message], Message | None, list[ToolCall], dict[str, str]]:
    """One unit of work: the latest page of text messages, the unanswered one, the tool calls
    and their undo states."""
    page = conversations.list_messages(session, user, conversation_id, PAGE, roles=conversations.TEXT_ROLES)
    pending = conversations.unanswered_user_message(session, user, conversation_id)
    return (page.items, pending, conversations.list_tool_calls(session, user, conversation_id),
            undo.call_states(session, user, conversation_id))
