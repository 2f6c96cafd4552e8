"""The task panel's due-date views (with counts) and a reminder toast, in the browser."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import shot, sign_up


def api_session(page, app_url: str) -> tuple[httpx.Client, int]:
    token = page.evaluate("() => localStorage.getItem('token')")
    client = httpx.Client(base_url=app_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    return client, client.get("/api/auth/me").json()["id"]


def test_views_count_and_mark_due_tasks_and_a_reminder_shows_as_a_toast(page, app_url):
    sign_up(page, app_url, "Vera")
    client, user_id = api_session(page, app_url)
    today = datetime.now(UTC).date()
    for title, due in (("Pay the overdue bill", today - timedelta(days=2)), ("Call the bank", today),
                       ("Plan the trip", today + timedelta(days=3)), ("Read a book", None)):
        body = {"title": title, **({"due_at": due.isoformat()} if due else {})}
        assert client.post(f"/api/{user_id}/tasks", json=body).status_code == 201
    remind = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    response = client.post(f"/api/{user_id}/tasks", json={"title": "Take the pills", "remind_at": remind})
    assert response.status_code == 201

    time.sleep(3)  # the reminder falls due; the page checks on load and then every 30 s
    page.goto(app_url + "/tasks")
    expect(page.get_by_text("Reminder: Take the pills").first).to_be_visible(timeout=20_000)
    panel = page.get_by_role("region", name="Tasks").last
    expect(panel.get_by_text("Overdue", exact=True)).to_be_visible()  # said in words, not by colour
    expect(panel.get_by_text("Due today", exact=True)).to_be_visible()

    views = panel.get_by_role("radiogroup", name="Task views by due date")
    views.get_by_role("radio", name="Overdue 1").click()
    expect(panel.get_by_text("Pay the overdue bill")).to_be_visible()
    expect(panel.get_by_text("Plan the trip")).to_have_count(0)
    views.get_by_role("radio", name="Upcoming 1").click()
    expect(panel.get_by_text("Plan the trip")).to_be_visible()
    expect(panel.get_by_text("Call the bank")).to_have_count(0)
    views.get_by_role("radio", name="Today 2").click()  # due today, and overdue ones still waiting
    expect(panel.get_by_text("Call the bank")).to_be_visible()
    expect(panel.get_by_text("Pay the overdue bill")).to_be_visible()
    expect(panel.get_by_text("Read a book")).to_have_count(0)
    shot(page, "task-views-today")
