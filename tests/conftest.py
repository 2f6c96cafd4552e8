"""Shared fixtures: every test gets a fresh, migrated database and its own data dir.

The database is SQLite (a copy of one migrated file) by default. `pytest --db=postgres` (the
second pass of `make test`) gives every test that uses `data_dir` (so `client`, `session`,
`alice`, `bob` too) its own PostgreSQL database instead, cloned from one migrated template on a
throwaway cluster, and runs only those of them whose behaviour can differ by database (the rule
and the table of files: tests/db_passes.py). The fixtures' API is the same either way.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
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

# The fake OpenAI-compatible server's fixture (`fake_openai`), for every test that asks for it.
pytest_plugins = ["tests.fake_openai"]

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402
from sqlmodel import Session  # noqa: E402

from tests.db_passes import BOTH_DATABASES, SQLITE_ENOUGH  # noqa: E402
from tests.servers import postgres_server, redis_server  # noqa: E402
from todo_chat.core import config, db, security  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Set at collection: the files tests/unit/test_db_passes.py reports.
UNCLASSIFIED = pytest.StashKey[list[str]]()


def pytest_addoption(parser):
    parser.addoption("--db", choices=("sqlite", "postgres"), default=os.environ.get("TEST_DB", "sqlite"),
                     help="database behind the data_dir fixture (postgres: only tests that use it run)")


def uses_db(item) -> bool:
    return "data_dir" in getattr(item, "fixturenames", ())


def file_of(item) -> str:
    return Path(str(item.path)).relative_to(ROOT).as_posix()


def unclassified_db_files(items) -> list[str]:
    """Test files using the database fixtures that tests/db_passes.py does not classify."""
    return sorted({file_of(item) for item in items if uses_db(item)} - set(BOTH_DATABASES) - set(SQLITE_ENOUGH))


def pytest_collection_modifyitems(config, items):
    """Mark the tests of BOTH_DATABASES' files; on PostgreSQL run those that use the database
    fixtures, and no others (tests/db_passes.py)."""
    config.stash[UNCLASSIFIED] = unclassified_db_files(items)
    for item in items:
        if file_of(item) in BOTH_DATABASES:
            item.add_marker(pytest.mark.both_databases)
    if config.getoption("--db") != "postgres":
        return
    if config.stash[UNCLASSIFIED]:
        raise pytest.UsageError("These test files use the database fixtures but tests/db_passes.py does not "
                                f"say whether they run on PostgreSQL: {', '.join(config.stash[UNCLASSIFIED])}")
    keep, drop = [], []
    for item in items:
        skip = item.get_closest_marker("browser") or item.get_closest_marker("sqlite_only")
        (keep if uses_db(item) and item.get_closest_marker("both_databases") and not skip else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.hookimpl(trylast=True)  # after the test's own fixtures (its pages) are torn down
def pytest_runtest_teardown(item, nextitem):
    """Close the browser tests' shared chromium once the next test does not use it."""
    if nextitem is None or "browser" not in getattr(nextitem, "fixturenames", ()):
        chromium = sys.modules.get("tests.browser.conftest")
        if chromium is not None:
            chromium.Chromium.close()


def pytest_sessionfinish(session, exitstatus):
    """`make test PYTEST_ARGS=tests/browser/...`: a PostgreSQL pass with nothing to run is no failure."""
    if session.config.getoption("--db") == "postgres" and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK


def pytest_report_header(config):
    return f"database: {config.getoption('--db')}"


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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (started only when a test asks) with an empty `todo_chat` db."""
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A throwaway redis-server (started only when a test asks)."""
    with redis_server() as url:
        yield url


class PostgresDatabases:
    """One migrated template database; a clone of it per test (much faster than alembic per test)."""

    TEMPLATE = "todo_chat_template"

    def __init__(self, url: str):
        self.url = make_url(url)
        self.admin = create_engine(self.url.set(database="postgres"), isolation_level="AUTOCOMMIT",
                                   poolclass=NullPool)
        self._names = (f"todo_chat_test_{os.getpid()}_{n}" for n in itertools.count(1))
        with self.admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {self.TEMPLATE}"))
            c.execute(text(f"CREATE DATABASE {self.TEMPLATE}"))
        saved = {var: os.environ.get(var, "") for var in ("DATA_DIR", "DATABASE_URL")}
        use_data_dir(Path(saved["DATA_DIR"] or "."), self.url_of(self.TEMPLATE))
        db.migrate()
        use_data_dir(Path(saved["DATA_DIR"] or "."), saved["DATABASE_URL"])  # no connection stays on the template

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, migrated: bool = True) -> str:
        """A new database, migrated (a clone of the template) or empty; returns its name."""
        name = next(self._names)
        with self.admin.connect() as c:
            c.execute(text(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE} STRATEGY FILE_COPY" if migrated
                           else f"CREATE DATABASE {name}"))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture(scope="session")
def postgres_databases(postgres_url) -> PostgresDatabases:
    """`create()` a fresh migrated database (a name), `url_of(name)`, `drop(name)`."""
    databases = PostgresDatabases(postgres_url)
    yield databases
    databases.admin.dispose()


@pytest.fixture
def data_dir(request, tmp_path) -> Iterator[Path]:
    if request.config.getoption("--db") == "postgres":
        databases = request.getfixturevalue("postgres_databases")
        name = databases.create()
        use_data_dir(tmp_path, databases.url_of(name))
        yield tmp_path
        db.reset_engine()
        databases.drop(name)
        return
    shutil.copy(request.getfixturevalue("migrated_template"), tmp_path / "todo_chat.db")
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
