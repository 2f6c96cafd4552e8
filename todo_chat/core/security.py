"""Password hashing (passlib, argon2) and JWTs (pyjwt, HS256)."""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Literal

import jwt
from passlib.context import CryptContext

from todo_chat.core.config import get_settings

log = logging.getLogger(__name__)

# argon2, not bcrypt: passlib 1.7.4 breaks with bcrypt >= 4.1.
_passwords = CryptContext(schemes=["argon2"], deprecated="auto")

TokenKind = Literal["access", "refresh", "chatkit"]
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
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
        log.warning("BETTER_AUTH_SECRET is not set: generated a development secret in %s", path)
    return path.read_text().strip()


def token_lifetime(kind: TokenKind) -> timedelta:
    settings = get_settings()
    return {
        "access": timedelta(minutes=settings.access_token_minutes),
        "refresh": timedelta(days=settings.refresh_token_days),
        "chatkit": timedelta(minutes=settings.chatkit_session_minutes),
    }[kind]


def create_token(user_id: int, kind: TokenKind, lifetime: timedelta | None = None) -> str:
    now = datetime.now(timezone.utc)
    claims = {
        "sub": str(user_id),
        "typ": kind,
        "iat": now,
        "exp": now + (lifetime or token_lifetime(kind)),
        "jti": uuid.uuid4().hex,
    }
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
    claims = decode_token(token, kinds)
    try:
        return int(claims["sub"])
    except (TypeError, ValueError) as exc:
        raise InvalidToken("Invalid token") from exc
