"""Opening a turn from the page. A new message opens its turn in one unit of work, like the chat
door's (`agent.units.begin_turn_by_token`): the token's session is checked, the message saved
(with the composer's files) and the native view's `message_sent` event recorded in one
transaction: one thread hand-off and one commit where there were three (issue 19: the page).

The rules stay those of the separate steps and of the chat door: the message within its limit and
the chat minute not full before anything is saved, the turn counted once the session is known to
be live (a revoked token uses none of the user's turns); the event only while the user's
analytics limit allows one (a refusal never gets in the way of the chat), counted once recorded.
"""

from __future__ import annotations

from typing import Literal

from sqlmodel import Session

from todo_chat.agent.attachments import open_turn_with_files
from todo_chat.agent.turn import admit
from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.models import EventKind, EventSource, User
from todo_chat.services import analytics, ratelimit, tokens, turn_edits
from todo_chat.services.conversations import TurnInput, check_message
from todo_chat.services.errors import Invalid
from todo_chat.services.ratelimit import RateLimited, check_chat_turn_of, check_chat_turn_open_of
from todo_chat.ui.state.composer_files import AttachedFile

Mode = Literal["send", "retry", "edit", "regenerate"]


async def open_sent_turn(token: str, text: str, conversation_id: int | None,
                         attachment_ids: list[str]) -> tuple[User, TurnInput]:
    """(user, opened turn) for a new message. Raises InvalidToken (signed out or session ended:
    nothing saved), Invalid / RateLimited (the turn is not admitted: nothing saved)."""
    claims = tokens.session_claims(token)
    length = len(text)  # as sent (the event's figure), before the check normalises it
    text = check_message(text)
    await check_chat_turn_open_of(claims.user_id)  # counted below, once the session is known live
    rates = get_settings().analytics_events_per_user
    try:
        await ratelimit.check_each(rates, "analytics", str(claims.user_id))
        note = True
    except RateLimited:
        note = False
    user, turn, noted = await run_db(_open, claims, text, conversation_id, attachment_ids, length if note else None)
    if noted:
        await ratelimit.count_each(rates, "analytics", str(user.id))  # as `analytics.track` counts it
    await check_chat_turn_of(claims.user_id)  # a burst past a full minute: RateLimited, message kept
    return user, turn


def _open(session: Session, claims: tokens.SessionClaims, text: str, conversation_id: int | None,
          attachment_ids: list[str], note_length: int | None) -> tuple[User, TurnInput, bool]:
    """`note_length`: record the event with this length (None: the analytics limit said no)."""
    user = tokens.authenticate(session, claims)
    turn = open_turn_with_files(session, user, text, conversation_id, False, attachment_ids)
    noted = note_length is not None and analytics.record_client_event(
        session, user, EventKind.message_sent, EventSource.native, turn.conversation.thread_id,
        {"length": note_length}) is not None
    return user, turn, noted


async def open_for(user: User, mode: Mode, text: str | None, conversation_id: int | None,
                   files: list[AttachedFile] | None = None) -> TurnInput:
    """Admit the turn, go back in the conversation if asked, and save/find the user's message
    (with the files attached in the composer)."""
    if mode in ("send", "edit"):
        text = check_message(text or "")
    await admit(user, None)  # the message was checked above (turn.admit(user, text) does both)
    if mode in ("edit", "regenerate"):
        if conversation_id is None:
            raise Invalid("There is no message to edit or answer again")
        await run_db(turn_edits.rewind, user, conversation_id, mode == "regenerate")
    return await run_db(open_turn_with_files, user, text, conversation_id, mode in ("retry", "regenerate"),
                        [f.id for f in files or []])
