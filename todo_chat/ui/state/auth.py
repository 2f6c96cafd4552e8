"""Who is logged in. The token lives in the browser's localStorage, as the seeds keep it."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken, decode_token
from todo_chat.models import User
from todo_chat.services import accounts, tokens
from todo_chat.services.errors import ServiceError
from todo_chat.services.tasks import check_timezone

EXPIRED_NOTICE = "Your session expired. Please log in again."
REFRESH_MARGIN_S = 300  # renew the access token this long before it expires


@functools.lru_cache(maxsize=1024)
def expires_at(token: str) -> float:
    """When a valid token expires (0 for an invalid one). Read once per token, not at every message:
    verifying the signature is a tenth of a millisecond under the state lock, and this only says
    when to renew; every turn checks the token itself."""
    try:
        return float(decode_token(token)["exp"])
    except InvalidToken:
        return 0.0


def known_zone(name: str | None, default: str = "UTC") -> str:
    """The browser's zone if it is one we know; an odd one must not block logging in."""
    try:
        return check_timezone(name) if name else default
    except ServiceError:
        return default


class AuthState(rx.State):
    token: str = rx.LocalStorage("", name="token", sync=True)
    refresh_token: str = rx.LocalStorage("", name="refresh_token", sync=True)
    user_name: str = ""
    user_email: str = ""
    error: str = ""
    notice: str = ""
    busy: bool = False

    # -- helpers other states use (not events) -----------------------------------------------

    async def current_user(self) -> User | None:
        """The user behind the token, or None when it is missing, expired, forged or revoked
        (the same check as the API's: `services.tokens`)."""
        return await user_for(self.token)

    def _keep(self, issued: tokens.Tokens) -> None:
        self.token, self.refresh_token = issued.access_token, issued.refresh_token
        self.user_name, self.user_email = issued.user.name, issued.user.email
        self.error = self.notice = ""

    async def _remember(self, user: User) -> None:
        """A new login session, as the API's login opens one (revocable the same way)."""
        self._keep(await tokens.start_session(user))

    def _client_ip(self) -> str | None:
        return self.router.session.client_ip or None

    def _seconds_left(self) -> float:
        return expires_at(self.token) - time.time()

    def needs_renewal(self) -> bool:
        """Whether `keep_fresh` has anything to do (decoding only: no database read)."""
        return self._seconds_left() < REFRESH_MARGIN_S

    # -- events --------------------------------------------------------------------------------

    @rx.var
    def is_logged_in(self) -> bool:
        return bool(self.token) and bool(self.user_email)

    @rx.event(background=True)
    async def require_login(self):
        """on_load of private pages: renew a token about to expire, else back to /login.
        The token checks read the database with the state lock released."""
        async with self:
            expiring, token, refresh_token = self.needs_renewal(), self.token, self.refresh_token
        if expiring:
            issued = await renewed(refresh_token)
            async with self:
                if issued is None:
                    had_session = bool(self.token)
                    self.token = self.refresh_token = ""
                    self.notice = EXPIRED_NOTICE if had_session else ""
                else:
                    self._keep(issued)
            if issued is None:
                yield rx.redirect("/login")
                return
            token = issued.access_token
        user = await user_for(token)
        async with self:
            if user is None:
                self.token = ""
            else:
                self.user_name, self.user_email = user.name, user.email
        if user is None:
            yield rx.redirect("/login")

    @rx.event(background=True)
    async def keep_fresh(self):
        """Called before each chat turn and on a timer: long chats never hit an expired token."""
        async with self:
            if not self.needs_renewal():
                return
            refresh_token = self.refresh_token
        issued = await renewed(refresh_token)
        if issued is None:
            yield AuthState.expire
            return
        async with self:
            self._keep(issued)

    @rx.event
    def expire(self):
        self.token = self.refresh_token = ""
        self.notice = EXPIRED_NOTICE
        return rx.redirect("/login")

    @rx.event(background=True)
    async def skip_if_logged_in(self):
        async with self:
            token, path = self.token, self.router.page.path
        if token and await user_for(token) is not None:
            yield rx.redirect("/chat")
        elif path == "/":
            yield rx.redirect("/login")

    @rx.event
    async def login(self, form: dict):
        try:
            user = await accounts.authenticate(form.get("email", ""), form.get("password", ""),
                                               self._client_ip())
        except ServiceError as exc:  # too many attempts
            self.error = str(exc)
            return None
        if user is None:
            self.error = "Incorrect email or password"
            return None
        zone = known_zone(form.get("timezone"), default="")
        if zone and zone != user.timezone:
            user = await run_db(accounts.update_profile, user, timezone=zone)
        await self._remember(user)
        return rx.redirect("/chat")

    @rx.event
    async def signup(self, form: dict):
        if form.get("password") != form.get("confirm", form.get("password")):
            self.error = "Passwords do not match"
            return None
        try:
            user = await accounts.register(form.get("email", ""), form.get("password", ""),
                                           form.get("name", ""), self._client_ip(),
                                           known_zone(form.get("timezone")))
        except ServiceError as exc:
            self.error = str(exc)
            return None
        await self._remember(user)
        return rx.redirect("/chat")

    @rx.event
    async def logout(self):
        """End the login session server-side (its tokens stop working everywhere), then forget."""
        await tokens.end_session_of(self.token or self.refresh_token)
        self.token = self.refresh_token = ""
        self.user_name = self.user_email = ""
        self.notice = "You have been logged out."
        return rx.redirect("/login")

    @rx.event
    def clear_error(self):
        self.error = ""


async def renewed(refresh_token: str) -> tokens.Tokens | None:
    """A new token pair for a refresh token (a database write), or None when that is no longer
    possible (expired, revoked, or already used)."""
    try:
        return await tokens.refresh(refresh_token)
    except InvalidToken:
        return None


async def user_for(token: str) -> User | None:
    """The user behind a token (a database read): call it with no state lock held."""
    try:
        user, _session_id = await tokens.user_from_token(token)
    except InvalidToken:
        return None
    return user


async def signed_in_user(state: Any) -> User | None:
    """For background events: read the token under the page's state lock, then look the user
    up with the lock released, so no database read ever holds the lock."""
    async with state:
        token = (await state.get_state(AuthState)).token
    return await user_for(token)


async def change_as_user(state: rx.State, change: Callable[[Session, User], Any]) -> str:
    """Run `change(session, user)` for the logged-in user; return '' or a message to show.
    From a plain event this holds the page's state lock while the database works: prefer
    `change_in_background` from a background event."""
    return await _change(await (await state.get_state(AuthState)).current_user(), change)


async def change_in_background(state: Any, change: Callable[[Session, User], Any]) -> str:
    """`change_as_user` for background events: the user lookup and the change run with no
    state lock held. Returns '' or a message to show."""
    return await _change(await signed_in_user(state), change)


async def _change(user: User | None, change: Callable[[Session, User], Any]) -> str:
    if user is None:
        return EXPIRED_NOTICE
    try:
        await run_db(change, user)
    except ServiceError as exc:
        return str(exc)
    return ""
