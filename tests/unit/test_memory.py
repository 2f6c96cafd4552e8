"""A worker gives a burst's freed C heap back to the system (`todo_chat/core/memory.py`)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from todo_chat.core import memory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(memory.malloc_trim() is None, reason="glibc's malloc_trim")


class _Done(Exception):
    pass


def _trims(rss_readings: list[int], growth_kib: int = 1024) -> int:
    """How many trims `trim_after_growth` makes while the RSS reads as given (one reading at the
    start and after each trim, one at each check)."""
    readings, trims = iter(rss_readings), []

    def rss() -> int:
        try:
            return next(readings)
        except StopIteration:
            raise _Done from None

    async def watch() -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(memory, "rss_kib", rss)
            patch.setattr(memory, "malloc_trim", lambda: lambda: trims.append(1) or 1)
            with pytest.raises(_Done):
                await memory.trim_after_growth(every_s=0, growth_kib=growth_kib)

    asyncio.run(watch())
    return len(trims)


def test_a_worker_that_grew_is_trimmed_once_and_a_steady_one_never():
    assert _trims([100_000, 100_500, 100_900, 100_200]) == 0             # never 1 MiB above the start
    assert _trims([100_000, 101_100, 100_300, 100_800, 101_000]) == 1   # grew; then measured from 100,300
    assert _trims([100_000, 103_000, 101_000, 102_100, 100_900]) == 2


def test_malloc_trim_gives_back_free_pages_below_the_top_of_the_heap():
    """Freed blocks under a live one at the top of the heap stay resident until trimmed."""
    code = """
import ctypes
from todo_chat.core import memory
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
blocks = [libc.malloc(64 * 1024) for _ in range(1000)]   # under the mmap threshold: in the heap
for block in blocks:
    ctypes.memset(block, 1, 64 * 1024)
for block in blocks[:-1]:
    libc.free(block)                                      # the last one keeps the heap's top
before = memory.rss_kib()
memory.malloc_trim()()
print(before - memory.rss_kib())
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"})
    assert int(done.stdout) > 50 * 1024, done.stdout      # of the ~62 MiB freed


def test_every_worker_runs_the_trim():
    code = """
from reflex_base.constants import Env
from reflex_base.environment import environment
environment.REFLEX_ENV_MODE.set(Env.PROD)
environment.REFLEX_SKIP_COMPILE.set(True)
from reflex.utils import prerequisites
from todo_chat.core.memory import trim_after_growth
print(trim_after_growth in prerequisites.get_and_validate_app().app._lifespan_tasks)
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split()[-1] == "True", done.stderr[-2000:]
