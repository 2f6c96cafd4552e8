"""The deploy files, exercised as far as a machine without a container runtime allows.

- Dockerfile: its stages, and that they run the commands the suite tests (`make export`,
  `python -m todo_chat.serve --backend-only`); its runtime stage's files, environment and command
  are assembled in a temporary directory and run: the backend answers without Node or bun.
- compose.yaml: the services and settings agree with the Dockerfile and deploy/nginx.conf.
- deploy/nginx.conf: run by Debian's nginx, unchanged but for the upstream, root and port, in
  front of the Dockerfile's command with compose's settings (throwaway PostgreSQL and Redis,
  two workers): a browser signs up and chats through it (WebSocket upgrade on /_event), and a
  chat answer streams through it as text/event-stream.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, browser, new_page, shot, sign_up, start_app, stop_app  # noqa: F401
from tests.deploy.test_serve import worker_pids
from tests.export.test_export import make_export, wait_until
from tests.servers import free_port, redis_server

ROOT = Path(__file__).resolve().parents[2]
SECRET = "files-test-" + "s" * 40


def dockerfile_stages() -> dict[str, list[tuple[str, str]]]:
    """{stage name: [(INSTRUCTION, arguments)]}, continuation lines joined, comments dropped."""
    stages: dict[str, list[tuple[str, str]]] = {}
    current = None
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, args = line.partition(" ")
        instruction = instruction.upper()
        if instruction == "FROM":
            current = args.split(" AS ")[-1].strip() if " AS " in args else args
            stages[current] = []
        elif current:
            stages[current].append((instruction, args.strip()))
    return stages


def env_of(stage: list[tuple[str, str]]) -> dict[str, str]:
    env = {}
    for instruction, args in stage:
        if instruction == "ENV":
            env.update(part.split("=", 1) for part in shlex.split(args))
    return env


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_dockerfile_exports_with_make_and_runs_the_tested_serve_command():
    stages = dockerfile_stages()
    assert set(stages) >= {"build", "app", "web"}
    build_runs = " && ".join(args for instruction, args in stages["build"] if instruction == "RUN")
    assert "make setup" in build_runs and "make export" in build_runs  # as tests/export runs it
    app = stages["app"]
    cmd = json.loads(next(args for instruction, args in app if instruction == "CMD"))
    assert cmd == ["python", "-m", "todo_chat.serve", "--backend-only"]  # what test_serve.py runs
    assert not any("nodejs" in args or "bun" in args for _, args in app)  # slim: no frontend tooling
    assert any(i == "USER" and a != "root" for i, a in app)
    web = stages["web"]
    assert ("COPY", "deploy/nginx.conf /etc/nginx/nginx.conf") in web
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".tools", ".web", "data", "dist", ".git"} <= set(ignored)


def runtime_image(tmp: Path) -> tuple[Path, dict[str, str], list[str]]:
    """The `app` stage's files as an image would hold them: /app -> tmp/app, /data -> tmp/data."""
    app = tmp / "app"
    app.mkdir()
    (tmp / "data").mkdir()
    stage = dockerfile_stages()["app"]
    for instruction, args in stage:
        if instruction != "COPY":
            continue
        parts = [p for p in shlex.split(args) if not p.startswith("--chown")]
        if parts[0].startswith("--from=build"):
            assert parts[1:] == ["/app/.venv", "/app/.venv"], parts
            (app / ".venv").symlink_to(ROOT / ".venv")
            continue
        *sources, dest = parts
        for source in sources:
            target = app / dest.removeprefix("./") if dest not in ("./", ".") else app / source
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(ROOT / source, target)
    env = {k: v.replace("/app", str(app)).replace("/data", str(tmp / "data")) for k, v in env_of(stage).items()}
    env["PATH"] = env["PATH"].replace("$PATH", "/usr/bin:/bin")
    cmd = json.loads(next(args for instruction, args in stage if instruction == "CMD"))
    return app, env, cmd


def test_the_runtime_stage_alone_serves_the_backend(tmp_path):
    """No checkout, no Node, no bun, no .web: only what the Dockerfile copies into the image."""
    app, env, cmd = runtime_image(tmp_path)
    port = free_port()
    env.update(PORT=str(port), BETTER_AUTH_SECRET=SECRET, HOME=str(tmp_path), SERVE_REDIS="off")
    log = tmp_path / "app.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=app, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(f"http://127.0.0.1:{port}/api/health", proc, log)
        assert httpx.get(f"http://127.0.0.1:{port}/docs").status_code == 200
        assert (tmp_path / "data" / "todo_chat.db").exists()  # migrated into DATA_DIR=/data
    finally:
        stop_app(proc)


def test_compose_wires_postgres_redis_app_and_web_like_the_tests_do():
    services = compose()["services"]
    assert set(services) == {"postgres", "redis", "app", "web"}
    app, web = services["app"], services["web"]
    assert app["build"]["target"] == "app" and web["build"]["target"] == "web"
    assert "command" not in app  # the Dockerfile's CMD: python -m todo_chat.serve --backend-only
    env = app["environment"]
    assert env["ENVIRONMENT"] == "production"
    assert env["DATABASE_URL"].startswith("postgresql+psycopg://") and "@postgres:5432/" in env["DATABASE_URL"]
    # One Redis for Reflex's state and for the rate limiter: limits hold across workers.
    assert env["REFLEX_REDIS_URL"] == env["RATE_LIMIT_STORAGE_URL"] == "redis://redis:6379/0"
    assert env["API_URL"] == web["build"]["args"]["API_URL"] == env["CORS_ORIGINS"]  # one origin, nginx's
    assert set(app["depends_on"]) == {"postgres", "redis"}
    port = env_of(dockerfile_stages()["app"])["PORT"]
    assert f"server app:{port};" in (ROOT / "deploy" / "nginx.conf").read_text()
    assert web["ports"] == ["8080:8080"] and "listen 8080;" in (ROOT / "deploy" / "nginx.conf").read_text()


def nginx_bin() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        pytest.fail("nginx is not installed: run `make test` (it installs it)")
    return found


@pytest.fixture(scope="module")
def compose_on_this_machine(tmp_path_factory, postgres_databases):
    """compose.yaml's topology without containers: the same commands, files and settings."""
    tmp = tmp_path_factory.mktemp("compose")
    public_port = free_port()
    public = f"http://localhost:{public_port}"
    site = tmp / "site"
    with zipfile.ZipFile(make_export(public, tmp)) as archive:  # the `build` stage
        archive.extractall(site)
    database = postgres_databases.create(migrated=False)
    env = dict(compose()["services"]["app"]["environment"])
    cmd = json.loads(next(a for i, a in dockerfile_stages()["app"] if i == "CMD"))
    with redis_server() as redis_url:
        env.update(BETTER_AUTH_SECRET=SECRET, DATABASE_URL=postgres_databases.url_of(database),
                   REFLEX_REDIS_URL=redis_url, RATE_LIMIT_STORAGE_URL=redis_url, API_URL=public,
                   CORS_ORIGINS=public, OPENAI_API_KEY="", WORKERS="2")
        # The image's `python` is the venv's: here, this interpreter.
        base, app = start_app(tmp / "data", [sys.executable if cmd[0] == "python" else cmd[0], *cmd[1:],
                                             "--port", "{port}"], ready=("/api/health",), **env)
        app_port = base.rsplit(":", 1)[1]
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        conf = conf.replace("server app:8000;", f"server 127.0.0.1:{app_port};")
        conf = conf.replace("root /usr/share/nginx/html;", f"root {site};")
        conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{public_port};")
        (tmp / "nginx").mkdir()
        (tmp / "nginx" / "nginx.conf").write_text(conf)
        log = ARTIFACTS / f"nginx-{public_port}.log"
        with open(log, "w") as out:
            nginx = subprocess.Popen(
                [nginx_bin(), "-p", str(tmp / "nginx"), "-c", str(tmp / "nginx" / "nginx.conf"),
                 "-e", "stderr", "-g", f"daemon off; pid {tmp / 'nginx' / 'nginx.pid'};"
                 + (" user root;" if os.geteuid() == 0 else "")],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until(public + "/api/health", nginx, log)
            yield {"public": public, "app": app}
        finally:
            stop_app(nginx)
            stop_app(app)
            postgres_databases.drop(database)


@pytest.mark.browser
def test_browser_through_nginx_to_two_workers_on_postgres_and_redis(browser, compose_on_this_machine):  # noqa: F811
    public = compose_on_this_machine["public"]
    assert len(worker_pids(compose_on_this_machine["app"])) == 2
    page = new_page(browser)
    try:
        sign_up(page, public, "Nia")
        composer = page.get_by_role("textbox", name="Message")
        composer.fill("add a task to book the dentist")
        composer.press("Enter")
        expect(page.get_by_role("status", name="add_task: success")).to_be_visible()
        expect(page.get_by_role("region", name="Tasks").last.get_by_text("Book the dentist")).to_be_visible()
        page.goto(public + "/tasks")  # a deep link: nginx finds the pre-rendered page
        expect(page.get_by_text("Book the dentist").first).to_be_visible()
        shot(page, "compose-nginx")
    finally:
        page.context.close()


def test_chat_streams_through_nginx_as_server_sent_events(compose_on_this_machine):
    public = compose_on_this_machine["public"]
    signup = httpx.post(public + "/api/auth/signup", json={"email": "sse@example.com", "password": "correct-horse-1"})
    assert signup.status_code == 201, signup.text
    uid, token = signup.json()["user"]["id"], signup.json()["access_token"]
    assert httpx.get(public + "/docs").status_code == 200
    events = []
    with httpx.stream("POST", f"{public}/api/{uid}/chat", json={"message": "Add a task to stream things"},
                      headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"},
                      timeout=30) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        # Streamed on, not collected by the proxy (nginx consumes the API's X-Accel-Buffering: no).
        assert response.headers.get("transfer-encoding") == "chunked" and "content-length" not in response.headers
        for line in response.iter_lines():
            if line.startswith("event:"):
                events.append(line.split(":", 1)[1].strip())
    assert events[0] == "start" and events[-1] == "done" and "tool_call_finished" in events


def test_make_serve_and_the_readme_run_the_tested_commands():
    serve_recipe = subprocess.run(["make", "-n", "-o", "setup", "-o", "redis", "serve"], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout
    assert "-m todo_chat.serve" in serve_recipe  # what test_serve.py starts
    readme = (ROOT / "README.md").read_text()
    assert "make serve" in readme and "docker compose up --build" in readme
    # tests/export runs these two exactly (with its own URL and port).
    assert "API_URL=https://api.example.com make export" in readme
    assert ".venv/bin/reflex run --env prod --backend-only" in readme
