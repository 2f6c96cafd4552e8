"""The native view's usage events (ChatKit's come from the bridge in the browser)."""

from __future__ import annotations

import reflex as rx

from todo_chat.models import User
from todo_chat.services import analytics
from todo_chat.ui.state.chatkit import ChatKitState


async def native_thread_opened(state: rx.State, user: User, conversation_id: int) -> None:
    """A conversation opened in the native view (from a background event, the lock released).
    With ChatKit showing, its own thread-change event counts this (the sidebar opens both
    views), so nothing is recorded here; the write happens outside the state's lock."""
    async with state:
        native = (await state.get_state(ChatKitState)).use_native
    if native:
        await analytics.native_thread(user, conversation_id)
