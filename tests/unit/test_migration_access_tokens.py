"""0005_access_tokens goes up and down on a database that holds data."""

from __future__ import annotations

from sqlalchemy import inspect, text

from alembic import command
from tests.conftest import use_data_dir
from tests.unit.test_migrations import alembic_config
from todo_chat.core import db


def test_access_tokens_migration_up_down_and_up_again(tmp_path):
    use_data_dir(tmp_path)
    db.migrate()
    with db.get_engine().begin() as connection:
        connection.execute(text("INSERT INTO user (id, email, name, password_hash, created_at, timezone) "
                                "VALUES (1, 'a@example.com', 'A', 'x', '2026-12-01 10:00:00', 'UTC')"))
        connection.execute(text("INSERT INTO access_token (user_id, name, scope, token_hash, hint, created_at) "
                                "VALUES (1, 'cli', 'write', :h, 'tc_pat_abcd', '2026-12-01 10:00:00')"),
                           {"h": "0" * 64})
    with db.get_engine().begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
    assert "access_token" not in inspect(db.get_engine()).get_table_names()
    db.migrate()
    with db.get_engine().connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM user")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM access_token")).scalar() == 0
    db.reset_engine()
