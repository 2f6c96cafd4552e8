"""Password hashing (passlib, argon2) and JWTs (pyjwt, HS256)."""

from __future__ import annotations

import logging
import os
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Literal

import jwt
from passlib.context import CryptContext

from todo_chat.core.config import get_settings
from todo_chat.core.db import ID_MAX

log = logging.getLogger(__name__)

# argon2, not bcrypt: passlib 1.7.4 breaks with bcrypt >= 4.1.
_passwords = CryptContext(schemes=["argon2"], deprecated="auto")

# "mcp": a chat turn's own short-lived token for our MCP server (AGENT_TOOLS=mcp).
TokenKind = Literal["access", "refresh", "chatkit", "mcp"]
ALGORITHM = "HS256"


class InvalidToken(Exception):
    """The token is missing, malformed, expired, or of the wrong kind."""


def hash_password(password: str) -> str:
    return _passwords.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _passwords.verify(password, password_hash)
    except ValueError:
        return False


@lru_cache
def auth_secret() -> str:
    """The signing secret: from settings, else (dev only) one generated once and kept on disk."""
    settings = get_settings()
    if settings.better_auth_secret:
        return settings.better_auth_secret
    if settings.environment == "production":
        raise RuntimeError("BETTER_AUTH_SECRET must be set in production")
    path = settings.data_dir / ".auth_secret"
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Created 0600 from the start: never readable by others, not even for a moment.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(48))
        log.warning("BETTER_AUTH_SECRET is not set: generated a development secret in %s", path)
    elif path.stat().st_mode & 0o077:  # kept by an older version with the default umask
        path.chmod(0o600)
    return path.read_text().strip()


def token_lifetime(kind: TokenKind) -> timedelta:
    settings = get_settings()
    return {
        "access": timedelta(minutes=settings.access_token_minutes),
        "refresh": timedelta(days=settings.refresh_token_days),
        "chatkit": timedelta(minutes=settings.chatkit_session_minutes),
        "mcp": timedelta(minutes=15),
    }[kind]


def create_token(user_id: int, kind: TokenKind, lifetime: timedelta | None = None, *,
                 session_id: str | None = None, jti: str | None = None, extra: dict | None = None) -> str:
    """A signed token. `session_id` (claim `sid`) names the login session the server can revoke
    (see services/tokens.py, the one place that issues tokens to users)."""
    now = datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "typ": kind,
        "iat": now,
        "exp": now + (lifetime or token_lifetime(kind)),
        "jti": jti or uuid.uuid4().hex,
    }
    if session_id is not None:
        claims["sid"] = session_id
    claims |= extra or {}
    return jwt.encode(claims, auth_secret(), algorithm=ALGORITHM)


def decode_token(token: str, kinds: tuple[TokenKind, ...] = ("access",)) -> dict:
    """Verify signature, expiry and kind; return the claims."""
    try:
        claims = jwt.decode(
            token, auth_secret(), algorithms=[ALGORITHM], options={"require": ["sub", "exp", "iat"]}
        )
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("Token has expired") from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken("Invalid token") from exc
    if claims.get("typ", "access") not in kinds:
        raise InvalidToken("Wrong kind of token")
    return claims


def user_id_from_token(token: str, kinds: tuple[TokenKind, ...] = ("access",)) -> int:
    return user_id_of(decode_token(token, kinds))


def user_id_of(claims: dict) -> int:
    """The user id of verified claims (`decode_token`)."""
    sub = claims["sub"]
    # A decimal id the database can hold: a `sub` of 2**63 must be a 401, never reach the driver.
    if not isinstance(sub, str) or not sub.isascii() or not sub.isdigit() or len(sub) > 10 \
            or not 1 <= int(sub) <= ID_MAX:
        raise InvalidToken("Invalid token")
    return int(sub)
