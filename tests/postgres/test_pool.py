"""The connection pool on PostgreSQL: no connection churn under load, and a connection that died
while idle is replaced before any work uses it (without a ping at every checkout)."""

from __future__ import annotations

import anyio
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from tests.conftest import use_data_dir
from todo_chat.core import db


def _backend_pid(session) -> int:
    return session.execute(text("SELECT pg_backend_pid()")).scalar_one()


def test_database_work_never_needs_more_connections_than_the_pool_keeps(postgres_url, tmp_path):
    use_data_dir(tmp_path, postgres_url)
    try:
        async def limits() -> float:
            return db._limiter("db").total_tokens

        assert anyio.run(limits) == db.get_settings().database_pool_size  # overflow would be closed at checkin
    finally:
        use_data_dir(tmp_path)


def test_a_connection_killed_while_idle_is_replaced_before_use(postgres_url, tmp_path, monkeypatch):
    use_data_dir(tmp_path, postgres_url)
    try:
        engine = db.get_engine()
        engine.pool.dispose()
        first = anyio.run(db.run_db, _backend_pid)  # the pool now holds this one connection
        outside = create_engine(postgres_url, poolclass=NullPool)  # not the pool's connection
        with outside.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        outside.dispose()
        monkeypatch.setattr(db, "IDLE_PING_S", 0.0)  # it has been idle "long enough"
        second = anyio.run(db.run_db, _backend_pid)
        assert second != first  # pinged at checkout, found dead, replaced: the work never saw it
    finally:
        use_data_dir(tmp_path)


def test_a_connection_used_just_now_is_not_pinged(postgres_url, tmp_path):
    use_data_dir(tmp_path, postgres_url)
    try:
        statements: list[str] = []
        anyio.run(db.run_db, _backend_pid)
        event.listen(db.get_engine(), "before_cursor_execute", lambda *a: statements.append(a[2]))
        anyio.run(db.run_db, _backend_pid)
        assert statements == ["SELECT pg_backend_pid()"]  # no SELECT 1 before it
    finally:
        use_data_dir(tmp_path)


def _prepared_statements(session) -> int:
    for _ in range(6):  # psycopg prepares a statement at its fifth use on a connection
        session.execute(text("SELECT pg_backend_pid()"))
    return session.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar_one()


def test_an_idle_connection_is_pinged_in_autocommit_and_keeps_its_prepared_statements(
        postgres_url, tmp_path, monkeypatch):
    use_data_dir(tmp_path, postgres_url)
    try:
        engine = db.get_engine()
        engine.pool.dispose()
        assert anyio.run(db.run_db, _prepared_statements) >= 1  # one connection, its statement prepared
        monkeypatch.setattr(db, "IDLE_PING_S", 0.0)  # it has been idle "long enough"
        prepared = anyio.run(db.run_db, lambda session: session.execute(
            text("SELECT count(*) FROM pg_prepared_statements")).scalar_one())
        # A ping inside a transaction ended with ROLLBACK, and psycopg then sends DEALLOCATE ALL: 0.
        assert prepared >= 1
    finally:
        use_data_dir(tmp_path)
