"""The production entry point: `python -m todo_chat.serve` (what `make serve` and the Dockerfile run).

1. Production settings: `ENVIRONMENT=production` unless set otherwise, so a missing
   `BETTER_AUTH_SECRET` stops it here, before anything starts.
2. Migrations, once, in this process, before any worker exists; the workers are told not to
   migrate again (`MIGRATE_ON_START=false`).
3. Workers: with Redis (`REFLEX_REDIS_URL`), one per CPU this process may use (`WORKERS`
   overrides). Reflex keeps every user's state in that Redis, and the chat rate limiter counts
   there too (`RATE_LIMIT_STORAGE_URL` defaults to the same URL), so limits hold across workers.
   Without a Redis URL it starts a local `redis-server` when one is installed (`--redis=local`,
   the default `auto`), else it runs a single worker (Reflex's in-process state cannot be shared).
4. `reflex run --env prod`: the built frontend and the backend on one port (`PORT`, default
   8000), or with `--backend-only` the backend alone, for a frontend exported by `make export`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from todo_chat.core.config import PROJECT_ROOT


def cpu_count() -> int:
    """CPUs this process may run on (a container's cpuset, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def reflex_command(port: int, backend_only: bool) -> list[str]:
    """The one `reflex run` line every deploy path runs (tests check the Dockerfile runs this module)."""
    if backend_only:
        return [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-only", "--backend-port", str(port)]
    return [sys.executable, "-m", "reflex", "run", "--env", "prod", "--frontend-port", str(port),
            "--backend-port", str(port)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_local_redis(data_dir: Path) -> tuple[str, subprocess.Popen]:
    """A private redis-server on loopback, for this run only (state and limits need no persistence)."""
    port = _free_port()
    workdir = Path(tempfile.mkdtemp(prefix="redis-", dir=data_dir))
    proc = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--bind", "127.0.0.1", "--port", str(port),
         "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return f"redis://127.0.0.1:{port}/0", proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("serve: the local redis-server did not start")


def prepare(env: dict[str, str], workers: int | None, redis: str) -> tuple[dict[str, str], subprocess.Popen | None]:
    """Settings check, migrations, worker count and Redis: the environment for the workers."""
    env = dict(env)
    env.setdefault("ENVIRONMENT", "production")
    os.environ.update(env)  # the settings below read the same environment the workers will

    from todo_chat.core import config, db, security

    config.get_settings.cache_clear()
    security.auth_secret.cache_clear()
    db.reset_engine()
    settings = config.get_settings()
    try:
        security.auth_secret()  # production: must be set; otherwise made once here, not by N workers
    except RuntimeError as exc:
        raise SystemExit(f"serve: {exc} (e.g. BETTER_AUTH_SECRET=$(openssl rand -hex 32))") from None

    db.migrate()
    db.reset_engine()  # no connection inherited by forked workers
    env["MIGRATE_ON_START"] = "false"

    redis_proc = None
    if not env.get("REFLEX_REDIS_URL") and redis != "off" and (redis == "local" or shutil.which("redis-server")):
        env["REFLEX_REDIS_URL"], redis_proc = start_local_redis(settings.data_dir)
    if env.get("REFLEX_REDIS_URL"):
        env.setdefault("RATE_LIMIT_STORAGE_URL", env["REFLEX_REDIS_URL"])
        count = workers or int(env.get("WORKERS") or cpu_count())
    else:
        count = 1
        if (workers or int(env.get("WORKERS") or 1)) > 1:
            print("serve: several workers need Redis (REFLEX_REDIS_URL): running one", file=sys.stderr)
    env["GRANIAN_WORKERS"] = str(count)
    env["REFLEX_USE_GRANIAN"] = "true"
    return env, redis_proc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m todo_chat.serve", description=__doc__.split("\n")[0])
    default_port = int(os.environ.get("PORT") or os.environ.get("BACKEND_PORT") or 8000)
    parser.add_argument("--port", type=int, default=default_port)
    parser.add_argument("--backend-only", action="store_true", help="no frontend (serve `make export` elsewhere)")
    parser.add_argument("--workers", type=int, help="default: WORKERS, else one per CPU (with Redis)")
    parser.add_argument("--redis", choices=("auto", "local", "off"), default=os.environ.get("SERVE_REDIS", "auto"),
                        help="without REFLEX_REDIS_URL: start a local redis-server (auto: if installed)")
    args = parser.parse_args(argv)

    env = {**os.environ, "BACKEND_PORT": str(args.port)}
    if "API_URL" not in env:
        env["API_URL"] = f"http://localhost:{args.port}"
    env, redis_proc = prepare(env, args.workers, args.redis)
    print(f"serve: {env['GRANIAN_WORKERS']} worker(s) on port {args.port}"
          f"{' with Redis' if env.get('REFLEX_REDIS_URL') else ''}", file=sys.stderr, flush=True)
    app = subprocess.Popen(reflex_command(args.port, args.backend_only), cwd=PROJECT_ROOT, env=env)

    def forward(signum, _frame):
        app.send_signal(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, forward)
    try:
        return app.wait()
    finally:
        if redis_proc is not None:
            redis_proc.terminate()
            redis_proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
