"""The settings page's access tokens: make one (its secret shown once), list them, revoke one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import reflex as rx
from pydantic import ValidationError

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.models import AccessToken, TokenScope
from todo_chat.services import access_tokens
from todo_chat.services.access_tokens import TokenCreate
from todo_chat.ui.state.auth import AuthState, change_as_user

SCOPE_WORDS = {TokenScope.read: "Read only", TokenScope.write: "Read and write"}


@dataclass
class TokenView:
    id: int
    name: str
    access: str  # in words: "Read only" / "Read and write"
    hint: str
    created: str
    last_used: str


def _day(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y") if value else "never"


def token_view(row: AccessToken) -> TokenView:
    return TokenView(id=row.id or 0, name=row.name, access=SCOPE_WORDS[row.scope], hint=row.hint + "…",
                     created=_day(row.created_at), last_used=_day(row.last_used_at))


class TokensState(rx.State):
    tokens: list[TokenView] = []
    # The secret of the token just made: shown until dismissed, never again.
    new_secret: str = ""
    error: str = ""

    @rx.var
    def mcp_url(self) -> str:
        return get_settings().resolved_mcp_url

    @rx.event
    async def load(self):
        self.new_secret = ""
        user = await (await self.get_state(AuthState)).current_user()
        if user is not None:
            self.tokens = [token_view(row) for row in await run_db(access_tokens.list_tokens, user)]

    @rx.event
    async def create(self, form: dict):
        try:
            data = TokenCreate(name=form.get("name", ""), scope=form.get("scope") or "read")
        except ValidationError as exc:
            self.error = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            return
        made: list[str] = []
        self.error = await change_as_user(self, lambda s, u: made.append(access_tokens.create(s, u, data)[1]))
        if made:
            await self.load()
            self.new_secret = made[0]

    @rx.event
    def dismiss_secret(self):
        self.new_secret = ""

    @rx.event
    async def revoke(self, token_id: int):
        self.error = await change_as_user(self, lambda s, u: access_tokens.revoke(s, u, token_id))
        await self.load()
