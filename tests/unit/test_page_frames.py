"""How many state-update frames a turn sends from the native chat (issue 19: the page's path).

A tool call's end waits briefly for the turn's next frame (`ui/state/held.py`): a one-tool turn
sends the saved message with the call pending, then the call's success with the answer, and a
slow turn still shows the call's success on time, alone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

import pytest
from reflex.state import State

from todo_chat.models import Conversation, ItemRole, Message, ToolCallStatus, User
from todo_chat.services.conversations import TurnInput
from todo_chat.ui.state import chat as chat_module
from todo_chat.ui.state import turn_open
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.chat import ChatState
from todo_chat.ui.state.held import Held, Locked
from todo_chat.ui.state.tasks import TaskPanelState, TaskView


class Frames:
    """A stand-in for a background event's state proxy: `async with` takes the lock and sends the
    delta of what changed inside (one frame), as `reflex.istate.proxy.StateProxy` does."""

    def __init__(self, root: State, state: Any) -> None:
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "_state", state)
        object.__setattr__(self, "_lock", asyncio.Lock())
        object.__setattr__(self, "sent", [])
        object.__setattr__(self, "fetched", [])  # per lock session: the state classes asked for, in order

    def __getattr__(self, name: str) -> Any:
        own = ChatState.__dict__.get(name)  # our handlers' helpers run on the proxy, as in a real event
        return own.__get__(self) if callable(own) else getattr(self._state, name)

    async def get_state(self, cls: type) -> Any:
        """As a real proxy's: each call builds a linked proxy (counted: a frame should ask once a state)."""
        self.fetched[-1].append(cls.__name__)
        return await self._state.get_state(cls)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._state, name, value)

    async def __aenter__(self) -> Frames:
        await self._lock.acquire()
        self.fetched.append([])
        return self

    async def __aexit__(self, *_exc: object) -> None:
        delta = self._root.get_delta()
        self._root._clean()
        if delta:
            self.sent.append({name.removesuffix("_rx_state_") for fields in delta.values() for name in fields})
        self._lock.release()


@pytest.fixture
def root() -> State:
    return State(_reflex_internal_init=True)  # type: ignore[call-arg]


def substate(root: State, cls):
    return root.get_substate(cls.get_full_name().split("."))


def a_turn() -> TurnInput:
    at = datetime(2026, 12, 4, tzinfo=UTC)
    conversation = Conversation(id=1, user_id=1, thread_id="thr", title="Chat", updated_at=at)
    message = Message(id=5, role=ItemRole.user, content="add milk", created_at=at,
                      item_id="item-5", conversation_id=1, user_id=1)
    return TurnInput(conversation=conversation, message=message, history=[])


def one_tool_turn(pause_after_call: float = 0, pause_before: float = 0):
    """The runner's events for a one-tool turn; `pause_before`: a slow start (the database, the model)."""
    async def run_turn(_user, turn: TurnInput, **_kw) -> AsyncGenerator[Any, None]:
        await asyncio.sleep(pause_before)
        yield chat_module.TurnStarted(conversation_id=1, thread_id="thr", message_id=5, reply_item_id="reply")
        call: dict[str, Any] = {"call_id": "c1", "name": "add_task", "arguments": {"title": "Milk"}}
        yield chat_module.ToolCallEvent(type="tool_call_started", **call)
        yield chat_module.ToolCallEvent(type="tool_call_finished", status=ToolCallStatus.success,
                                        result={"id": 1, "title": "Milk"}, **call)
        await asyncio.sleep(pause_after_call)  # the model's next request
        yield chat_module.TextDelta(delta="Added Milk.")
        yield chat_module.TurnDone(conversation_id=1, message_id=6, response="Added Milk.", tool_calls=[])
    return run_turn


async def send(root: State, monkeypatch: pytest.MonkeyPatch, run_turn: Any,
               fetched: list[list[str]] | None = None) -> list[set[str]]:
    """The frames one message sends, from Enter to the turn's end (the database stood in for)."""
    user = User(id=1, email="a@example.com", name="A", password_hash="x")

    async def rows(_user: User) -> list[TaskView]:
        return [TaskView(id=1, title="Milk")]

    async def opened(_token: str, text: str, _conversation_id: int | None, _files: list[str]):
        assert text == "add milk"
        return user, a_turn()

    monkeypatch.setattr(chat_module, "run_turn", run_turn)
    monkeypatch.setattr(chat_module, "fetch_tasks", rows)
    monkeypatch.setattr(turn_open, "open_sent_turn", opened)
    chat = substate(root, ChatState)
    root._clean()
    page = Frames(root, chat)
    async for _ in ChatState.send.fn(page, {"message": "add milk"}):  # type: ignore[attr-defined]
        pass  # AuthState.keep_fresh (the test's token is empty)
    assert not chat.is_streaming and not chat._opening
    if fetched is not None:
        fetched.extend(page.fetched)
    return page.sent


async def test_a_one_tool_message_sends_two_frames(root: State, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = await send(root, monkeypatch, one_tool_turn())
    assert len(sent) == 2, sent
    shown, done = sent
    # the message (saved by then: no "Sending…" frame of its own), the turn on, the call pending
    assert {"live", "is_streaming", "live_key"} <= shown and "tasks" not in shown
    assert {"tasks", "recent", "is_streaming"} <= done  # the call's success with the answer and the end
    badges = substate(root, BadgeState)
    assert [b.status for b in badges.recent["5"]] == ["success"]
    assert [t.title for t in substate(root, TaskPanelState).tasks] == ["Milk"]
    assert [m.id for m in substate(root, ChatState).recent] == [5, 6]


async def test_a_frame_fetches_each_state_once(root: State, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `get_state` on a background event's proxy builds a linked proxy: a lock session asks
    once for each state it touches (the badges are touched twice in both of a turn's frames)."""
    fetched: list[list[str]] = []
    await send(root, monkeypatch, one_tool_turn(), fetched)
    shown, done = fetched[-2:]
    assert "BadgeState" in shown and "BadgeState" in done and "TaskPanelState" in done
    assert all(len(session) == len(set(session)) for session in fetched), fetched


async def test_a_slow_answer_still_shows_the_calls_end_alone(root: State, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = await send(root, monkeypatch, one_tool_turn(pause_after_call=chat_module.FLUSH_EVERY_S * 6))
    assert len(sent) == 4, sent  # the message and the call pending; the call's success; the text; the end
    assert {"live", "tasks"} <= sent[1] and not {"streaming_text", "is_streaming"} & sent[1]
    assert "streaming_text" in sent[2]
    assert [m.content for m in substate(root, ChatState).recent] == ["add milk", "Added Milk."]


async def test_a_slow_start_shows_the_message_alone_first(root: State, monkeypatch: pytest.MonkeyPatch) -> None:
    """The message waits for the turn's first frame at most one flush: a slow database shows it pending."""
    sent = await send(root, monkeypatch, one_tool_turn(pause_before=chat_module.FLUSH_EVERY_S * 6))
    assert len(sent) == 3, sent
    assert {"live", "is_streaming"} <= sent[0] and "live_key" not in sent[0]  # "Sending…", on time
    assert [m.pending for m in substate(root, ChatState).recent] == [False, False]


class Counted:
    def __init__(self) -> None:
        self.entered = 0

    async def __aenter__(self) -> Counted:
        self.entered += 1
        return self

    async def __aexit__(self, *_exc: object) -> None:
        return None


async def test_held_changes_go_with_the_next_frame_or_alone_when_none_comes() -> None:
    state, applied = Counted(), []

    async def change(_locked: Locked) -> None:
        applied.append(state.entered)

    held = Held(state, delay=0.02)
    held.hold(change)
    await held.apply(Locked(state))  # the next frame comes first: the change goes with it, no frame of its own
    await asyncio.sleep(0.06)
    assert applied == [0] and state.entered == 0
    held.hold(change)
    await asyncio.sleep(0.06)  # nothing came: the timer sent it
    assert applied == [0, 1] and state.entered == 1
    held.hold(change)
    await held.close()  # the turn ended with it still held: shown, not lost
    assert applied == [0, 1, 2] and state.entered == 2


@pytest.mark.parametrize("mode", ["send", "retry"])
async def test_a_turn_refused_for_a_bad_token_keeps_the_message_as_sent(mode: turn_open.Mode) -> None:
    """Signed out: nothing saved and nothing dropped (the page keeps the message, as sent)."""
    refused = await turn_open.open_from_page(mode, "add milk", None, "not a token", [])
    assert refused == turn_open.Refused(error=turn_open.EXPIRED_NOTICE)
