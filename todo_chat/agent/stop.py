"""The one cancel policy of a turn, whichever door it came by (SSE, ChatKit, the native view).

When the consumer of a turn's events stops early (the Stop button, a closed connection, a
cancelled ChatKit stream) the runner cancels the agent run, so no tool runs after the stop, and
saves what was shown as the reply, marked stopped: its text ends with STOPPED_MARK and its payload
says `ReplyStatus.stopped` (an enum stored as data, never parsed back from the text).

A door that shows less than it received (the native view drops an unshown buffer) says what it
showed in `TurnStop.shown` before it closes the events; otherwise the text the runner streamed is
what was shown.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum

from todo_chat.core.db import run_db
from todo_chat.models import Conversation, ItemRole, Message, User
from todo_chat.services import conversations

STOPPED_MARK = "…(stopped)"


class ReplyStatus(StrEnum):
    stopped = "stopped"


@dataclass
class TurnStop:
    """A door's handle on a turn's stop: what it showed (None: everything streamed), and the
    reply the runner saved when the turn was stopped."""

    shown: str | None = None
    saved: Message | None = None


def stopped_reply(shown: str) -> str:
    return f"{shown.strip()} {STOPPED_MARK}".strip()


def is_stopped(message: Message) -> bool:
    return (message.payload or {}).get("status") == ReplyStatus.stopped


async def save_stopped(user: User, conversation: Conversation, shown: str, reply_item_id: str) -> Message:
    """Save a stopped turn's reply under the id its door already announced (ChatKit streamed it).
    Shielded: the stop may be a cancellation, and the reply must still be saved."""
    return await asyncio.shield(run_db(
        conversations.add_message, user, conversation, ItemRole.assistant, stopped_reply(shown),
        item_id=reply_item_id, payload={"status": ReplyStatus.stopped.value}))
