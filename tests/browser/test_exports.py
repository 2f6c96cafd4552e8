"""Exports and attachments in the browser, desktop and 390 px wide, against a real model server
(tests/fake_openai.py): the Export menu downloads .csv, .ics (read back with the icalendar
library) and .md; the settings page makes a secret calendar feed link that answers a calendar
client's GET and refuses it once revoked; a file attached in the native composer reaches the
model's request. axe-core finds nothing serious on the new controls; the console stays clean."""

from __future__ import annotations

import base64
import csv
import io
import uuid
from pathlib import Path

import httpx
import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import AXE, console_errors, new_page, run_axe, shot, sign_up
from tests.browser.test_flow import close_drawer, open_panel
from tests.fake_openai import text, tool_calls

pytestmark = pytest.mark.browser
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAAB"
                       "JRU5ErkJggg==")


@pytest.fixture(scope="module")
def model(fake_model):
    """The session's fake model server (tests/browser/conftest.py), nothing left scripted in it."""
    return fake_model.reset()


@pytest.fixture(scope="module")
def app(fake_model_app):
    """The session's server on that model (native view)."""
    return fake_model_app[0]


@pytest.fixture(params=list(SIZES))
def page(request, browser, app):
    """A signed-up person on /chat, with the console's errors collected."""
    width, height = SIZES[request.param]
    page = new_page(browser, width=width, height=height)
    errors = console_errors(page)
    sign_up(page, app)
    page.errors, page.label, page.mobile = errors, request.param, request.param == "phone"
    yield page
    page.context.close()


def send(page, message: str) -> None:
    composer = page.get_by_role("textbox", name="Message")
    composer.fill(message)
    composer.press("Enter")


def no_react_errors(page) -> None:
    assert not [e for e in page.errors if "React" in e or "Minified" in e or "Uncaught" in e], page.errors


def axe_on(page, selector: str) -> list[dict]:
    """Serious and critical axe-core violations inside `selector` (the script is on the page
    after `run_axe`, or added here)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async (s) => await axe.run(s, {resultTypes: ['violations']})", selector)
    return [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def download(page, item: str, check_menu: bool = False) -> bytes:
    open_panel(page, "Tasks", page.mobile)
    page.get_by_role("region", name="Tasks").last.get_by_role("button", name="Export").click()
    if check_menu:  # the open menu itself (a modal Radix menu aria-hides the page behind it)
        expect(page.get_by_role("menuitem", name=item)).to_be_visible()
        assert axe_on(page, "[role=menu]") == []
    with page.expect_download() as downloaded:
        page.get_by_role("menuitem", name=item).click()
    close_drawer(page, "Tasks", page.mobile)
    return Path(downloaded.value.path()).read_bytes()


def test_export_menu_downloads_csv_ics_and_markdown(page, model):
    call = uuid.uuid4().hex[:8]
    model.script(tool_calls([
        ("add_task", {"title": "Team sync", "due_date": "2026-12-07T09:00", "recurrence": "FREQ=WEEKLY;BYDAY=MO",
                      "remind_at": "2026-12-07T08:45"}, f"call_a{call}"),
        ("add_task", {"title": "=rent", "due_date": "2026-12-24"}, f"call_b{call}"),
        ("add_task", {"title": "Read a book"}, f"call_c{call}")]), text("Added three tasks."))
    send(page, "add my three tasks")
    expect(page.get_by_text("Added three tasks.")).to_be_visible()

    calendar = Calendar.from_ical(download(page, "Tasks as iCalendar (.ics)", check_menu=True))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Team sync", "=rent"}
    assert events["Team sync"]["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    assert len(events["Team sync"].walk("VALARM")) == 1
    assert str(events["=rent"].decoded("dtstart")) == "2026-12-24"  # all day: a date, no time
    assert [str(t["summary"]) for t in calendar.walk("VTODO")] == ["Read a book"]

    rows = list(csv.DictReader(io.StringIO(download(page, "Tasks as CSV").decode())))
    # (The three calls ran in parallel: their ids come in any order.)
    assert sorted(r["title"] for r in rows) == ["'=rent", "Read a book", "Team sync"]

    markdown = download(page, "This chat as Markdown").decode()
    assert markdown.startswith("# add my three tasks") and "Added three tasks." in markdown
    assert "`add_task`: success (title: Team sync" in markdown
    shot(page, f"exports-{page.label}")
    expect(page.locator("[data-sonner-toast]")).to_have_count(0, timeout=10_000)
    assert run_axe(page) == []
    no_react_errors(page)


def test_the_calendar_feed_link_is_made_subscribed_to_and_revoked(page, app, model):
    model.script(tool_calls([("add_task", {"title": "Dentist", "due_date": "2026-12-10T15:30"},
                              f"call_d{uuid.uuid4().hex[:8]}")]), text("Added Dentist."))
    send(page, "add dentist")
    expect(page.get_by_text("Added Dentist.")).to_be_visible()
    page.goto(app + "/settings")
    feed = page.get_by_role("region", name="Calendar feed")
    expect(feed.get_by_text("No feed link is active.")).to_be_visible()
    feed.get_by_role("button", name="Make a feed link").click()
    link = feed.get_by_role("textbox", name="Calendar feed link")
    expect(link).to_be_visible()
    url = link.input_value()
    assert url.startswith(app + "/api/calendar/") and url.endswith(".ics")
    expect(feed.get_by_text("A feed link is active.")).to_be_visible()

    # A calendar client: no cookies, no token, asks for text/calendar.
    client = httpx.Client(headers={"Accept": "text/calendar", "User-Agent": "Thunderbird/128"})
    answer = client.get(url)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/calendar")
    assert "private" in answer.headers["cache-control"] and answer.headers["etag"]
    assert [str(e["summary"]) for e in Calendar.from_ical(answer.content).walk("VEVENT")] == ["Dentist"]
    shot(page, f"calendar-feed-{page.label}")
    assert run_axe(page) == []

    feed.get_by_role("button", name="Revoke feed link").click()
    expect(feed.get_by_text("No feed link is active.")).to_be_visible()
    expect(link).to_have_count(0)
    refused = client.get(url)
    assert refused.status_code == 404 and "revoked" in refused.json()["detail"]
    no_react_errors(page)


def test_a_file_attached_in_the_native_view_reaches_the_model(page, model):
    picker = page.locator(".composer-attach input[type=file]")
    picker.set_input_files([
        {"name": "shopping.png", "mimeType": "image/png", "buffer": PNG},
        {"name": "list.md", "mimeType": "text/markdown", "buffer": b"- milk\n- eggs\n"}])
    attached = page.get_by_role("list", name="Attached files")
    expect(attached.get_by_text("shopping.png")).to_be_visible()
    expect(attached.get_by_text("list.md")).to_be_visible()
    assert run_axe(page) == []
    seen = len(model.requests)
    model.script(text("I see milk and eggs."))
    send(page, "add the items on this shopping list")
    expect(page.get_by_text("I see milk and eggs.")).to_be_visible()
    expect(page.locator(".message-files").get_by_text("shopping.png, list.md")).to_be_visible()
    expect(attached).to_have_count(0)  # the chips went with the message

    content = model.requests[seen]["messages"][-1]["content"]
    assert content[0] == {"type": "text", "text": "add the items on this shopping list"}
    assert content[1]["type"] == "image_url"
    assert content[1]["image_url"]["url"] == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert content[2] == {"type": "text", "text": "[Attached file: list.md]\n- milk\n- eggs\n"}
    shot(page, f"attachments-{page.label}")
    no_react_errors(page)
