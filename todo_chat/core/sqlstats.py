"""Counting SQL statements and commits per process, for `make bench` only (`BENCH_SQL_COUNTS`).

With `BENCH_SQL_COUNTS=<dir>` set, the engine counts every statement it sends and every commit,
and a daemon thread writes the totals to `<dir>/<pid>.json` a few times a second (only when
they changed), so the benchmark reads them per phase from outside, whatever the number of
workers. Unset (production, tests), nothing is attached and nothing runs.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

_counts = {"statements": 0, "commits": 0}


def _statement(*_args) -> None:
    _counts["statements"] += 1


def _commit(*_args) -> None:
    _counts["commits"] += 1


def _writer(path: Path) -> None:
    written: dict[str, int] = {}
    while True:
        threading.Event().wait(0.2)
        if _counts != written:
            written = dict(_counts)
            path.write_text(json.dumps(written))


def count_statements(engine: Engine) -> None:
    """Attach the counters to `engine` when the benchmark asks for them."""
    directory = os.environ.get("BENCH_SQL_COUNTS")
    if not directory:
        return
    event.listen(engine, "before_cursor_execute", _statement)
    event.listen(engine, "commit", _commit)
    _start_writer(directory)
    # A worker forked from a process that already built the engine writes its own file.
    os.register_at_fork(after_in_child=lambda: _start_writer(directory))


def _start_writer(directory: str) -> None:
    path = Path(directory) / f"{os.getpid()}.json"
    threading.Thread(target=_writer, args=(path,), daemon=True, name="bench-sql-counts").start()
