"""The events revision: tasks done before it get a completion time, users keep analytics on, and it
goes back down cleanly."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import Session, select

from alembic import command
from tests.conftest import use_data_dir
from tests.unit.test_migrations import alembic_config
from todo_chat.core import db
from todo_chat.models import Task, User

EVENTS = "0006_events"


def test_events_migration_backfills_completion_times(tmp_path):
    use_data_dir(tmp_path)
    with db.get_engine().begin() as connection:
        command.upgrade(alembic_config(connection), "0004")
        connection.execute(text("INSERT INTO user (id, email, name, password_hash, timezone, created_at) "
                                "VALUES (1, 'old@example.com', 'Old', 'x', 'UTC', '2026-11-01 10:00:00')"))
        for title, completed in (("Done", 1), ("Open", 0)):
            connection.execute(text(
                "INSERT INTO task (user_id, title, description, completed, priority, all_day, tags, created_at, "
                "updated_at) VALUES (1, :title, '', :completed, 'medium', 0, '[]', '2026-11-01 10:00:00', "
                "'2026-11-02 18:30:00')"), {"title": title, "completed": completed})
    db.migrate()
    with Session(db.get_engine()) as session:
        done, still_open = session.exec(select(Task).order_by(Task.id)).all()
        assert done.completed_at == datetime(2026, 11, 2, 18, 30, tzinfo=UTC)
        assert still_open.completed_at is None
        assert session.exec(select(User)).one().analytics_enabled is True
    with db.get_engine().begin() as connection:
        config = alembic_config(connection)
        command.downgrade(config, ScriptDirectory.from_config(config).get_revision(EVENTS).down_revision)
        inspector = inspect(connection)
        assert "analytics_event" not in inspector.get_table_names()
        assert "completed_at" not in {c["name"] for c in inspector.get_columns("task")}
    db.reset_engine()
