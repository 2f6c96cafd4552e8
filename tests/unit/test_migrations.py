"""Migrations upgrade a database that already holds data, keeping it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic.config import Config
from sqlalchemy import text
from sqlmodel import Session, select

from alembic import command
from tests.conftest import use_data_dir
from todo_chat.core import db
from todo_chat.models import Priority, Task


def alembic_config(connection) -> Config:
    config = Config(str(db.PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(db.PROJECT_ROOT / "alembic"))
    config.attributes["connection"] = connection
    return config


def test_rich_tasks_migration_keeps_v1_tasks(tmp_path):
    use_data_dir(tmp_path)
    with db.get_engine().begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        connection.execute(text("INSERT INTO user (id, email, name, password_hash, created_at) "
                                "VALUES (1, 'old@example.com', 'Old', 'x', '2026-11-01 10:00:00')"))
        for row in ({"title": "Dated", "due": date(2026, 12, 4), "priority": None, "rec": "weekly"},
                    {"title": "Plain", "due": None, "priority": "high", "rec": None}):
            connection.execute(text(
                "INSERT INTO task (user_id, title, description, completed, priority, due_date, tags, recurrence, "
                "created_at, updated_at) VALUES (1, :title, '', 0, :priority, :due, '[]', :rec, "
                "'2026-11-01 10:00:00', '2026-11-01 10:00:00')"), row)
    db.migrate()
    with Session(db.get_engine()) as session:
        dated, plain = session.exec(select(Task).order_by(Task.id)).all()
        assert dated.title == "Dated" and dated.all_day is True
        assert dated.due_at == datetime(2026, 12, 4, tzinfo=UTC)
        assert dated.priority == Priority.medium and dated.recurrence == "FREQ=WEEKLY"
        assert plain.priority == Priority.high and plain.due_at is None and plain.recurrence is None
        assert session.exec(text("SELECT timezone FROM user")).one()[0] == "UTC"
    db.reset_engine()
