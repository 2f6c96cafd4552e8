"""The ChatKit custom component against a local stand-in element with ChatKit's methods and
events: props arrive as Python set them, each event reaches its Reflex handler, and the page
drives the element (setThreadId from the sidebar, prompts, the auth'd fetch)."""

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page, shot, sign_up
from todo_chat.ui.components.native_chat import GREETING, PLACEHOLDER

pytestmark = pytest.mark.browser


@pytest.fixture
def standin(browser, app_url):
    page = new_page(browser, chatkit="standin")
    sign_up(page, app_url, "Grace")
    page.wait_for_function("() => window.__chatkit && window.__chatkit.options")
    yield page
    page.context.close()


def host(page):
    return page.locator(".chatkit-host")


def emit(page, name, detail=None):
    page.evaluate("([n, d]) => window.__chatkitEmit(n, d)", [name, detail])


def token_of(page) -> str:
    return page.evaluate("() => localStorage.getItem('token')")


def test_props_arrive_as_python_set_them(standin, app_url):
    options = standin.evaluate("() => JSON.parse(JSON.stringify(window.__chatkit.options))")
    assert options["api"]["url"] == f"{app_url}/api/chatkit"
    assert options["theme"]["colorScheme"] == "light"
    assert options["theme"]["color"]["accent"]["primary"] == "#4f46e5"
    assert options["theme"]["radius"] == "round" and options["theme"]["density"] == "normal"
    assert options["startScreen"]["greeting"] == GREETING
    assert [p["prompt"] for p in options["startScreen"]["prompts"]][0].startswith("Add a task")
    assert options["composer"]["placeholder"] == PLACEHOLDER
    assert options["composer"]["attachments"]["enabled"] is True
    assert options["header"]["title"]["text"] == "Todo assistant"
    assert options["history"]["enabled"] is False
    # ChatKit shows, the native view does not.
    expect(host(standin)).to_have_attribute("data-status", "ready")
    expect(standin.get_by_role("group", name="ChatKit stand-in")).to_be_visible()
    expect(standin.get_by_role("textbox", name="Message")).to_have_count(0)
    shot(standin, "chatkit-standin")


def test_the_bridge_fetch_carries_a_session_secret_the_server_accepts(standin):
    result = standin.evaluate("""async () => {
      const res = await window.__chatkit.options.api.fetch(window.__chatkit.options.api.url, {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({type: 'threads.list', params: {}})});
      return {status: res.status, body: await res.json()};
    }""")
    assert result["status"] == 200 and result["body"]["data"] == []


def test_each_event_reaches_its_reflex_handler(standin, app_url):
    # onResponseStart: the thinking indicator; onResponseEnd: the task panel refreshes.
    emit(standin, "chatkit.response.start")
    expect(standin.get_by_role("status").filter(has_text="Thinking")).to_be_visible()
    user_id = httpx.get(f"{app_url}/api/auth/me", headers={"Authorization": f"Bearer {token_of(standin)}"}).json()["id"]
    httpx.post(f"{app_url}/api/{user_id}/tasks", json={"title": "Made elsewhere"},
               headers={"Authorization": f"Bearer {token_of(standin)}"})
    emit(standin, "chatkit.response.end")
    expect(standin.get_by_role("status").filter(has_text="Thinking")).to_have_count(0)
    expect(standin.get_by_role("region", name="Tasks").get_by_text("Made elsewhere")).to_be_visible()

    # onThreadChange: the sidebar follows ChatKit to a thread it did not know yet.
    reply = httpx.post(f"{app_url}/api/{user_id}/chat", json={"message": "Add a task to test threads"},
                       headers={"Authorization": f"Bearer {token_of(standin)}"}).json()
    thread = httpx.get(f"{app_url}/api/conversations/{reply['conversation_id']}",
                       headers={"Authorization": f"Bearer {token_of(standin)}"}).json()["thread_id"]
    emit(standin, "chatkit.thread.change", {"threadId": thread})
    row = standin.get_by_role("navigation", name="Conversations").get_by_role(
        "button", name="Add a task to test threads", exact=True)
    expect(row).to_have_attribute("aria-current", "page")

    # onLog: badges for the selected thread come from the store.
    emit(standin, "chatkit.log", {"name": "message.send", "data": {}})
    expect(host(standin)).to_have_attribute("data-last-event", "log:message.send")

    # onError: a visible banner, and the error reaches the server log through POST /api/errors.
    with standin.expect_request("**/api/errors") as reported:
        standin.evaluate("() => window.__chatkitEmit('chatkit.error', {error: new Error('Stand-in failure')})")
    assert "Stand-in failure" in reported.value.post_data
    expect(standin.get_by_role("alert").filter(has_text="Stand-in failure")).to_be_visible()

    # A client-side widget action opens the task in the panel.
    listed = httpx.get(f"{app_url}/api/{user_id}/tasks", headers={"Authorization": f"Bearer {token_of(standin)}"}
                       ).json()["tasks"]
    task_id = next(t["id"] for t in listed if t["title"] == "Made elsewhere")
    standin.evaluate("(id) => window.__chatkit.options.widgets.onAction("
                     "{type: 'task.open', payload: {task_id: id}}, {id: 'w1'})",
                     task_id)
    expect(standin.locator(".task-detail")).to_contain_text("Made elsewhere")


def test_sidebar_selection_calls_set_thread_id(standin, app_url):
    token = token_of(standin)
    user_id = httpx.get(f"{app_url}/api/auth/me", headers={"Authorization": f"Bearer {token}"}).json()["id"]
    reply = httpx.post(f"{app_url}/api/{user_id}/chat", json={"message": "hello there"},
                       headers={"Authorization": f"Bearer {token}"}).json()
    thread = httpx.get(f"{app_url}/api/conversations/{reply['conversation_id']}",
                       headers={"Authorization": f"Bearer {token}"}).json()["thread_id"]
    standin.reload()
    standin.wait_for_function("() => window.__chatkit && window.__chatkit.options")
    standin.get_by_role("button", name="hello there", exact=True).click()
    standin.wait_for_function("(t) => window.__chatkit.calls.some(c => c[0] === 'setThreadId' && c[1] === t)",
                              arg=thread)
    standin.get_by_role("button", name="New chat").click()
    standin.wait_for_function("() => window.__chatkit.calls.some(c => c[0] === 'setThreadId' && c[1] === null)")


def test_blocked_cdn_falls_back_to_the_native_view(page, app_url):
    sign_up(page, app_url)
    expect(page.get_by_text("ChatKit could not load")).to_be_visible()
    expect(host(page)).to_have_count(0)  # the empty ChatKit element takes no space
    expect(page.get_by_role("textbox", name="Message")).to_be_visible()


def test_python_sends_a_suggested_prompt_and_header_actions_reach_reflex(standin):
    standin.get_by_role("button", name="Suggested prompts").click()
    standin.get_by_role("menuitem", name="What's pending?").click()
    standin.wait_for_function("() => window.__chatkit.calls.some("
                              "c => c[0] === 'sendUserMessage' && c[1].text === \"What's pending?\")")
    header = standin.evaluate("() => Object.keys(window.__chatkit.options.header)")
    assert {"leftAction", "rightAction", "title"} <= set(header)
    standin.evaluate("() => window.__chatkit.options.header.rightAction.onClick()")
    expect(host(standin)).to_have_attribute("data-last-event", "header:new_chat")
    standin.wait_for_function("() => window.__chatkit.calls.some(c => c[0] === 'setThreadId' && c[1] === null)")


def test_tag_search_offers_the_persons_tasks_as_entities(standin, app_url):
    token = token_of(standin)
    auth = {"Authorization": f"Bearer {token}"}
    user_id = httpx.get(f"{app_url}/api/auth/me", headers=auth).json()["id"]
    bread = httpx.post(f"{app_url}/api/{user_id}/tasks", json={"title": "Buy bread"}, headers=auth).json()["id"]
    httpx.post(f"{app_url}/api/{user_id}/tasks", json={"title": "Book dentist"}, headers=auth)
    found = standin.evaluate("async () => await window.__chatkit.options.entities.onTagSearch('bread')")
    assert found == [{"id": f"task_{bread}", "title": f"#{bread} Buy bread", "group": "Tasks",
                      "interactive": False, "data": {"task_id": str(bread)}}]
