"""The units of work that open and close a chat turn, each doing in one transaction (one worker
thread hand-off, one commit) what used to take two:

- `begin_turn_by_token`: the token's session is checked where the user's message is saved (the
  door verified the token's signature without the database);
- `save_answer`: the answer is saved with the turn's own analytics events.

A turn is then three units of work: this opening, each tool call with its record, the answer.
"""

from __future__ import annotations

from sqlmodel import Session

from todo_chat.agent.attachments import open_turn_with_files
from todo_chat.core.db import run_db
from todo_chat.models import Conversation, ItemRole, Message, User
from todo_chat.services import analytics, conversations, tokens
from todo_chat.services.conversations import TurnInput, check_message
from todo_chat.services.ratelimit import check_chat_turn_of, check_chat_turn_open_of
from todo_chat.services.tokens import SessionClaims


async def begin_turn_by_token(claims: SessionClaims, text: str, conversation_id: int | None = None,
                              attachment_ids: list[str] | None = None) -> tuple[User, TurnInput]:
    """`turn.begin_turn` for a door that checked the token but not its session yet: the session's
    user and the saved message come from one unit of work. The turn is admitted first (the one
    message limit, the chat rate limit by the user id the signed token names). InvalidToken when
    the session has ended; nothing is saved then, and nothing counted: a revoked token uses none of
    the user's turns. The turn is counted once its session is known to be live; a burst that
    raced past a full minute is refused then (RateLimited), its message kept as unanswered."""
    check_message(text or "")
    await check_chat_turn_open_of(claims.user_id)
    user, turn = await run_db(_open_as, claims, text, conversation_id, attachment_ids or [])
    await check_chat_turn_of(claims.user_id)
    return user, turn


def _open_as(session: Session, claims: SessionClaims, text: str, conversation_id: int | None,
             attachment_ids: list[str]) -> tuple[User, TurnInput]:
    user = tokens.authenticate(session, claims)
    return user, open_turn_with_files(session, user, text, conversation_id, False, attachment_ids)


def save_answer(session: Session, user: User, conversation: Conversation, reply: str, item_id: str,
                events: list[analytics.Row]) -> Message:
    """The answer and the turn's own analytics events (`analytics.answer_events`). The conversation
    is not bumped again: the turn's opening dated it with the user's message moments before."""
    analytics.save_with_answer(session, user, events)
    return conversations.add_message(session, user, conversation, ItemRole.assistant, reply, item_id=item_id,
                                     bump=False)
