"""The native chat: messages, the streamed answer, stop, retry with back-off, errors."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import reflex as rx

from todo_chat.agent.turn import TextDelta, ToolCallEvent, TurnDone, TurnFailed, TurnStarted, begin_turn, run_turn
from todo_chat.core.db import run_db
from todo_chat.models import ItemRole, Message
from todo_chat.services import analytics, conversations
from todo_chat.services.errors import ServiceError
from todo_chat.services.ratelimit import RateLimited
from todo_chat.ui.state.auth import AuthState
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.sidebar import SidebarState
from todo_chat.ui.state.tasks import TaskPanelState
from todo_chat.ui.state.usage import native_thread_opened

FLUSH_EVERY_S = 0.05  # stream to the page in small batches, not one state update per token
MAX_TRIES = 3
PAGE = 50


@dataclass
class ChatMessage:
    id: int
    role: str
    content: str
    time: str
    pending: bool = False


def message_view(row: Message) -> ChatMessage:
    return ChatMessage(id=row.id, role=row.role.value, content=row.content,
                       time=row.created_at.strftime("%H:%M"))


def now_hhmm() -> str:
    return time.strftime("%H:%M", time.gmtime())


class ChatState(rx.State):
    conversation_id: int = 0
    messages: list[ChatMessage] = []
    streaming_text: str = ""
    is_streaming: bool = False
    stop_requested: bool = False
    error: str = ""
    can_retry: bool = False
    retry_note: str = ""
    rate_limited: str = ""

    @rx.var
    def thinking(self) -> bool:
        return self.is_streaming and not self.streaming_text

    @rx.event
    def start_new(self):
        self.conversation_id = 0
        self.messages, self.streaming_text = [], ""
        self.error = self.retry_note = self.rate_limited = ""
        self.can_retry = False
        return BadgeState.clear

    @rx.event
    async def open(self, conversation_id: int):
        """Show a conversation from its latest page of messages, with its badges."""
        user = await (await self.get_state(AuthState)).current_user()
        if user is None:
            return
        try:
            page = await run_db(conversations.list_messages, user, conversation_id, PAGE,
                                roles=conversations.TEXT_ROLES)
            pending = await run_db(conversations.unanswered_user_message, user, conversation_id)
        except ServiceError as exc:
            self.error = str(exc)
            return
        self.conversation_id = conversation_id
        self.messages = [message_view(m) for m in page.items]
        self.streaming_text, self.error, self.rate_limited = "", "", ""
        self.can_retry = pending is not None
        await native_thread_opened(self, user, conversation_id)
        if pending is not None:
            self.error = "The last message has no answer yet."
        await (await self.get_state(BadgeState)).load_for(user, conversation_id)

    @rx.event
    def stop(self):
        self.stop_requested = True

    @rx.event
    def send_prompt(self, text: str):
        return ChatState.send({"message": text})

    @rx.event(background=True)
    async def send(self, form: dict):
        text = (form.get("message") or "").strip()
        async with self:
            if self.is_streaming or not text:
                return
            self.messages = [*self.messages, ChatMessage(id=0, role="user", content=text,
                                                         time=now_hhmm(), pending=True)]
            self.error = self.rate_limited = ""
        yield rx.set_value("composer", "")
        yield AuthState.keep_fresh
        await self._turn(text, retry=False)

    @rx.event(background=True)
    async def retry(self):
        """Re-run the unanswered message: up to MAX_TRIES tries, waiting 1 s, 2 s between them."""
        for attempt in range(1, MAX_TRIES + 1):
            async with self:
                self.retry_note = f"Retrying ({attempt}/{MAX_TRIES})…"
            if await self._turn(None, retry=True):
                break
            if attempt < MAX_TRIES:
                await asyncio.sleep(2 ** (attempt - 1))
        async with self:
            self.retry_note = ""

    async def _turn(self, text: str | None, retry: bool) -> bool:
        """One turn from the page; True when it answered. The user's message is saved first."""
        async with self:
            user = await (await self.get_state(AuthState)).current_user()
            conversation_id = self.conversation_id or None
            self.is_streaming, self.stop_requested, self.can_retry = True, False, False
        if user is None:
            return await self._finish(error="Your session expired. Please log in again.")
        try:
            turn = await begin_turn(user, text, conversation_id, retry)
        except RateLimited as exc:
            return await self._finish(rate_limited=str(exc), drop_pending=True)
        except ServiceError as exc:
            return await self._finish(error=str(exc), drop_pending=True)
        await analytics.native_message(user, turn.conversation.thread_id, text)
        conversation, message = turn.conversation, turn.message
        buffer, last_flush, answered = "", time.monotonic(), False
        events = run_turn(user, turn)
        async for event in events:
            if isinstance(event, TurnStarted):
                async with self:
                    await self._started(event, message)
            elif isinstance(event, TextDelta):
                buffer += event.delta
                if time.monotonic() - last_flush >= FLUSH_EVERY_S:
                    async with self:
                        self.streaming_text += buffer
                        if self.stop_requested:
                            break
                    buffer, last_flush = "", time.monotonic()
            elif isinstance(event, ToolCallEvent):
                async with self:
                    badges = await self.get_state(BadgeState)
                    badges.upsert(message.id, event.call_id, event.name, event.status, event.arguments)
                    if event.type == "tool_call_finished":
                        await (await self.get_state(TaskPanelState)).load()
            elif isinstance(event, TurnDone):
                answered = True
                async with self:
                    self.messages = [*self.messages, ChatMessage(id=event.message_id, role="assistant",
                                                                 content=event.response, time=now_hhmm())]
            elif isinstance(event, TurnFailed):
                return await self._finish(error=event.message, can_retry=True)
        await events.aclose()  # after Stop: cancels the agent run
        if not answered:  # stopped: keep what was said so far
            async with self:
                partial = self.streaming_text + buffer
            await self._save_partial(user, conversation, partial)
        return await self._finish(answered=answered)

    async def _started(self, event: TurnStarted, message: Message) -> None:
        new_conversation = self.conversation_id != event.conversation_id
        self.conversation_id = event.conversation_id
        self.messages = [m for m in self.messages if not m.pending]
        if not any(m.id == message.id for m in self.messages):
            self.messages = [*self.messages, message_view(message)]
        self.streaming_text = ""
        sidebar = await self.get_state(SidebarState)
        sidebar.selected_id = event.conversation_id
        if new_conversation:
            await sidebar.load()

    async def _save_partial(self, user, conversation, partial: str) -> None:
        text = (partial.strip() + " …(stopped)").strip()
        saved = await run_db(conversations.add_message, user, conversation, ItemRole.assistant, text)
        async with self:
            self.messages = [*self.messages, message_view(saved)]

    async def _finish(self, answered: bool = False, error: str = "", can_retry: bool = False,
                      rate_limited: str = "", drop_pending: bool = False) -> bool:
        async with self:
            self.is_streaming, self.streaming_text = False, ""
            self.error, self.can_retry, self.rate_limited = error, can_retry, rate_limited
            if drop_pending:
                self.messages = [m for m in self.messages if not m.pending]
            sidebar = await self.get_state(SidebarState)
            await sidebar.load()
            await (await self.get_state(TaskPanelState)).load()
        return answered
