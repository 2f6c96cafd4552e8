"""Give the C heap's free pages back to the system after start-up and after bursts.

A burst of turns (200 users at once) leaves glibc's heap full of freed chunks between live ones;
glibc returns only the top of the heap on its own, so a worker's RSS stayed ~20 MiB above its
idle size for good (`make bench`: 197 -> 217 MiB). `malloc_trim(0)` releases every free page
(madvise), wherever it lies. It takes a few milliseconds, so it runs in a worker thread, every
CHECK_EVERY_S while the process is GROWTH_MIB above its size after start-up (a burst's garbage is
freed only when the burst ends, so a trim during a burst is not enough). Not glibc (musl,
macOS): nothing to do.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
import os
from collections.abc import Callable
from functools import lru_cache

log = logging.getLogger(__name__)
CHECK_EVERY_S = 15.0
GROWTH_MIB = 4.0  # trim when RSS grew by this much since the last trim
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@lru_cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def rss_mib() -> float:
    """This process's resident set (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE / 2**20
    except OSError:
        return 0.0


def trim() -> bool:
    """Return the heap's free pages to the system now; False where malloc_trim does not exist."""
    release = _malloc_trim()
    if release is None:
        return False
    release(0)
    return True


async def trim_after_growth(check_every_s: float = CHECK_EVERY_S) -> None:
    """A lifespan task: trim once now (after start-up), then while RSS is above that size."""
    if _malloc_trim() is None:
        return
    await asyncio.sleep(check_every_s / 10)  # after the other start-up tasks (gc.freeze)
    await asyncio.to_thread(trim)
    idle = rss_mib()
    while True:
        await asyncio.sleep(check_every_s)
        if (before := rss_mib()) - idle >= GROWTH_MIB:
            await asyncio.to_thread(trim)
            log.debug("heap trimmed: RSS %.0f -> %.0f MiB", before, rss_mib())
