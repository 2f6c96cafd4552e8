"""A fast fake OpenAI-compatible model server for `bench/load.py`, run as its own process.

`python -m bench.fake_model --port P` answers `POST /v1/chat/completions` like the fake in
`tests/fake_openai.py` scripts a one-tool turn: a request whose last message is the user's gets
one `add_task` call (the title taken from the message), a request that ends with the tool's
result gets a short text answer. So a turn costs exactly two model requests, streamed (SSE
chunks, as the chat endpoint's SSE door asks) or not (one JSON object, as its JSON door asks).

It counts what it was sent (`GET /stats`): requests, request body bytes, and of those bytes the
tool schemas and the instructions (the system message), i.e. what a provider bills as input.
A plain ASGI callable under uvicorn, nothing else: its own CPU is never the server's.
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

STATS = {"requests": 0, "bytes": 0, "tools_bytes": 0, "instructions_bytes": 0, "history_bytes": 0}
_TITLE = re.compile(r"(?:add|buy)\s+(?:a\s+task\s+to\s+)?(.*)", re.IGNORECASE)
_BASE = {"id": "chatcmpl-bench", "created": 0, "model": "bench"}


def _compact(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":")))


def _count(request: dict[str, Any], size: int) -> None:
    messages = request.get("messages") or []
    system = [m for m in messages if m.get("role") in ("system", "developer")]
    STATS["requests"] += 1
    STATS["bytes"] += size
    STATS["tools_bytes"] += _compact(request.get("tools") or [])
    STATS["instructions_bytes"] += _compact(system)
    STATS["history_bytes"] += _compact([m for m in messages if m not in system])


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """The assistant message for this request: a tool call first, then the text."""
    messages = request.get("messages") or []
    last = messages[-1] if messages else {}
    if last.get("role") == "tool":
        return {"role": "assistant", "content": "Added it to your list."}
    text = str(last.get("content") or "")
    match = _TITLE.search(text)
    title = (match.group(1) if match else text)[:80] or "something"
    arguments = json.dumps({"title": title})
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": f"call_{STATS['requests']}", "type": "function",
         "function": {"name": "add_task", "arguments": arguments}}]}


def _chunks(message: dict[str, Any]) -> list[bytes]:
    """The message as streamed chunks: role, then content or the call (name, then arguments)."""
    finish = "tool_calls" if message.get("tool_calls") else "stop"
    deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
    if finish == "stop":
        deltas.append({"content": message["content"]})
    else:
        call = message["tool_calls"][0]
        deltas.append({"tool_calls": [{"index": 0, "id": call["id"], "type": "function",
                                       "function": {"name": call["function"]["name"], "arguments": ""}}]})
        deltas.append({"tool_calls": [{"index": 0, "function": {"arguments": call["function"]["arguments"]}}]})
    events = [{**_BASE, "object": "chat.completion.chunk", "choices": [
        {"index": 0, "delta": delta, "finish_reason": None}]} for delta in deltas]
    events.append({**_BASE, "object": "chat.completion.chunk", "choices": [
        {"index": 0, "delta": {}, "finish_reason": finish}]})
    events.append({**_BASE, "object": "chat.completion.chunk", "choices": [],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
    return [f"data: {json.dumps(e)}\n\n".encode() for e in events] + [b"data: [DONE]\n\n"]


async def _body(receive) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


async def app(scope, receive, send) -> None:
    if scope["type"] != "http":
        return
    body = await _body(receive)
    if scope["method"] == "GET":
        await _send(send, 200, json.dumps(STATS).encode(), b"application/json")
        return
    request = json.loads(body or b"{}")
    _count(request, len(body))
    message = answer(request)
    if not request.get("stream"):
        finish = "tool_calls" if message.get("tool_calls") else "stop"
        payload = {**_BASE, "object": "chat.completion", "choices": [
            {"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        await _send(send, 200, json.dumps(payload).encode(), b"application/json")
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/event-stream")]})
    for chunk in _chunks(message):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


async def _send(send, status: int, body: bytes, content_type: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


if __name__ == "__main__":
    import uvicorn

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
