"""Sign up, log in, look up users.

Hashing takes ~50-100 ms of CPU: `register` and `authenticate` hash in a worker thread and touch
the database in short units of work of their own, so neither a connection nor the event loop is
held while argon2 runs.
"""

from __future__ import annotations

import re

from sqlmodel import Session, select

from todo_chat.core.db import run_cpu, run_db
from todo_chat.core.security import hash_password, verify_password
from todo_chat.models import User
from todo_chat.services.errors import Conflict, Invalid
from todo_chat.services.tasks import check_timezone

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PASSWORD_MIN = 8
PASSWORD_MAX = 256
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
    if len(password) > PASSWORD_MAX:
        raise Invalid(f"Password must be at most {PASSWORD_MAX} characters")


def find_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def create_user(session: Session, email: str, password_hash: str, name: str = "",
                timezone: str = "UTC") -> User:
    """A new account from an already hashed password (see `register`)."""
    email = normalize_email(email)
    if find_by_email(session, email):
        raise Conflict("An account with this email already exists")
    user = User(email=email, name=name.strip()[:120] or email.split("@")[0], password_hash=password_hash,
                timezone=check_timezone(timezone or "UTC"))
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def update_profile(session: Session, user: User, name: str | None = None,
                   timezone: str | None = None) -> User:
    """Change what a person may change about themselves; None leaves a field as it is."""
    user = session.get(User, user.id)
    if name is not None:
        user.name = name.strip()[:120] or user.name
    if timezone is not None:
        user.timezone = check_timezone(timezone)
    session.add(user)
    session.flush()
    return user


async def register(email: str, password: str, name: str = "", timezone: str = "UTC") -> User:
    """Validate, hash off the event loop, then save: the one way an account is made."""
    email = normalize_email(email)
    check_password_strength(password)
    check_timezone(timezone or "UTC")
    if await run_db(find_by_email, email):  # fail fast, before paying for a hash
        raise Conflict("An account with this email already exists")
    password_hash = await run_cpu(hash_password, password)
    return await run_db(create_user, email, password_hash, name, timezone)


async def authenticate(email: str, password: str) -> User | None:
    """The user if the credentials match, else None (never says which part was wrong)."""
    user = await run_db(find_by_email, email)
    matches = await run_cpu(verify_password, password[:PASSWORD_MAX],
                            user.password_hash if user else _DUMMY_HASH)
    return user if user is not None and matches else None
