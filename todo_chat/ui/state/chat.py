"""The native chat: messages, the streamed answer, stop, retry, edit, regenerate, choices, feedback.

Every handler that reads the database is a background event: it reads what it needs from the
state under the lock, does the database work with the lock released, and writes the result back
under the lock. A turn sends one frame per flush of streamed text (text right after a tool call
waits for the next), per tool call and at its end; it reloads the task panel only after a call that may
have changed tasks, and never reloads the conversation list (`ConversationState.note_turn` moves
the row in place). A new message opens its turn in one unit of work (`turn_open`).

The transcript is three list vars (`transcript`: history, recent turns, the live turn) and the
badges likewise (`BadgeState`), so that a turn's frames carry its own message and badges, not the
whole conversation.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import replace
from typing import Any

import reflex as rx
from pydantic import BaseModel

from todo_chat.agent.stop import TurnStop
from todo_chat.agent.turn import TextDelta, ToolCallEvent, TurnDone, TurnFailed, TurnStarted, run_turn
from todo_chat.core.db import run_db
from todo_chat.models import User
from todo_chat.services import turn_edits
from todo_chat.services.conversations import TurnInput
from todo_chat.services.errors import ServiceError
from todo_chat.ui.state.auth import AuthState, signed_in_user
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.choices import ChoiceView, last_choices, offered
from todo_chat.ui.state.composer_files import AttachedFile, ComposerFilesState
from todo_chat.ui.state.conversation import ConversationState
from todo_chat.ui.state.held import Change, Held, Locked
from todo_chat.ui.state.messages import ChatMessage, message_view, now_hhmm, opened_conversation
from todo_chat.ui.state.tasks import TaskPanelState, TaskView, fetch_tasks, reloads_tasks
from todo_chat.ui.state.transcript import Parts, changed_parts, from_the_end, go_live, joined, keep, replaced, settle
from todo_chat.ui.state.turn_open import Mode, Refused, open_from_page
from todo_chat.ui.state.usage import native_thread_opened

FLUSH_EVERY_S = 0.05  # stream to the page in small batches, not one state update per token
MAX_TRIES = 3
FEEDBACK = ("positive", "negative")  # ChatKit's FeedbackKind, stored the same way


class ChatState(rx.State):
    # The transcript in order: history, then recent turns, then the turn in flight (`transcript`).
    messages: list[ChatMessage] = []
    recent: list[ChatMessage] = []
    live: list[ChatMessage] = []
    streaming_text: str = ""
    is_streaming: bool = False
    _opening: bool = False  # a message is on its way, not yet shown (`send`): no second turn
    stop_requested: bool = False
    editing: bool = False  # the composer holds an edit of the last user message
    choices_question: str = ""
    choices: list[ChoiceView] = []
    error: str = ""
    can_retry: bool = False
    retry_note: str = ""
    rate_limited: str = ""

    @rx.var
    def thinking(self) -> bool:
        return self.is_streaming and not self.streaming_text

    # Recomputed with every delta that touches the transcript: read from its end, part by part,
    # not over the whole joined list (each item read through a state proxy).
    @rx.var
    def last_user_id(self) -> int:
        return next((m.id for m in from_the_end(self._parts()) if m.role == "user"), 0)

    @rx.var
    def last_assistant_id(self) -> int:
        last = next(from_the_end(self._parts()), None)
        return last.id if last is not None and last.role == "assistant" else 0

    def _parts(self) -> Parts[ChatMessage]:
        return Parts(self.messages, self.recent, self.live)

    def _all(self) -> list[ChatMessage]:
        return joined(self._parts())

    def _assign(self, **values: Any) -> None:
        """Set only the vars whose value changes: an assigned var is sent (and the state written) even
        when its value is the same."""
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    def _set_parts(self, change: Callable[..., Parts[ChatMessage]], *args: Any) -> None:
        """`change` (of `transcript`) applied to the parts; only the parts it changed are assigned,
        since an assigned list is resent whole (each read of a var is a new proxy: read them once)."""
        before = self._parts()
        for name, part in changed_parts(before, change(before, *args)).items():
            setattr(self, "messages" if name == "history" else name, part)

    @rx.event
    def start_new(self):
        self.messages, self.recent, self.live = [], [], []
        self.streaming_text, self.choices, self.choices_question = "", [], ""
        self.error = self.retry_note = self.rate_limited = ""
        self.can_retry = self.editing = False
        return BadgeState.clear

    @rx.event(background=True)
    async def open(self, conversation_id: int):
        """Show a conversation from its latest page of messages, with its badges and choices."""
        user = await signed_in_user(self)
        if user is None:
            return
        try:
            page, pending, calls, undo_states = await run_db(opened_conversation, user, conversation_id)
        except ServiceError as exc:
            async with self:
                self.error = str(exc)
            return
        async with self:
            self.messages, self.recent, self.live = [message_view(m) for m in page], [], []
            self.choices_question, self.choices = last_choices(page, calls)
            self.streaming_text, self.rate_limited, self.editing = "", "", False
            self.can_retry = pending is not None
            self.error = "The last message has no answer yet." if pending is not None else ""
            (await self.get_state(BadgeState)).show_calls(calls, undo_states)
        await native_thread_opened(self, user, conversation_id)

    @rx.event
    def stop(self):
        if self.is_streaming:
            self.stop_requested = True

    @rx.event
    def send_prompt(self, text: str):
        return ChatState.send({"message": text})

    @rx.event
    def choose(self, message: str):
        """A choice button: its message is the person's next message."""
        return ChatState.send({"message": message})

    @rx.event
    def start_edit(self):
        """Put the last user message in the composer to edit and send again (or arrow-up)."""
        last = next((m for m in reversed(self._all()) if m.role == "user" and not m.pending), None)
        if last is None or self._busy():
            return None
        self.editing = True
        return [rx.set_value("composer", last.content), rx.set_focus("composer")]

    @rx.event
    def cancel_edit(self):
        self.editing = False
        return rx.set_value("composer", "")

    @rx.event(background=True)
    async def send(self, form: dict):
        text = (form.get("message") or "").strip()
        held = Held(self, FLUSH_EVERY_S)  # the message shows with the turn's first frame (or alone, soon)
        async with self:
            locked = Locked(self)
            chat: ChatState = locked.own
            if chat._busy() or not text:
                return
            mode: Mode = "edit" if chat.editing else "send"
            files = (await locked.get(ComposerFilesState)).take()
            chat._opening = True  # no second turn meanwhile (a backend var: nothing sent)
            held.hold(self._shown_sending(text, mode, files))
            renew = (await locked.get(AuthState)).needs_renewal()
            begun = await self._ids(locked)
        try:
            if renew:
                yield AuthState.keep_fresh
            await self._turn(text, mode, *begun, files=files, held=held)
        finally:
            await held.close()  # never left held: `_opening` ends with it

    def _shown_sending(self, text: str, mode: Mode, files: list[AttachedFile]) -> Change:
        """What the page shows as a message goes (an edit first cuts the transcript at the message
        it replaces): the message, pending, and the turn on. Held for the turn's first frame."""
        async def show(locked: Locked) -> None:
            chat: ChatState = locked.own
            if mode == "edit":
                every = chat._all()
                chat._set_parts(keep, next(
                    (i for i in range(len(every) - 1, -1, -1) if every[i].role == "user"), len(every)))
            chat.live = [ChatMessage(id=0, role="user", content=text, time=now_hhmm(), pending=True,
                                     files=", ".join(f.name for f in files))]
            chat._assign(error="", rate_limited="", editing=False)
            chat._turn_on()
            chat._opening = False
        return show

    @rx.event(background=True)
    async def regenerate(self):
        """Answer the last user message again: the old answer goes, finished tool calls are replayed."""
        async with self:
            if self._busy() or not self.last_assistant_id:
                return
            every = self._all()
            cut = next(i for i in range(len(every) - 1, -1, -1) if every[i].role == "user")
            self._set_parts(keep, cut + 1)
            self._turn_on()
            begun = await self._ids(Locked(self))
        await self._turn(None, "regenerate", *begun)

    @rx.event(background=True)
    async def retry(self):
        """Re-run the unanswered message: up to MAX_TRIES tries, waiting 1 s, 2 s between them."""
        for attempt in range(1, MAX_TRIES + 1):
            async with self:
                self.retry_note = f"Retrying ({attempt}/{MAX_TRIES})…"
                self._turn_on()
                begun = await self._ids(Locked(self))
            if await self._turn(None, "retry", *begun):
                break
            if attempt < MAX_TRIES:
                await asyncio.sleep(2 ** (attempt - 1))
        async with self:
            self.retry_note = ""

    @rx.event(background=True)
    async def give_feedback(self, message_id: int, kind: str):
        """Thumbs up / down on an answer, stored where ChatKit's feedback goes."""
        if kind not in FEEDBACK:
            return
        async with self:
            target = next((m for m in self._all() if m.id == message_id and m.role == "assistant"), None)
            conversation_id = (await self.get_state(ConversationState)).open_id
        user = await signed_in_user(self)
        if target is None or user is None:
            return
        try:
            await run_db(turn_edits.give_feedback, user, conversation_id, target.item_id, kind)
        except ServiceError as exc:
            async with self:
                self.error = str(exc)
            return
        async with self:
            self._set_parts(replaced, lambda m: m.id == message_id, lambda m: replace(m, feedback=kind))

    def _busy(self) -> bool:
        """A turn is on, or a message is on its way to starting one."""
        return self.is_streaming or self._opening

    def _turn_on(self) -> None:
        """Under the lock, in the frame that shows the message: the turn is on."""
        self._assign(is_streaming=True, stop_requested=False, can_retry=False)
        if self.choices:
            self.choices_question, self.choices = "", []

    @staticmethod
    async def _ids(locked: Locked) -> tuple[int | None, str]:
        """Under the lock: the open conversation and the token, for the turn to use with the lock released."""
        return (await locked.get(ConversationState)).open_id or None, (await locked.get(AuthState)).token

    async def _turn(self, text: str | None, mode: Mode, conversation_id: int | None, token: str,
                    files: list[AttachedFile] | None = None, held: Held | None = None) -> bool:
        """One turn from the page; True when it answered. The user's message is saved first.
        `held`: changes waiting for the turn's first frame (the message as it goes)."""
        held = held or Held(self, FLUSH_EVERY_S)
        try:
            opened = await open_from_page(mode, text, conversation_id, token, files)
            if isinstance(opened, Refused):
                return await self._finish(held, error=opened.error, rate_limited=opened.rate_limited,
                                          drop_pending=opened.drop_pending, files=files)
            return await self._run(*opened, held)
        finally:
            await held.close()

    async def _run(self, user: User, turn: TurnInput, held: Held) -> bool:
        """The turn's events to the page. A call's end waits (briefly) in `held` for the next frame."""
        stop = TurnStop()  # the runner saves a stopped answer (agent.stop): we say what was shown
        buffer, shown, last_flush, reply_item_id = "", "", time.monotonic(), ""
        choice: tuple[str, list[ChoiceView]] | None = None
        unseen_start = True  # the saved message is shown with the turn's next frame, not its own
        events = aclosing_iter(run_turn(user, turn, stop=stop))
        async for event in events:
            if isinstance(event, TextDelta):
                buffer += event.delta
                if time.monotonic() - last_flush < FLUSH_EVERY_S:
                    continue
                async with self:
                    locked = Locked(self)
                    chat: ChatState = locked.own
                    await held.apply(locked)
                    unseen_start = await chat._show_start(locked, turn, unseen_start)
                    if chat.stop_requested:
                        break  # the unshown buffer is dropped: what is saved is what was shown
                    chat.streaming_text += buffer
                    shown = chat.streaming_text
                buffer, last_flush = "", time.monotonic()
            elif isinstance(event, TurnStarted):
                reply_item_id = event.reply_item_id
            elif isinstance(event, ToolCallEvent):
                choice = offered(event.name, event.arguments, event.result) or choice
                rows = await fetch_tasks(user) if reloads_tasks(event) else None
                show = self._call_shown(turn.message.id or 0, event, rows)
                if event.type == "tool_call_finished" and not unseen_start:
                    held.hold(show)  # with the turn's next frame: usually its end, milliseconds away
                else:  # a call's start keeps its own frame: the page shows it pending first
                    async with self:
                        locked = Locked(self)
                        await held.apply(locked)
                        unseen_start = await locked.own._show_start(locked, turn, unseen_start)
                        await show(locked)
                        if locked.own.stop_requested:
                            break
                last_flush = time.monotonic()  # text right after a call waits for the next flush
            elif isinstance(event, TurnDone):
                async with self:
                    locked = Locked(self)
                    chat = locked.own
                    await held.apply(locked)
                    await chat._show_start(locked, turn, unseen_start)
                    await chat._settle(locked, ChatMessage(id=event.message_id, role="assistant",
                                                           content=event.response, time=now_hhmm(),
                                                           item_id=reply_item_id))
                    if choice is not None:
                        chat.choices_question, chat.choices = choice
                    chat._done()
                return True
            elif isinstance(event, TurnFailed):
                async with self:
                    locked = Locked(self)
                    await held.apply(locked)
                    await locked.own._show_start(locked, turn, unseen_start)
                return await self._finish(held, error=event.message, can_retry=True)
        stop.shown = shown
        await events.aclose()  # after Stop: the runner cancels the agent run and saves what was shown
        saved = stop.saved
        if saved is None:  # stopped before the turn started: nothing was shown, nothing to keep
            return await self._finish(held)
        async with self:
            locked = Locked(self)
            chat = locked.own
            await held.apply(locked)
            await chat._show_start(locked, turn, unseen_start)
            await chat._settle(locked, message_view(saved))
            chat._done()
        return False

    def _call_shown(self, message_id: int, event: ToolCallEvent, rows: list[TaskView] | None) -> Change:
        """A tool call's badge (and the task panel's rows after a change), to apply under the lock."""
        async def show(locked: Locked) -> None:
            (await locked.get(BadgeState)).upsert(message_id, event.call_id, event.name, event.status,
                                                  event.arguments, event.result)
            if rows is not None:
                (await locked.get(TaskPanelState)).tasks = rows
        return show

    async def _show_start(self, locked: Locked, turn: TurnInput, unseen: bool) -> bool:
        """Under the lock: once per turn, the saved user message replaces the pending one and the
        conversation is the open one (its sidebar row first). Returns False (nothing left unseen)."""
        if unseen:
            self._set_parts(go_live, message_view(turn.message))
            if self.streaming_text:
                self.streaming_text = ""
            (await locked.get(BadgeState)).go_live(turn.message.id or 0)
            (await locked.get(ConversationState)).note_turn(turn.conversation)
        return False

    async def _settle(self, locked: Locked, *answer: ChatMessage) -> None:
        """Under the lock, at the turn's end: the live message (and the answer) join the recent turns."""
        self._set_parts(settle, *answer)
        (await locked.get(BadgeState)).settle_live()

    def _done(self) -> None:
        self._assign(is_streaming=False, streaming_text="", retry_note="")

    async def _finish(self, held: Held, error: str = "", can_retry: bool = False, rate_limited: str = "",
                      drop_pending: bool = False, files: list[AttachedFile] | None = None) -> bool:
        """The turn is over without an answer; a message that was not saved gives its files back."""
        async with self:
            locked = Locked(self)
            chat: ChatState = locked.own
            await held.apply(locked)
            if files:
                (await locked.get(ComposerFilesState)).put_back(files)
            chat._assign(is_streaming=False, streaming_text="", error=error, can_retry=can_retry,
                         rate_limited=rate_limited)
            if drop_pending or not any(m.pending for m in chat.live):  # else it stays, as sent
                await chat._settle(locked)
        return False


def aclosing_iter(events: AsyncIterator[BaseModel]) -> AsyncGenerator[BaseModel, None]:
    """The runner's events as a generator the caller can close (closing it cancels the run)."""
    assert isinstance(events, AsyncGenerator)
    return events
