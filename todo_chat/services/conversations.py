"""Conversations, their items (messages and other thread items) and tool calls, always of one user.

Functions flush and never commit: the caller's unit of work (`core.db.run_db`) commits once, so
saving a message, or a tool call together with its badge, is atomic.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import update
from sqlmodel import Session, col, select

from todo_chat.core.db import rows_affected
from todo_chat.core.time import utcnow
from todo_chat.models import Conversation, ItemRole, Message, ToolCall, ToolCallStatus, User
from todo_chat.services import rows
from todo_chat.services.badge_text import badge_label
from todo_chat.services.dialogue import (
    TEXT_ROLES,
    OfferedCall,
    RecentItem,
    recent_with_choices,
    with_offered_choices,
)
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.services.ownership import find_owned, get_owned

DEFAULT_TITLE = "New chat"
CONVERSATION_TITLE_MAX = 120
HISTORY_LIMIT = 50
MESSAGE_MAX = 4000
Order = Literal["asc", "desc"]


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


def title_from(text: str, limit: int = 48) -> str:
    """A short title from a first message: its first line, cut at a word boundary."""
    line = " ".join(text.strip().split("\n", 1)[0].split())
    if len(line) <= limit:
        return line or DEFAULT_TITLE
    return line[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def check_message(text: str) -> str:
    """The one message limit every door applies (HTTP, ChatKit, the Reflex page)."""
    text = (text or "").strip()
    if not text:
        raise Invalid("Message must not be empty")
    if len(text) > MESSAGE_MAX:
        raise Invalid(f"Message must be at most {MESSAGE_MAX} characters")
    return text


class MessagePage(BaseModel):
    items: list[Message]
    has_more: bool


# --- conversations ---------------------------------------------------------------------------

def create_conversation(session: Session, user: User, title: str = DEFAULT_TITLE,
                        thread_id: str | None = None, created_at: datetime | None = None) -> Conversation:
    conversation = Conversation(user_id=user.id, title=title[:CONVERSATION_TITLE_MAX] or DEFAULT_TITLE,
                                thread_id=thread_id or new_id("thr"))
    if created_at is not None:
        conversation.created_at = created_at
    session.add(conversation)
    session.flush()
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


def list_threads(session: Session, user: User, limit: int, after: str | None,
                 order: Order = "desc") -> tuple[list[Conversation], bool]:
    """Conversations by creation, paged by the thread id of the last one seen (ChatKit's cursor)."""
    query = select(Conversation).where(Conversation.user_id == user.id)
    if after:
        cursor = get_by_thread_id(session, user, after).id
        query = query.where(col(Conversation.id) < cursor if order == "desc" else col(Conversation.id) > cursor)
    key = col(Conversation.id).desc() if order == "desc" else col(Conversation.id)
    rows = session.exec(query.order_by(key).limit(limit + 1)).all()
    return list(rows[:limit]), len(rows) > limit


def rename_conversation(session: Session, user: User, conversation_id: int, title: str) -> Conversation:
    title = " ".join(title.split())
    if not title:
        raise Invalid("Title must not be empty")
    if len(title) > CONVERSATION_TITLE_MAX:
        raise Invalid(f"Title must be at most {CONVERSATION_TITLE_MAX} characters")
    conversation = get_conversation(session, user, conversation_id)
    conversation.title = title
    session.add(conversation)
    session.flush()
    return conversation


def delete_conversation(session: Session, user: User, conversation_id: int) -> None:
    session.delete(get_conversation(session, user, conversation_id))
    session.flush()


def touch_by_id(session: Session, user: User, conversation_id: int) -> None:
    """Bump the user's conversation by id: one UPDATE, no read (and NotFound if not theirs).

    Tool calls of one turn may be filed concurrently, each in its own session, so they never
    share a loaded Conversation object."""
    bumped = session.execute(update(Conversation)
                             .where(col(Conversation.id) == conversation_id, col(Conversation.user_id) == user.id)
                             .values(updated_at=utcnow()))
    if rows_affected(bumped) == 0:
        raise NotFound(f"Conversation {conversation_id} not found")


# --- items -----------------------------------------------------------------------------------

def add_message(session: Session, user: User, conversation: Conversation, role: ItemRole, content: str,
                *, item_id: str | None = None, payload: dict[str, Any] | None = None,
                created_at: datetime | None = None, status: ToolCallStatus | None = None,
                bump: bool = True) -> Message:
    """Append an item, bump the conversation, and title it from its first user message
    (`bump=False`: a conversation dated already in this unit of work or this turn: titled and dated).
    Plain statements (`services.rows`): the item comes back detached."""
    if conversation.user_id != user.id:
        raise NotFound(f"Conversation {conversation.id} not found")
    now = utcnow()
    if bump:
        first = role == ItemRole.user and conversation.title == DEFAULT_TITLE and content.strip()
        rows.bump(session, conversation, now, title_from(content) if first else conversation.title)
    return rows.insert_item(session, {
        "user_id": user.id, "conversation_id": conversation.id, "item_id": item_id or new_id("msg"),
        "role": ItemRole(role), "content": content, "payload": payload, "status": status,
        "created_at": created_at or now})


def list_messages(session: Session, user: User, conversation_id: int, limit: int = 50,
                  before_id: int | None = None, roles: tuple[ItemRole, ...] | None = None) -> MessagePage:
    """The latest `limit` items before `before_id`, oldest first (a chat opens at its end)."""
    get_conversation(session, user, conversation_id)
    query = select(Message).where(Message.conversation_id == conversation_id, Message.user_id == user.id)
    if roles is not None:
        query = query.where(col(Message.role).in_(roles))
    if before_id is not None:
        query = query.where(col(Message.id) < before_id)
    rows = session.exec(query.order_by(col(Message.id).desc()).limit(limit + 1)).all()
    return MessagePage(items=list(reversed(rows[:limit])), has_more=len(rows) > limit)


def conversation_page(session: Session, user: User, conversation_id: int, limit: int,
                      before_id: int | None) -> tuple[Conversation, MessagePage, list[ToolCall]]:
    """A conversation, its latest page of text messages, and the tool calls of those messages."""
    conversation = get_conversation(session, user, conversation_id)
    page = list_messages(session, user, conversation_id, limit, before_id, TEXT_ROLES)
    return conversation, page, list_tool_calls(session, user, conversation_id, [m.id for m in page.items])


def list_items(session: Session, user: User, conversation: Conversation, after: str | None, limit: int,
               order: Order = "asc") -> MessagePage:
    """A conversation's items in either order, paged by the item id of the last one seen."""
    query = select(Message).where(Message.conversation_id == conversation.id, Message.user_id == user.id)
    if after:
        cursor = get_item(session, user, conversation, after).id
        query = query.where(col(Message.id) < cursor if order == "desc" else col(Message.id) > cursor)
    key = col(Message.id).desc() if order == "desc" else col(Message.id)
    rows = session.exec(query.order_by(key).limit(limit + 1)).all()
    return MessagePage(items=list(rows[:limit]), has_more=len(rows) > limit)


def get_message(session: Session, user: User, item_id: str) -> Message:
    return find_owned(session, Message, "item_id", item_id, user, "Item")


def get_item(session: Session, user: User, conversation: Conversation, item_id: str) -> Message:
    """An item of this very conversation (an id from another thread is not found)."""
    row = get_message(session, user, item_id)
    if row.conversation_id != conversation.id:
        raise NotFound(f"Item {item_id} not found")
    return row


def save_item(session: Session, user: User, conversation: Conversation, item_id: str, role: ItemRole,
              content: str, payload: dict[str, Any], created_at: datetime) -> Message:
    """Insert or replace an item by its id (ChatKit saves some items twice as they complete)."""
    existing = session.exec(select(Message).where(Message.item_id == item_id)).first()
    if existing is None:
        return add_message(session, user, conversation, role, content, item_id=item_id, payload=payload,
                           created_at=created_at)
    if existing.user_id != user.id or existing.conversation_id != conversation.id:
        raise NotFound(f"Item {item_id} not found")
    existing.content, existing.payload = content, payload
    session.add(existing)
    session.flush()
    return existing


def delete_item(session: Session, user: User, conversation: Conversation, item_id: str) -> None:
    session.delete(get_item(session, user, conversation, item_id))
    session.flush()


def set_feedback(session: Session, user: User, conversation: Conversation, item_ids: list[str],
                 feedback: str) -> int:
    rows = session.exec(select(Message).where(
        Message.conversation_id == conversation.id, Message.user_id == user.id,
        col(Message.item_id).in_(item_ids))).all()
    for row in rows:
        row.feedback = feedback
        session.add(row)
    session.flush()
    return len(rows)


def history(session: Session, user: User, conversation_id: int, limit: int = HISTORY_LIMIT,
            before_id: int | None = None) -> list[dict[str, str]]:
    """The text turns the model may see: the last `limit` user/assistant messages, oldest first.
    `limit` only bounds the read; what fits the model's context window is decided per model call
    by `agent.budget` (which never changes what is stored)."""
    query = select(Message).where(
        Message.conversation_id == conversation_id, Message.user_id == user.id,
        col(Message.role).in_(TEXT_ROLES),
    )
    if before_id is not None:
        query = query.where(col(Message.id) < before_id)
    rows = list(reversed(session.exec(query.order_by(col(Message.id).desc()).limit(limit)).all()))
    items: list[dict[str, str]] = [{"role": m.role.value, "content": m.content} for m in rows if m.content]
    return with_offered_choices(session, user, rows, items)


def unanswered_user_message(session: Session, user: User, conversation_id: int) -> Message | None:
    """The last item if it is a user message with no reply yet (a failed or interrupted turn)."""
    last = session.exec(
        select(Message)
        .where(Message.conversation_id == conversation_id, Message.user_id == user.id,
               col(Message.role).in_(TEXT_ROLES))
        .order_by(col(Message.id).desc()).limit(1)
    ).first()
    return last if last is not None and last.role == ItemRole.user else None


# --- one turn --------------------------------------------------------------------------------

@dataclass
class TurnInput:
    """What a turn starts from, read in the same unit of work that saved the user's message."""

    conversation: Conversation
    message: Message
    history: list[dict[str, str]]
    # Tool calls an earlier, failed try of this very message already finished (a retry replays
    # them instead of running them again).
    finished_calls: list[ToolCall] = field(default_factory=list)


def open_turn(session: Session, user: User, text: str | None, conversation_id: int | None = None,
              retry: bool = False) -> TurnInput:
    """Find or start the conversation and save the user's message before any model runs.

    `retry` (or sending the very text that is still unanswered) re-runs the last unanswered
    message instead of saving it twice.
    """
    text = (text or "").strip()
    if not retry:
        text = check_message(text)
    if conversation_id is None:
        if retry:
            raise Invalid("Nothing to retry: give the conversation_id")
        # A new conversation has no history, nothing unanswered and no earlier calls to read.
        conversation = create_conversation(session, user, title_from(text))
        message = add_message(session, user, conversation, ItemRole.user, text, bump=False)
        return TurnInput(conversation=conversation, message=message, history=[])
    # A retry re-runs a saved message: the conversation is read, not moved up. A new message
    # moves it up (and titles it) with the same statement that reads it and checks it is the user's.
    conversation = get_conversation(session, user, conversation_id) if retry \
        else _claim(session, user, conversation_id, text)
    # One read serves both questions: is the last text item an unanswered user message, and
    # what history comes before the message this turn answers.
    # ... and, in the same statement, the choices the last answer offered (the dialogue state).
    recent, offered = recent_with_choices(session, user, conversation.id, HISTORY_LIMIT + 1)
    pending = recent[0] if recent and recent[0].role == ItemRole.user else None
    if retry and pending is None:
        raise Invalid("Nothing to retry: the last message already has a reply")
    if pending is not None and (retry or pending.content == text):
        # The history's rows are three columns: the message itself is read whole (a retry is rare).
        message = get_owned(session, Message, pending.id, user, "Message")
        return TurnInput(conversation=conversation, message=message,
                         history=_as_history(session, user, recent[1:], offered),
                         finished_calls=finished_tool_calls(session, user, pending.id))
    # A message saved just now has no tool calls yet: nothing to read for it. The conversation was
    # moved up when it was read.
    message = add_message(session, user, conversation, ItemRole.user, text, bump=False)
    return TurnInput(conversation=conversation, message=message,
                     history=_as_history(session, user, recent[:HISTORY_LIMIT], offered))


def _claim(session: Session, user: User, conversation_id: int, text: str) -> Conversation:
    """The user's conversation, moved up for a new message of theirs (NotFound if not theirs)."""
    conversation = rows.claim(session, user.id, conversation_id, utcnow(), DEFAULT_TITLE, title_from(text))
    if conversation is None:
        raise NotFound(f"Conversation {conversation_id} not found")
    return conversation


def _as_history(session: Session, user: User, newest_first: list[RecentItem],
                offered: dict[int, list[OfferedCall]]) -> list[dict[str, str]]:
    rows = list(reversed(newest_first))
    items = [{"role": m.role.value, "content": m.content} for m in rows if m.content]
    calls = offered.get(rows[-2].id or 0, []) if len(rows) >= 2 else []
    return with_offered_choices(session, user, rows, items, calls)


def turn_input(session: Session, user: User, conversation: Conversation, message: Message) -> TurnInput:
    """History before `message`, and the tool calls already finished for it."""
    return TurnInput(conversation=conversation, message=message,
                     history=history(session, user, conversation.id, before_id=message.id),
                     finished_calls=finished_tool_calls(session, user, message.id))


def open_saved_turn(session: Session, user: User, thread_id: str, item_id: str | None) -> TurnInput:
    """A turn on a message some door saved already (ChatKit saves the user item itself)."""
    conversation = get_by_thread_id(session, user, thread_id)
    message = get_item(session, user, conversation, item_id) if item_id else \
        unanswered_user_message(session, user, conversation.id)
    if message is None:
        raise Invalid("Nothing to answer: the last message already has a reply")
    return turn_input(session, user, conversation, message)


# --- tool calls ------------------------------------------------------------------------------

def tool_item_id(call_id: str) -> str:
    """The thread item that shows a tool call: the same id whichever door saves it first."""
    return f"tsk_{call_id}"[:64]


def record_tool_call(session: Session, user: User, conversation_id: int, message_id: int | None,
                     call_id: str, name: str, arguments: dict[str, Any], status: ToolCallStatus,
                     result: str, *, bump: bool = True) -> None:
    """File a finished tool call and its badge item. Runs in the unit of work of the tool's own
    change, so the change, the call and the badge are saved together or not at all.

    Two plain INSERTs (nothing reads the rows back in this unit of work; the ORM's objects and
    flush cost more than the statements). `bump`: move the conversation up and check that it is
    the user's; a chat turn's own call skips it (its turn opened on that very conversation and
    its answer bumps it again)."""
    if bump:
        touch_by_id(session, user, conversation_id)
    now = utcnow()
    rows.insert_rows(session, ToolCall, [{
        "user_id": user.id, "conversation_id": conversation_id, "message_id": message_id, "call_id": call_id,
        "name": name, "arguments": arguments, "status": status, "result": result, "created_at": now,
        "updated_at": now}])
    rows.insert_rows(session, Message, [{
        "user_id": user.id, "conversation_id": conversation_id, "item_id": tool_item_id(call_id),
        "role": ItemRole.task, "content": badge_label(name, status), "status": status, "created_at": now}])


def finished_tool_calls(session: Session, user: User, message_id: int) -> list[ToolCall]:
    return list(session.exec(
        select(ToolCall).where(ToolCall.message_id == message_id, ToolCall.user_id == user.id,
                               ToolCall.status != ToolCallStatus.pending)
        .order_by(col(ToolCall.id))).all())


def list_tool_calls(session: Session, user: User, conversation_id: int,
                    message_ids: list[int] | None = None) -> list[ToolCall]:
    query = select(ToolCall).where(ToolCall.conversation_id == conversation_id, ToolCall.user_id == user.id)
    if message_ids is not None:
        query = query.where(col(ToolCall.message_id).in_(message_ids))
    return list(session.exec(query.order_by(col(ToolCall.id))).all())
