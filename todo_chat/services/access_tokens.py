"""Personal access tokens, and who an MCP request acts for.

A user makes a token, names it, gives it a scope (`read`: list tasks; `write`: change them too)
and can revoke it. The secret is shown once, at creation; only its SHA-256 is kept (the secret is
256 random bits, so a fast hash suffices and a request costs one indexed lookup, no argon2).

Our own agent, with AGENT_TOOLS=mcp, reaches the MCP server with a short-lived signed token of
its turn instead (`turn_token`): it names the user, the conversation and the user message, so
the calls it makes are filed under that turn like calls made in process.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from limits import RateLimitItemPerMinute
from pydantic import BaseModel, Field, field_validator
from sqlmodel import Session, col, select

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken, create_token, decode_token, user_id_from_token
from todo_chat.core.time import utcnow
from todo_chat.models import AccessToken, TokenScope, User
from todo_chat.models.access_token import NAME_MAX
from todo_chat.services.errors import Conflict
from todo_chat.services.ownership import get_owned
from todo_chat.services.ratelimit import hit

PREFIX = "tc_pat_"
TOKENS_MAX = 50  # per user: enough for every client a person has, bounded all the same
SEEN_EVERY = timedelta(minutes=1)  # `last_used_at` is written at most this often per token
CALLS_MESSAGE = "Too many tool calls. Try again in {retry_after} s."


class TokenCreate(BaseModel):
    name: str = Field(min_length=1, max_length=NAME_MAX)
    scope: TokenScope = TokenScope.read
    expires_in_days: int | None = Field(default=None, ge=1, le=3650, description="none: never expires")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("Give the token a name")
        return value


@dataclass(frozen=True)
class Principal:
    """Who an MCP request acts for, and what it may do."""

    user: User
    scope: TokenScope
    token_id: int | None = None  # a personal access token
    # A chat turn's own token: its calls are filed under this conversation and user message.
    conversation_id: int | None = None
    message_id: int | None = None

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.write


def secret_digest(secret: str) -> str:
    """How a random secret is stored: its SHA-256 (the calendar feed's secrets too)."""
    return hashlib.sha256(secret.encode()).hexdigest()



# --- units of work (session, user, ...) ----------------------------------------------------------

def create(session: Session, user: User, data: TokenCreate) -> tuple[AccessToken, str]:
    """A new token and its secret (shown once: it is never stored)."""
    count = len(session.exec(select(AccessToken.id).where(col(AccessToken.user_id) == user.id)).all())
    if count >= TOKENS_MAX:
        raise Conflict(f"You have {TOKENS_MAX} tokens already: revoke one you no longer use")
    assert user.id is not None  # a saved user
    secret = PREFIX + secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(days=data.expires_in_days) if data.expires_in_days else None
    row = AccessToken(user_id=user.id, name=data.name, scope=data.scope, token_hash=secret_digest(secret),
                      hint=secret[:len(PREFIX) + 4], expires_at=expires)
    session.add(row)
    session.flush()
    return row, secret


def list_tokens(session: Session, user: User) -> list[AccessToken]:
    return list(session.exec(select(AccessToken).where(col(AccessToken.user_id) == user.id)
                             .order_by(col(AccessToken.id))).all())


def revoke(session: Session, user: User, token_id: int) -> None:
    """The token stops working at once (another user's token is a NotFound, like a missing one)."""
    session.delete(get_owned(session, AccessToken, token_id, user, "Token"))
    session.flush()


def principal_of(session: Session, secret: str) -> Principal | None:
    """Who a personal access token acts for, or None (unknown, revoked or expired)."""
    found = session.exec(select(AccessToken, User).join(User, col(User.id) == col(AccessToken.user_id))
                         .where(col(AccessToken.token_hash) == secret_digest(secret))).first()
    if found is None:
        return None
    row, user = found
    now = utcnow()
    if row.expires_at is not None and row.expires_at <= now:
        return None
    if row.last_used_at is None or now - row.last_used_at > SEEN_EVERY:
        row.last_used_at = now
        session.flush()
    return Principal(user=user, scope=row.scope, token_id=row.id)


# --- what the doors call ---------------------------------------------------------------------

def turn_token(user: User, conversation_id: int, message_id: int) -> str:
    """A chat turn's token for our MCP server (never leaves the server; a few minutes long)."""
    assert user.id is not None  # a saved user
    return create_token(user.id, "mcp", extra={"cid": conversation_id, "mid": message_id})


async def verify(token: str) -> Principal | None:
    """Who a bearer token sent to the MCP server acts for, or None."""
    token = token.strip()[:4096]
    if token.startswith(PREFIX):
        return await run_db(principal_of, token)
    try:
        user_id = user_id_from_token(token, ("mcp",))
        claims = decode_token(token, ("mcp",))
    except InvalidToken:
        return None
    conversation_id, message_id = claims.get("cid"), claims.get("mid")
    if not isinstance(conversation_id, int) or not isinstance(message_id, int):
        return None
    user = await run_db(lambda session: session.get(User, user_id))
    if user is None:
        return None
    return Principal(user=user, scope=TokenScope.write, conversation_id=conversation_id, message_id=message_id)


async def count_call(principal: Principal) -> None:
    """Count one MCP tool call against the user's limit (RateLimited beyond it). A chat turn's
    own calls are not counted again: the turn was admitted already."""
    if principal.token_id is not None:
        await hit(RateLimitItemPerMinute(get_settings().mcp_calls_per_minute), "mcp-call", str(principal.user.id),
                  message=CALLS_MESSAGE)
