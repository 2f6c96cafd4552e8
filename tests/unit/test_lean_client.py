"""The lean chat-completions client sends what the plain SDK client sends, without its transform."""

from __future__ import annotations

import asyncio
import json

import httpx2
import pytest
from openai import AsyncOpenAI, omit
from openai.resources.chat.completions import completions as completions_module

from todo_chat.agent.lean_client import LeanAsyncOpenAI
from todo_chat.agent.providers import _client

ANSWER = {"id": "c1", "object": "chat.completion", "created": 0, "model": "m", "choices": [
    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hi"}}]}
REQUEST = {
    "model": "m", "max_tokens": 64, "temperature": omit, "tool_choice": "auto", "parallel_tool_calls": omit,
    "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "add milk"},
                 {"role": "assistant", "content": None, "tool_calls": [
                     {"id": "call_1", "type": "function", "function": {"name": "add_task", "arguments": "{}"}}]},
                 {"role": "tool", "tool_call_id": "call_1", "content": "{\"ok\": true}"}],
    "tools": [{"type": "function", "function": {"name": "add_task", "description": "Add a task.", "parameters": {
        "type": "object", "properties": {"title": {"type": "string"}, "tags": {"type": "array", "items": {
            "type": "string"}}}, "required": ["title"], "additionalProperties": False}, "strict": False}}],
}


def _sent(client_class: type[AsyncOpenAI]) -> tuple[dict, str]:
    seen: list[dict] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(json.loads(request.content))
        return httpx2.Response(200, json=ANSWER)

    client = client_class(base_url="http://model.test/v1", api_key="k",
                          http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)))
    answer = asyncio.run(client.chat.completions.create(**REQUEST, extra_headers={"X-Test": "1"}))
    return seen[0], answer.choices[0].message.content


def test_the_lean_client_sends_the_same_body_and_parses_the_same_answer():
    assert _sent(LeanAsyncOpenAI) == _sent(AsyncOpenAI)
    body, _ = _sent(LeanAsyncOpenAI)
    assert "temperature" not in body and "parallel_tool_calls" not in body  # omitted: not sent


def test_the_lean_client_skips_the_request_transform(monkeypatch):
    async def no_transform(*_args, **_kwargs):
        raise AssertionError("the request transform ran")

    monkeypatch.setattr(completions_module, "async_maybe_transform", no_transform)
    assert _sent(LeanAsyncOpenAI)[1] == "Hi"
    with pytest.raises(AssertionError, match="transform ran"):
        _sent(AsyncOpenAI)


def test_an_openai_compatible_server_gets_the_lean_client():
    assert isinstance(_client("http://127.0.0.1:1/v1", "k"), LeanAsyncOpenAI)
    assert type(_client("", "k")) is AsyncOpenAI  # OpenAI's Responses API: the SDK's own client
