"""The context window against a real HTTP model server (tests/fake_openai.py): history that fits
a token budget, huge tool results cut for the model, and "context size exceeded" answers
recovered with less history (tools that ran are replayed, not run again)."""

from __future__ import annotations

import json

from tests.api.test_chat import parse_sse, tasks_in_db
from tests.api.test_model_server import chat_ok, messages_in_db, post
from tests.fake_openai import (
    context_overflow,
    text,
    tool_call,
)


def request_bytes(request) -> int:
    return sum(len((m.get("content") or "").encode()) for m in request["messages"])


def test_a_huge_reply_is_kept_in_the_database_but_cut_for_the_model(client, alice, session, fake_openai):
    huge = "START of the long reply. " + "lorem ipsum dolor sit amet " * 4000 + "END of the long reply."
    fake_openai.script(text("Sure."), text(huge, pieces=50), text("Fine."))
    first = chat_ok(client, alice, "hello")
    chat_ok(client, alice, "tell me everything", first["conversation_id"])
    chat_ok(client, alice, "and now?", first["conversation_id"])
    # Never deleted: the database has every message whole.
    assert ("assistant", huge) in messages_in_db(session)
    request = fake_openai.requests[2]
    # The whole request fits an 8192-token window less the 1024 reserved for the reply
    # (3 bytes a token is the runner's own, cautious estimate).
    total = len(json.dumps(request["messages"]).encode()) + len(json.dumps(request["tools"]).encode())
    assert total <= (8192 - 1024) * 3
    assert request["max_tokens"] == 1024
    contents = [m["content"] for m in request["messages"][1:]]
    assert contents[:2] == ["hello", "Sure."] and contents[-2:-1] != [huge] and contents[-1] == "and now?"
    cut = contents[-2]
    assert cut.startswith("START of the long reply.") and cut.endswith("END of the long reply.")
    assert "characters left out" in cut


def test_history_keeps_the_newest_turns_that_fit(client, alice, fake_openai, monkeypatch):
    from todo_chat.core import config

    monkeypatch.setenv("MODEL_CONTEXT_TOKENS", "6000")
    config.get_settings.cache_clear()
    conversation = None
    for n in range(12):
        fake_openai.script(text(f"reply {n}: " + "x" * 600))
        conversation = chat_ok(client, alice, f"message {n}: " + "y" * 600, conversation)["conversation_id"]
    fake_openai.script(text("ok"))
    chat_ok(client, alice, "last", conversation)
    sent = fake_openai.messages()
    assert sent[0]["role"] == "system" and sent[1]["role"] == "user"  # whole turns, a user first
    assert sent[-1]["content"] == "last" and sent[-2]["content"].startswith("reply 11:")
    assert 4 <= len(sent) - 2 < 24  # some history, not all of it
    tools = fake_openai.requests[-1]["tools"]
    assert len(json.dumps(sent).encode()) + len(json.dumps(tools)) <= (6000 - 1024) * 3


def test_a_context_overflow_400_is_recovered_with_less_history(client, alice, session, fake_openai):
    fake_openai.script(text("one"), text("two"))
    conversation = chat_ok(client, alice, "first")["conversation_id"]
    chat_ok(client, alice, "second", conversation)
    fake_openai.script(context_overflow(), context_overflow(flavour="openai"), text("three"))
    answer = chat_ok(client, alice, "third", conversation)
    assert answer["response"] == "three"
    sizes = [len(r["messages"]) for r in fake_openai.requests[2:]]
    assert sizes[0] == 6 and sizes[0] > sizes[1] >= sizes[2]
    assert fake_openai.messages()[-1]["content"] == "third"
    assert messages_in_db(session)[-1] == ("assistant", "three")


def test_an_overflow_after_a_tool_ran_retries_without_running_it_again(client, alice, session, fake_openai):
    fake_openai.script(text("one"), text("two"))
    conversation = chat_ok(client, alice, "first")["conversation_id"]
    chat_ok(client, alice, "second", conversation)
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_rent"), context_overflow(),
                       text("Added Pay rent."))
    answer = chat_ok(client, alice, "add pay rent", conversation)
    assert answer["response"] == "Added Pay rent."
    assert [(c["name"], c["status"]) for c in answer["tool_calls"]] == [("add_task", "success")]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]
    refused, last = fake_openai.requests[3], fake_openai.requests[4]
    assert len(last["messages"]) < len(refused["messages"])
    # Replayed under our own id for the call (the one it was saved with).
    saved_id = answer["tool_calls"][0]["call_id"]
    assert [m.get("tool_call_id") for m in last["messages"] if m["role"] == "tool"] == [saved_id]


def test_an_overflow_after_text_was_shown_fails_clearly_and_the_retry_sends_less(client, alice, session,
                                                                                fake_openai):
    fake_openai.script(text("one"), text("two"))
    conversation = chat_ok(client, alice, "first")["conversation_id"]
    chat_ok(client, alice, "second", conversation)
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_rent", content="On it. "),
                       context_overflow())
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "add pay rent",
                                                                 "conversation_id": conversation},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        events = parse_sse(response.iter_lines())
    assert ("delta", {"type": "delta", "delta": "On it. "}) in events
    name, body = events[-1]
    assert name == "error" and body["retryable"] is True
    assert "too long for the model's context window" in body["message"]
    assert [c["name"] for c in body["tool_calls"]] == ["add_task"]
    fake_openai.script(context_overflow(), text("Added Pay rent."))
    retried = post(client, alice, conversation_id=conversation, retry=True)
    assert retried.status_code == 200 and retried.json()["response"] == "Added Pay rent."
    assert len(fake_openai.messages()) < len(fake_openai.messages(-2))
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]


def test_over_json_text_before_an_overflow_was_never_shown_so_the_turn_retries_with_less(
        client, alice, session, fake_openai):
    fake_openai.script(text("one"), text("two"))
    conversation = chat_ok(client, alice, "first")["conversation_id"]
    chat_ok(client, alice, "second", conversation)
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}, call_id="call_rent", content="On it. "),
                       context_overflow(), text("Added Pay rent."))
    answer = chat_ok(client, alice, "add pay rent", conversation)
    assert answer["response"] == "Added Pay rent."
    assert [(c["name"], c["status"]) for c in answer["tool_calls"]] == [("add_task", "success")]
    assert [t.title for t in tasks_in_db(session, alice).values()] == ["Pay rent"]


def test_a_server_whose_window_is_smaller_than_configured_still_answers(client, alice, fake_openai):
    """MODEL_CONTEXT_TOKENS says 8192, the server was started with 6144 and counts tokens less
    kindly than our estimate (2.5 bytes a token): every turn still gets an answer, with history.
    (6144, not 4096: the tools' schemas alone take about 2,700 of its tokens.)"""
    def small_server(request):
        prompt = (len(json.dumps(request["messages"])) + len(json.dumps(request["tools"]))) * 2 // 5
        return context_overflow(prompt, 6144) if prompt > 6144 else text("fits")

    fake_openai.answer_all_with(small_server)
    conversation = None
    for n in range(12):
        conversation = chat_ok(client, alice, f"message {n} " + "z" * 600, conversation)["conversation_id"]
    last = fake_openai.requests[-1]
    assert last["messages"][-1]["content"].startswith("message 11") and len(last["messages"]) > 4
    assert len(fake_openai.requests) <= 2 * 12  # at most one refused request per turn


def test_a_message_that_never_fits_fails_clearly(client, alice, session, fake_openai):
    fake_openai.script(context_overflow(flavour="llama.cpp-old"))
    failed = post(client, alice, message="hi")
    assert failed.status_code == 502
    body = failed.json()
    assert body["retryable"] is True and "context window" in body["detail"]
    assert "shorten it or start a new chat" in body["detail"]
    assert len(fake_openai.requests) == 1  # no history to leave out: nothing else to try
    assert messages_in_db(session) == [("user", "hi")]
