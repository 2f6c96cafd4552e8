"""Conversations, their messages (thread items) and tool calls, always of one user."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from todo_chat.core.db import utcnow
from todo_chat.models import Conversation, Message, ToolCall, User
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.services.ownership import find_owned, get_owned

DEFAULT_TITLE = "New chat"
TITLE_MAX = 120
HISTORY_LIMIT = 50


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


def title_from(text: str, limit: int = 48) -> str:
    """A short title from a first message: its first line, cut at a word boundary."""
    line = " ".join(text.strip().split("\n", 1)[0].split())
    if len(line) <= limit:
        return line or DEFAULT_TITLE
    return line[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


class MessagePage(BaseModel):
    items: list[Message]
    has_more: bool


# --- conversations ---------------------------------------------------------------------------

def create_conversation(session: Session, user: User, title: str = DEFAULT_TITLE,
                        thread_id: str | None = None) -> Conversation:
    conversation = Conversation(user_id=user.id, title=title[:TITLE_MAX] or DEFAULT_TITLE,
                                thread_id=thread_id or new_id("thr"))
    session.add(conversation)
    session.commit()
    session.refresh(conversation)
    return conversation


def get_conversation(session: Session, user: User, conversation_id: int) -> Conversation:
    return get_owned(session, Conversation, conversation_id, user, "Conversation")


def get_by_thread_id(session: Session, user: User, thread_id: str) -> Conversation:
    return find_owned(session, Conversation, "thread_id", thread_id, user, "Thread")


def list_conversations(session: Session, user: User, limit: int = 20, offset: int = 0,
                       search: str = "") -> tuple[list[Conversation], bool]:
    """Newest first. Returns the page and whether more follow."""
    query = select(Conversation).where(Conversation.user_id == user.id)
    if search.strip():
        query = query.where(col(Conversation.title).icontains(search.strip()))
    rows = session.exec(
        query.order_by(col(Conversation.updated_at).desc(), col(Conversation.id).desc())
        .offset(offset).limit(limit + 1)
    ).all()
    return list(rows[:limit]), len(rows) > limit


def rename_conversation(session: Session, user: User, conversation_id: int, title: str) -> Conversation:
    title = " ".join(title.split())
    if not title:
        raise Invalid("Title must not be empty")
    if len(title) > TITLE_MAX:
        raise Invalid(f"Title must be at most {TITLE_MAX} characters")
    conversation = get_conversation(session, user, conversation_id)
    conversation.title = title
    session.add(conversation)
    session.commit()
    return conversation


def delete_conversation(session: Session, user: User, conversation_id: int) -> None:
    session.delete(get_conversation(session, user, conversation_id))
    session.commit()


def touch(session: Session, conversation: Conversation) -> None:
    conversation.updated_at = utcnow()
    session.add(conversation)


# --- messages --------------------------------------------------------------------------------

def add_message(session: Session, user: User, conversation: Conversation, role: str, content: str,
                *, item_id: str | None = None, payload: dict[str, Any] | None = None) -> Message:
    """Append an item, bump the conversation, and title it from its first user message."""
    if conversation.user_id != user.id:
        raise NotFound(f"Conversation {conversation.id} not found")
    message = Message(user_id=user.id, conversation_id=conversation.id, role=role, content=content,
                      item_id=item_id or new_id("msg"), payload=payload)
    if role == "user" and conversation.title == DEFAULT_TITLE and content.strip():
        conversation.title = title_from(content)
    touch(session, conversation)
    session.add(message)
    session.commit()
    session.refresh(message)
    return message


def list_messages(session: Session, user: User, conversation_id: int, limit: int = 50,
                  before_id: int | None = None, roles: tuple[str, ...] | None = None) -> MessagePage:
    """The latest `limit` items before `before_id`, oldest first (a chat opens at its end)."""
    get_conversation(session, user, conversation_id)
    query = select(Message).where(Message.conversation_id == conversation_id, Message.user_id == user.id)
    if roles is not None:
        query = query.where(col(Message.role).in_(roles))
    if before_id is not None:
        query = query.where(col(Message.id) < before_id)
    rows = session.exec(query.order_by(col(Message.id).desc()).limit(limit + 1)).all()
    return MessagePage(items=list(reversed(rows[:limit])), has_more=len(rows) > limit)


def get_message(session: Session, user: User, item_id: str) -> Message:
    return find_owned(session, Message, "item_id", item_id, user, "Item")


def history(session: Session, user: User, conversation_id: int, limit: int = HISTORY_LIMIT,
            before_id: int | None = None) -> list[dict[str, str]]:
    """The text turns the model sees: the last `limit` user/assistant messages, oldest first."""
    query = select(Message).where(
        Message.conversation_id == conversation_id, Message.user_id == user.id,
        col(Message.role).in_(("user", "assistant")),
    )
    if before_id is not None:
        query = query.where(col(Message.id) < before_id)
    rows = session.exec(query.order_by(col(Message.id).desc()).limit(limit)).all()
    return [{"role": m.role, "content": m.content} for m in reversed(rows) if m.content]


def unanswered_user_message(session: Session, user: User, conversation_id: int) -> Message | None:
    """The last item if it is a user message with no reply yet (a failed or interrupted turn)."""
    last = session.exec(
        select(Message)
        .where(Message.conversation_id == conversation_id, Message.user_id == user.id,
               col(Message.role).in_(("user", "assistant")))
        .order_by(col(Message.id).desc()).limit(1)
    ).first()
    return last if last is not None and last.role == "user" else None


# --- tool calls ------------------------------------------------------------------------------

def tool_item_id(call_id: str) -> str:
    """The thread item that shows a tool call: the same id whichever door saves it first."""
    return f"tsk_{call_id}"[:64]


def save_tool_item(session: Session, user: User, conversation_id: int, call: ToolCall) -> Message:
    """File a finished tool call in the conversation as a 'task' item (ChatKit shows it as a badge)."""
    item_id = tool_item_id(call.call_id)
    existing = session.exec(select(Message).where(Message.item_id == item_id)).first()
    if existing is not None:
        return existing
    conversation = get_conversation(session, user, conversation_id)
    return add_message(session, user, conversation, "task", f"{call.name}: {call.status}", item_id=item_id)


def start_tool_call(session: Session, user: User, conversation_id: int, message_id: int | None,
                    call_id: str, name: str, arguments: dict[str, Any]) -> ToolCall:
    call = ToolCall(user_id=user.id, conversation_id=conversation_id, message_id=message_id,
                    call_id=call_id, name=name, arguments=arguments)
    session.add(call)
    session.commit()
    session.refresh(call)
    return call


def finish_tool_call(session: Session, user: User, call_id: str, status: str, result: str) -> ToolCall:
    call = session.exec(
        select(ToolCall).where(ToolCall.call_id == call_id, ToolCall.user_id == user.id)
        .order_by(col(ToolCall.id).desc())
    ).first()
    if call is None:
        raise NotFound(f"Tool call {call_id} not found")
    call.status, call.result, call.updated_at = status, result, utcnow()
    session.add(call)
    session.commit()
    return call


def list_tool_calls(session: Session, user: User, conversation_id: int,
                    message_ids: list[int] | None = None) -> list[ToolCall]:
    query = select(ToolCall).where(ToolCall.conversation_id == conversation_id, ToolCall.user_id == user.id)
    if message_ids is not None:
        query = query.where(col(ToolCall.message_id).in_(message_ids))
    return list(session.exec(query.order_by(col(ToolCall.id))).all())
