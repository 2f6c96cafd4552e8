"""The conversation sidebar: list, search, select, new, rename, delete."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from todo_chat.core.db import run_db
from todo_chat.services import conversations
from todo_chat.ui.state.auth import AuthState, change_as_user

PAGE = 50


@dataclass
class ConversationView:
    id: int
    thread_id: str
    title: str
    updated: str


class SidebarState(rx.State):
    conversations: list[ConversationView] = []
    search: str = ""
    selected_id: int = 0
    editing_id: int = 0
    error: str = ""

    @rx.var
    def selected_thread_id(self) -> str:
        return next((c.thread_id for c in self.conversations if c.id == self.selected_id), "")

    @rx.event
    async def load(self):
        user = await (await self.get_state(AuthState)).current_user()
        if user is None:
            return
        rows, _ = await run_db(conversations.list_conversations, user, PAGE, 0, self.search)
        self.conversations = [ConversationView(c.id, c.thread_id, c.title, c.updated_at.strftime("%b %-d"))
                              for c in rows]

    @rx.event
    async def set_search(self, value: str):
        self.search = value
        await self.load()

    @rx.event
    def select(self, conversation_id: int):
        from todo_chat.ui.state.chat import ChatState
        from todo_chat.ui.state.chatkit import ChatKitState

        self.selected_id = conversation_id
        thread_id = next((c.thread_id for c in self.conversations if c.id == conversation_id), "")
        return [ChatState.open(conversation_id), ChatKitState.show_thread(thread_id)]

    @rx.event
    def new_chat(self):
        from todo_chat.ui.state.chat import ChatState
        from todo_chat.ui.state.chatkit import ChatKitState

        self.selected_id = 0
        return [ChatState.start_new, ChatKitState.show_thread("")]

    @rx.event
    async def select_thread(self, thread_id: str):
        """ChatKit switched threads by itself (e.g. it started a new one): follow it."""
        if thread_id and not any(c.thread_id == thread_id for c in self.conversations):
            await self.load()
        match = next((c for c in self.conversations if c.thread_id == thread_id), None)
        self.selected_id = match.id if match else 0

    @rx.event
    def start_rename(self, conversation_id: int):
        self.editing_id = conversation_id

    @rx.event
    def cancel_rename(self):
        self.editing_id = 0

    @rx.event
    async def save_rename(self, form: dict):
        await self._change(lambda s, u: conversations.rename_conversation(
            s, u, self.editing_id, form.get("title", "")))
        if not self.error:
            self.editing_id = 0

    @rx.event
    async def delete(self, conversation_id: int):
        await self._change(lambda s, u: conversations.delete_conversation(s, u, conversation_id))
        if conversation_id == self.selected_id:
            return SidebarState.new_chat

    async def _change(self, change) -> None:
        self.error = await change_as_user(self, change)
        await self.load()
