"""ChatKit's side of the page: which view shows, and its events wired to the other states."""

from __future__ import annotations

import logging
import time

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.services import conversations, undo
from todo_chat.ui.state.auth import signed_in_user
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.conversation import ConversationState
from todo_chat.ui.state.layout import LayoutState
from todo_chat.ui.state.tasks import TaskPanelState

log = logging.getLogger("todo_chat.client")


class ChatKitState(rx.State):
    # "auto" tries ChatKit and falls back to the native view when its script cannot load.
    mode: str = get_settings().chat_ui
    status: str = "loading"  # loading | ready | unavailable
    thread_id: str = ""
    # A method call for the element (setThreadId, sendUserMessage, focusComposer...), with a
    # nonce so that the same call twice still runs twice.
    command: dict = {}
    responding: bool = False
    error: str = ""
    rate_limited: str = ""
    last_event: str = ""

    @rx.var
    def use_native(self) -> bool:
        return self.mode == "native" or (self.mode == "auto" and self.status == "unavailable")

    @rx.var
    def try_chatkit(self) -> bool:
        return self.mode != "native" and self.status != "unavailable"

    def _call(self, method: str, *args) -> None:
        self.command = {"method": method, "args": list(args), "nonce": time.time_ns()}

    @rx.event
    def show_thread(self, thread_id: str):
        """From the sidebar: show this thread (or a new one for '')."""
        self.thread_id = thread_id
        self._call("setThreadId", thread_id or None)

    @rx.event
    def send_prompt(self, text: str):
        self._call("sendUserMessage", {"text": text, "newThread": False})

    # -- events from the element ---------------------------------------------------------------

    @rx.event
    def on_ready(self, _detail: dict):
        self.status, self.last_event = "ready", "ready"

    @rx.event
    def on_unavailable(self, detail: dict):
        self.status, self.last_event = "unavailable", "unavailable"
        log.info("ChatKit unavailable (%s): using the native chat view", detail.get("reason"))

    @rx.event
    def on_error(self, detail: dict):
        self.last_event = "error"
        message = str((detail or {}).get("message") or "Something went wrong in the chat.")
        if (detail or {}).get("status") == 429:
            self.rate_limited = message
            return None
        self.error = message
        return rx.toast.error(message, duration=6000)

    @rx.event
    def on_response_start(self, _detail: dict):
        self.responding, self.last_event, self.error, self.rate_limited = True, "response.start", "", ""

    @rx.event
    async def on_response_end(self, _detail: dict):
        self.responding, self.last_event = False, "response.end"
        return [TaskPanelState.load, ConversationState.load]

    @rx.event
    def on_thread_change(self, detail: dict):
        self.thread_id = (detail or {}).get("threadId") or ""
        self.last_event = "thread.change"
        return ConversationState.follow_thread(self.thread_id)

    @rx.event(background=True)
    async def on_log(self, detail: dict):
        """ChatKit's diagnostics: keep the badges in step with what the thread shows."""
        async with self:
            self.last_event = f"log:{(detail or {}).get('name', '')}"
            open_id = (await self.get_state(ConversationState)).open_id
        user = await signed_in_user(self) if open_id else None
        if user is None:
            return
        calls = await run_db(conversations.list_tool_calls, user, open_id)
        undo_states = await run_db(undo.call_states, user, open_id)
        async with self:
            (await self.get_state(BadgeState)).show_calls(calls, undo_states)

    @rx.event
    def on_client_action(self, action: dict):
        """Widget actions handled in the page, not the server (e.g. open a task's details)."""
        self.last_event = f"action:{(action or {}).get('type', '')}"
        if (action or {}).get("type") == "task.open":
            return TaskPanelState.open_task(int((action.get("payload") or {}).get("task_id", 0)))

    @rx.event
    async def on_header_action(self, detail: dict):
        """ChatKit's header buttons: open our conversations drawer, or start a new chat."""
        action = (detail or {}).get("action")
        self.last_event = f"header:{action}"
        if action == "new_chat":
            (await self.get_state(ConversationState)).open_id = 0
            return ChatKitState.show_thread("")
        if action == "conversations":
            return LayoutState.set_conversations_open(True)
        return None

    @rx.event
    def dismiss(self):
        self.error = self.rate_limited = ""
