"""The one owner of "the open conversation", and of the list of the user's conversations.

The native chat, ChatKit's side of the page and the sidebar read and set the open conversation
here; none of them imports another (`sidebar` sits on top and dispatches to `chat` and
`chatkit`). A turn updates the list in place (a new row, or its row moved to the top) instead of
reading it again from the database.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from todo_chat.core.db import run_db
from todo_chat.models import Conversation, User
from todo_chat.services import conversations
from todo_chat.ui.state.auth import signed_in_user

PAGE = 50


@dataclass
class ConversationView:
    id: int
    thread_id: str
    title: str
    updated: str


def conversation_view(row: Conversation) -> ConversationView:
    return ConversationView(row.id or 0, row.thread_id, row.title, row.updated_at.strftime("%b %-d"))


async def fetch_list(user: User, search: str) -> list[ConversationView]:
    rows, _ = await run_db(conversations.list_conversations, user, PAGE, 0, search)
    return [conversation_view(c) for c in rows]


class ConversationState(rx.State):
    open_id: int = 0
    conversations: list[ConversationView] = []
    search: str = ""

    @rx.var
    def open_thread_id(self) -> str:
        return next((c.thread_id for c in self.conversations if c.id == self.open_id), "")

    def thread_of(self, conversation_id: int) -> str:
        return next((c.thread_id for c in self.conversations if c.id == conversation_id), "")

    def note_turn(self, conversation: Conversation) -> None:
        """A turn ran in `conversation`: open it and put its row first, without a database read."""
        if self.open_id != (conversation.id or 0):  # an assigned var is sent even when unchanged
            self.open_id = conversation.id or 0
        searched = self.search.strip().lower()
        shown = not searched or searched in conversation.title.lower()
        rows = self.conversations  # a list var is a new proxy at each read: read it once
        if shown and rows and rows[0].id == conversation.id:
            return  # already first (every turn but a conversation's first): nothing to send, nothing copied
        rest = [c for c in rows if c.id != conversation.id]
        if not shown:
            if len(rest) != len(rows):
                self.conversations = rest
            return
        self.conversations = [conversation_view(conversation), *rest]

    async def reload(self) -> None:
        """For background events (the caller holds no lock): read the list, then show it."""
        async with self:
            search = self.search
        user = await signed_in_user(self)
        rows = await fetch_list(user, search) if user is not None else []
        async with self:
            self.conversations = rows

    @rx.event(background=True)
    async def load(self):
        await self.reload()

    @rx.event(background=True)
    async def set_search(self, value: str):
        async with self:
            self.search = value
        await self.reload()

    @rx.event(background=True)
    async def follow_thread(self, thread_id: str):
        """ChatKit switched threads by itself (e.g. it started a new one): follow it."""
        async with self:
            known = not thread_id or any(c.thread_id == thread_id for c in self.conversations)
        if not known:
            await self.reload()
        async with self:
            self.open_id = next((c.id for c in self.conversations if c.thread_id == thread_id), 0)
