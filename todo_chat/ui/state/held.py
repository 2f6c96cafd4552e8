"""State changes that may wait a moment for the turn's next frame (issue 19: the page's path).

Every `async with self` that changes a sent var costs the server a websocket frame: the state
lock, the delta with its computed vars, JSON, socket.io and the write, about a millisecond. A tool
call's end (its badge's success, the task panel's new rows) is usually followed within
milliseconds by the turn's end or its next text: held back for at most `delay`, it travels in
that frame. When nothing comes sooner a timer shows it alone, so a slow model never leaves a
finished call looking pending for longer than `delay`.

A change is a callable run under the state lock (`apply`), by whichever comes first: the turn's
next frame or the timer. It gets the lock session's `Locked`, through which every state it
touches is fetched once for the whole frame.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

S = TypeVar("S")


class Locked:
    """One lock session (`async with state:`) of a background event, and the states it touches.

    Inside the session the proxy's own state is the locked tree's, as a plain event handler gets
    it: `own` is that state and `get` fetches the others from it, once each. Through the proxy,
    every `get_state` built a linked proxy (a wrapt object, an asyncio lock, a token) and every read
    of a list was wrapped twice; a turn's frame asked for the badges twice and ran all its changes
    through proxies. Valid for that session only (a manager like Redis loads a fresh tree at each
    lock): never keep `own` or a fetched state past the `async with`."""

    def __init__(self, state: Any) -> None:
        # `__wrapped__`: the state a `reflex.istate.proxy.StateProxy` stands for, replaced with the
        # locked tree's at each `async with` (an object that is no proxy is its own state)
        self.own: Any = getattr(state, "__wrapped__", state)
        self._states: dict[type, Any] = {}

    async def get(self, cls: type[S]) -> S:
        got = self._states.get(cls)
        if got is None:
            got = self._states[cls] = await self.own.get_state(cls)
        return got


Change = Callable[[Locked], Awaitable[None]]


class Held:
    def __init__(self, state: Any, delay: float) -> None:
        """`state`: the background event's state proxy (entered with `async with` by the timer)."""
        self._state = state
        self._delay = delay
        self._changes: list[Change] = []
        self._timer: asyncio.TimerHandle | None = None
        self._flushing: asyncio.Task[None] | None = None

    def hold(self, change: Change) -> None:
        """Apply `change` with the next frame, or alone once `delay` has passed."""
        self._changes.append(change)
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._delay, self._due)

    async def apply(self, locked: Locked) -> None:
        """Under the state lock: the held changes, in the order they were held."""
        changes, self._changes = self._changes, []
        self._stop_timer()
        for change in changes:
            await change(locked)

    async def close(self) -> None:
        """The turn is over: no timer left behind, a frame the timer is sending has gone, and a
        change still held (a turn that ended without another frame) is shown now."""
        self._stop_timer()
        if self._flushing is not None:
            await self._flushing
        if self._changes:
            await self._flush()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _due(self) -> None:
        self._timer = None
        if self._changes:
            self._flushing = asyncio.ensure_future(self._flush())

    async def _flush(self) -> None:
        async with self._state:
            await self.apply(Locked(self._state))
