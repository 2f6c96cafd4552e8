"""Chat turns per user per minute: a sliding window in this process.

One process is what `reflex run` starts; several backend workers would each count on their own
(put the window in Redis then).
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from threading import Lock

from todo_chat.core.config import get_settings
from todo_chat.models import User
from todo_chat.services.errors import ServiceError

WINDOW_S = 60.0


class RateLimited(ServiceError):
    def __init__(self, retry_after: int):
        super().__init__(f"You're sending messages too fast. Try again in {retry_after} s.")
        self.retry_after = retry_after


_hits: dict[int, deque[float]] = defaultdict(deque)
_lock = Lock()


def check_chat_turn(user: User) -> None:
    """Count one turn for `user`, or raise RateLimited when the window is full."""
    limit = get_settings().chat_turns_per_minute
    now = time.monotonic()
    with _lock:
        hits = _hits[user.id]
        while hits and now - hits[0] > WINDOW_S:
            hits.popleft()
        if len(hits) >= limit:
            raise RateLimited(max(1, int(WINDOW_S - (now - hits[0])) + 1))
        hits.append(now)


def reset() -> None:
    with _lock:
        _hits.clear()
