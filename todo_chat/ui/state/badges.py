"""Tool-call badges: per user message, each call's name, arguments and pending/success/error, and
for a call that changed tasks an Undo (then Redo) button."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import reflex as rx

from todo_chat.agent.change_tools import changes_tasks
from todo_chat.core.db import run_db
from todo_chat.models import ToolCall, ToolCallStatus
from todo_chat.services import undo
from todo_chat.services.badge_text import arguments_summary, badge_label
from todo_chat.services.errors import ServiceError
from todo_chat.ui.state.auth import EXPIRED_NOTICE, signed_in_user
from todo_chat.ui.state.choices import OFFER_CHOICES
from todo_chat.ui.state.tasks import TaskPanelState, fetch_tasks


@dataclass
class Badge:
    call_id: str
    name: str
    status: str  # a ToolCallStatus value, as the page shows it
    summary: str = ""
    label: str = ""  # "add_task: success" (services.badge_text, like every other badge)
    # "undo" (its changes stand), "redo" (they were undone), or "" (nothing to undo)
    undo: str = ""


def summarize(arguments: dict) -> str:
    return arguments_summary(arguments, limit=80)


def may_undo(name: str, status: ToolCallStatus, arguments: dict[str, Any], result: Any = None) -> str:
    """The button a finished call offers (as `undo.call_states` says it once saved): an undo in
    chat stands as an undo of the changes, so its button redoes them."""
    if not changes_tasks(name, status == ToolCallStatus.success, arguments):
        return ""
    return "redo" if isinstance(result, dict) and result.get("status") == "undone" else "undo"


class BadgeState(rx.State):
    # Keyed by the user message's id (as text: state dict keys travel as JSON).
    by_message: dict[str, list[Badge]] = {}

    def upsert(self, message_id: int, call_id: str, name: str, status: ToolCallStatus,
               arguments: dict, result: Any = None) -> None:
        """Add a call's badge under its message, or update it in place (pending -> success)."""
        if name == OFFER_CHOICES:  # shown as buttons under the reply, never as a badge
            return
        key = str(message_id)
        badges = list(self.by_message.get(key, []))
        status = ToolCallStatus(status)
        badge = Badge(call_id=call_id, name=name, status=status.value, summary=summarize(arguments),
                      label=badge_label(name, status), undo=may_undo(name, status, arguments, result))
        index = next((i for i, b in enumerate(badges) if b.call_id == call_id), None)
        if index is None:
            badges.append(badge)
        else:
            badges[index] = badge
        self.by_message = {**self.by_message, key: badges}
        if badge.undo:
            self._settle(call_id, result)

    def _settle(self, undo_call_id: str, result: Any) -> None:
        """An undo in chat took other calls' changes back: their badges offer nothing now (the
        undo's own badge does), as `undo.call_states` says once the conversation is read again."""
        changes = result.get("changes") if isinstance(result, dict) else None
        taken = {c.get("call_id") for c in changes or [] if isinstance(c, dict)} - {None, undo_call_id}
        if taken:
            self.by_message = {key: [replace(b, undo="") if b.call_id in taken else b for b in badges]
                               for key, badges in self.by_message.items()}

    def show_calls(self, calls: list[ToolCall], undo_states: dict[str, str] | None = None) -> None:
        """A conversation's saved calls and their undo states (`undo.call_states`), read by the
        caller with no state lock held."""
        states = undo_states or {}
        grouped: dict[str, list[Badge]] = {}
        for call in calls:
            if call.name == OFFER_CHOICES:
                continue
            grouped.setdefault(str(call.message_id), []).append(
                Badge(call_id=call.call_id, name=call.name, status=call.status.value,
                      summary=summarize(call.arguments), label=badge_label(call.name, call.status),
                      undo=states.get(call.call_id, "")))
        self.by_message = grouped

    @rx.event
    def clear(self):
        self.by_message = {}

    @rx.event(background=True)
    async def undo_call(self, conversation_id: int, call_id: str):
        """Undo the call's changes (or redo them after an undo); a refused undo changes nothing
        and says why. The user lookup and the undo run with no state lock held."""
        async with self:
            badge = next((b for bs in self.by_message.values() for b in bs if b.call_id == call_id), None)
        if badge is None or not badge.undo:
            return rx.toast.error("Nothing to undo here.")
        user = await signed_in_user(self)
        if user is None:
            return rx.toast.error(EXPIRED_NOTICE)
        try:
            done = await run_db(undo.undo_in_conversation, user, conversation_id, call_id)
        except ServiceError as exc:
            return rx.toast.error(str(exc), duration=8000, id="undo")
        rows = await fetch_tasks(user)
        mode = "redo" if badge.undo == "undo" else "undo"
        async with self:
            self.by_message = {key: [replace(b, undo=mode) if b.call_id == call_id else b
                                     for b in badges] for key, badges in self.by_message.items()}
            (await self.get_state(TaskPanelState)).tasks = rows  # the panel shows the undo's result
        return rx.toast.success(done.summary(), duration=4000, id="undo")  # one at a time, replaced
