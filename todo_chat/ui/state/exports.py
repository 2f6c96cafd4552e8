"""Downloads from the page: tasks as CSV or iCalendar, the open chat as Markdown (made on the
server by `services.exports` and handed to the browser, no token in any URL), and the secret
calendar-feed link on the settings page (shown once: only its hash is kept).

Background events: the user lookup and the database work run with the page's state lock released.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.services import exports
from todo_chat.services.errors import ServiceError
from todo_chat.ui.state.auth import EXPIRED_NOTICE, signed_in_user

_FAILED = object()


async def _as_user(state: rx.State, work: Callable[..., Any], *args: Any) -> tuple[Any, str]:
    """(work(session, user, *args), '') or (_FAILED, what to tell the person)."""
    user = await signed_in_user(state)
    if user is None:
        return _FAILED, EXPIRED_NOTICE
    try:
        return await run_db(work, user, *args), ""
    except ServiceError as exc:
        return _FAILED, str(exc)


class ExportState(rx.State):
    feed_active: bool = False
    # The feed URL just made: shown until the page is left, never again (only its hash is kept).
    feed_url: str = ""
    feed_error: str = ""

    @rx.event(background=True)
    async def tasks_csv(self):
        data, problem = await _as_user(self, exports.tasks_csv)
        yield rx.toast.error(problem) if problem else rx.download(data=data, filename="tasks.csv",
                                                                 mime_type="text/csv")

    @rx.event(background=True)
    async def tasks_ics(self):
        data, problem = await _as_user(self, exports.tasks_ics)
        yield rx.toast.error(problem) if problem else rx.download(data=data, filename="tasks.ics",
                                                                 mime_type="text/calendar")

    @rx.event(background=True)
    async def conversation_md(self, conversation_id: int):
        if not conversation_id:
            yield rx.toast.info("Open or start a conversation to export it.")
            return
        made, problem = await _as_user(self, exports.conversation_markdown, conversation_id)
        yield rx.toast.error(problem) if problem else rx.download(
            data=made[1], filename=f"{exports.file_slug(made[0])}.md", mime_type="text/markdown")

    @rx.event(background=True)
    async def load_feed(self):
        active, problem = await _as_user(self, exports.feed_exists)
        async with self:
            self.feed_url, self.feed_error = "", problem
            self.feed_active = active is True

    @rx.event(background=True)
    async def new_feed(self):
        secret, problem = await _as_user(self, exports.new_feed_secret)
        async with self:
            self.feed_error = problem
            if not problem:
                self.feed_active, self.feed_url = True, exports.feed_url(get_settings().api_url, secret)

    @rx.event(background=True)
    async def revoke_feed(self):
        _, problem = await _as_user(self, exports.revoke_feed)
        async with self:
            self.feed_error = problem
            if not problem:
                self.feed_active, self.feed_url = False, ""
