"""The heap trimmer of a production worker (core/memory.py)."""

from __future__ import annotations

import asyncio
import contextlib

from todo_chat.core import memory


def test_trim_releases_freed_heap_pages_on_glibc():
    blocks = [bytearray(64 * 1024) for _ in range(800)]  # ~50 MiB in malloc'd blocks
    del blocks[::2]  # holes between live blocks: glibc keeps them without a trim
    before = memory.rss_mib()
    assert memory.trim() is True
    assert memory.rss_mib() < before


def test_the_task_trims_once_at_start_and_again_only_while_the_process_is_above_its_idle_size(monkeypatch):
    sizes = iter([100.0, 101.0, 130.0, 131.0, 131.0, 131.0])  # idle, small growth, a burst's leftovers
    trims: list[int] = []
    monkeypatch.setattr(memory, "rss_mib", lambda: next(sizes, 131.0))
    monkeypatch.setattr(memory, "trim", lambda: trims.append(1) or True)

    async def run() -> None:
        task = asyncio.create_task(memory.trim_after_growth(check_every_s=0.01))
        await asyncio.sleep(0.2)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(run())
    assert len(trims) >= 3  # at start, then at each check while 30 MiB above idle
