from __future__ import annotations

from dataclasses import dataclass

from todo_chat.models import User


@dataclass
class TodoContext:
    """What a run knows about its caller. Tools take the user from here, never from the model."""

    user: User
    conversation_id: int | None = None
    # The user message this turn answers; tool calls are filed under it.
    message_id: int | None = None
