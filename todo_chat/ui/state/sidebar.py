"""The conversation sidebar's own actions: select, new, rename, delete.

The list and the open conversation belong to `ConversationState`; this state sits above the
native chat and ChatKit's state and tells both what to show (they never import it).
"""

from __future__ import annotations

import reflex as rx

from todo_chat.services import conversations
from todo_chat.ui.state.auth import change_in_background
from todo_chat.ui.state.chat import ChatState
from todo_chat.ui.state.chatkit import ChatKitState
from todo_chat.ui.state.conversation import ConversationState


class SidebarState(rx.State):
    editing_id: int = 0
    error: str = ""

    @rx.event
    async def select(self, conversation_id: int):
        opened = await self.get_state(ConversationState)
        opened.open_id = conversation_id
        return [ChatState.open(conversation_id), ChatKitState.show_thread(opened.thread_of(conversation_id))]

    @rx.event
    async def new_chat(self):
        (await self.get_state(ConversationState)).open_id = 0
        return [ChatState.start_new, ChatKitState.show_thread("")]

    @rx.event
    def start_rename(self, conversation_id: int):
        self.editing_id = conversation_id

    @rx.event
    def cancel_rename(self):
        self.editing_id = 0

    @rx.event(background=True)
    async def save_rename(self, form: dict):
        async with self:
            editing_id = self.editing_id
        error = await change_in_background(self, lambda s, u: conversations.rename_conversation(
            s, u, editing_id, form.get("title", "")))
        async with self:
            self.error = error
            if not error:
                self.editing_id = 0
        yield ConversationState.load

    @rx.event(background=True)
    async def delete(self, conversation_id: int):
        error = await change_in_background(
            self, lambda s, u: conversations.delete_conversation(s, u, conversation_id))
        async with self:
            self.error = error
            was_open = (await self.get_state(ConversationState)).open_id == conversation_id
        yield ConversationState.load
        if was_open:
            yield SidebarState.new_chat
