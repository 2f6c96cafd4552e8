"""The frames of a turn on the page: what each shows besides its own change (`ChatState._stream`).

A call's start and end usually arrive milliseconds apart and share one frame; a slow call's
pending badge still shows, in a frame of its own once it has run for a flush interval."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from todo_chat.agent.turn import ToolCallEvent
from todo_chat.services.conversations import TurnInput
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.conversation import ConversationState

if TYPE_CHECKING:
    from todo_chat.ui.state.chat import ChatState


@dataclass
class CatchUp:
    """Under the lock, with a turn's next frame: once, the saved user message replaces the pending
    one and the conversation is the open one (its sidebar row first); then the badges of the
    calls that started since the last frame. A call still running after `wait_s` shows its
    pending badge in a frame of its own."""

    turn: TurnInput
    wait_s: float
    unseen: bool = True
    started: list[ToolCallEvent] = field(default_factory=list)
    timer: asyncio.Task | None = None

    def hold(self, chat: ChatState, event: ToolCallEvent) -> None:
        self.started.append(event)
        if self.timer is None or self.timer.done():
            self.timer = asyncio.create_task(self._show_if_slow(chat))

    async def _show_if_slow(self, chat: ChatState) -> None:
        await asyncio.sleep(self.wait_s)
        if self.started:  # not shown with the call's end (or any frame) meanwhile
            async with chat:
                await self.show(chat)

    async def show(self, chat: ChatState) -> None:
        if self.unseen:
            chat._started(self.turn)  # its own state, under the lock the frame holds
            (await chat.get_state(ConversationState)).note_turn(self.turn.conversation)
            self.unseen = False
        if self.started:
            badges = await chat.get_state(BadgeState)
            for event in self.started:
                badges.upsert(self.turn.message.id or 0, event.call_id, event.name, event.status,
                              event.arguments, event.result)
            self.started = []
