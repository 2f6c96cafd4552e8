"""Prometheus metrics for operators (served at /metrics, see api/analytics.py).

Several backend workers: `python -m todo_chat.serve` sets PROMETHEUS_MULTIPROC_DIR before any
worker starts, so each worker writes its values to files there (prometheus-client's multiprocess
mode) and a scrape of any worker adds them all up. Gauges count live processes only.
"""

from __future__ import annotations

import atexit
import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from sqlalchemy import event
from sqlalchemy.pool import Pool

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
LABEL_MAX = 64
# Seconds: a turn of the offline model takes milliseconds, a hosted model's several seconds.
_TURN_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)
_FIRST_TOKEN_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30)

TURN_SECONDS = Histogram("todo_chat_turn_duration_seconds", "Chat turns from start to their last event",
                         buckets=_TURN_BUCKETS)
FIRST_TOKEN_SECONDS = Histogram("todo_chat_turn_first_token_seconds",
                                "From a turn's start to the first streamed text", buckets=_FIRST_TOKEN_BUCKETS)
TURNS = Counter("todo_chat_turns", "Chat turns by outcome (ok, error, stopped)", ["outcome"])
TOOL_CALLS = Counter("todo_chat_tool_calls", "Tool calls by tool and status", ["tool", "status"])
TURN_RETRIES = Counter("todo_chat_turn_retries", "Turns tried again (user, context_overflow)", ["reason"])
MODEL_ERRORS = Counter("todo_chat_model_errors", "Turns the model failed, by error kind", ["kind"])
ACTIVE_STREAMS = Gauge("todo_chat_active_streams", "Chat turns running now", multiprocess_mode="livesum")
DB_POOL_IN_USE = Gauge("todo_chat_db_connections_in_use", "Database connections checked out of the pool",
                       multiprocess_mode="livesum")


def label(value: str) -> str:
    """A bounded label value (a label's values must stay few)."""
    return (value or "unknown")[:LABEL_MAX]


@event.listens_for(Pool, "checkout")
def _checked_out(*_args) -> None:
    DB_POOL_IN_USE.inc()


@event.listens_for(Pool, "checkin")
def _checked_in(*_args) -> None:
    DB_POOL_IN_USE.dec()


def multiprocess_dir() -> str:
    return os.environ.get(MULTIPROC_ENV, "")


def render() -> tuple[bytes, str]:
    """The exposition text of every worker (multiprocess mode) or of this process alone.
    Reads files in multiprocess mode: call it off the event loop."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def _forget_this_process() -> None:
    """A worker that exits drops out of the live gauges (its counters stay counted)."""
    if multiprocess_dir():
        multiprocess.mark_process_dead(os.getpid())


atexit.register(_forget_this_process)
