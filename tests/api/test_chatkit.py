"""The ChatKit protocol over HTTP, with request objects typed by the `chatkit` package."""

from __future__ import annotations

import pytest
from agents.testing import ScriptedModel, assistant_message
from chatkit.actions import Action
from chatkit.types import (
    AttachmentCreateParams,
    AttachmentsCreateReq,
    InferenceOptions,
    ItemFeedbackParams,
    ItemsFeedbackReq,
    ItemsListParams,
    ItemsListReq,
    Page,
    Thread,
    ThreadAddUserMessageParams,
    ThreadCreateParams,
    ThreadCustomActionParams,
    ThreadDeleteParams,
    ThreadGetByIdParams,
    ThreadListParams,
    ThreadMetadata,
    ThreadRetryAfterItemParams,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsCustomActionReq,
    ThreadsDeleteReq,
    ThreadsGetByIdReq,
    ThreadsListReq,
    ThreadsRetryAfterItemReq,
    ThreadStreamEvent,
    ThreadsUpdateReq,
    ThreadUpdateParams,
    UserMessageInput,
    UserMessageTextContent,
)
from pydantic import BaseModel, TypeAdapter
from sqlmodel import select

from todo_chat.agent import turn
from todo_chat.api.chatkit.endpoint import chatkit_server
from todo_chat.models import Message, Task, ToolCall

EVENT = TypeAdapter(ThreadStreamEvent)


def text_input(text: str) -> UserMessageInput:
    return UserMessageInput(content=[UserMessageTextContent(text=text)], attachments=[],
                            inference_options=InferenceOptions())


def send(client, account, request: BaseModel, url: str = "/api/chatkit"):
    return client.post(url, content=request.model_dump_json(),
                       headers={**account.headers, "content-type": "application/json"})


def stream(client, account, request: BaseModel, url: str = "/api/chatkit") -> list:
    with client.stream("POST", url, content=request.model_dump_json(),
                       headers={**account.headers, "content-type": "application/json"}) as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        return [EVENT.validate_json(line[len("data: "):]) for line in response.iter_lines()
                if line.startswith("data: ")]


def new_thread(client, account, text: str) -> tuple[str, list]:
    events = stream(client, account, ThreadsCreateReq(params=ThreadCreateParams(input=text_input(text))))
    return events[0].thread.id, events


def done_items(events, item_type: str) -> list:
    return [e.item for e in events if e.type == "thread.item.done" and e.item.type == item_type]


def items_of(client, account, thread_id: str) -> list:
    response = send(client, account, ItemsListReq(params=ItemsListParams(thread_id=thread_id, order="asc")))
    return Page[dict].model_validate_json(response.content).data


@pytest.fixture(autouse=True)
def fresh_server():
    chatkit_server.cache_clear()
    yield
    chatkit_server.cache_clear()


def test_create_thread_streams_user_item_workflow_and_answer(client, alice, session):
    thread_id, events = new_thread(client, alice, "Add a task to buy milk")
    kinds = [e.type for e in events]
    assert kinds[0] == "thread.created" and "stream_options" in kinds
    assert done_items(events, "user_message")[0].content[0].text == "Add a task to buy milk"
    # The tool call shows as a task item: added pending while it runs, done as success.
    badges = [(e.type, e.item.task.title, e.item.task.status_indicator) for e in events
              if e.type in ("thread.item.added", "thread.item.done") and e.item.type == "task"]
    assert badges == [("thread.item.added", "add_task: pending", "loading"),
                      ("thread.item.done", "add_task: success", "complete")]
    assert "title: Buy milk" in done_items(events, "task")[0].task.content
    answer = done_items(events, "assistant_message")[0]
    assert "Buy milk" in answer.content[0].text
    deltas = [e for e in events if e.type == "thread.item.updated"
              and e.update.type == "assistant_message.content_part.text_delta"]
    assert deltas and "".join(e.update.delta for e in deltas) == answer.content[0].text
    session.expire_all()
    assert [t.title for t in session.exec(select(Task)).all()] == ["Buy milk"]
    assert [(c.name, c.status) for c in session.exec(select(ToolCall)).all()] == [("add_task", "success")]


def test_a_reload_shows_the_persisted_tool_calls(client, alice):
    thread_id, _ = new_thread(client, alice, "Add a task to buy milk")
    items = items_of(client, alice, thread_id)
    # The widget: Undo for what the turn changed (api/chatkit/changes.py).
    assert [i["type"] for i in items] == ["user_message", "task", "assistant_message", "widget"]
    assert items[1]["task"]["title"] == "add_task: success"
    full = Thread.model_validate_json(
        send(client, alice, ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=thread_id))).content)
    assert full.title == "Add a task to buy milk" and len(full.items.data) == 4


def test_add_message_sees_history_and_tool_errors_show_as_error(client, alice):
    thread_id, _ = new_thread(client, alice, "hello")
    events = stream(client, alice, ThreadsAddUserMessageReq(
        params=ThreadAddUserMessageParams(thread_id=thread_id, input=text_input("Mark task 41 as complete"))))
    assert done_items(events, "task")[0].task.title == "complete_task: error"
    assert "Task 41 not found" in done_items(events, "assistant_message")[0].content[0].text
    assert len(items_of(client, alice, thread_id)) == 5


def test_list_threads_pages_newest_first(client, alice):
    ids = [new_thread(client, alice, f"hello {i}")[0] for i in range(3)]
    first = Page[ThreadMetadata].model_validate_json(
        send(client, alice, ThreadsListReq(params=ThreadListParams(limit=2))).content)
    assert [t.id for t in first.data] == [ids[2], ids[1]] and first.has_more
    rest = Page[ThreadMetadata].model_validate_json(
        send(client, alice, ThreadsListReq(params=ThreadListParams(limit=2, after=first.after))).content)
    assert [t.id for t in rest.data] == [ids[0]] and not rest.has_more


def test_rename_and_delete_thread(client, alice):
    thread_id, _ = new_thread(client, alice, "hello")
    renamed = send(client, alice, ThreadsUpdateReq(params=ThreadUpdateParams(thread_id=thread_id, title="Chores")))
    assert Thread.model_validate_json(renamed.content).title == "Chores"
    listed = client.get("/api/conversations", headers=alice.headers).json()["conversations"]
    assert [(c["thread_id"], c["title"]) for c in listed] == [(thread_id, "Chores")]
    assert send(client, alice, ThreadsDeleteReq(params=ThreadDeleteParams(thread_id=thread_id))).status_code == 200
    gone = send(client, alice, ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=thread_id)))
    assert gone.status_code == 404


def test_one_conversation_model_for_both_doors(client, alice):
    phase3 = client.post(f"/api/{alice.id}/chat", json={"message": "Add a task to call mom"},
                         headers=alice.headers).json()
    thread_id = client.get(f"/api/conversations/{phase3['conversation_id']}",
                           headers=alice.headers).json()["thread_id"]
    items = items_of(client, alice, thread_id)
    assert [i["type"] for i in items] == ["user_message", "task", "assistant_message"]
    assert items[0]["content"][0]["text"] == "Add a task to call mom"
    assert items[1]["task"]["title"] == "add_task: success"  # Phase III tool calls show in ChatKit too
    # ...and the conversation continues as a ChatKit thread; the REST view sees the text and tool calls.
    stream(client, alice, ThreadsAddUserMessageReq(
        params=ThreadAddUserMessageParams(thread_id=thread_id, input=text_input("What's pending?"))))
    assert [i["type"] for i in items_of(client, alice, thread_id)][3:] == [
        "user_message", "task", "widget", "assistant_message"]
    detail = client.get(f"/api/conversations/{phase3['conversation_id']}", headers=alice.headers).json()
    assert [m["role"] for m in detail["messages"]] == ["user", "assistant", "user", "assistant"]
    assert [c["name"] for c in detail["messages"][2]["tool_calls"]] == ["list_tasks"]


def test_list_tasks_answers_with_a_widget_whose_buttons_change_tasks(client, alice, session):
    client.post(f"/api/{alice.id}/tasks", json={"title": "Buy milk"}, headers=alice.headers)
    client.post(f"/api/{alice.id}/tasks", json={"title": "Walk dog"}, headers=alice.headers)
    thread_id, events = new_thread(client, alice, "Show me all my tasks")
    widget = done_items(events, "widget")[0]
    assert "Buy milk" in widget.widget.model_dump_json()
    complete = ThreadsCustomActionReq(params=ThreadCustomActionParams(
        thread_id=thread_id, item_id=widget.id, action=Action(type="task.complete", payload={"task_id": 1})))
    replaced = [e for e in stream(client, alice, complete) if e.type == "thread.item.replaced"]
    assert replaced and replaced[0].item.id == widget.id
    assert '"Reopen"' in replaced[0].item.widget.model_dump_json()
    delete = complete.model_copy(update={"params": complete.params.model_copy(
        update={"action": Action(type="task.delete", payload={"task_id": 2})})})
    stream(client, alice, delete)
    session.expire_all()
    assert [(t.title, t.completed) for t in session.exec(select(Task)).all()] == [("Buy milk", True)]
    stored = items_of(client, alice, thread_id)[2]
    assert stored["type"] == "widget" and "Walk dog" not in str(stored["widget"])


def test_retry_after_item_reruns_a_failed_turn(client, alice, monkeypatch, session):
    model = ScriptedModel([{"error": RuntimeError("down")}, [assistant_message("Back online!")]])
    monkeypatch.setattr(turn, "get_model", lambda: model)
    thread_id, events = new_thread(client, alice, "hello?")
    errors = [e for e in events if e.type == "error"]
    assert len(errors) == 1 and errors[0].allow_retry
    user_item = done_items(events, "user_message")[0]
    retried = stream(client, alice, ThreadsRetryAfterItemReq(
        params=ThreadRetryAfterItemParams(thread_id=thread_id, item_id=user_item.id)))
    assert done_items(retried, "assistant_message")[0].content[0].text == "Back online!"
    session.expire_all()
    assert [m.role for m in session.exec(select(Message)).all()] == ["user", "assistant"]


def test_feedback_is_stored(client, alice, session):
    thread_id, events = new_thread(client, alice, "hello")
    answer = done_items(events, "assistant_message")[0]
    response = send(client, alice, ItemsFeedbackReq(
        params=ItemFeedbackParams(thread_id=thread_id, item_ids=[answer.id], kind="positive")))
    assert response.status_code == 200
    session.expire_all()
    assert session.exec(select(Message.feedback).where(Message.item_id == answer.id)).one() == "positive"


def test_attachment_upload_two_phase(client, alice, data_dir):
    created = send(client, alice, AttachmentsCreateReq(
        params=AttachmentCreateParams(name="list.png", size=4, mime_type="image/png")))
    assert created.status_code == 200
    attachment = created.json()
    upload = attachment["upload_descriptor"]
    response = client.put(upload["url"].replace("http://testserver", ""), content=b"\x89PNG",
                           headers=upload["headers"])
    assert response.status_code == 204
    assert (data_dir / "attachments" / str(alice.id) / attachment["id"]).read_bytes() == b"\x89PNG"
    preview = client.get(attachment["preview_url"].replace("http://testserver", ""))
    assert preview.status_code == 200 and preview.content == b"\x89PNG"
    forged = client.get(f"/api/chatkit/attachments/{attachment['id']}?sig=forged")
    assert forged.status_code == 404
    thread_id, events = new_thread(client, alice, "hello")
    with_file = ThreadAddUserMessageParams(thread_id=thread_id, input=UserMessageInput(
        content=[UserMessageTextContent(text="see attached")], attachments=[attachment["id"]],
        inference_options=InferenceOptions()))
    events = stream(client, alice, ThreadsAddUserMessageReq(params=with_file))
    assert done_items(events, "user_message")[0].attachments[0].name == "list.png"


@pytest.mark.parametrize(("name", "size", "mime", "message"), [
    ("big.png", 50 * 1024 * 1024, "image/png", "too large"),
    ("run.exe", 10, "application/x-msdownload", "not allowed"),
])
def test_attachment_limits(client, alice, name, size, mime, message):
    response = send(client, alice, AttachmentsCreateReq(
        params=AttachmentCreateParams(name=name, size=size, mime_type=mime)))
    assert response.status_code == 422 and message in response.json()["detail"]


def test_malformed_requests_are_400_with_a_message(client, alice):
    response = client.post("/api/chatkit", content=b'{"type": "threads.nope", "params": {}}',
                           headers=alice.headers)
    assert response.status_code == 400 and "Malformed ChatKit request" in response.json()["detail"]
    assert client.post("/api/chatkit", content=b"not json", headers=alice.headers).status_code == 400


def test_auth_with_access_token_or_client_secret(client, alice, bob):
    request = ThreadsListReq(params=ThreadListParams())
    assert client.post("/api/chatkit", content=request.model_dump_json()).status_code == 401
    secret = client.post("/api/chatkit/session", json={"user_id": alice.id}, headers=alice.headers).json()
    assert secret["expires_in"] == 3600
    response = client.post("/api/chatkit", content=request.model_dump_json(),
                           headers={"Authorization": f"Bearer {secret['client_secret']}"})
    assert response.status_code == 200
    assert client.post("/api/chatkit/session", json={"user_id": bob.id}, headers=alice.headers).status_code == 403
    # A client secret is for ChatKit only, not the rest of the API.
    assert client.get("/api/auth/me", headers={"Authorization": f"Bearer {secret['client_secret']}"}).status_code == 401


def test_the_seeds_chat_url_speaks_the_chatkit_protocol_too(client, alice, bob):
    url = f"/api/{alice.id}/chat"
    events = stream(client, alice, ThreadsCreateReq(params=ThreadCreateParams(input=text_input("hello"))), url)
    assert events[0].type == "thread.created"
    listed = send(client, alice, ThreadsListReq(params=ThreadListParams()), url)
    assert len(listed.json()["data"]) == 1
    assert send(client, bob, ThreadsListReq(params=ThreadListParams()), url).status_code == 403


CROSS_USER_REQUESTS = [
    lambda t, i: ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=t)),
    lambda t, i: ItemsListReq(params=ItemsListParams(thread_id=t)),
    lambda t, i: ThreadsUpdateReq(params=ThreadUpdateParams(thread_id=t, title="mine now")),
    lambda t, i: ThreadsDeleteReq(params=ThreadDeleteParams(thread_id=t)),
    lambda t, i: ThreadsAddUserMessageReq(params=ThreadAddUserMessageParams(thread_id=t, input=text_input("hi"))),
    lambda t, i: ThreadsRetryAfterItemReq(params=ThreadRetryAfterItemParams(thread_id=t, item_id=i)),
    lambda t, i: ThreadsCustomActionReq(params=ThreadCustomActionParams(
        thread_id=t, item_id=i, action=Action(type="task.delete", payload={"task_id": 1}))),
    lambda t, i: ItemsFeedbackReq(params=ItemFeedbackParams(thread_id=t, item_ids=[i], kind="negative")),
]


@pytest.mark.parametrize("make_request", CROSS_USER_REQUESTS)
def test_another_users_thread_is_404_for_every_request_type(client, alice, bob, make_request):
    thread_id, events = new_thread(client, alice, "Show me all my tasks")
    item_id = done_items(events, "user_message")[0].id
    response = send(client, bob, make_request(thread_id, item_id))
    assert response.status_code == 404
    still_there = send(client, alice, ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=thread_id)))
    assert Thread.model_validate_json(still_there.content).title != "mine now"
    assert [i["type"] for i in items_of(client, alice, thread_id)] == [
        "user_message", "task", "widget", "assistant_message"]


def test_expired_client_secret_is_refused_and_a_new_session_refreshes_it(client, alice):
    from datetime import timedelta

    from todo_chat.core.security import create_token

    expired = create_token(alice.id, "chatkit", lifetime=timedelta(seconds=-1))
    request = ThreadsListReq(params=ThreadListParams()).model_dump_json()
    refused = client.post("/api/chatkit", content=request, headers={"Authorization": f"Bearer {expired}"})
    assert refused.status_code == 401 and "expired" in refused.json()["detail"]
    # getClientSecret(existing) asks the session endpoint again with the user's token.
    fresh = client.post("/api/chatkit/session", json={}, headers=alice.headers).json()["client_secret"]
    ok = client.post("/api/chatkit", content=request, headers={"Authorization": f"Bearer {fresh}"})
    assert ok.status_code == 200
    from todo_chat.core.security import decode_token

    claims = decode_token(fresh, ("chatkit",))
    assert claims["sub"] == str(alice.id) and claims["exp"] - claims["iat"] == 3600 and claims["jti"]


def test_hosted_chatkit_session_through_the_openai_sdk(client, alice, monkeypatch):
    import json
    import time

    import httpx2 as httpx  # what the openai client is built on

    from todo_chat.api.chatkit import hosted
    from todo_chat.core import config

    seen = {}

    def openai_api(request: httpx.Request) -> httpx.Response:
        seen["url"], seen["body"] = str(request.url), json.loads(request.content)
        seen["auth"] = request.headers["authorization"]
        return httpx.Response(200, json={
            "id": "cksess_1", "object": "chatkit.session", "client_secret": "ek_hosted_secret",
            "expires_at": int(time.time()) + 600, "status": "active", "user": str(alice.id),
            "workflow": {"id": "wf_123", "version": None, "state_variables": None,
                         "tracing": {"enabled": True}},
            "chatkit_configuration": {"automatic_thread_titling": {"enabled": True},
                                      "file_upload": {"enabled": False, "max_file_size": None,
                                                      "max_files": None},
                                      "history": {"enabled": True, "recent_threads": None}},
            "rate_limits": {"max_requests_per_1_minute": 10}, "max_requests_per_1_minute": 10,
        })

    monkeypatch.setattr(hosted, "http_transport", httpx.MockTransport(openai_api))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("CHATKIT_WORKFLOW_ID", "wf_123")
    config.get_settings.cache_clear()
    try:
        body = client.post("/api/chatkit/session", json={"user_id": alice.id}, headers=alice.headers).json()
    finally:
        monkeypatch.delenv("OPENAI_API_KEY")
        monkeypatch.delenv("CHATKIT_WORKFLOW_ID")
        config.get_settings.cache_clear()
    assert body["client_secret"] == "ek_hosted_secret" and 590 <= body["expires_in"] <= 600
    assert seen["url"].endswith("/chatkit/sessions") and seen["auth"] == "Bearer sk-test"
    assert seen["body"] == {"user": str(alice.id), "workflow": {"id": "wf_123"}}


def test_the_message_limit_holds_for_chatkit_too(client, alice, session):
    """One limit for every door: a message over it is refused before ChatKit saves anything."""
    from todo_chat.models import Conversation
    from todo_chat.services.conversations import MESSAGE_MAX

    too_long = text_input("x" * (MESSAGE_MAX + 1))
    response = send(client, alice, ThreadsCreateReq(params=ThreadCreateParams(input=too_long)))
    assert response.status_code == 422 and str(MESSAGE_MAX) in response.json()["detail"]
    assert session.exec(select(Conversation)).all() == [] and session.exec(select(Message)).all() == []
    phase3 = client.post(f"/api/{alice.id}/chat", json={"message": "x" * (MESSAGE_MAX + 1)}, headers=alice.headers)
    assert phase3.status_code == 422
