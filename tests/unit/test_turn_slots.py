"""A turn's agent slot: taken at once when one is free, waited for (with its timeout) when none is."""

import asyncio

import pytest

from todo_chat.agent import turn


def test_a_free_slot_is_taken_without_a_task_or_a_timer(monkeypatch):
    async def never(*args, **kwargs):
        raise AssertionError("wait_for is for a full house only")

    monkeypatch.setattr(turn.asyncio, "wait_for", never)

    async def take() -> int:
        slots = asyncio.Semaphore(2)
        await turn._acquire(slots, 0.01)
        await turn._acquire(slots, 0.01)
        return slots._value

    assert asyncio.run(take()) == 0


def test_a_full_house_waits_at_most_the_timeout():
    async def take() -> None:
        slots = asyncio.Semaphore(1)
        await turn._acquire(slots, 0.01)
        await turn._acquire(slots, 0.01)

    with pytest.raises(TimeoutError):
        asyncio.run(take())
