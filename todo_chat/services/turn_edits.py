"""Edit-and-resend and regenerate (the conversation goes back to its last user message), and
feedback on an answer.

As ChatKit's `retry_after_item` does, the items after that message are removed, so the database
holds one consistent conversation; the turn then runs again through the one turn runner.

- Regenerate keeps the message and its finished tool calls (and their badge items): the runner
  replays those calls to the model instead of running them again, so no change is repeated.
- Edit removes the message too (its calls' records go with it; the changes they made stay, as
  any change the assistant made does) and the edited text is sent as a new message.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col, select

from todo_chat.models import ItemRole, Message, ToolCall, User
from todo_chat.services.conversations import get_conversation, set_feedback, tool_item_id
from todo_chat.services.errors import Invalid, NotFound


def last_user_message(session: Session, user: User, conversation_id: int) -> Message | None:
    return session.exec(
        select(Message).where(Message.conversation_id == conversation_id, Message.user_id == user.id,
                              Message.role == ItemRole.user)
        .order_by(col(Message.id).desc()).limit(1)).first()


def rewind(session: Session, user: User, conversation_id: int, keep_message: bool) -> Message:
    """Remove what followed the conversation's last user message (and, unless `keep_message`,
    the message itself). Returns that message (as it was)."""
    get_conversation(session, user, conversation_id)
    message = last_user_message(session, user, conversation_id)
    if message is None:
        raise Invalid("There is no message to edit or answer again")
    kept_badges = set()
    if keep_message:
        calls = session.exec(select(ToolCall.call_id).where(ToolCall.message_id == message.id,
                                                            ToolCall.user_id == user.id)).all()
        kept_badges = {tool_item_id(call_id) for call_id in calls}
    later = session.exec(select(Message).where(
        Message.conversation_id == conversation_id, Message.user_id == user.id,
        col(Message.id) > message.id)).all()
    for row in later:
        if row.item_id not in kept_badges:
            session.delete(row)
    if not keep_message:
        session.execute(delete(ToolCall).where(col(ToolCall.message_id) == message.id,
                                               col(ToolCall.user_id) == user.id))
        session.delete(message)
    session.flush()
    return message


def give_feedback(session: Session, user: User, conversation_id: int, item_id: str, kind: str) -> None:
    """Thumbs up / down on one answer: the same column ChatKit's `add_feedback` fills."""
    conversation = get_conversation(session, user, conversation_id)
    if not set_feedback(session, user, conversation, [item_id], kind):
        raise NotFound(f"Item {item_id} not found")
