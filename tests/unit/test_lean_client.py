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


def _bytes_sent(client_class: type[AsyncOpenAI], requests: list[dict]) -> list[bytes]:
    seen: list[bytes] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request.content)
        return httpx2.Response(200, json=ANSWER)

    client = client_class(base_url="http://model.test/v1", api_key="k",
                          http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)))

    async def send() -> None:
        for request in requests:
            await client.chat.completions.create(**request)

    asyncio.run(send())
    return seen


def test_the_body_is_byte_for_byte_the_sdks_encoding_with_the_tool_schemas_reused_while_equal(monkeypatch):
    other_tools = [{**REQUEST["tools"][0], "function": {**REQUEST["tools"][0]["function"], "name": "add_note"}}]
    tools_first = {"tools": REQUEST["tools"], **{k: v for k, v in REQUEST.items() if k != "tools"}}
    no_tools = {k: v for k, v in REQUEST.items() if k != "tools"}
    requests = [REQUEST, {**REQUEST, "messages": REQUEST["messages"][:2]}, {**REQUEST, "tools": other_tools},
                tools_first, no_tools, {**REQUEST, "stream": False, "max_tokens": 9}]
    # With `extra_body` the dict goes to the SDK, which encodes it itself (`openapi_dumps`).
    sdk_encoded = _bytes_sent(LeanAsyncOpenAI, [{**request, "extra_body": {}} for request in requests])
    assert _bytes_sent(LeanAsyncOpenAI, requests) == sdk_encoded
    plain_sdk = _bytes_sent(AsyncOpenAI, requests)
    assert [json.loads(sent) for sent in sdk_encoded] == [json.loads(sent) for sent in plain_sdk]

    from todo_chat.agent import lean_client

    encoded: list[object] = []
    dumps = lean_client.openapi_dumps
    monkeypatch.setattr(lean_client, "openapi_dumps", lambda value: encoded.append(value) or dumps(value))
    _bytes_sent(LeanAsyncOpenAI, [REQUEST, {**REQUEST, "messages": REQUEST["messages"][:2]}])
    assert sum(value == REQUEST["tools"] for value in encoded) == 1  # the second request reused them


def test_the_url_is_merged_once_per_path_as_the_sdk_does_and_a_new_base_url_is_honoured(monkeypatch):
    merged: list[str] = []
    sdk_merge = AsyncOpenAI._prepare_url
    monkeypatch.setattr(AsyncOpenAI, "_prepare_url", lambda self, url: merged.append(url) or sdk_merge(self, url))
    client = LeanAsyncOpenAI(base_url="http://model.test/v1", api_key="k")
    plain = AsyncOpenAI(base_url="http://model.test/v1", api_key="k")
    assert client._prepare_url("/chat/completions") == plain._prepare_url("/chat/completions")
    assert client._prepare_url("/chat/completions") == plain._prepare_url("/chat/completions")
    assert merged.count("/chat/completions") == 3  # the lean client's once, the SDK's twice
    client.base_url = "http://other.test:8080/api/"
    assert str(client._prepare_url("/chat/completions")) == "http://other.test:8080/api/chat/completions"


CALL_ANSWER = {"id": "c2", "object": "chat.completion", "created": 1, "model": "m", "choices": [
    {"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "add_task", "arguments": "{\"title\": \"x\"}"}}]}}],
    "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}, "system_fingerprint": "local"}
# What a local server may send: no `created`, an unknown finish reason; the SDK takes it as it is.
OFF_SCHEMA = {"id": "c3", "object": "chat.completion", "model": "m", "choices": [
    {"index": 0, "finish_reason": "eos", "message": {"role": "assistant", "content": "Done."}}]}


def _answer(client_class: type[AsyncOpenAI], answer: dict, stream: bool = False) -> list:
    def handler(request: httpx2.Request) -> httpx2.Response:
        if not stream:
            return httpx2.Response(200, json=answer)
        delta = dict(answer["choices"][0]["message"])
        if delta.get("tool_calls"):
            delta["tool_calls"] = [{**call, "index": n} for n, call in enumerate(delta["tool_calls"])]
        chunk = {**answer, "object": "chat.completion.chunk", "choices": [
            {"index": 0, "delta": delta, "finish_reason": None}]}
        body = f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode()
        return httpx2.Response(200, content=body, headers={"content-type": "text/event-stream"})

    client = client_class(base_url="http://model.test/v1", api_key="k",
                          http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)))

    async def ask() -> list:
        result = await client.chat.completions.create(**REQUEST, stream=stream)
        return [chunk async for chunk in result] if stream else [result]

    return asyncio.run(ask())


@pytest.mark.parametrize("answer", [ANSWER, CALL_ANSWER, OFF_SCHEMA])
@pytest.mark.parametrize("stream", [False, True])
def test_answers_parse_to_what_the_sdk_makes_of_them(answer, stream):
    lean, sdk = _answer(LeanAsyncOpenAI, answer, stream), _answer(AsyncOpenAI, answer, stream)
    assert [type(item) for item in lean] == [type(item) for item in sdk]
    assert [item.model_dump() for item in lean] == [item.model_dump() for item in sdk]
    assert [item.model_fields_set for item in lean] == [item.model_fields_set for item in sdk]


def test_an_answer_on_the_schema_is_validated_not_constructed(monkeypatch):
    from openai import _base_client

    def no_construction(**_kwargs):
        raise AssertionError("constructed")

    monkeypatch.setattr(_base_client, "construct_type", no_construction)
    assert _answer(LeanAsyncOpenAI, CALL_ANSWER)[0].choices[0].message.tool_calls[0].function.name == "add_task"
    assert _answer(LeanAsyncOpenAI, CALL_ANSWER, stream=True)[0].choices[0].delta.tool_calls
    with pytest.raises(AssertionError, match="constructed"):
        _answer(AsyncOpenAI, CALL_ANSWER)
