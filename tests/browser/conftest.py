"""A real app (`reflex run --env prod`) driven by Debian's chromium through Playwright.

ChatKit's CDN is never reachable: tests either block it (the native view takes over) or serve
a local stand-in element with ChatKit's methods and events.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.test_restart import free_port

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
STANDIN = Path(__file__).with_name("chatkit_standin.js")
CDN = "**/cdn.platform.openai.com/**"

pytestmark = pytest.mark.browser


def start_app(data_dir: Path, command: list[str] | None = None, ready: tuple[str, ...] = ("/login", "/api/health"),
              **env_overrides: str) -> tuple[str, subprocess.Popen]:
    """`reflex run --env prod` on a free port (frontend and backend on the same one).

    Each app builds its frontend in its own Reflex web dir next to `data_dir` (a fresh build
    takes ~15 s): sharing the checkout's `.web` would repoint a running dev server's event URL.
    `command` replaces the `reflex run` line (`{port}` in it becomes the port); the app is up
    when every path in `ready` answers 200.
    """
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": "", "ENVIRONMENT": "development",
           "API_URL": f"http://localhost:{port}", "CHAT_TURNS_PER_MINUTE": "200",
           "REFLEX_CHECK_LATEST_VERSION": "0",
           "REFLEX_WEB_WORKDIR": str(data_dir.with_name(data_dir.name + "-web")),
           "REFLEX_STATES_WORKDIR": str(data_dir.with_name(data_dir.name + "-states")),
           "REFLEX_BUN_PATH": str(ROOT / ".tools" / "node_modules" / ".bin" / "bun"), **env_overrides}
    env.pop("FRONTEND_PORT", None)
    command = [part.replace("{port}", str(port)) for part in command or [
        sys.executable, "-m", "reflex", "run", "--env", "prod",
        "--frontend-port", "{port}", "--backend-port", "{port}"]]
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{port}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://localhost:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"reflex exited: see {log}\n{log.read_text()[-3000:]}")
        try:
            if all(httpx.get(base + path, timeout=2, follow_redirects=True).status_code == 200 for path in ready):
                return base, proc
        except httpx.HTTPError:
            pass
        time.sleep(1)
    stop_app(proc)
    raise RuntimeError("the app did not start in time")


def stop_app(proc: subprocess.Popen) -> None:
    """Stop the app's whole process group (reflex, its workers, a local redis-server)."""
    def signal_group(signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signum)

    signal_group(15)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        signal_group(9)
        proc.wait()


# Settings of the one session server that test_stats_page checks (a font for both chat views, a
# /metrics token): set for every browser test, so that module needs no server (no build) of its own.
CHAT_FONT = "Georgia, serif"
METRICS_TOKEN = "browser-metrics-" + "z" * 20


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """One production server for the whole browser session, on its own data dir, web dir and port."""
    base, proc = start_app(tmp_path_factory.mktemp("browser-data"), CHAT_FONT_FAMILY=CHAT_FONT,
                           METRICS_TOKEN=METRICS_TOKEN)
    yield base
    stop_app(proc)


@pytest.fixture(scope="session")
def fake_model():
    """The fake OpenAI-compatible model server (tests/fake_openai.py) the scripted-model modules share."""
    from tests.fake_openai import FakeOpenAI

    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fake_model_app(tmp_path_factory, fake_model):
    """One production server on `fake_model`, native view, for every module that scripts the model
    (a build and a start each otherwise): (its URL, its SQLite file). Each test signs up its own user."""
    tmp = tmp_path_factory.mktemp("fake-model-app")
    base, proc = start_app(tmp / "data", OPENAI_BASE_URL=fake_model.base_url, OPENAI_API_KEY="sk-fake-key",
                           OPENAI_MODEL=fake_model.model, OPENAI_MAX_RETRIES="0", CHAT_UI="native")
    yield base, tmp / "data" / "todo_chat.db"
    stop_app(proc)


class Chromium:
    """One chromium for each run of consecutive tests that use it (not one per module): sync
    Playwright runs an event loop that must not outlive them, so tests/conftest.py closes it
    after the last test of a run, before any test that does not use it (an async one, say)."""

    playwright: Any = None
    instance: Any = None

    @classmethod
    def get(cls) -> Any:
        if cls.instance is None:
            from playwright.sync_api import sync_playwright

            cls.playwright = sync_playwright().start()
            cls.instance = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        return cls.instance

    @classmethod
    def close(cls) -> None:
        if cls.instance is not None:
            try:
                cls.instance.close()
            finally:
                cls.playwright.stop()
                cls.instance = cls.playwright = None


@pytest.fixture
def browser():
    return Chromium.get()


def new_page(browser, *, width=1280, height=800, chatkit: str = "blocked", color_scheme="light"):
    """A fresh browser context. `chatkit`: 'blocked' (CDN unreachable) or 'standin'."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
    if chatkit == "standin":
        script = STANDIN.read_text()
        context.route(CDN, lambda route: route.fulfill(status=200, content_type="text/javascript", body=script))
    else:
        context.route(CDN, lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


_counter = iter(range(1, 10_000))


def console_errors(page) -> list[str]:
    """The page's console errors and uncaught exceptions, collected from now on."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def sign_up(page, app_url: str, name: str = "Ada") -> str:
    email = f"{name.lower()}{next(_counter)}-{time.time_ns()}@example.com"
    page.goto(app_url + "/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct-horse-1")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/chat**")
    return email


def run_axe(page) -> list[dict]:
    """Serious and critical axe-core violations on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
