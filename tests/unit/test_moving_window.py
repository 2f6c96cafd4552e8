"""core.moving_window: the one-process rate limiter is exact, starts no thread, and forgets old keys."""

from __future__ import annotations

import asyncio

from limits import RateLimitItemPerMinute

from todo_chat.core import config
from todo_chat.core.moving_window import SWEEP_S, LocalMovingWindow
from todo_chat.services import ratelimit


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_hit_counts_for_exactly_one_window():
    clock, rate = Clock(), RateLimitItemPerMinute(2)
    window = LocalMovingWindow(clock)

    async def run() -> None:
        assert await window.hit(rate, "chat-turn", "1")
        clock.now += 30
        assert await window.hit(rate, "chat-turn", "1")
        clock.now += 29.9  # 59.9 s after the first: both still count
        assert not await window.hit(rate, "chat-turn", "1")
        assert not await window.test(rate, "chat-turn", "1")
        assert await window.hit(rate, "chat-turn", "2")  # another user's window
        stats = await window.get_window_stats(rate, "chat-turn", "1")
        assert stats.remaining == 0 and stats.reset_time == clock.now - 59.9 + 60
        clock.now += 0.1  # the first hit is 60 s old: out (a sliding counter would still weigh it)
        assert await window.test(rate, "chat-turn", "1")
        assert (await window.get_window_stats(rate, "chat-turn", "1")).remaining == 1
        assert await window.hit(rate, "chat-turn", "1")
        assert not await window.hit(rate, "chat-turn", "1")

    asyncio.run(run())


def test_test_counts_nothing_and_a_cost_above_the_limit_never_fits():
    rate = RateLimitItemPerMinute(3)
    window = LocalMovingWindow(Clock())

    async def run() -> None:
        for _ in range(5):
            assert await window.test(rate, "k")
        assert not await window.hit(rate, "k", cost=4)
        assert await window.hit(rate, "k", cost=3)
        assert not await window.test(rate, "k")
        await window.clear(rate, "k")
        assert (await window.get_window_stats(rate, "k")).remaining == 3

    asyncio.run(run())


def test_keys_without_live_hits_are_forgotten():
    clock, rate = Clock(), RateLimitItemPerMinute(5)
    window = LocalMovingWindow(clock)

    async def run() -> None:
        for user in range(50):
            await window.hit(rate, "login-ip", f"10.0.0.{user}")
        assert window.keys() == 50
        clock.now += SWEEP_S + 60
        await window.hit(rate, "login-ip", "10.0.0.1")
        assert window.keys() == 1

    asyncio.run(run())


def test_chat_turns_in_one_process_hand_nothing_to_a_thread(monkeypatch):
    """`limits`' memory storage ran an expiry pass with a worker-thread hand-off per key at every hit."""
    monkeypatch.setenv("RATE_LIMIT_STORAGE_URL", "memory://")
    monkeypatch.setenv("CHAT_TURNS_PER_MINUTE", "3")
    config.get_settings.cache_clear()
    ratelimit.reset()
    threads: list[object] = []

    async def no_thread(*args, **kwargs):
        threads.append(args)
        raise AssertionError("a rate-limit hit went to a worker thread")

    monkeypatch.setattr(asyncio, "to_thread", no_thread)

    async def run() -> None:
        for _ in range(3):
            for user in range(8):
                await ratelimit.check_chat_turn_of(user)
        for _ in range(5):
            await asyncio.sleep(0)  # any task a hit started gets to run
        assert len(asyncio.all_tasks()) == 1
        try:
            await ratelimit.check_chat_turn_of(0)
        except ratelimit.RateLimited as limited:
            assert 1 <= limited.retry_after <= 60
        else:
            raise AssertionError("the fourth turn in a minute was let through")

    try:
        asyncio.run(run())
    finally:
        config.get_settings.cache_clear()
        ratelimit.reset()
    assert threads == []
