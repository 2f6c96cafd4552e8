"""Giving the C allocator's free pages back to the system after a burst of requests.

A burst (200 users at once) grows a worker's glibc heap; when it ends most of that memory is free
again inside the heap, but glibc only returns the free space at the top of the heap, so the
worker's RSS stays at the burst's high-water mark. `malloc_trim(0)` also releases the free pages
in the middle of every arena (`madvise`): measured on a production start after the load bench's
phases, 1.6 MiB of RSS back, for a few milliseconds of CPU each time the worker has grown.
The rest of a burst's growth is Python's own allocator (objects made during the burst that live
on pin its 1 MiB arenas), which this cannot return.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
from collections.abc import Callable
from pathlib import Path

CHECK_EVERY_S = 10.0
GROWTH_KIB = 1024          # trim once the RSS is this much above what the last trim left


def rss_kib() -> int:
    """This process's resident set size (kB), from /proc (0 where there is none)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)


def malloc_trim() -> Callable[[], int] | None:
    """glibc's `malloc_trim(0)`, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0)


async def trim_after_growth(every_s: float = CHECK_EVERY_S, growth_kib: int = GROWTH_KIB) -> None:
    """Forever (a lifespan task of every worker): each `every_s`, when the RSS has grown by
    `growth_kib` since the last trim, trim in a worker thread (it walks the arenas under their
    locks: not on the event loop). A steady load that does not grow the process never trims."""
    trim = malloc_trim()
    if trim is None:
        return
    floor = rss_kib()
    while True:
        await asyncio.sleep(every_s)
        if rss_kib() - floor >= growth_kib:
            await asyncio.to_thread(trim)
            floor = rss_kib()
