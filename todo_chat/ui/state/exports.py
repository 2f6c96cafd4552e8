"""Downloads from the page: tasks as CSV or iCalendar, the open chat as Markdown (made on the
server by `services.exports` and handed to the browser, no token in any URL), and the secret
calendar-feed link (copied to the clipboard: it is shown only once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.services import exports
from todo_chat.services.errors import ServiceError
from todo_chat.ui.state.auth import AuthState


class ExportState(rx.State):
    async def _as_user(self, work: Callable[..., Any], *args: Any, then: Callable[[Any], Any]):
        """`then(work(user, *args))`, or a toast saying why not."""
        user = await (await self.get_state(AuthState)).current_user()
        if user is None:
            return rx.toast.error("Your session expired. Please log in again.")
        try:
            result = await run_db(work, user, *args)
        except ServiceError as exc:
            return rx.toast.error(str(exc))
        return then(result)

    @rx.event
    async def tasks_csv(self):
        return await self._as_user(exports.tasks_csv, then=lambda data: rx.download(
            data=data, filename="tasks.csv", mime_type="text/csv"))

    @rx.event
    async def tasks_ics(self):
        return await self._as_user(exports.tasks_ics, then=lambda data: rx.download(
            data=data, filename="tasks.ics", mime_type="text/calendar"))

    @rx.event
    async def conversation_md(self, conversation_id: int):
        if not conversation_id:
            return rx.toast.info("Open or start a conversation to export it.")
        return await self._as_user(exports.conversation_markdown, conversation_id, then=lambda made: rx.download(
            data=made[1], filename=f"{exports.file_slug(made[0])}.md", mime_type="text/markdown"))

    @rx.event
    async def new_feed(self):
        def copied(secret: str):
            url = exports.feed_url(get_settings().api_url, secret)
            return [rx.set_clipboard(url), rx.toast.success(
                f"Calendar feed link copied (any older link stopped working): {url}", duration=15000)]

        return await self._as_user(exports.new_feed_secret, then=copied)

    @rx.event
    async def revoke_feed(self):
        return await self._as_user(exports.revoke_feed, then=lambda revoked: rx.toast.success(
            "Calendar feed link revoked." if revoked else "There was no calendar feed link."))
