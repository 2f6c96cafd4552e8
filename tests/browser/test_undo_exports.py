"""In the native view: the Export menu's downloads (the .ics read back with the icalendar library),
on desktop and at 390 px. (Undo in the native view: test_undo.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import new_page, run_axe, shot, sign_up
from tests.browser.test_flow import open_panel

pytestmark = pytest.mark.browser


def send(page, text: str) -> None:
    composer = page.get_by_role("textbox", name="Message")
    composer.fill(text)
    composer.press("Enter")


def exports(page, app_url, label, mobile=False):
    sign_up(page, app_url)
    expect(page.get_by_text("ChatKit could not load")).to_be_visible()
    send(page, "add a task to buy milk")
    expect(page.get_by_role("status", name="add_task: success")).to_be_visible()
    send(page, "add a task to call mom")
    expect(page.get_by_role("status", name="add_task: success")).to_have_count(2)
    send(page, "delete the call mom task")
    expect(page.get_by_role("status", name="delete_task: success")).to_be_visible()
    tasks = page.get_by_role("region", name="Tasks").last
    open_panel(page, "Tasks", mobile)
    expect(tasks.get_by_text("Buy milk")).to_be_visible()
    shot(page, f"exports-{label}")
    assert run_axe(page) == []

    tasks.get_by_role("button", name="Export").click()
    with page.expect_download() as downloaded:
        page.get_by_role("menuitem", name="Tasks as iCalendar (.ics)").click()
    calendar = Calendar.from_ical(Path(downloaded.value.path()).read_bytes())
    assert [str(t["summary"]) for t in calendar.walk("VTODO")] == ["Buy milk"]
    tasks.get_by_role("button", name="Export").click()
    with page.expect_download() as downloaded:
        page.get_by_role("menuitem", name="This chat as Markdown").click()
    markdown = Path(downloaded.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# add a task to buy milk") and "`delete_task`: success" in markdown


def test_exports_desktop(page, app_url):
    exports(page, app_url, "desktop")


def test_exports_phone(browser, app_url):
    page = new_page(browser, width=390, height=844)
    try:
        exports(page, app_url, "phone", mobile=True)
    finally:
        page.context.close()
