"""Tool-call badges: per user message, each call's name, arguments and pending/success/error."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from todo_chat.models import ToolCall, ToolCallStatus
from todo_chat.ui.state.choices import OFFER_CHOICES


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
        if name == OFFER_CHOICES:  # shown as buttons under the reply, never as a badge
            return
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

    def show_calls(self, calls: list[ToolCall]) -> None:
        """A conversation's saved calls (read by the caller with no state lock held)."""
        grouped: dict[str, list[Badge]] = {}
        for call in calls:
            if call.name == OFFER_CHOICES:
                continue
            grouped.setdefault(str(call.message_id), []).append(
                Badge(call_id=call.call_id, name=call.name, status=call.status.value,
                      summary=summarize(call.arguments)))
        self.by_message = grouped

    @rx.event
    def clear(self):
        self.by_message = {}
