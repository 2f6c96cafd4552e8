"""The servers `bench/load.py` measures: a real production start of the app
(`python -m todo_chat.serve --backend-only`, seeded with users), the bare baseline, and what the
bench reads of them (their process tree, SQL counts, the fake model's counts, PostgreSQL's CPU)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench import procs
from bench.client import User

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-" + "x" * 40


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 180) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the server exited ({proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


@dataclass
class Server:
    name: str
    proc: subprocess.Popen
    port: int
    users: list[User]
    ready_s: float
    counts_dir: Path | None = None
    model_port: int | None = None
    pg_port: int | None = None
    figures: dict[str, float] = field(default_factory=dict)
    rss_rows: list[tuple[int, float, float, float, str]] = field(default_factory=list)  # pid, RSS, PSS, USS

    def pids(self) -> list[int]:
        return procs.tree(self.proc.pid)

    def sql_counts(self) -> tuple[int, int]:
        statements = commits = 0
        for path in (self.counts_dir.glob("*.json") if self.counts_dir else ()):
            counts = json.loads(path.read_text() or "{}")
            statements, commits = statements + counts.get("statements", 0), commits + counts.get("commits", 0)
        return statements, commits

    def model_stats(self) -> dict[str, int]:
        if self.model_port is None:
            return {}
        with urllib.request.urlopen(f"http://127.0.0.1:{self.model_port}/stats", timeout=5) as answer:
            return json.loads(answer.read())

    def pg_cpu_s(self) -> float:
        postmaster = procs.by_port(self.pg_port, "postgres") if self.pg_port else None
        return procs.cpu_s(procs.tree(postmaster)) + procs.reaped_cpu_s(postmaster) if postmaster else 0.0

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def start_app(name: str, root: Path, data: Path, database_url: str, model_port: int | None,
              users: int, workers: int = 1) -> Server:
    data.mkdir(parents=True, exist_ok=True)
    counts = data / "sql-counts"
    counts.mkdir(exist_ok=True)
    env = {**os.environ, "DATA_DIR": str(data), "DATABASE_URL": database_url, "ENVIRONMENT": "production",
           "BETTER_AUTH_SECRET": SECRET, "CHAT_TURNS_PER_MINUTE": "1000000", "BENCH_SQL_COUNTS": str(counts),
           "REFLEX_WEB_WORKDIR": str(data / ".web"), "REFLEX_CHECK_LATEST_VERSION": "0",
           "OPENAI_BASE_URL": f"http://127.0.0.1:{model_port}/v1" if model_port else "",
           "OPENAI_API_KEY": "bench" if model_port else "", "OPENAI_MODEL": "bench",
           "PYTHONPATH": str(root)}
    seeded = subprocess.run([sys.executable, "-m", "bench.seed", str(users)], cwd=ROOT,
                            env={**env, "PYTHONPATH": str(ROOT)}, check=True, capture_output=True, text=True)
    port = free_port()
    log = open(data / f"{name}.log", "w")  # noqa: SIM115  (the server's, for as long as it runs)
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "todo_chat.serve", "--backend-only", "--port", str(port),
                             "--workers", str(workers), "--redis", "local" if workers > 1 else "off"],
                            cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    wait_ready(f"http://127.0.0.1:{port}/api/health", proc)
    return Server(name, proc, port, [User(uid, token) for uid, token in json.loads(seeded.stdout)],
                  time.monotonic() - started, counts, model_port)


def start_bare(data: Path, users: int) -> Server:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.bare_server:app", "--port", str(port),
                             "--log-level", "warning", "--no-access-log"], cwd=ROOT, start_new_session=True,
                            stdout=open(data / "bare.log", "w"), stderr=subprocess.STDOUT)  # noqa: SIM115
    started = time.monotonic()
    wait_ready(f"http://127.0.0.1:{port}/api/health", proc)
    return Server("bare", proc, port, [User(n + 1, "bare") for n in range(users)], time.monotonic() - started)


def new_database(pg_url: str, name: str) -> str:
    """A fresh database on the throwaway cluster for one server."""
    from sqlalchemy import create_engine, text

    db_name = "bench_" + "".join(c if c.isalnum() else "_" for c in name)
    engine = create_engine(pg_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{db_name}"'))
    engine.dispose()
    return pg_url.rsplit("/", 1)[0] + "/" + db_name
