"""The database: one engine, sessions, SQLite pragmas, and the migrations entry point."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from functools import lru_cache, partial
from pathlib import Path
from typing import ParamSpec, TypeVar
from weakref import WeakKeyDictionary

import anyio
from anyio import CapacityLimiter

from sqlalchemy import DateTime, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, create_engine

from todo_chat.core.config import PROJECT_ROOT, get_settings


class UTCDateTime(TypeDecorator):
    """Timestamps are aware UTC in Python whatever the database keeps.

    SQLite drops the zone, and ChatKit hands us naive datetimes: both become aware UTC here,
    at the boundary, so no naive datetime ever reaches the models.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: datetime) -> datetime:
    """Aware UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    url = settings.resolved_database_url
    pool = {"pool_size": settings.database_pool_size, "max_overflow": settings.database_max_overflow,
            "pool_timeout": settings.database_pool_timeout}
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **pool)


# Limiters belong to one event loop (tests and tools start several): one set per loop.
_limiters: WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, CapacityLimiter]] = WeakKeyDictionary()
CPU_THREADS = 4


def _limiter(kind: str) -> CapacityLimiter:
    """Database work runs in at most as many threads as the pool has connections, so a thread
    never waits for one; hashing gets a few threads of its own, so a burst of logins never starves
    database work."""
    per_loop = _limiters.setdefault(asyncio.get_running_loop(), {})
    if kind not in per_loop:
        settings = get_settings()
        per_loop[kind] = CapacityLimiter(
            settings.database_pool_size + settings.database_max_overflow if kind == "db" else CPU_THREADS)
    return per_loop[kind]


def reset_engine() -> None:
    """Forget the engine (tests and settings changes)."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()
    _limiters.clear()


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


P = ParamSpec("P")
T = TypeVar("T")


def _in_session(work: Callable[..., T], *args, **kwargs) -> T:
    with session_scope() as session:
        return work(session, *args, **kwargs)


async def run_db(work: Callable[..., T], *args, **kwargs) -> T:
    """Run `work(session, *args, **kwargs)` as one unit of work, off the event loop.

    The event loop is shared by every user, so a query (or a wait for a pooled connection) must
    never run on it. Each call gets its own short session in a worker thread and commits once;
    nothing is held across an `await`. Returned rows stay usable (expire_on_commit is off).
    """
    return await anyio.to_thread.run_sync(partial(_in_session, work, *args, **kwargs),
                                          limiter=_limiter("db"))


async def run_cpu(work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """CPU-heavy work (argon2) in a worker thread, so the event loop keeps serving."""
    return await anyio.to_thread.run_sync(partial(work, *args, **kwargs), limiter=_limiter("cpu"))


# Any constant: the PostgreSQL advisory lock that serialises migrations across processes.
_MIGRATION_LOCK = 7_460_113


@contextmanager
def _sqlite_migration_lock(url: str) -> Iterator[None]:
    """SQLite lives on one machine: a file lock next to the database serialises its migrators."""
    import fcntl

    with open(Path(url.removeprefix("sqlite:///")).with_suffix(".migrate.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def migrate() -> None:
    """Bring the schema to the newest alembic revision (idempotent).

    Safe when several processes start at once (e.g. backend workers): they take a lock first
    (a PostgreSQL advisory lock held until the migration commits, a file lock for SQLite), so
    the first migrates and the others find the schema at head.
    """
    from alembic.config import Config

    import todo_chat.models  # noqa: F401  (register the tables)
    from alembic import command

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    engine = get_engine()
    sqlite = engine.dialect.name == "sqlite"
    with _sqlite_migration_lock(str(engine.url)) if sqlite else nullcontext(), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


if __name__ == "__main__":
    migrate()
    print(f"database ready: {get_settings().resolved_database_url}")
