"""Login sessions and the tokens issued for them: the one place tokens for a user are made.

Every token (access, refresh, ChatKit `client_secret`, attachment upload) carries the id of its
login session (`sid`). A session is a row (`AuthSession`) the server can revoke, so a token stops
working at logout, at a password change, or when its account is deleted, not only when it expires:

- `start_session` (login, signup, the Reflex login page) opens a session and issues its tokens.
- `user_from_token` is how every door (HTTP bearer, ChatKit, the Reflex state) turns a token into
  the user: signature, expiry and kind, then the session must still be live.
- `refresh` rotates: each refresh token is good for one use and the answer carries the next one.
  Using an already rotated refresh token means a copy exists somewhere (a thief, or a replay):
  the whole session, every token of its family, is revoked.
- `end_session` (logout) and `end_all_sessions` (password change, account deletion) revoke.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Select, bindparam, delete, update
from sqlmodel import Session, col, select

from todo_chat.core.db import rows_affected, run_db
from todo_chat.core.security import (
    InvalidToken,
    TokenKind,
    create_token,
    decode_token,
    token_lifetime,
    user_id_of,
)
from todo_chat.core.time import utcnow
from todo_chat.models import AuthSession, User

REUSED = "Refresh token was already used: this session is closed for safety, log in again"
ENDED = "Session has ended: log in again"


@dataclass(frozen=True)
class Tokens:
    """What a login answers: the access token, the refresh token, and who it is for."""

    access_token: str
    refresh_token: str
    expires_in: int
    session_id: str
    user: User


def _new_id() -> str:
    return uuid.uuid4().hex


def _tokens(user: User, session_id: str, refresh_jti: str) -> Tokens:
    return Tokens(
        access_token=create_token(user.id, "access", session_id=session_id),
        refresh_token=create_token(user.id, "refresh", session_id=session_id, jti=refresh_jti),
        expires_in=int(token_lifetime("access").total_seconds()),
        session_id=session_id,
        user=user,
    )


# --- units of work (session, ...) --------------------------------------------------------------

def open_session(session: Session, user: User) -> AuthSession:
    """A new login session for `user`; the user's sessions that are over are pruned."""
    now = utcnow()
    session.execute(delete(AuthSession).where(col(AuthSession.user_id) == user.id,
                                              col(AuthSession.expires_at) < now))
    row = AuthSession(id=_new_id(), user_id=user.id, refresh_jti=_new_id(),
                      expires_at=now + token_lifetime("refresh"))
    session.add(row)
    session.flush()
    return row


def live_user(session: Session, user_id: int, session_id: str) -> User | None:
    """The user, if `session_id` is one of their sessions and it is neither revoked nor over."""
    found = session.exec(_session_with_user(),  # type: ignore[call-overload]
                         params={"session_id": session_id}).first()  # one query per request
    if found is None:
        return None
    owner_id, revoked_at, expires_at, user = found
    if owner_id != user_id or revoked_at is not None or expires_at < utcnow():
        return None
    return user


@lru_cache(maxsize=1)
def _session_with_user() -> Select:
    """The statement of `live_user`, built once (every request and chat turn runs it). The session
    as the three columns the check reads, not a loaded `AuthSession` nobody uses after it."""
    return (select(col(AuthSession.user_id), col(AuthSession.revoked_at), col(AuthSession.expires_at), User)
            .join(User, col(User.id) == col(AuthSession.user_id))
            .where(col(AuthSession.id) == bindparam("session_id")))


def rotate(session: Session, user_id: int, session_id: str, jti: str) -> tuple[User, str] | str:
    """Swap the session's refresh token `jti` for a new one: (user, new jti), or why not.

    The swap is one conditional UPDATE, so of two requests racing with the same refresh token
    exactly one wins; the other is a reuse, and revokes the session.
    """
    user = live_user(session, user_id, session_id)
    if user is None:
        return ENDED
    new_jti, now = _new_id(), utcnow()
    swapped = rows_affected(session.execute(
        update(AuthSession)
        .where(col(AuthSession.id) == session_id, col(AuthSession.refresh_jti) == jti,
               col(AuthSession.revoked_at).is_(None))
        .values(refresh_jti=new_jti, expires_at=now + token_lifetime("refresh"))
        .execution_options(synchronize_session=False)
    ))
    if swapped != 1:
        revoke_session(session, user_id, session_id)
        return REUSED
    return user, new_jti


def revoke_session(session: Session, user_id: int, session_id: str) -> None:
    session.execute(
        update(AuthSession)
        .where(col(AuthSession.id) == session_id, col(AuthSession.user_id) == user_id,
               col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def revoke_all_sessions(session: Session, user: User) -> None:
    session.execute(
        update(AuthSession)
        .where(col(AuthSession.user_id) == user.id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


# --- what the doors call ---------------------------------------------------------------------

def _claims(token: str, kinds: tuple[TokenKind, ...]) -> tuple[int, str, dict]:
    claims = decode_token(token, kinds)  # signature, expiry, kind
    user_id = user_id_of(claims)  # a sane `sub`
    session_id = claims.get("sid")
    if not isinstance(session_id, str) or not session_id or len(session_id) > 32:
        raise InvalidToken("Invalid token")  # made before sessions existed: cannot be revoked
    return user_id, session_id, claims


async def start_session(user: User) -> Tokens:
    row = await run_db(open_session, user)
    return _tokens(user, row.id, row.refresh_jti)


@dataclass(frozen=True)
class SessionClaims:
    """A token whose signature, expiry and kind are checked, but not yet its session."""

    user_id: int
    session_id: str


def session_claims(token: str, kinds: tuple[TokenKind, ...] = ("access",)) -> SessionClaims:
    """Check a token without the database (InvalidToken); `authenticate` checks its session, in
    whatever unit of work the door runs first (a chat turn: the one that saves the message)."""
    user_id, session_id, _ = _claims(token, kinds)
    return SessionClaims(user_id, session_id)


def authenticate(session: Session, claims: SessionClaims) -> User:
    """The user of `claims` if its session is live; else InvalidToken."""
    user = live_user(session, claims.user_id, claims.session_id)
    if user is None:
        raise InvalidToken(ENDED)
    return user


async def user_from_token(token: str, kinds: tuple[TokenKind, ...] = ("access",)) -> tuple[User, str]:
    """(user, session id) of a valid token whose session is live; else InvalidToken."""
    user_id, session_id, _ = _claims(token, kinds)
    user = await run_db(live_user, user_id, session_id)
    if user is None:
        raise InvalidToken(ENDED)
    return user, session_id


async def refresh(refresh_token: str) -> Tokens:
    """The next tokens of the refresh token's session; InvalidToken if it is not the newest one."""
    user_id, session_id, claims = _claims(refresh_token, ("refresh",))
    outcome = await run_db(rotate, user_id, session_id, str(claims.get("jti", "")))
    if isinstance(outcome, str):
        raise InvalidToken(outcome)
    user, new_jti = outcome
    return _tokens(user, session_id, new_jti)


async def end_session(user: User, session_id: str) -> None:
    await run_db(revoke_session, user.id, session_id)


async def end_session_of(token: str) -> None:
    """Log out by token (the Reflex page holds tokens, not a request): revoke its session."""
    try:
        user_id, session_id, _ = _claims(token, ("access", "refresh"))
    except InvalidToken:
        return
    await run_db(revoke_session, user_id, session_id)


def client_secret(user: User, session_id: str) -> str:
    """A short-lived token for ChatKit (`client_secret`, upload URLs), of the caller's session."""
    return create_token(user.id, "chatkit", session_id=session_id)
