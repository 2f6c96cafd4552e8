"""Tool-call badges: per user message, each call's name, arguments and pending/success/error, and
for a call that changed tasks an Undo (then Redo) button.

Kept in three parts like the transcript (`transcript.py`), because a changed dict var is resent
whole: `by_message` (the opened conversation and older turns), `recent` (turns since, folded into
`by_message` past `FOLD` messages) and `live`, the badges of the turn in flight: a tool call's
pending and success frames carry that turn's badges only."""

from __future__ import annotations

from collections.abc import Callable
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

FOLD = 6  # messages with badges in `recent` before they move to `by_message`


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


def _changed(badges: list[Badge], change: Callable[[Badge], Badge]) -> list[Badge] | None:
    """The badges with `change` applied, or None when it changed none of them."""
    out = [change(b) for b in badges]
    return out if any(new != old for new, old in zip(out, badges, strict=True)) else None


class BadgeState(rx.State):
    # Keyed by the user message's id (as text: state dict keys travel as JSON).
    by_message: dict[str, list[Badge]] = {}
    recent: dict[str, list[Badge]] = {}
    live: list[Badge] = []  # the badges of the turn in flight (`live_key`'s message)
    live_key: str = ""

    def go_live(self, message_id: int) -> None:
        """A turn starts for this message: its badges (a retry's or regeneration's) are the live ones."""
        key = str(message_id)
        if self.live_key != key:
            self.live_key = key
        for name in ("by_message", "recent"):
            held: dict[str, list[Badge]] = getattr(self, name)
            if key in held:
                self.live = list(held[key])
                setattr(self, name, {k: v for k, v in held.items() if k != key})
                return
        if self.live:
            self.live = []

    def settle_live(self) -> None:
        """The turn ended: its badges join the recent ones (all of them move on past `FOLD`)."""
        if not self.live:
            return
        recent = {**self.recent, self.live_key: list(self.live)}
        if len(recent) > FOLD:
            self.by_message, self.recent = {**self.by_message, **recent}, {}
        else:
            self.recent = recent
        self.live = []

    def _change_all(self, change: Callable[[Badge], Badge]) -> None:
        """`change` applied to every badge; a part is assigned (resent) only if one of its badges changed."""
        if self.live and (live := _changed(list(self.live), change)) is not None:
            self.live = live
        for name in ("by_message", "recent"):
            held: dict[str, list[Badge]] = getattr(self, name)
            changed = {key: out for key, badges in held.items() if (out := _changed(list(badges), change))}
            if changed:
                setattr(self, name, {**held, **changed})

    def _find(self, call_id: str) -> Badge | None:
        every = [*self.live, *(b for part in (self.recent, self.by_message) for bs in part.values() for b in bs)]
        return next((b for b in every if b.call_id == call_id), None)

    def upsert(self, message_id: int, call_id: str, name: str, status: ToolCallStatus,
               arguments: dict, result: Any = None) -> None:
        """Add a call's badge to the live turn's, or update it in place (pending -> success)."""
        if name == OFFER_CHOICES:  # shown as buttons under the reply, never as a badge
            return
        if str(message_id) != self.live_key:
            self.go_live(message_id)
        badges = list(self.live)
        status = ToolCallStatus(status)
        badge = Badge(call_id=call_id, name=name, status=status.value, summary=summarize(arguments),
                      label=badge_label(name, status), undo=may_undo(name, status, arguments, result))
        index = next((i for i, b in enumerate(badges) if b.call_id == call_id), None)
        if index is None:
            badges.append(badge)
        else:
            badges[index] = badge
        self.live = badges
        if badge.undo:
            self._settle(call_id, result)

    def _settle(self, undo_call_id: str, result: Any) -> None:
        """An undo in chat took other calls' changes back: their badges offer nothing now (the
        undo's own badge does), as `undo.call_states` says once the conversation is read again."""
        changes = result.get("changes") if isinstance(result, dict) else None
        taken = {c.get("call_id") for c in changes or [] if isinstance(c, dict)} - {None, undo_call_id}
        if taken:
            self._change_all(lambda b: replace(b, undo="") if b.call_id in taken else b)

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
        self.by_message, self.recent, self.live, self.live_key = grouped, {}, [], ""

    @rx.event
    def clear(self):
        self.by_message, self.recent, self.live, self.live_key = {}, {}, [], ""

    @rx.event(background=True)
    async def undo_call(self, conversation_id: int, call_id: str):
        """Undo the call's changes (or redo them after an undo); a refused undo changes nothing
        and says why. The user lookup and the undo run with no state lock held."""
        async with self:
            badge = self._find(call_id)
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
            self._change_all(lambda b: replace(b, undo=mode) if b.call_id == call_id else b)
            (await self.get_state(TaskPanelState)).tasks = rows  # the panel shows the undo's result
        return rx.toast.success(done.summary(), duration=4000, id="undo")  # one at a time, replaced
