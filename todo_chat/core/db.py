"""The database: one engine, sessions, SQLite pragmas, and the migrations entry point."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

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
    url = get_settings().resolved_database_url
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    settings = get_settings()
    return create_engine(url, pool_pre_ping=True, pool_size=settings.database_pool_size,
                         max_overflow=settings.database_max_overflow)


def reset_engine() -> None:
    """Forget the engine (tests and settings changes)."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()


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
