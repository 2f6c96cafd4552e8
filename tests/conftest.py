"""Shared fixtures: every test gets a fresh, migrated SQLite database and its own data dir."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("BETTER_AUTH_SECRET", "test-secret-" + "x" * 40)
# Every test client signs up and logs in from one IP: generous throttling limits (a dedicated
# test sets low ones). Browser tests' servers inherit these too.
for _var, _rate in (("LOGIN_FAILURES_PER_ACCOUNT", "1000/minute"), ("LOGIN_ATTEMPTS_PER_IP", "10000/minute"),
                    ("SIGNUP_ATTEMPTS_PER_IP", "10000/minute"), ("ERROR_REPORTS_PER_IP", "10000/minute")):
    os.environ.setdefault(_var, _rate)
for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHATKIT_WORKFLOW_ID", "DATABASE_URL"):
    os.environ.pop(_var, None)

from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from todo_chat.core import config, db, security  # noqa: E402


def use_data_dir(path: Path, database_url: str = "") -> None:
    """Point the settings (and so the engine) at another data dir / database."""
    os.environ["DATA_DIR"] = str(path)
    os.environ["DATABASE_URL"] = database_url
    config.get_settings.cache_clear()
    security.auth_secret.cache_clear()
    db.reset_engine()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """Migrate once; each test copies the file (alembic per test would be slow)."""
    path = tmp_path_factory.mktemp("template")
    use_data_dir(path)
    db.migrate()
    db.reset_engine()
    return path / "todo_chat.db"


@pytest.fixture
def data_dir(tmp_path, migrated_template) -> Iterator[Path]:
    shutil.copy(migrated_template, tmp_path / "todo_chat.db")
    use_data_dir(tmp_path)
    yield tmp_path
    db.reset_engine()


@pytest.fixture
def session(data_dir) -> Iterator[Session]:
    with Session(db.get_engine(), expire_on_commit=False) as s:
        yield s


@pytest.fixture
def client(data_dir) -> Iterator[TestClient]:
    from todo_chat.api.app import create_app

    with TestClient(create_app()) as c:
        yield c


class Account:
    """A signed-up user as a test client sees them."""

    def __init__(self, client: TestClient, email: str, password: str = "correct-horse-1"):
        response = client.post("/api/auth/signup", json={"email": email, "password": password})
        assert response.status_code == 201, response.text
        body = response.json()
        self.id: int = body["user"]["id"]
        self.email = email
        self.password = password
        self.token: str = body["access_token"]
        self.refresh_token: str = body["refresh_token"]
        self.headers = {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
def alice(client) -> Account:
    return Account(client, "alice@example.com")


@pytest.fixture
def bob(client) -> Account:
    return Account(client, "bob@example.com")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from todo_chat.services import ratelimit

    ratelimit.reset()
    yield
    ratelimit.reset()
