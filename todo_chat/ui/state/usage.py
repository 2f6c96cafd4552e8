"""The native view's usage events (ChatKit's come from the bridge in the browser)."""

from __future__ import annotations

import reflex as rx

from todo_chat.models import User
from todo_chat.services import analytics


async def native_thread_opened(state: rx.State, user: User, conversation_id: int) -> None:
    """A conversation opened in the native view. With ChatKit showing, its own thread-change
    event counts this (the sidebar opens both views), so nothing is recorded here."""
    from todo_chat.ui.state.chatkit import ChatKitState  # chatkit -> sidebar -> chat: import late

    if (await state.get_state(ChatKitState)).use_native:
        await analytics.native_thread(user, conversation_id)
