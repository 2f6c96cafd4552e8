"""The README's deploy, as a new user runs it: `make export`, the backend-only command, a static server.

One export per module (about 15 s): the structure test reads it, and the browser test serves it
unzipped from Python's `http.server` on one port while `reflex run --env prod --backend-only`
runs on another, on PostgreSQL, as the README says.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, browser, new_page, shot, sign_up, stop_app  # noqa: F401  (fixture)
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
BUN = ROOT / ".tools" / "node_modules" / ".bin" / "bun"


def wait_until(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode}: {log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer: {log.read_text()[-3000:]}")


def make_export(api_url: str, tmp: Path) -> Path:
    """`API_URL=... make export` into `tmp/fresh-clone/dist` (not there yet: a fresh clone has none).

    The build gets its own Reflex web dir (`tmp/.web`), so a dev server's `.web` (and the event
    URL in it) is left alone. Returns the zip.
    """
    env = {**os.environ, "REFLEX_WEB_WORKDIR": str(tmp / ".web"), "API_URL": api_url,
           "REFLEX_CHECK_LATEST_VERSION": "0", "REFLEX_BUN_PATH": str(BUN), "DATA_DIR": str(tmp / "data")}
    dist = tmp / "fresh-clone" / "dist"
    # -o setup: the venv and tools are there already (`make test` just made them).
    result = subprocess.run(["make", "--no-print-directory", "-o", "setup", "export", f"DIST={dist}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dist / "frontend.zip"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """`make export` with API_URL pointing at the backend port the browser test will use."""
    tmp = tmp_path_factory.mktemp("export")
    backend_port = free_port()
    archive = make_export(f"http://localhost:{backend_port}", tmp)
    return {"zip": archive, "web": tmp / ".web", "backend_port": backend_port, "tmp": tmp}


def test_make_export_builds_a_static_frontend_pointing_at_the_backend(exported):
    with zipfile.ZipFile(exported["zip"]) as archive:
        names = set(archive.namelist())
    assert {"index.html", "login.html", "chat.html", "tasks.html", "chatkit_bridge.jsx"} <= names
    assert {"chat/index.html", "__spa-fallback.html", "404.html"} <= names
    assert any(n.startswith("assets/") and n.endswith(".js") for n in names)
    backend = json.loads((exported["web"] / "env.json").read_text())
    assert backend["EVENT"] == f"ws://localhost:{exported['backend_port']}/_event"


@pytest.fixture
def backend_only(exported, postgres_databases, tmp_path):
    """The README's backend command, verbatim but for the port: production, a real secret, PostgreSQL."""
    static_port, port = free_port(), exported["backend_port"]
    database = postgres_databases.create()
    env = {**os.environ, "ENVIRONMENT": "production", "BETTER_AUTH_SECRET": "deploy-test-" + "s" * 40,
           "DATABASE_URL": postgres_databases.url_of(database), "CORS_ORIGINS": f"http://localhost:{static_port}",
           "BACKEND_PORT": str(port), "DATA_DIR": str(tmp_path / "data"), "CHAT_TURNS_PER_MINUTE": "100",
           "REFLEX_WEB_WORKDIR": str(tmp_path / ".web"), "REFLEX_BUN_PATH": str(BUN)}
    env.pop("FRONTEND_PORT", None)
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"backend-only-{port}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "reflex"), "run", "--env", "prod", "--backend-only"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(f"http://localhost:{port}/api/health", proc, log)
        yield {"base": f"http://localhost:{port}", "static_port": static_port, "proc": proc, "log": log}
    finally:
        stop_app(proc)
        postgres_databases.drop(database)


@pytest.fixture
def static_site(exported, backend_only, tmp_path):
    """The unzipped export from `python -m http.server` (nothing else: no rewrites, no proxy)."""
    site = tmp_path / "site"
    with zipfile.ZipFile(exported["zip"]) as archive:
        archive.extractall(site)
    port = backend_only["static_port"]
    log = ARTIFACTS / f"static-{port}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                 "--directory", str(site)], stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        wait_until(f"http://localhost:{port}/login.html", proc, log)
        yield f"http://localhost:{port}"
    finally:
        stop_app(proc)


def test_backend_only_command_serves_the_api_and_docs(backend_only):
    docs = httpx.get(backend_only["base"] + "/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "/api/{user_id}/chat" in httpx.get(backend_only["base"] + "/openapi.json").json()["paths"]
    # Production: no frontend here, and no development secret was written.
    assert httpx.get(backend_only["base"] + "/login").status_code == 404


@pytest.mark.browser
def test_static_export_and_backend_only_pass_signup_and_a_chat_turn(browser, static_site, backend_only):  # noqa: F811
    page = new_page(browser)
    try:
        email = sign_up(page, static_site)
        composer = page.get_by_role("textbox", name="Message")
        composer.fill("add a task to water the plants")
        composer.press("Enter")
        expect(page.get_by_role("status", name="add_task: success")).to_be_visible()
        expect(page.get_by_role("region", name="Tasks").last.get_by_text("Water the plants")).to_be_visible()
        shot(page, "export-static-backend-only")
        # A full page load of a deep link from the static server: still logged in, the chat is kept.
        page.goto(static_site + "/chat")
        expect(page.get_by_role("navigation", name="Conversations").last.get_by_role(
            "button", name="add a task to water the plants", exact=True)).to_be_visible()
    finally:
        page.context.close()
    # The turn went to the backend-only server (and so into PostgreSQL): the API sees the task.
    login = httpx.post(backend_only["base"] + "/api/auth/login",
                       json={"email": email, "password": "correct-horse-1"})
    assert login.status_code == 200
    user = login.json()["user"]["id"]
    tasks = httpx.get(f"{backend_only['base']}/api/{user}/tasks",
                      headers={"Authorization": f"Bearer {login.json()['access_token']}"}).json()["tasks"]
    assert [t["title"] for t in tasks] == ["Water the plants"]
