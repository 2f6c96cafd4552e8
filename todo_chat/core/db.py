"""The database: one engine, sessions, SQLite pragmas, and the migrations entry point."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast
from weakref import WeakKeyDictionary

import anyio
from anyio import CapacityLimiter
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, CursorResult, Dialect, Engine, Result
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session, create_engine

from todo_chat.core.config import PROJECT_ROOT, get_settings
from todo_chat.core.sqlstats import count_statements

# The alembic revisions name the column type `todo_chat.core.db.UTCDateTime`: they are history and
# keep importing it from here.
from todo_chat.core.time import UTCDateTime as UTCDateTime

# The largest id any table hands out or any door accepts: PostgreSQL's INTEGER (SQLite's is
# larger). Ids and offsets from outside are bounded by it, so 2**63 is a 4xx, never a driver error.
ID_MAX = 2**31 - 1


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
        private_sqlite_files(Path(url.removeprefix("sqlite:///")))
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, **pool)
        event.listen(engine, "checkin", _idle_from)
        event.listen(engine, "checkout", partial(_ping_if_idle, engine.dialect))
    count_statements(engine)
    return engine


# A pooled connection used within the last IDLE_PING_S seconds is taken as alive: pinging it at
# every checkout (`pool_pre_ping`) cost a round trip per unit of work, four per chat turn. One
# idle longer (a restarted or failed-over server, a firewall's idle timeout) is pinged first and
# replaced if dead; a server that dies mid-burst fails one unit of work, and SQLAlchemy then
# invalidates the whole pool, so the next units reconnect.
IDLE_PING_S = 10.0


def _idle_from(_dbapi_connection, record) -> None:
    record.info["idle_from"] = time.monotonic()


def _ping_if_idle(dialect: Dialect, dbapi_connection, record, _proxy) -> None:
    """The dialect's own ping (psycopg: `SELECT 1` in autocommit, one round trip). A ping inside a
    transaction cost four (BEGIN, SELECT 1, ROLLBACK, and the DEALLOCATE ALL with which psycopg
    ends any rollback), and dropped the connection's prepared statements, so a server whose
    turns come more than IDLE_PING_S apart paid that at every unit of work."""
    idle_from = record.info.get("idle_from")
    if idle_from is None or time.monotonic() - idle_from < IDLE_PING_S:
        return
    try:
        dialect.do_ping(dbapi_connection)
    except Exception as exc:  # any driver error: this connection is gone, the pool gets another
        raise DisconnectionError(str(exc)) from exc


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) readable by this user only; tighten it if it exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def private_sqlite_files(database: Path) -> None:
    """The database and its -wal/-shm files are 0600, its folder 0700 when it is the data dir.

    SQLite creates -wal and -shm with the mode of the database file, so creating that file 0600
    before the first connection covers all three; files left by an older version are tightened.
    """
    if str(database) in ("", ":memory:"):
        return
    folder = database.parent
    if folder.resolve() == get_settings().data_dir.resolve() or not folder.exists():
        private_dir(folder)
    if not database.exists():
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if path.exists() and path.stat().st_mode & 0o077:
            path.chmod(0o600)


# Limiters belong to one event loop (tests and tools start several): one set per loop.
_limiters: WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, CapacityLimiter]] = WeakKeyDictionary()
CPU_THREADS = 4


def _limiter(kind: str) -> CapacityLimiter:
    """Database work runs in at most as many threads as the pool has connections, so a thread
    never waits for one. On a server database (PostgreSQL) that is the connections the pool
    keeps (`pool_size`), not its overflow: an overflow connection is closed again at checkin,
    and each one is a new backend process to start and end, which was most of PostgreSQL's CPU
    per chat turn under load (`make bench`); the overflow stays for work outside `run_db`. A
    SQLite connection is a file handle, so there it is the pool's size plus its overflow.
    Hashing gets a few threads of its own, so a burst of logins never starves database work."""
    per_loop = _limiters.setdefault(asyncio.get_running_loop(), {})
    if kind not in per_loop:
        settings = get_settings()
        threads = settings.database_pool_size
        if get_engine().dialect.name == "sqlite":
            threads += settings.database_max_overflow
        per_loop[kind] = CapacityLimiter(threads if kind == "db" else CPU_THREADS)
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


def rows_affected(result: Result[Any]) -> int:
    """How many rows a bulk UPDATE or DELETE changed (`Session.execute` types its result as the
    general `Result`; for those statements it is a `CursorResult`, which counts them)."""
    return cast(CursorResult[Any], result).rowcount


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

    from alembic import command

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    engine = get_engine()
    sqlite = engine.dialect.name == "sqlite"
    with _sqlite_migration_lock(str(engine.url)) if sqlite else nullcontext(), migration_connection() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def migration_connection() -> Iterator[Connection]:
    """A connection for migrations, in one transaction.

    On SQLite, foreign keys are off while migrations run: rebuilding a table (how SQLite alters
    one) drops the old table, and with foreign keys on that drop would cascade into every row that
    references it. They are checked once the migration is done, and switched back on.
    """
    engine = get_engine()
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:  # outside any transaction, or SQLite ignores the pragma
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left dangling foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


if __name__ == "__main__":
    migrate()
    print(f"database ready: {get_settings().resolved_database_url}")
