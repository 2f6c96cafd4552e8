"""Tool-call badges: per user message, each call's name, arguments and pending/success/error."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from todo_chat.core.db import run_db
from todo_chat.models import ToolCallStatus, User
from todo_chat.services import conversations


@dataclass
class Badge:
    call_id: str
    name: str
    status: str  # a ToolCallStatus value, as the page shows it
    summary: str = ""


def summarize(arguments: dict) -> str:
    return ", ".join(f"{k}: {v}" for k, v in arguments.items() if v not in (None, ""))[:80]


class BadgeState(rx.State):
    # Keyed by the user message's id (as text: state dict keys travel as JSON).
    by_message: dict[str, list[Badge]] = {}

    def upsert(self, message_id: int, call_id: str, name: str, status: ToolCallStatus,
               arguments: dict) -> None:
        """Add a call's badge under its message, or update it in place (pending -> success)."""
        key = str(message_id)
        badges = list(self.by_message.get(key, []))
        badge = Badge(call_id=call_id, name=name, status=ToolCallStatus(status).value,
                      summary=summarize(arguments))
        index = next((i for i, b in enumerate(badges) if b.call_id == call_id), None)
        if index is None:
            badges.append(badge)
        else:
            badges[index] = badge
        self.by_message = {**self.by_message, key: badges}

    async def load_for(self, user: User, conversation_id: int) -> None:
        calls = await run_db(conversations.list_tool_calls, user, conversation_id)
        grouped: dict[str, list[Badge]] = {}
        for call in calls:
            grouped.setdefault(str(call.message_id), []).append(
                Badge(call_id=call.call_id, name=call.name, status=call.status.value,
                      summary=summarize(call.arguments)))
        self.by_message = grouped

    @rx.event
    def clear(self):
        self.by_message = {}
