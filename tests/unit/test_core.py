"""Settings, secrets, tokens, and the database's guarantees."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from tests.conftest import use_data_dir
from todo_chat.core import config, db, security
from todo_chat.models import Task, User


def test_dev_secret_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("BETTER_AUTH_SECRET")
    monkeypatch.setenv("ENVIRONMENT", "development")
    use_data_dir(tmp_path)
    first = security.auth_secret()
    security.auth_secret.cache_clear()
    assert security.auth_secret() == first and len(first) > 40
    assert (tmp_path / ".auth_secret").stat().st_mode & 0o777 == 0o600


def test_production_without_secret_is_a_startup_error(tmp_path, monkeypatch):
    monkeypatch.delenv("BETTER_AUTH_SECRET")
    monkeypatch.setenv("ENVIRONMENT", "production")
    use_data_dir(tmp_path)
    with pytest.raises(RuntimeError, match="BETTER_AUTH_SECRET"):
        security.auth_secret()
    monkeypatch.setenv("ENVIRONMENT", "test")
    use_data_dir(tmp_path)


def test_settings_read_lists_from_comma_separated_env(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example")
    config.get_settings.cache_clear()
    assert config.get_settings().cors_origins == ["https://a.example", "https://b.example"]
    monkeypatch.delenv("CORS_ORIGINS")
    config.get_settings.cache_clear()


def test_tokens_carry_sub_exp_iat_jti_and_kind(data_dir):
    token = security.create_token(7, "chatkit")
    claims = security.decode_token(token, ("chatkit",))
    assert claims["sub"] == "7" and {"exp", "iat", "jti"} <= claims.keys()
    with pytest.raises(security.InvalidToken):
        security.decode_token(token, ("access",))
    assert security.create_token(7, "chatkit") != token  # unique jti


def test_timestamps_come_back_aware_utc_even_from_naive_input(session):
    user = User(email="tz@example.com", password_hash="x", created_at=datetime(2026, 1, 1, 12, 0))
    session.add(user)
    session.commit()
    session.expire_all()
    loaded = session.exec(select(User)).one()
    assert loaded.created_at == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert loaded.created_at.tzinfo is not None


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_foreign_keys(session):
    assert session.exec(text("PRAGMA journal_mode")).one()[0] == "wal"
    assert session.exec(text("PRAGMA foreign_keys")).one()[0] == 1


def test_deleting_a_user_cascades_to_their_tasks(session):
    user = User(email="c@example.com", password_hash="x")
    session.add(user)
    session.commit()
    session.add(Task(user_id=user.id, title="t"))
    session.commit()
    session.delete(user)
    session.commit()
    assert session.exec(select(Task)).all() == []


def test_data_survives_a_new_engine(data_dir):
    with db.session_scope() as s:
        s.add(User(email="keep@example.com", password_hash="x"))
    db.reset_engine()
    with Session(db.get_engine()) as s:
        assert s.exec(select(User.email)).all() == ["keep@example.com"]


def alembic_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(Config(str(db.PROJECT_ROOT / "alembic.ini"))).get_current_head()


def test_migrate_is_idempotent(tmp_path):
    use_data_dir(tmp_path)
    db.migrate()
    db.migrate()
    with Session(db.get_engine()) as s:
        assert s.exec(text("SELECT version_num FROM alembic_version")).one()[0] == alembic_head()
    db.reset_engine()
