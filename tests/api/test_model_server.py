"""Every door against a real HTTP model server (tests/fake_openai.py) speaking the wire format of
OpenAI-compatible servers: streamed text and tool-call chunks, empty streams, 400s and 500s."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from tests.api.test_chat import parse_sse, tasks_in_db
from tests.fake_openai import (
    empty,
    server_error,
    text,
    tool_call,
)
from todo_chat.models import Message, ToolCall


def post(client, account, **body):
    return client.post(f"/api/{account.id}/chat", json=body, headers=account.headers)


def messages_in_db(session, conversation_id=None):
    session.expire_all()
    query = select(Message)
    if conversation_id is not None:
        query = query.where(Message.conversation_id == conversation_id)
    return [(m.role.value, m.content) for m in session.exec(query.order_by(Message.id)).all()]


def chat_ok(client, account, message, conversation_id=None):
    body = {"message": message, **({"conversation_id": conversation_id} if conversation_id else {})}
    response = post(client, account, **body)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_plain_text_turn_over_json(client, alice, session, fake_openai):
    fake_openai.script(text("Hello! How can I help with your tasks?"))
    response = post(client, alice, message="hi")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["response"] == "Hello! How can I help with your tasks?" and body["tool_calls"] == []
    request = fake_openai.requests[0]
    # A JSON answer is sent once, whole: the door asks the server for a plain (unstreamed) reply.
    assert "stream" not in request and request["model"] == "fake-model"
    assert request["max_tokens"] == 1024
    assert [m["role"] for m in request["messages"]] == ["system", "user"]
    assert request["messages"][-1]["content"] == "hi"
    assert {t["function"]["name"] for t in request["tools"]} >= {"add_task", "list_tasks"}
    assert messages_in_db(session) == [("user", "hi"), ("assistant", body["response"])]


def test_a_streamed_tool_call_then_an_answer(client, alice, session, fake_openai):
    fake_openai.script(tool_call("add_task", {"title": "Buy milk", "priority": "high"}, call_id="call_a"),
                       text("Added **Buy milk**."))
    body = post(client, alice, message="add buy milk, high priority").json()
    assert body["response"] == "Added **Buy milk**."
    [call] = body["tool_calls"]
    assert call["name"] == "add_task" and call["status"] == "success" and call["call_id"] == "call_a"
    assert call["arguments"] == {"title": "Buy milk", "priority": "high"}
    assert call["result"]["status"] == "created"
    [task] = tasks_in_db(session, alice).values()
    assert (task.title, task.priority.value) == ("Buy milk", "high")
    # The second request carries the call and its output, as chat completions want them.
    second = fake_openai.messages(1)
    assert second[-2]["role"] == "assistant" and second[-2]["tool_calls"][0]["id"] == "call_a"
    assert second[-2]["tool_calls"][0]["function"]["name"] == "add_task"
    assert json.loads(second[-2]["tool_calls"][0]["function"]["arguments"])["title"] == "Buy milk"
    assert second[-1]["role"] == "tool" and second[-1]["tool_call_id"] == "call_a"
    assert json.loads(second[-1]["content"])["task_id"] == task.id


def test_sse_streams_the_servers_chunks(client, alice, fake_openai):
    fake_openai.script(tool_call("list_tasks", {"status": "all"}), text("You have no tasks yet.", pieces=5))
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "show my tasks"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        events = parse_sse(response.iter_lines())
    names = [name for name, _ in events]
    assert names[0] == "start" and names[-1] == "done"
    assert names.index("tool_call_started") < names.index("tool_call_finished") < names.index("delta")
    assert names.count("delta") == 5
    assert "".join(d["delta"] for n, d in events if n == "delta") == events[-1][1]["response"]


@pytest.mark.parametrize("bare", [False, True])
def test_an_empty_stream_is_a_failed_retryable_turn_and_a_retry_answers(client, alice, session, fake_openai,
                                                                         bare):
    fake_openai.script(empty(bare))
    failed = post(client, alice, message="hello?")
    assert failed.status_code == 502
    body = failed.json()
    assert body["retryable"] is True and "empty answer" in body["detail"]
    assert messages_in_db(session) == [("user", "hello?")]  # no empty assistant message
    fake_openai.script(text("Hi, sorry about that."))
    retried = post(client, alice, conversation_id=body["conversation_id"], retry=True)
    assert retried.status_code == 200 and retried.json()["response"] == "Hi, sorry about that."
    assert messages_in_db(session) == [("user", "hello?"), ("assistant", "Hi, sorry about that.")]
    # The retry sent the saved message once, not twice.
    assert [m["content"] for m in fake_openai.messages() if m["role"] == "user"] == ["hello?"]


def test_an_empty_stream_over_sse_is_an_error_event(client, alice, fake_openai):
    fake_openai.script(empty())
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "hello?"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        events = parse_sse(response.iter_lines())
    assert [n for n, _ in events] == ["start", "error"] and events[1][1]["retryable"] is True


async def test_the_fake_server_answers_requests_without_stream_too(data_dir, fake_openai):
    """The SDK's non-streamed path (`Runner.run`) reads the same server."""
    from agents import Runner

    from todo_chat.agent.assistant import build_agent
    from todo_chat.agent.providers import get_model

    fake_openai.script(text("Plain JSON answer."))
    result = await Runner.run(build_agent(get_model(), max_tokens=64), "hi")
    assert result.final_output == "Plain JSON answer."
    assert "stream" not in fake_openai.requests[0] and fake_openai.requests[0]["max_tokens"] == 64


def test_a_server_error_is_a_clean_502(client, alice, session, fake_openai):
    fake_openai.script(server_error("CUDA error: out of memory"))
    failed = post(client, alice, message="hi")
    assert failed.status_code == 502
    body = failed.json()
    assert body["retryable"] is True and "model server had an error" in body["detail"]
    assert "CUDA" not in body["detail"]
    assert messages_in_db(session) == [("user", "hi")]


# --- exactly-once tool effects across a retry ------------------------------------------------

def _crash_after_add_task(client, alice, fake_openai):
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_rent"),
                       server_error())
    failed = post(client, alice, message="add pay rent")
    assert failed.status_code == 502
    body = failed.json()
    # The 502 says which calls already changed data.
    assert [(c["name"], c["status"], c["call_id"]) for c in body["tool_calls"]] == \
        [("add_task", "success", "call_rent")]
    return body


def test_a_turn_that_crashed_after_add_task_adds_the_task_once_on_retry(client, alice, session, fake_openai):
    failed = _crash_after_add_task(client, alice, fake_openai)
    fake_openai.script(text("Added Pay rent."))
    retried = post(client, alice, conversation_id=failed["conversation_id"], retry=True)
    assert retried.status_code == 200, retried.text
    assert retried.json()["response"] == "Added Pay rent."
    # The retry told the model what already happened: the call and its saved output.
    sent = fake_openai.messages()
    call_message = next(m for m in sent if m.get("tool_calls"))
    assert call_message["tool_calls"][0]["id"] == "call_rent"
    assert json.loads(call_message["tool_calls"][0]["function"]["arguments"]) == {"title": "Pay rent"}
    output = next(m for m in sent if m["role"] == "tool")
    assert output["tool_call_id"] == "call_rent" and json.loads(output["content"])["status"] == "created"
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]
    session.expire_all()
    assert len(session.exec(select(ToolCall)).all()) == 1


def test_a_retry_whose_model_repeats_the_call_reuses_the_saved_result(client, alice, session, fake_openai):
    failed = _crash_after_add_task(client, alice, fake_openai)
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_again"), text("Added."))
    retried = post(client, alice, conversation_id=failed["conversation_id"], retry=True).json()
    assert retried["response"] == "Added."
    again = next(c for c in retried["tool_calls"] if c["call_id"] == "call_again")
    assert again["status"] == "success" and again["result"]["status"] == "created"
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]
    assert messages_in_db(session)[-1] == ("assistant", "Added.")


def test_sse_error_event_lists_the_calls_that_ran(client, alice, fake_openai):
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_rent"), empty())
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "add pay rent"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        events = parse_sse(response.iter_lines())
    error = events[-1]
    assert error[0] == "error" and error[1]["retryable"] is True
    assert [c["call_id"] for c in error[1]["tool_calls"]] == ["call_rent"]


# --- tool arguments as real models send them -------------------------------------------------

def test_lenient_add_task_arguments(client, alice, session, fake_openai):
    fake_openai.script(
        tool_call("add_task", {"title": "Buy milk", "description": "", "priority": "High", "due_date": ""},
                  call_id="c1"),
        tool_call("add_task", {"title": "Dentist", "priority": " LOW ", "due_date": "2026-12-04T09:30:00Z"},
                  call_id="c2"),
        tool_call("add_task", {"title": "Taxes", "priority": None, "due_date": "2027-04-15"}, call_id="c3"),
        tool_call("add_task", {"title": "Gym", "priority": "null", "due_date": "null"}, call_id="c4"),
        text("Added four tasks."))
    body = chat_ok(client, alice, "add four tasks")
    assert [c["status"] for c in body["tool_calls"]] == ["success"] * 4
    found = {t.title: t for t in tasks_in_db(session, alice).values()}
    assert found["Buy milk"].priority.value == "high" and found["Buy milk"].due_at is None
    assert found["Dentist"].priority.value == "low" and found["Dentist"].due_at.isoformat().startswith(
        "2026-12-04T09:30")
    assert found["Taxes"].priority.value == "medium" and found["Taxes"].all_day is True
    assert found["Gym"].priority.value == "medium" and found["Gym"].due_at is None


def test_a_task_id_sent_as_a_string(client, alice, session, fake_openai):
    client.post(f"/api/{alice.id}/tasks", json={"title": "One"}, headers=alice.headers)
    task_id = next(iter(tasks_in_db(session, alice)))
    fake_openai.script(tool_call("complete_task", {"task_id": str(task_id)}), text("Done."))
    body = chat_ok(client, alice, f"complete task {task_id}")
    assert body["tool_calls"][0]["status"] == "success"
    assert tasks_in_db(session, alice)[task_id].completed is True


def test_arguments_that_do_not_fit_are_a_clear_tool_error_and_the_turn_goes_on(client, alice, session,
                                                                              fake_openai):
    fake_openai.script(
        tool_call("complete_task", {"task_id": "the first one"}, call_id="c1"),
        tool_call("add_task", {"title": "Call mom", "priority": "urgent"}, call_id="c2"),
        tool_call("add_task", '{"title": "Call mom", ', call_id="c3"),
        tool_call("add_task", {"title": "Call mom", "due_date": "next friday"}, call_id="c4"),
        text("I could not do that."))
    body = chat_ok(client, alice, "do things")
    assert body["response"] == "I could not do that."
    results = {c["call_id"]: c for c in body["tool_calls"]}
    assert all(c["status"] == "error" for c in results.values())
    assert "task_id" in results["c1"]["result"]["error"] and "integer" in results["c1"]["result"]["error"]
    assert "priority" in results["c2"]["result"]["error"] and "'high'" in results["c2"]["result"]["error"]
    assert "not valid JSON" in results["c3"]["result"]["error"]
    assert "Dates go as YYYY-MM-DD" in results["c4"]["result"]["error"]
    # The model read the same errors.
    outputs = [json.loads(m["content"]) for m in fake_openai.messages() if m["role"] == "tool"]
    assert [o["error"] for o in outputs] == [results[c]["result"]["error"] for c in ("c1", "c2", "c3", "c4")]
    assert tasks_in_db(session, alice) == {}


# --- tracing only when asked for -------------------------------------------------------------

class RecordedTraces:
    def __init__(self):
        self.traces, self.spans = [], []

    def on_trace_start(self, trace):
        self.traces.append(trace.name)

    def on_trace_end(self, trace):
        pass

    def on_span_start(self, span):
        self.spans.append(span)

    def on_span_end(self, span):
        pass

    def shutdown(self):
        pass

    def force_flush(self):
        pass


@pytest.fixture
def recorded_traces():
    """Stands in for the SDK's exporter (which uploads to OpenAI) while a test runs."""
    from agents.tracing import set_trace_processors
    from agents.tracing.processors import default_processor

    recorder = RecordedTraces()
    set_trace_processors([recorder])
    yield recorder
    set_trace_processors([default_processor()])


def test_an_api_key_with_a_base_url_uploads_no_traces(client, alice, fake_openai, recorded_traces):
    from agents.tracing import get_trace_provider

    fake_openai.script(tool_call("list_tasks", {"status": "all"}), text("Nothing yet."))
    chat_ok(client, alice, "my tasks?")
    assert recorded_traces.traces == [] and recorded_traces.spans == []
    assert get_trace_provider().create_trace("probe").export() is None  # a no-op trace


def test_openai_tracing_1_turns_tracing_on(client, alice, fake_openai, recorded_traces, monkeypatch):
    from todo_chat.core import config

    monkeypatch.setenv("OPENAI_TRACING", "1")
    config.get_settings.cache_clear()
    fake_openai.script(text("Hi."))
    chat_ok(client, alice, "hi")
    assert recorded_traces.traces == ["todo-chat turn"] and recorded_traces.spans
    monkeypatch.delenv("OPENAI_TRACING")
    config.get_settings.cache_clear()
    fake_openai.script(text("Hi again."))
    chat_ok(client, alice, "hi")
    assert recorded_traces.traces == ["todo-chat turn"]  # off again


# --- the ChatKit door ------------------------------------------------------------------------

@pytest.fixture
def chatkit(fake_openai):
    from todo_chat.api.chatkit.endpoint import chatkit_server

    chatkit_server.cache_clear()
    yield
    chatkit_server.cache_clear()


def test_chatkit_turn_with_a_streamed_tool_call(client, alice, session, fake_openai, chatkit):
    from tests.api.test_chatkit import done_items, new_thread

    fake_openai.script(tool_call("add_task", {"title": "Walk dog"}, call_id="call_dog"),
                       text("Added Walk dog."))
    _, events = new_thread(client, alice, "add walk dog")
    assert [i.task.title for i in done_items(events, "task")] == ["add_task: success"]
    assert done_items(events, "assistant_message")[0].content[0].text == "Added Walk dog."
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Walk dog"]


def test_chatkit_empty_answer_is_a_retryable_error_event(client, alice, session, fake_openai, chatkit):
    from chatkit.types import ThreadRetryAfterItemParams, ThreadsRetryAfterItemReq

    from tests.api.test_chatkit import done_items, new_thread, stream

    fake_openai.script(empty())
    thread_id, events = new_thread(client, alice, "hello?")
    errors = [e for e in events if e.type == "error"]
    assert len(errors) == 1 and errors[0].allow_retry and "empty answer" in errors[0].message
    assert done_items(events, "assistant_message") == []
    fake_openai.script(text("Hello!"))
    user_item = done_items(events, "user_message")[0]
    retried = stream(client, alice, ThreadsRetryAfterItemReq(
        params=ThreadRetryAfterItemParams(thread_id=thread_id, item_id=user_item.id)))
    assert done_items(retried, "assistant_message")[0].content[0].text == "Hello!"
    assert messages_in_db(session) == [("user", "hello?"), ("assistant", "Hello!")]


def test_a_passing_server_error_is_retried_by_the_client_when_allowed(client, alice, fake_openai, monkeypatch):
    from todo_chat.agent import providers
    from todo_chat.core import config

    monkeypatch.setenv("OPENAI_MAX_RETRIES", "1")
    config.get_settings.cache_clear()
    providers._client.cache_clear()
    providers._remote_model.cache_clear()
    busy = server_error("busy, try again", status=503)
    busy.headers["retry-after-ms"] = "10"  # OpenAI's header; the client waits that long
    fake_openai.script(busy, text("Back."))
    assert chat_ok(client, alice, "hi")["response"] == "Back." and len(fake_openai.requests) == 2
