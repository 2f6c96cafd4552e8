"""An exact moving-window rate limiter for one process (rate-limit storage `memory://`).

`limits`' own in-memory storage keeps a list of hits per key, inserts each new hit at the list's
front, and at every hit starts a pass over *every* key that hands each key's list to a worker
thread (`asyncio.to_thread`) to find its expired part: a thread hand-off per user with recent
hits, about once a chat turn, growing with the number of users. Here each key is a deque of hit
times, oldest first: a hit drops the expired times at its left end and appends at its right, with
no thread, task or lock to await. A key whose window is empty is forgotten by a sweep at most
once per `SWEEP_S`, so memory follows the hits of the last window.

Same interface and answers as `limits.aio.strategies.MovingWindowRateLimiter` for what the app
calls (`hit`, `test`, `get_window_stats`, `clear`): a hit counts while it is younger than the
window, exactly (no approximation at a window's edge). Several workers share Redis instead.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from limits import RateLimitItem
from limits.util import WindowStats

SWEEP_S = 60.0


class _Window:
    __slots__ = ("expiry", "hits")

    def __init__(self, expiry: int) -> None:
        self.expiry = expiry
        self.hits: deque[float] = deque()

    def live(self, now: float) -> deque[float]:
        """The hits still inside the window at `now` (older ones dropped)."""
        hits, oldest = self.hits, now - self.expiry
        while hits and hits[0] <= oldest:
            hits.popleft()
        return hits


class LocalMovingWindow:
    """Moving-window limits kept in this process's memory (one worker, or tests)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._windows: dict[str, _Window] = {}
        # Every caller runs on an event loop and never awaits inside: the lock only matters when
        # several loops in several threads share this limiter (tests, tools), and is never contended.
        self._lock = threading.Lock()
        self._next_sweep = clock() + SWEEP_S

    def _window(self, item: RateLimitItem, identifiers: tuple[str, ...]) -> _Window:
        key = item.key_for(*identifiers)
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = _Window(item.get_expiry())
        return window

    async def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        """Count `cost` hits if they fit the limit now; whether they did."""
        now = self._clock()
        with self._lock:
            self._sweep(now)
            hits = self._window(item, identifiers).live(now)
            if len(hits) + cost > item.amount:
                return False
            hits.extend([now] * cost)
            return True

    async def test(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        """Whether `cost` more hits would fit the limit now (nothing is counted)."""
        return self._count(item, identifiers)[1] + cost <= item.amount

    async def get_window_stats(self, item: RateLimitItem, *identifiers: str) -> WindowStats:
        """When the oldest hit in the window leaves it (epoch seconds), and how many hits remain."""
        oldest, count = self._count(item, identifiers)
        return WindowStats(oldest + item.get_expiry(), max(0, item.amount - count))

    async def clear(self, item: RateLimitItem, *identifiers: str) -> None:
        with self._lock:
            self._windows.pop(item.key_for(*identifiers), None)

    def keys(self) -> int:
        """How many keys are held (a bounded-memory check)."""
        return len(self._windows)

    def _count(self, item: RateLimitItem, identifiers: tuple[str, ...]) -> tuple[float, int]:
        now = self._clock()
        with self._lock:
            window = self._windows.get(item.key_for(*identifiers))
            hits = window.live(now) if window else None
            return (hits[0], len(hits)) if hits else (now, 0)

    def _sweep(self, now: float) -> None:
        """Forget keys without a live hit (the lock is held)."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_S
        for key in [key for key, window in self._windows.items() if not window.live(now)]:
            del self._windows[key]
