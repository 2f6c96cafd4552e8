"""The native chat against a real model server (tests/fake_openai.py), desktop and 390 px wide:
Stop, the pending badge of a slow tool, edit and resend, regenerate, feedback, `#` mentions with
the keyboard only, the shortcuts and offered choices; axe-core and the console stay clean."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import console_errors, new_page, run_axe, shot, sign_up
from tests.fake_openai import text, tool_call, tool_calls

pytestmark = pytest.mark.browser
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
LONG = " ".join(f"word{i}" for i in range(1, 81))


@pytest.fixture(scope="module")
def model(fake_model):
    """The session's fake model server (tests/browser/conftest.py), nothing left scripted in it."""
    return fake_model.reset()


@pytest.fixture(scope="module")
def app(fake_model_app):
    """The session's server on that model: (URL, SQLite file)."""
    return fake_model_app


@pytest.fixture(params=list(SIZES))
def chat(request, browser, app):
    """A signed-up person on /chat, with the console's errors collected."""
    width, height = SIZES[request.param]
    page = new_page(browser, width=width, height=height)
    errors = console_errors(page)
    page.updates = []  # Reflex's state updates (socket.io event frames) the page received
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: page.updates.append(frame)
                                          if str(frame).startswith("42") else None))
    email = sign_up(page, app[0])
    page.wait_for_function("() => window.todoChatKeys === true")  # assets/chat_keys.js is loaded
    page.errors, page.label, page.db = errors, request.param, app[1]
    page.user_id = query(app[1], "SELECT id FROM user WHERE email = ?", email)[0][0]
    yield page
    page.context.close()


def cid(name: str) -> str:
    """A fresh call id: badge items are unique by call id across every conversation."""
    return f"{name}_{uuid.uuid4().hex[:8]}"


def query(db: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db, timeout=10) as conn:
        return conn.execute(sql, args).fetchall()


def send(page, message: str) -> None:
    composer = page.get_by_role("textbox", name="Message")
    composer.fill(message)
    composer.press("Enter")


def settled(page) -> None:
    expect(page.get_by_role("button", name="Send message")).to_be_visible(timeout=30_000)


def assistant_texts(page) -> list[str]:
    return [t.strip() for t in page.locator(".message-assistant .bubble").all_inner_texts()]


def react_errors(page) -> list[str]:
    return [e for e in page.errors if "React" in e or "Warning:" in e or "Minified" in e]


def test_stop_saves_exactly_what_was_shown(chat, model):
    slow = text(LONG, pieces=80)
    slow.pace_s = 0.1
    model.script(slow)
    chat.evaluate("""() => { window.__shown = ''; new MutationObserver(() => {
        const s = document.querySelector('.streaming'); if (s) window.__shown = s.innerText.trim(); })
        .observe(document.body, {subtree: true, childList: true, characterData: true}); }""")
    send(chat, "tell me a long story")
    expect(chat.locator(".streaming")).to_contain_text("word3", timeout=30_000)
    chat.keyboard.press("Escape")  # the shortcut presses Stop
    settled(chat)
    shown = chat.evaluate("() => window.__shown")
    assert shown and "word80" not in shown
    saved = assistant_texts(chat)[-1]
    assert saved == f"{shown} …(stopped)"
    [(content,)] = query(chat.db, "SELECT content FROM message WHERE role = 'assistant' AND user_id = ?",
                         chat.user_id)
    assert content == saved  # nothing said twice, nothing unseen
    assert react_errors(chat) == []


def test_a_slow_tool_shows_its_pending_badge(chat, model):
    def slow_database(_request):
        """The tool's write waits ~2.5 s behind a writer holding SQLite's lock: a slow tool."""
        conn = sqlite3.connect(chat.db, timeout=10, check_same_thread=False)
        conn.execute("BEGIN IMMEDIATE")
        threading.Timer(2.5, lambda: (conn.commit(), conn.close())).start()
        return tool_call("add_task", {"title": "Renew passport"}, call_id=cid("call_slow"))

    model.script(slow_database, text("Added Renew passport."))
    send(chat, "add renew passport")
    expect(chat.get_by_role("status", name="add_task: pending")).to_be_visible(timeout=30_000)
    expect(chat.get_by_role("status", name="add_task: success")).to_be_visible(timeout=30_000)
    settled(chat)
    shot(chat, f"{chat.label}-slow-tool-done")


def test_edit_resend_regenerate_and_feedback(chat, model):
    model.script(tool_call("add_task", {"title": "Buy milk"}, call_id=cid("call_milk")), text("Added Buy milk."))
    send(chat, "add buy milk")
    settled(chat)
    expect(chat.get_by_role("log").get_by_text("Added Buy milk.")).to_be_visible()

    # Regenerate: the answer is replaced; the finished call is replayed, never run again.
    model.script(tool_call("add_task", {"title": "Buy milk"}, call_id=cid("call_milk2")),
                 text("Buy milk is on your list."))
    chat.get_by_role("button", name="Regenerate answer").click()
    expect(chat.get_by_role("log").get_by_text("Buy milk is on your list.")).to_be_visible(timeout=30_000)
    settled(chat)
    assert assistant_texts(chat) == ["Buy milk is on your list."]
    assert query(chat.db, "SELECT count(*) FROM task WHERE title = 'Buy milk' AND user_id = ?", chat.user_id) == [(1,)]

    # Feedback: stored on the answer's row, where ChatKit's feedback goes.
    chat.get_by_role("button", name="Good answer").click()
    expect(chat.get_by_role("button", name="Good answer")).to_have_attribute("aria-pressed", "true")
    deadline = time.monotonic() + 10
    answer = "SELECT feedback FROM message WHERE content = 'Buy milk is on your list.' AND user_id = ?"
    while query(chat.db, answer, chat.user_id) != [("positive",)]:
        assert time.monotonic() < deadline, "feedback not stored"
        time.sleep(0.2)

    # Edit and resend with the keyboard: arrow-up in the empty composer.
    composer = chat.get_by_role("textbox", name="Message")
    composer.focus()
    composer.press("ArrowUp")
    expect(composer).to_have_value("add buy milk")
    expect(chat.get_by_text("Editing your last message")).to_be_visible()
    model.script(text("Added Buy oat milk."))
    composer.fill("add buy oat milk")
    composer.press("Enter")
    expect(chat.get_by_role("log").get_by_text("Added Buy oat milk.")).to_be_visible(timeout=30_000)
    settled(chat)
    log = chat.get_by_role("log")
    expect(log.get_by_text("add buy milk", exact=True)).to_have_count(0)
    users = query(chat.db, "SELECT content FROM message WHERE role = 'user' AND user_id = ? ORDER BY id", chat.user_id)
    assert ("add buy milk",) not in users and ("add buy oat milk",) in users
    assert [m["content"] for m in model.messages() if m["role"] == "user"] == ["add buy oat milk"]
    assert run_axe(chat) == []
    assert react_errors(chat) == []
    assert chat.evaluate("() => document.documentElement.scrollWidth") <= SIZES[chat.label][0]
    shot(chat, f"{chat.label}-edited")


def test_task_mentions_with_the_keyboard_only(chat, model):
    both = [("add_task", {"title": "Buy bread"}, cid("c1")), ("add_task", {"title": "Book dentist"}, cid("c2"))]
    model.script(tool_calls(both), text("Added both."))
    send(chat, "add buy bread and book dentist")
    expect(chat.get_by_role("log").get_by_text("Added both.")).to_be_visible(timeout=30_000)
    settled(chat)
    bread_id = query(chat.db, "SELECT id FROM task WHERE title = 'Buy bread' AND user_id = ?", chat.user_id)[0][0]

    composer = chat.get_by_role("textbox", name="Message")
    composer.focus()
    chat.keyboard.type("complete #b")
    listbox = chat.get_by_role("listbox", name="Tasks to mention")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option")).to_have_count(2)  # "b": bread and book
    chat.keyboard.type("re")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(chat.get_by_role("status").filter(has_text="1 task matches")).to_have_count(1)
    option = listbox.get_by_role("option", name=f"#{bread_id} Buy bread")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(composer).to_have_attribute("aria-activedescendant", f"mention-{bread_id}")
    assert run_axe(chat) == []
    shot(chat, f"{chat.label}-mention-list")
    chat.keyboard.press("Enter")  # inserts, does not send
    expect(listbox).to_be_hidden()
    expect(composer).to_have_value(f"complete task #{bread_id} ")

    model.script(text("Done."))
    chat.keyboard.press("Enter")
    expect(chat.get_by_role("log").get_by_text("Done.")).to_be_visible(timeout=30_000)
    assert model.messages()[-1]["content"] == f"complete task #{bread_id}"


def test_keyboard_shortcuts(chat, model):
    chat.locator("body").click(position={"x": 5, "y": 200})
    chat.keyboard.press("/")
    expect(chat.get_by_role("textbox", name="Message")).to_be_focused()
    chat.get_by_role("textbox", name="Message").blur()
    chat.keyboard.press("?")
    dialog = chat.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text("Search conversations")).to_be_visible()
    assert run_axe(chat) == []
    chat.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    chat.keyboard.press("Control+k")
    expect(chat.get_by_role("textbox", name="Search conversations").locator("visible=true")).to_be_focused()
    assert react_errors(chat) == []


def test_offered_choices_are_buttons_that_send_their_message(chat, model):
    pytest.importorskip("todo_chat.agent.choices", reason="issue 17's offer_choices tool is not merged yet")
    prompt = {"question": "Which list?", "choices": [{"label": "Groceries", "message": "show my groceries"},
                                                     {"label": "Work", "message": "show my work tasks"}]}
    model.script(tool_call("offer_choices", prompt, call_id=cid("call_ask")), text("Which list do you mean?"))
    send(chat, "show my list")
    expect(chat.get_by_role("log").get_by_text("Which list do you mean?")).to_be_visible(timeout=30_000)
    group = chat.get_by_role("group", name="Which list?")
    expect(group.get_by_role("button")).to_have_count(2)
    expect(chat.locator(".tool-badge")).to_have_count(0)  # no badge for the question itself
    assert run_axe(chat) == []
    model.script(text("Here are your groceries."))
    group.get_by_role("button", name="Groceries").focus()
    chat.keyboard.press("Enter")
    expect(chat.get_by_role("log").get_by_text("Here are your groceries.")).to_be_visible(timeout=30_000)
    assert model.messages()[-1]["content"] == "show my groceries"
    expect(chat.get_by_role("group", name="Which list?")).to_have_count(0)


def test_one_answer_costs_a_few_state_updates(chat, model):
    """A streamed answer with no tool call: its start, its text, its end. No reload of the
    conversation list or the task panel that nothing changed."""
    model.script(text("Hi! What shall we add?"))
    send(chat, "hello")  # a first turn creates the conversation
    expect(chat.get_by_role("log").get_by_text("Hi! What shall we add?")).to_be_visible(timeout=30_000)
    settled(chat)
    model.script(text("Nothing is due today.", pieces=4))
    chat.wait_for_timeout(500)
    before = len(chat.updates)
    send(chat, "anything due today?")
    expect(chat.get_by_role("log").get_by_text("Nothing is due today.")).to_be_visible(timeout=30_000)
    settled(chat)
    chat.wait_for_timeout(1000)
    updates = chat.updates[before:]
    print(f"{chat.label}: {len(updates)} state updates for one answer")
    assert len(updates) <= 4, updates
