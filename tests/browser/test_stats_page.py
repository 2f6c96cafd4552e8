"""/stats in the browser (desktop and 390 px, axe-core clean), the header link to it, the usage
events of both chat views, CHAT_FONT_FAMILY in both, and /metrics on the production server."""

from __future__ import annotations

import time

import httpx
import pytest
from playwright.sync_api import expect
from prometheus_client.parser import text_string_to_metric_families

from tests.browser.conftest import CHAT_FONT as FONT
from tests.browser.conftest import METRICS_TOKEN as TOKEN
from tests.browser.conftest import new_page, run_axe, shot, sign_up

pytestmark = pytest.mark.browser


@pytest.fixture
def stats_app(app_url):
    """The session's server: it starts with this module's font and metrics token (conftest)."""
    return app_url


def api_of(page, base: str) -> tuple[httpx.Client, int]:
    token = page.evaluate("() => localStorage.getItem('token')")
    client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=20)
    return client, client.get("/api/auth/me").json()["id"]


def some_history(client: httpx.Client, user_id: int) -> None:
    ids = [client.post(f"/api/{user_id}/tasks", json={"title": f"Task {n}"}).json()["id"] for n in range(5)]
    for task_id in ids[:3]:
        assert client.patch(f"/api/{user_id}/tasks/{task_id}/complete?completed=true").status_code == 200
    client.post(f"/api/{user_id}/tasks", json={"title": "Overdue bill", "due_at": "2020-01-01"})
    assert client.post(f"/api/{user_id}/chat", json={"message": "add a task to buy milk"}).status_code == 200


def test_stats_page_on_desktop_and_phone(browser, stats_app):
    page = new_page(browser)
    sign_up(page, stats_app, "Stella")
    client, user_id = api_of(page, stats_app)
    some_history(client, user_id)

    page.get_by_role("link", name="Stats").click()  # the header link
    page.wait_for_url("**/stats")
    expect(page.get_by_role("heading", name="Your stats", level=1)).to_be_visible()

    def figure(label: str):
        return page.locator(".stat-figure").filter(has=page.get_by_text(label, exact=True))

    expect(figure("Open")).to_contain_text("4")  # 2 left + the bill + milk
    expect(figure("Done")).to_contain_text("3")
    expect(figure("Overdue now")).to_contain_text("1")
    expect(figure("Day streak")).to_contain_text("1")
    expect(page.get_by_text("3 tasks completed in the last 30 days")).to_be_visible()
    expect(page.get_by_text("Tool calls: add_task: 1 succeeded, 0 failed.")).to_be_visible()
    expect(page.locator(".stat-chart .recharts-wrapper")).to_have_count(4)
    expect(page.get_by_role("img", name="Completed per day 3 tasks completed in the last 30 days",
                            exact=False)).to_be_visible()
    tools = page.locator(".stat-card").filter(has_text="Tool calls by outcome")
    tools.get_by_text("Show as table").click()
    expect(tools.get_by_role("row").filter(has_text="add_task")).to_contain_text("1")
    shot(page, "stats-desktop")
    assert run_axe(page) == []

    # The setting: off, and the server stops storing the browser's events.
    page.get_by_role("switch", name="Record usage events from my browser").click()
    expect(page.get_by_text("Usage analytics off")).to_be_visible()
    assert client.get("/api/auth/me").json()["analytics_enabled"] is False
    page.context.close()

    phone = new_page(browser, width=390, height=844)
    phone.context.add_init_script(f"localStorage.setItem('token', {page_token(client)!r})")
    phone.goto(stats_app + "/stats")
    expect(phone.get_by_role("heading", name="Your stats", level=1)).to_be_visible()
    expect(phone.locator(".stat-chart .recharts-wrapper")).to_have_count(4)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    expect(phone.get_by_role("link", name="Stats")).to_be_visible()
    shot(phone, "stats-390")
    assert run_axe(phone) == []
    phone.context.close()


def events_of(client: httpx.Client) -> list[tuple[str, str, str | None]]:
    return [(e["kind"], e["source"], e["thread_id"]) for e in client.get("/api/analytics/events").json()]


def eventually(read, done, tries: int = 40):
    """`read()` until `done(value)` (an event handler's write lands a moment after the click)."""
    for _ in range(tries):
        value = read()
        if done(value):
            return value
        time.sleep(0.25)
    return value


def page_token(client: httpx.Client) -> str:
    return client.headers["Authorization"].removeprefix("Bearer ")


def test_chatkit_gets_the_font_and_reports_thread_changes_and_messages(browser, stats_app):
    page = new_page(browser, chatkit="standin")
    sign_up(page, stats_app, "Kit")
    page.wait_for_function("() => window.__chatkit && window.__chatkit.options")
    assert page.evaluate("() => window.__chatkit.options.theme.typography.fontFamily") == FONT
    client, user_id = api_of(page, stats_app)
    reply = client.post(f"/api/{user_id}/chat", json={"message": "add a task to water plants"}).json()
    thread = client.get(f"/api/conversations/{reply['conversation_id']}").json()["thread_id"]
    with page.expect_response("**/api/analytics/thread-change") as changed:
        page.evaluate("(t) => window.__chatkitEmit('chatkit.thread.change', {threadId: t})", thread)
    assert changed.value.status == 202
    with page.expect_response("**/api/analytics/message") as sent:
        page.evaluate("() => window.__chatkitEmit('chatkit.log', {name: 'message.send', data: {text: 'hello'}})")
    assert sent.value.status == 202
    events = [e for e in client.get("/api/analytics/events").json() if e["source"] == "chatkit"]
    assert [(e["kind"], e["thread_id"]) for e in events] == [("message_sent", thread), ("thread_change", thread)]
    page.context.close()


def test_the_native_view_uses_the_font_and_reports_a_message_and_an_opened_thread(browser, stats_app):
    page = new_page(browser)  # ChatKit's CDN blocked: the native view
    sign_up(page, stats_app, "Nat")
    composer = page.get_by_role("textbox", name="Message")
    expect(composer).to_be_visible(timeout=20_000)
    assert "Georgia" in page.evaluate("() => getComputedStyle(document.querySelector('.chat-panel')).fontFamily")
    composer.fill("add a task to call the dentist")
    composer.press("Enter")
    expect(page.locator(".message-assistant").last).to_contain_text("dentist", timeout=20_000)
    sidebar = page.get_by_role("navigation", name="Conversations")
    sidebar.get_by_role("button", name="New chat").click()
    sidebar.get_by_role("button", name="add a task to call the dentist", exact=False).first.click()
    client, _user_id = api_of(page, stats_app)
    thread = client.get("/api/conversations").json()["conversations"][0]["thread_id"]
    events = eventually(lambda: events_of(client), lambda seen: ("thread_change", "native", thread) in seen)
    assert ("message_sent", "native", thread) in events and ("thread_change", "native", thread) in events
    assert ("turn_finished", "server", thread) in events
    page.context.close()


def test_metrics_on_the_production_server(stats_app):
    assert httpx.get(stats_app + "/metrics").status_code == 401
    response = httpx.get(stats_app + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    names = {family.name for family in text_string_to_metric_families(response.text)}
    assert {"todo_chat_turns", "todo_chat_tool_calls", "todo_chat_active_streams"} <= names
