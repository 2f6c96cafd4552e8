"""What `bench/load.py` reads from /proc: a process tree's CPU time and each process's RSS."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def tree(root: int) -> list[int]:
    """`root` and all its descendants (every thread's children: workers may be forked from any)."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            tasks = list(Path(f"/proc/{pid}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            with contextlib.suppress(OSError):
                todo.extend(int(c) for c in (task / "children").read_text().split())
    return found


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes (live ones; a finished child is not counted)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def reaped_cpu_s(pid: int) -> float:
    """CPU seconds of `pid`'s children that ended and were waited for (PostgreSQL's postmaster
    reaps each backend: a connection closed mid-phase keeps its CPU here)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[13]) + int(fields[14])) / TICK


def rss_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0) / 1024


def _rollup_kib(pid: int, *fields: str) -> int:
    """The sum of these fields of /proc/PID/smaps_rollup (kB), 0 for a process gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return sum(int(line.split()[1]) for line in rollup.splitlines() if line.split(":")[0] in fields)


def pss_mib(pid: int) -> float:
    """Proportional set size: shared pages (a forked worker's inherited ones) split among sharers."""
    return _rollup_kib(pid, "Pss") / 1024


def uss_mib(pid: int) -> float:
    """Unique set size: the pages only this process maps, what ending it would give back. For a
    worker forked from a parent that loaded the app, the honest cost of one more worker."""
    return _rollup_kib(pid, "Private_Clean", "Private_Dirty") / 1024


def name(pid: int) -> str:
    """A short name for a process: its command line without the interpreter's path."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    words = [w.decode(errors="replace") for w in argv if w]
    if words and "python" in Path(words[0]).name:
        words = words[1:]
    return " ".join(words)[:60]


def by_port(port: int, program: str) -> int | None:
    """The process of `program` whose command line names `-p <port>` (the PostgreSQL postmaster)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(program.encode()) and f"-p {port}".encode() in b" ".join(argv):
            return int(entry.name)
    return None
