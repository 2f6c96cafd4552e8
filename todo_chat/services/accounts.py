"""Sign up, log in, look up users.

Hashing takes ~50-100 ms of CPU: `register` and `authenticate` hash in a worker thread and touch
the database in short units of work of their own, so neither a connection nor the event loop is
held while argon2 runs.
"""

from __future__ import annotations

import logging
import re
import shutil

from sqlmodel import Session, select

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_cpu, run_db
from todo_chat.core.security import hash_password, verify_password
from todo_chat.core.text import BLANK, blank_class, is_blank
from todo_chat.models import User
from todo_chat.services import ratelimit, tokens
from todo_chat.services.errors import Conflict, Invalid, NotFound, ServiceError
from todo_chat.services.tasks import check_timezone

log = logging.getLogger(__name__)


class WrongPassword(ServiceError):
    """The current password given to confirm a change is not the account's."""

# An address: no blanks, controls or second '@'. EMAIL_PATTERN is what the API's schema
# publishes (blanks allowed around it: they are stripped).
_EMAIL_CHAR = f"[^@{blank_class()}\\x00-\\x1f\\x7f-\\x9f]"
EMAIL_RE = re.compile(f"{_EMAIL_CHAR}+@{_EMAIL_CHAR}+\\.{_EMAIL_CHAR}+")
EMAIL_PATTERN = f"^[{blank_class()}]*{EMAIL_RE.pattern}[{blank_class()}]*$"
PASSWORD_MIN = 8
PASSWORD_MAX = 256
# A real hash to verify against when the email is unknown, so both failures take as long.
_DUMMY_HASH = hash_password("not-a-real-password")


def normalize_email(email: str) -> str:
    email = email.strip(BLANK).lower()
    if not EMAIL_RE.fullmatch(email) or len(email) > 320:
        raise Invalid("Enter a valid email address")
    return email


def check_password_strength(password: str) -> None:
    if len(password) < PASSWORD_MIN or is_blank(password):
        raise Invalid(f"Password must be at least {PASSWORD_MIN} characters")
    if len(password) > PASSWORD_MAX:
        raise Invalid(f"Password must be at most {PASSWORD_MAX} characters")


def find_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip(BLANK).lower())).first()


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


def _current(session: Session, user: User) -> User:
    """The acting user's row in this unit of work (NotFound if the account was deleted meanwhile)."""
    row = session.get(User, user.id)
    if row is None:
        raise NotFound("Account not found")
    return row


def update_profile(session: Session, user: User, name: str | None = None,
                   timezone: str | None = None) -> User:
    """Change what a person may change about themselves; None leaves a field as it is."""
    row = _current(session, user)
    if name is not None:
        row.name = name.strip()[:120] or row.name
    if timezone is not None:
        row.timezone = check_timezone(timezone)
    session.add(row)
    session.flush()
    return row


async def register(email: str, password: str, name: str = "", client_ip: str | None = None,
                   timezone: str = "UTC") -> User:
    """Validate, hash off the event loop, then save: the one way an account is made.

    Sign-ups are throttled per client IP (SIGNUP_ATTEMPTS_PER_IP): RateLimited beyond it.
    """
    await ratelimit.check_signup(client_ip)
    email = normalize_email(email)
    check_password_strength(password)
    check_timezone(timezone or "UTC")
    if await run_db(find_by_email, email):  # fail fast, before paying for a hash
        raise Conflict("An account with this email already exists")
    password_hash = await run_cpu(hash_password, password)
    return await run_db(create_user, email, password_hash, name, timezone)


async def authenticate(email: str, password: str, client_ip: str | None = None) -> User | None:
    """The user if the credentials match, else None (never says which part was wrong).

    Throttled before any hash is paid for: every attempt per client IP, failures per account
    (known or not, so the answer says nothing about which emails exist). RateLimited beyond.
    """
    await ratelimit.check_login(email, client_ip)
    user = await run_db(find_by_email, email)
    matches = await run_cpu(verify_password, password[:PASSWORD_MAX],
                            user.password_hash if user else _DUMMY_HASH)
    if user is None or not matches:
        await ratelimit.count_login_failure(email)
        return None
    return user


async def confirm_password(user: User, password: str) -> None:
    """A destructive change needs the current password: WrongPassword (counted like a failed
    login, so a stolen access token cannot be used to guess it) or RateLimited."""
    await ratelimit.check_login(user.email, None)
    if not await run_cpu(verify_password, password[:PASSWORD_MAX], user.password_hash):
        await ratelimit.count_login_failure(user.email)
        raise WrongPassword("Current password is incorrect")


def set_password_hash(session: Session, user: User, password_hash: str) -> User:
    """Store a new password and end every login session of the account."""
    row = _current(session, user)
    row.password_hash = password_hash
    session.add(row)
    tokens.revoke_all_sessions(session, row)
    session.flush()
    return row


async def change_password(user: User, current: str, new: str) -> tokens.Tokens:
    """Check the current password, store the new one, end every session (a stolen token stops
    working) and open a fresh one for the caller."""
    await confirm_password(user, current)
    check_password_strength(new)
    password_hash = await run_cpu(hash_password, new)
    user = await run_db(set_password_hash, user, password_hash)
    return await tokens.start_session(user)


def remove_user(session: Session, user: User) -> None:
    """Delete the account row; the database cascades (`ON DELETE CASCADE` on every user_id) to
    its sessions, tasks, conversations, messages, tool calls and attachment rows."""
    row = session.get(User, user.id)
    if row is not None:
        session.delete(row)
        session.flush()


async def delete_account(user: User, password: str) -> None:
    """Delete the account and everything it owns, attachment files included."""
    await confirm_password(user, password)
    await run_db(remove_user, user)
    folder = get_settings().attachments_dir / str(user.id)
    await run_cpu(shutil.rmtree, folder, ignore_errors=True)
    log.info("account %s deleted", user.id)
