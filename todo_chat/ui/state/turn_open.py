"""Opening a turn from the page. A new message opens its turn in one unit of work, like the chat
door's (`agent.units.begin_turn_by_token`): the token's session is checked, the message saved
(with the composer's files) and the native view's `message_sent` event recorded in one
transaction: one thread hand-off and one commit where there were three (issue 19: the page).

The rules stay those of the separate steps and of the chat door: the message within its limit and
the chat minute not full before anything is saved, the turn counted once the session is known to
be live (a revoked token uses none of the user's turns); the event only while the user's
analytics limit allows one (a refusal never gets in the way of the chat), counted once recorded.
`open_from_page` opens a turn of any kind and says why one was refused (`Refused`), as the page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlmodel import Session

from todo_chat.agent.attachments import open_turn_with_files
from todo_chat.agent.turn import admit
from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken
from todo_chat.models import EventKind, EventSource, User
from todo_chat.services import analytics, ratelimit, tokens, turn_edits
from todo_chat.services.conversations import TurnInput, check_message
from todo_chat.services.errors import Invalid, ServiceError
from todo_chat.services.ratelimit import RateLimited, check_chat_turn_of, check_chat_turn_open_of
from todo_chat.ui.state.auth import EXPIRED_NOTICE, user_for
from todo_chat.ui.state.composer_files import AttachedFile

Mode = Literal["send", "retry", "edit", "regenerate"]


@dataclass(frozen=True)
class Refused:
    """Why a turn did not open, as the page says it. `drop_pending`: nothing was saved, so the
    message shown pending goes (a signed-out page keeps it, as sent)."""

    error: str = ""
    rate_limited: str = ""
    drop_pending: bool = False


async def open_from_page(mode: Mode, text: str | None, conversation_id: int | None, token: str,
                         files: list[AttachedFile] | None) -> tuple[User, TurnInput] | Refused:
    """The user and the opened turn (the user's message saved) for a message sent, edited,
    retried or regenerated from the page, or why not."""
    try:
        if mode == "send":  # the common case: session check, message and event in one unit of work
            return await open_sent_turn(token, text or "", conversation_id, [f.id for f in files or []])
        user = await user_for(token)
        if user is None:
            return Refused(error=EXPIRED_NOTICE)
        turn = await open_for(user, mode, text, conversation_id, files)
    except InvalidToken:
        return Refused(error=EXPIRED_NOTICE)
    except RateLimited as exc:
        return Refused(rate_limited=str(exc), drop_pending=True)
    except ServiceError as exc:
        return Refused(error=str(exc), drop_pending=True)
    await analytics.native_message(user, turn.conversation.thread_id, text)
    return user, turn


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
