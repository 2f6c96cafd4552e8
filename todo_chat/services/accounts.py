"""Sign up, log in, look up users."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from todo_chat.core.security import hash_password, verify_password
from todo_chat.models import User
from todo_chat.services.errors import Conflict, Invalid

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PASSWORD_MIN = 8
# A real hash to verify against when the email is unknown, so both failures take as long.
_DUMMY_HASH = hash_password("not-a-real-password")


def normalize_email(email: str) -> str:
    email = email.strip().lower()
    if not EMAIL_RE.match(email) or len(email) > 320:
        raise Invalid("Enter a valid email address")
    return email


def check_password_strength(password: str) -> None:
    if len(password) < PASSWORD_MIN or not password.strip():
        raise Invalid(f"Password must be at least {PASSWORD_MIN} characters")
    if len(password) > 256:
        raise Invalid("Password must be at most 256 characters")


def sign_up(session: Session, email: str, password: str, name: str = "") -> User:
    email = normalize_email(email)
    check_password_strength(password)
    if session.exec(select(User).where(User.email == email)).first():
        raise Conflict("An account with this email already exists")
    user = User(email=email, name=name.strip()[:120] or email.split("@")[0],
                password_hash=hash_password(password))
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user if the credentials match, else None (never says which part was wrong)."""
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    return user if verify_password(password, user.password_hash) else None


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)
