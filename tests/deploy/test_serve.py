"""`python -m todo_chat.serve` (`make serve`, the Dockerfile's command): migrations once, then
several backend workers sharing Redis, proven in a browser and over HTTP."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import redis
from sqlalchemy import create_engine, text

from tests.browser.conftest import browser, new_page, start_app, stop_app  # noqa: F401  (fixture)
from tests.browser.test_flow import the_whole_flow
from tests.conftest import use_data_dir
from tests.servers import free_port, redis_server
from todo_chat import serve

ROOT = Path(__file__).resolve().parents[2]
SECRET = "serve-test-" + "s" * 40


def serve_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "todo_chat.serve", "--port", "{port}", *args]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def worker_pids(proc: subprocess.Popen) -> list[int]:
    """The backend workers: serve execs into the ASGI server, whose children are its workers
    (and the local redis-server, if it started one)."""
    assert b"--run-server" in Path(f"/proc/{proc.pid}/cmdline").read_bytes()  # no CLI in between
    return [pid for pid in children(proc.pid) if b"redis-server" not in Path(f"/proc/{pid}/cmdline").read_bytes()]


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_migrations_started_at_once_by_many_processes_all_succeed(database, tmp_path, request):
    """Workers that still migrate at start (a plain `reflex run`) take a lock: no race."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    if database == "postgres":
        databases = request.getfixturevalue("postgres_databases")
        name = databases.create(migrated=False)
        request.addfinalizer(lambda: databases.drop(name))
        env["DATABASE_URL"] = databases.url_of(name)
    procs = [subprocess.Popen([sys.executable, "-m", "todo_chat.core.db"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(4)]
    outputs = [p.communicate(timeout=120)[0].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, outputs
    url = env["DATABASE_URL"] or f"sqlite:///{tmp_path / 'todo_chat.db'}"
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM task")).scalar() == 0
    engine.dispose()


def test_prepare_migrates_once_and_sets_the_workers_environment(tmp_path, monkeypatch):
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DATABASE_URL": "", "ENVIRONMENT": "production",
           "BETTER_AUTH_SECRET": SECRET, "REFLEX_REDIS_URL": "redis://redis.internal:6379/0"}
    env.pop("RATE_LIMIT_STORAGE_URL", None)
    env.pop("WORKERS", None)
    monkeypatch.setattr(os, "environ", os.environ.copy())  # prepare() writes os.environ: put back after
    try:
        workers_env, local_redis = serve.prepare(env, None, "auto")
    finally:
        monkeypatch.undo()
        use_data_dir(tmp_path)  # and the settings, secret and engine caches it filled
    assert local_redis is None  # a Redis URL was given: none started
    assert (tmp_path / "todo_chat.db").exists()
    assert workers_env["MIGRATE_ON_START"] == "false"
    assert workers_env["GRANIAN_WORKERS"] == str(serve.cpu_count())
    assert workers_env["RATE_LIMIT_STORAGE_URL"] == "redis://redis.internal:6379/0"
    served = serve.server_env(workers_env, 8000, frontend=False)
    assert served["REFLEX_BACKEND_ONLY"] == "true"
    assert served["REFLEX_STATE_MANAGER_DISK_DEBOUNCE"] == "30s"  # tab states written less often
    assert served["MALLOC_ARENA_MAX"] == "2" and served["PYTHONNODEBUGRANGES"] == "1"  # a worker's memory
    assert serve.server_env({"REFLEX_STATE_MANAGER_DISK_DEBOUNCE": "5s"}, 8000, frontend=False)[
        "REFLEX_STATE_MANAGER_DISK_DEBOUNCE"] == "5s"  # an operator's setting wins


def test_the_frontend_is_built_once_and_again_only_when_it_changes(tmp_path, monkeypatch):
    builds = []

    def fake_export(command, **kwargs):  # what `reflex export --no-zip` leaves in the web dir
        builds.append(kwargs["env"]["API_URL"])
        (tmp_path / "build" / "client").mkdir(parents=True, exist_ok=True)
        (tmp_path / "build" / "client" / "index.html").write_text("<html></html>")

    monkeypatch.setattr(subprocess, "run", fake_export)
    env = {"REFLEX_WEB_WORKDIR": str(tmp_path), "API_URL": "http://localhost:8000"}
    assert serve.build_frontend(env) and not serve.build_frontend(env)  # the second start reuses it
    assert serve.build_frontend({**env, "API_URL": "https://todo.example.com"})  # baked into the build
    assert serve.build_frontend({**env, "API_URL": "https://todo.example.com"}, force=True)
    (tmp_path / "build" / "client" / "index.html").unlink()
    assert serve.build_frontend({**env, "API_URL": "https://todo.example.com"})  # a build gone is rebuilt
    assert len(builds) == 4


def test_one_worker_is_one_process_that_serves(tmp_path):
    """No `reflex run` supervisor: serve execs into the server, one process for one worker."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DATABASE_URL": "", "ENVIRONMENT": "production",
           "BETTER_AUTH_SECRET": SECRET, "REFLEX_WEB_WORKDIR": str(tmp_path / "web")}
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "todo_chat.serve", "--backend-only", "--redis", "off",
                             "--port", str(port)], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert worker_pids(proc) == []  # the process serve started is the server itself
        served = dict(v.split(b"=", 1) for v in Path(f"/proc/{proc.pid}/environ").read_bytes().split(b"\0") if v)
        assert served[b"MALLOC_ARENA_MAX"] == b"2" and served[b"PYTHONNODEBUGRANGES"] == b"1"  # what it runs with
        assert httpx.get(f"http://127.0.0.1:{port}/docs").status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0  # the server itself gets the signal and shuts down
    finally:
        if proc.poll() is None:
            proc.kill()


def test_serve_refuses_production_without_a_secret(tmp_path):
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DATABASE_URL": "", "ENVIRONMENT": "production"}
    env.pop("BETTER_AUTH_SECRET", None)
    result = subprocess.run([sys.executable, "-m", "todo_chat.serve", "--redis", "off"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "BETTER_AUTH_SECRET" in result.stderr
    assert not (tmp_path / "todo_chat.db").exists()  # stopped before anything ran


@pytest.fixture(scope="module")
def two_workers_with_redis(tmp_path_factory):
    """`serve` on PostgreSQL-free SQLite, two workers, a throwaway Redis: frontend and backend on one port."""
    with redis_server() as url:
        base, proc = start_app(tmp_path_factory.mktemp("serve-data"), serve_command("--workers", "2"),
                               ENVIRONMENT="production", BETTER_AUTH_SECRET=SECRET, REFLEX_REDIS_URL=url)
        try:
            yield {"base": base, "proc": proc, "redis": url}
        finally:
            stop_app(proc)


@pytest.mark.browser
def test_full_flow_on_two_workers_sharing_redis(browser, two_workers_with_redis):  # noqa: F811
    assert len(worker_pids(two_workers_with_redis["proc"])) == 2
    page = new_page(browser)
    try:
        the_whole_flow(page, two_workers_with_redis["base"], "two-workers")
    finally:
        page.context.close()
    # Reflex kept the users' state in Redis, not in a worker.
    assert redis.Redis.from_url(two_workers_with_redis["redis"]).dbsize() > 0


def test_chat_limit_is_shared_by_workers_behind_redis(tmp_path):
    """CHAT_TURNS_PER_MINUTE=3, two workers, one Redis: a user's 4th turn is 429 whichever worker answers.

    Every request opens a new connection, so the workers share them out; with a limit per worker
    some user's 4th turn would land on a worker that has seen fewer than 3 and pass.
    """
    with redis_server() as redis_url:
        base, proc = start_app(tmp_path / "data", serve_command("--backend-only", "--workers", "2"),
                               ready=("/api/health",), ENVIRONMENT="production", BETTER_AUTH_SECRET=SECRET,
                               REFLEX_REDIS_URL=redis_url, CHAT_TURNS_PER_MINUTE="3")
        try:
            _four_turns_each(base, proc)
        finally:
            stop_app(proc)


def _four_turns_each(base: str, proc: subprocess.Popen) -> None:
    assert len(worker_pids(proc)) == 2
    statuses = {}
    for n in range(8):
        signup = httpx.post(base + "/api/auth/signup", json={"email": f"limit{n}@example.com",
                                                             "password": "correct-horse-1"}).json()
        uid, headers = signup["user"]["id"], {"Authorization": f"Bearer {signup['access_token']}",
                                              "Connection": "close"}
        statuses[n] = [httpx.post(f"{base}/api/{uid}/chat", json={"message": "hi"}, headers=headers,
                                  timeout=30).status_code for _ in range(4)]
    assert all(s == [200, 200, 200, 429] for s in statuses.values()), statuses
