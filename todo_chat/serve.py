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
4. The frontend (unless `--backend-only`, for a frontend from `make export`): built once into
   the Reflex web dir and rebuilt only when the sources or `API_URL` change (`--rebuild` forces
   it), so a start serves the existing build and is ready in seconds.
5. The ASGI server, with no `reflex run` CLI above it: this process replaces itself (exec) with
   the server, so it keeps its pid (signals reach the server directly) and none of the set-up's
   memory. One worker is granian embedded in that one process; several are granian's workers
   forked from it after the app is imported once (they share its pages).
"""

from __future__ import annotations

import argparse
import hashlib
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


def server_env(env: dict[str, str], port: int, frontend: bool) -> dict[str, str]:
    """The ports as `reflex run --env prod` would set them (`asgi_server` sets Reflex's mode)."""
    env = {**env, "BACKEND_PORT": str(port)}
    # glibc gives each thread that allocates its own malloc arena (up to 8 per CPU); the database
    # and server threads would each keep one, and the worker's RSS grows with them under load.
    env.setdefault("MALLOC_ARENA_MAX", "2")
    # Python 3.11 keeps each bytecode instruction's columns in its code object, only to underline
    # the failing expression in a traceback (line numbers stay): 1.3 MiB of a worker's RSS.
    env.setdefault("PYTHONNODEBUGRANGES", "1")
    # Reflex writes each tab's changed states to disk 2 s after a change: 16 % of the page path's CPU
    # (docs/benchmarks.md). A crash can lose up to this long of a tab's UI state, never user data: the
    # page reads its conversation and tasks from the database when it loads.
    env.setdefault("REFLEX_STATE_MANAGER_DISK_DEBOUNCE", "30s")
    if frontend:
        env["FRONTEND_PORT"] = str(port)  # in prod the frontend is served on the backend's port
    else:
        env["REFLEX_BACKEND_ONLY"] = "true"
    return env


def web_dir(env: dict[str, str]) -> Path:
    return Path(env.get("REFLEX_WEB_WORKDIR") or PROJECT_ROOT / ".web")


def frontend_fingerprint(env: dict[str, str]) -> str:
    """What the built frontend depends on: the app's sources, assets, config, and API_URL."""
    digest = hashlib.sha256(env.get("API_URL", "").encode())
    files = [PROJECT_ROOT / "rxconfig.py", PROJECT_ROOT / "requirements.txt"]
    for folder in ("todo_chat", "assets"):
        files += sorted(p for p in (PROJECT_ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        if path.exists():
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_frontend(env: dict[str, str], force: bool = False) -> bool:
    """Build the frontend into the web dir unless the build there is of these very sources.

    Returns whether it built."""
    stamp = web_dir(env) / "todo-chat-build.txt"
    fingerprint = frontend_fingerprint(env)
    built = (web_dir(env) / "build" / "client" / "index.html").exists()
    if built and not force and stamp.exists() and stamp.read_text() == fingerprint:
        return False
    print("serve: building the frontend (once; later starts reuse it)", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "reflex", "export", "--frontend-only", "--no-zip", "--env", "prod"],
                   cwd=PROJECT_ROOT, env=env, check=True)
    stamp.write_text(fingerprint)
    return True


def _die_with_parent() -> None:
    """In a child: SIGTERM when the process that started it ends (the server exec'd over it)."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


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
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
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


METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


def metrics_dir(env: dict[str, str], data_dir: Path) -> Path:
    """Where the workers write their metrics (prometheus-client's multiprocess mode): the
    operator's PROMETHEUS_MULTIPROC_DIR or `$DATA_DIR/metrics`, emptied before any worker starts
    (values of an earlier run must not count again)."""
    folder = Path(env.get(METRICS_DIR_ENV) or data_dir / "metrics")
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()
    env[METRICS_DIR_ENV] = str(folder)
    return folder


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
    metrics_dir(env, settings.data_dir)
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
    parser.add_argument("--rebuild", action="store_true", help="build the frontend even if the build is current")
    parser.add_argument("--run-server", action="store_true", help=argparse.SUPPRESS)  # after the exec
    args = parser.parse_args(argv)
    if args.run_server:
        from todo_chat.asgi_server import run

        return run(os.environ.get("HOST", "0.0.0.0"), args.port, int(os.environ["GRANIAN_WORKERS"]),
                   frontend=not args.backend_only)

    env = {**os.environ, "BACKEND_PORT": str(args.port)}
    if "API_URL" not in env:
        env["API_URL"] = f"http://localhost:{args.port}"
    env, _redis = prepare(env, args.workers, args.redis)  # a local redis ends with this process
    if not args.backend_only:
        build_frontend(env, args.rebuild)
    print(f"serve: {env['GRANIAN_WORKERS']} worker(s) on port {args.port}"
          f"{' with Redis' if env.get('REFLEX_REDIS_URL') else ''}", file=sys.stderr, flush=True)
    command = [sys.executable, "-m", "todo_chat.serve", "--run-server", "--port", str(args.port),
               *(["--backend-only"] if args.backend_only else [])]
    os.chdir(PROJECT_ROOT)
    sys.stdout.flush()
    os.execve(sys.executable, command, server_env(env, args.port, not args.backend_only))
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
