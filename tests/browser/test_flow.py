"""What a person does, in a real browser: the whole flow on desktop and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page, run_axe, shot, sign_up

pytestmark = pytest.mark.browser


def badge_statuses(page):
    """Every status any badge has shown, in order (recorded by a MutationObserver)."""
    return page.evaluate("() => window.__badgeStatuses || []")


RECORD_BADGES = """() => {
  window.__badgeStatuses = [];
  const seen = (el) => { const s = el.getAttribute && el.getAttribute('data-status');
    if (s && el.classList.contains('tool-badge')) window.__badgeStatuses.push(s); };
  new MutationObserver((records) => records.forEach((r) => {
    if (r.type === 'attributes') seen(r.target);
    r.addedNodes && r.addedNodes.forEach((n) => { if (n.nodeType === 1) { seen(n);
      n.querySelectorAll('.tool-badge').forEach(seen); } });
  })).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-status']});
}"""


def open_panel(page, name, mobile):
    if mobile:
        page.get_by_role("button", name=name, exact=True).click()


def close_drawer(page, name, mobile):
    if mobile:
        page.get_by_role("button", name=f"Close {name}").click()


def the_whole_flow(page, app_url, label, mobile=False):
    sign_up(page, app_url)
    expect(page.get_by_text("ChatKit could not load")).to_be_visible()
    page.evaluate(RECORD_BADGES)

    composer = page.get_by_role("textbox", name="Message")
    composer.fill("add a task to buy milk")
    composer.press("Enter")
    badge = page.get_by_role("status", name="add_task: success")
    expect(badge).to_be_visible()
    assert badge_statuses(page)[:1] == ["pending"] and "success" in badge_statuses(page)
    expect(page.get_by_text("Added", exact=False).last).to_be_visible()

    open_panel(page, "Tasks", mobile)
    tasks = page.get_by_role("region", name="Tasks").last
    expect(tasks.get_by_text("Buy milk")).to_be_visible()  # no reload
    if mobile:  # the drawer sits wholly on screen once it has slid in
        page.wait_for_timeout(600)
        box = tasks.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    shot(page, f"{label}-1-task-added")
    close_drawer(page, "Tasks", mobile)

    # A new conversation; the old one stays in the sidebar and reopens with its messages.
    open_panel(page, "Conversations", mobile)
    nav = page.get_by_role("navigation", name="Conversations").last
    nav.get_by_role("button", name="New chat").click()
    close_drawer(page, "Conversations", mobile)
    expect(page.get_by_text("What's on your list today?")).to_be_visible()
    composer.fill("What's pending?")
    composer.press("Enter")
    expect(page.get_by_role("status", name="list_tasks: success")).to_be_visible()

    open_panel(page, "Conversations", mobile)
    expect(nav.get_by_role("button", name="add a task to buy milk", exact=True)).to_be_visible()
    expect(nav.get_by_role("button", name="What's pending?", exact=True)).to_be_visible()
    nav.get_by_role("button", name="add a task to buy milk", exact=True).click()
    close_drawer(page, "Conversations", mobile)
    expect(page.get_by_role("log").get_by_text("add a task to buy milk")).to_be_visible()
    expect(page.get_by_role("status", name="add_task: success")).to_be_visible()
    shot(page, f"{label}-2-reopened")

    # Rename, then delete it.
    open_panel(page, "Conversations", mobile)
    nav.get_by_role("button", name="Actions for add a task to buy milk").click()
    page.get_by_role("menuitem", name="Rename").click()
    title = nav.get_by_label("New title")
    title.fill("Groceries")
    title.press("Enter")
    expect(nav.get_by_role("button", name="Groceries", exact=True)).to_be_visible()
    nav.get_by_role("button", name="Actions for Groceries").click()
    page.get_by_role("menuitem", name="Delete").click()
    expect(nav.get_by_role("button", name="Groceries", exact=True)).to_have_count(0)
    expect(nav.get_by_role("button", name="What's pending?", exact=True)).to_be_visible()
    shot(page, f"{label}-3-renamed-deleted")
    close_drawer(page, "Conversations", mobile)

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login**")
    page.goto(app_url + "/chat")
    page.wait_for_url(re.compile(r".*/login/?$"))
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_full_flow_desktop(page, app_url):
    the_whole_flow(page, app_url, "desktop")


def test_full_flow_phone(browser, app_url):
    page = new_page(browser, width=390, height=844)
    try:
        the_whole_flow(page, app_url, "phone", mobile=True)
    finally:
        page.context.close()


def test_phone_layout_has_no_sideways_scroll_and_composer_is_clear(browser, app_url):
    page = new_page(browser, width=390, height=844)
    try:
        sign_up(page, app_url)
        expect(page.get_by_role("textbox", name="Message")).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        send = page.get_by_role("button", name="Send message").bounding_box()
        top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('button')?.getAttribute('aria-label')",
                            [send["x"] + send["width"] / 2, send["y"] + send["height"] / 2])
        assert top == "Send message"  # nothing fixed covers it
        shot(page, "phone-empty")
    finally:
        page.context.close()


def test_dark_mode(browser, app_url):
    page = new_page(browser, color_scheme="dark")
    try:
        sign_up(page, app_url)
        page.get_by_role("textbox", name="Message").fill("Add a task to water the plants")
        page.get_by_role("textbox", name="Message").press("Enter")
        expect(page.get_by_role("status", name="add_task: success")).to_be_visible()
        expect(page.get_by_role("log").get_by_text("Added")).to_be_visible()
        expect(page.get_by_role("button", name="Send message")).to_be_visible()  # stream finished
        assert page.evaluate("() => document.documentElement.classList.contains('dark')")
        shot(page, "dark-mode")
        page.get_by_role("button", name="Toggle dark mode").click()
        expect(page.locator("html")).not_to_have_class(re.compile(r"\bdark\b"))
    finally:
        page.context.close()


def test_expired_session_goes_back_to_login_with_a_message(page, app_url):
    sign_up(page, app_url)
    page.evaluate("() => { localStorage.setItem('token', 'expired.token.value'); "
                  "localStorage.setItem('refresh_token', ''); }")
    page.goto(app_url + "/chat")
    page.wait_for_url(re.compile(r".*/login/?$"))
    expect(page.get_by_text("Your session expired")).to_be_visible()


def test_login_errors_are_inline(page, app_url):
    page.goto(app_url + "/login")
    page.get_by_label("Email").fill("nobody@example.com")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("Incorrect email or password")


def test_floating_chat_widget_on_the_tasks_page(page, app_url):
    sign_up(page, app_url)
    page.goto(app_url + "/tasks")
    page.get_by_role("button", name="Open chat").click()
    widget = page.get_by_role("dialog", name="Chat")
    widget.get_by_role("textbox", name="Message").fill("add a task to book the dentist")
    widget.get_by_role("textbox", name="Message").press("Enter")
    expect(widget.get_by_role("status", name="add_task: success")).to_be_visible()
    expect(page.get_by_role("region", name="Tasks").get_by_text("Book the dentist")).to_be_visible()
    shot(page, "floating-widget")


@pytest.mark.parametrize("path", ["/login", "/signup", "/chat"])
def test_no_serious_accessibility_violations(page, app_url, path):
    if path == "/chat":
        sign_up(page, app_url)
        page.get_by_role("textbox", name="Message").fill("add a task to buy milk")
        page.get_by_role("textbox", name="Message").press("Enter")
        expect(page.get_by_role("status", name="add_task: success")).to_be_visible()
    else:
        page.goto(app_url + path)
        expect(page.get_by_role("button").first).to_be_visible()
    assert run_axe(page) == []
