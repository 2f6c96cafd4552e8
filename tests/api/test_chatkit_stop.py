"""A ChatKit stream cancelled mid-answer (the client hangs up): the one cancel policy
(`agent.stop`) through the ChatKit door. What was shown is saved once, under the reply id the
stream announced, marked stopped; no tool runs after the stop.

The app runs under a real uvicorn server in this process, and the client really closes its
connection: uvicorn tells the app `http.disconnect`, as it does in production.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import uvicorn
from chatkit.types import ThreadCreateParams, ThreadsCreateReq
from sqlmodel import col, select

from tests import fake_openai as fake_server
from tests.api.test_chatkit import items_of, text_input
from tests.fake_openai import text, tool_call
from tests.servers import free_port
from todo_chat.agent.stop import STOPPED_MARK, ReplyStatus, is_stopped
from todo_chat.api.chatkit.endpoint import chatkit_server
from todo_chat.models import ItemRole, Message, Task

fake_openai = fake_server.fake_openai  # the fixture, visible to this module


@pytest.fixture(autouse=True)
def fresh_server():
    chatkit_server.cache_clear()  # its model is read from the settings the fake server set
    yield
    chatkit_server.cache_clear()


def slow(reply: fake_server.Reply) -> fake_server.Reply:
    return dataclasses.replace(reply, pace_s=0.1)


@asynccontextmanager
async def served(client) -> AsyncIterator[str]:
    """The test client's app behind uvicorn on a free loopback port, in this event loop."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(client.app, host="127.0.0.1", port=port, lifespan="off",
                                           log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def hang_up_after_first_delta(base: str, account, message: str) -> tuple[str, str, str]:
    """Start a new thread and close the connection once the answer's first text has arrived.
    Returns (thread id, announced reply id, the text shown)."""
    request = ThreadsCreateReq(params=ThreadCreateParams(input=text_input(message)))
    thread_id = reply_id = shown = ""
    async with httpx.AsyncClient(timeout=30) as http, http.stream(
            "POST", base + "/api/chatkit", content=request.model_dump_json(),
            headers={**account.headers, "content-type": "application/json"}) as response:
        assert response.status_code == 200
        async for line in response.aiter_lines():
            if not line.startswith("data: "):
                continue
            event = json.loads(line[len("data: "):])
            if event["type"] == "thread.created":
                thread_id = event["thread"]["id"]
            elif event["type"] == "thread.item.added" and event["item"]["type"] == "assistant_message":
                reply_id = event["item"]["id"]
            elif event["type"] == "thread.item.updated" and event["update"]["type"].endswith("text_delta"):
                shown += event["update"]["delta"]
                break  # the person hangs up: the connection closes with the answer half-way
    assert thread_id and reply_id and shown
    return thread_id, reply_id, shown


async def stopped_replies(session, timeout: float = 10) -> list[Message]:
    """The assistant messages, once one is saved (the runner saves it as the request unwinds)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        session.expire_all()
        saved = list(session.exec(select(Message).where(Message.role == ItemRole.assistant)
                                  .order_by(col(Message.id))).all())
        if saved or asyncio.get_running_loop().time() > deadline:
            return saved
        await asyncio.sleep(0.05)


async def test_a_cancelled_chatkit_stream_saves_what_was_shown_once_marked_stopped(
        client, alice, session, fake_openai):
    fake_openai.script(slow(text("Here is a long answer that goes on and on and on", pieces=10)))
    async with served(client) as base:
        thread_id, reply_id, shown = await hang_up_after_first_delta(base, alice, "tell me a story")
        [saved] = await stopped_replies(session)
        await asyncio.sleep(1.5)  # the rest of the answer would have streamed by now
    session.expire_all()
    assert session.exec(select(Message).where(Message.role == ItemRole.assistant)).all() == [saved]
    assert saved.item_id == reply_id and is_stopped(saved) and saved.payload == {"status": ReplyStatus.stopped}
    assert saved.content.startswith(shown.strip()) and saved.content.endswith(STOPPED_MARK)
    assert "on and on and on" not in saved.content  # only (about) what was shown
    # Reloaded through the ChatKit door: the stopped reply once, under the announced id.
    answers = [item for item in items_of(client, alice, thread_id) if item["type"] == "assistant_message"]
    assert [(a["id"], a["content"][0]["text"]) for a in answers] == [(reply_id, saved.content)]


async def test_no_tool_runs_after_a_chatkit_stream_is_cancelled(client, alice, session, fake_openai):
    fake_openai.script(slow(tool_call("add_task", {"title": "Never added"}, content="On it, adding now. ")),
                       text("Added."))
    async with served(client) as base:
        await hang_up_after_first_delta(base, alice, "add never added")
        [saved] = await stopped_replies(session)
        await asyncio.sleep(1.5)  # the tool call would have arrived and run by now
    session.expire_all()
    assert session.exec(select(Task)).all() == []
    assert is_stopped(saved) and saved.content.startswith("On")
    assert len(fake_openai.requests) == 1  # the model was never asked again after a tool result
