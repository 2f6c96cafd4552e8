"""A fake OpenAI-compatible model server: real HTTP on a loopback port, the real wire format.

It answers `POST /v1/chat/completions` the way llama.cpp's server, vLLM or OpenAI do: with
`stream: true` as Server-Sent Events (`data: {chat.completion.chunk}` lines, an optional usage
chunk, `data: [DONE]`), sent with chunked transfer encoding; without it as one
`chat.completion` JSON object. Errors are the JSON bodies those servers send.

Each test scripts what the server answers, one reply per request, in order, and reads back what
it was sent:

    fake_openai.script(text("Hi there!"))
    fake_openai.script(tool_call("add_task", {"title": "Pay rent"}), text("Added it."))
    ...
    assert fake_openai.requests[0]["max_tokens"] == 1024

A reply may also be a function of the request (`lambda request: ...`) for a server that reacts
to what it receives (e.g. one with a real context limit); `answer_all_with(reply)` answers every
request past the script. Otherwise a request with nothing left in the script gets a 500 and is
recorded, so a test sees the extra call.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

Json = dict[str, Any]


@dataclass
class Reply:
    """One scripted answer: a stream of chunks (a 200 answer) or an error status with its body.

    `message` is the assistant message the chunks add up to, for a request without `stream`.
    """

    status: int = 200
    chunks: list[Json] = field(default_factory=list)
    message: Json = field(default_factory=lambda: {"role": "assistant", "content": None})
    finish_reason: str = "stop"
    body: Json | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # A stream of nothing but `data: [DONE]` (no role chunk, no finish reason).
    bare: bool = False
    # Seconds between streamed chunks: a slow model (a client may hang up midway, e.g. on Stop).
    pace_s: float = 0.0


Script = Reply | Callable[[Json], Reply]
NOT_FOUND = {"error": {"code": 404, "message": "File Not Found", "type": "not_found_error"}}


# --- what a test scripts ---------------------------------------------------------------------

def _pieces(text: str, n: int) -> list[str]:
    size = max(1, -(-len(text) // n))
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def text(content: str, pieces: int = 4, finish_reason: str = "stop") -> Reply:
    """A plain answer, streamed as `pieces` content deltas."""
    return Reply(chunks=[{"content": piece} for piece in _pieces(content, pieces)],
                 message={"role": "assistant", "content": content}, finish_reason=finish_reason)


def tool_call(name: str, arguments: Json | str, call_id: str = "call_1", pieces: int = 3,
              content: str = "") -> Reply:
    """One tool call, streamed as servers do: the first chunk has index, id, type and name with
    empty arguments; the arguments follow split over several chunks (not on JSON boundaries)."""
    return tool_calls([(name, arguments, call_id)], pieces=pieces, content=content)


def tool_calls(calls: list[tuple[str, Json | str, str]], pieces: int = 3, content: str = "") -> Reply:
    chunks: list[Json] = [{"content": content}] if content else []
    finished = []
    for index, (name, arguments, call_id) in enumerate(calls):
        raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
        chunks.append({"tool_calls": [{"index": index, "id": call_id, "type": "function",
                                       "function": {"name": name, "arguments": ""}}]})
        chunks += [{"tool_calls": [{"index": index, "function": {"arguments": piece}}]}
                   for piece in _pieces(raw, pieces)]
        finished.append({"id": call_id, "type": "function", "function": {"name": name, "arguments": raw}})
    return Reply(chunks=chunks, finish_reason="tool_calls",
                 message={"role": "assistant", "content": content or None, "tool_calls": finished})


def empty(bare: bool = False) -> Reply:
    """HTTP 200, a well-formed stream, and not one content token (what small models do);
    `bare`: not even a role chunk or a finish reason, just `data: [DONE]`."""
    return Reply(chunks=[], message={"role": "assistant", "content": ""}, bare=bare)


def context_overflow(n_prompt_tokens: int = 9000, n_ctx: int = 8192, flavour: str = "llama.cpp") -> Reply:
    """The 400 a server sends when the prompt does not fit its context window."""
    if flavour == "openai":
        body = {"error": {
            "message": f"This model's maximum context length is {n_ctx} tokens. However, your messages "
                       f"resulted in {n_prompt_tokens} tokens. Please reduce the length of the messages.",
            "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}
    elif flavour == "llama.cpp-old":
        body = {"error": {"code": 400, "type": "invalid_request_error",
                          "message": "the request exceeds the available context size, try increasing it"}}
    else:
        body = {"error": {"code": 400, "type": "exceed_context_size_error",
                          "message": f"request ({n_prompt_tokens} tokens) exceeds the available context "
                                     f"size ({n_ctx} tokens)",
                          "n_prompt_tokens": n_prompt_tokens, "n_ctx": n_ctx}}
    return Reply(status=400, body=body)


def server_error(message: str = "Internal server error", status: int = 500) -> Reply:
    return Reply(status=status, body={"error": {"code": status, "message": message, "type": "server_error"}})


# --- the server ------------------------------------------------------------------------------

class FakeOpenAI:
    """The server's script and what it has received. Thread-safe: the handler runs in its own
    thread while the test (and the app under test) run in theirs."""

    model = "fake-model"

    def __init__(self) -> None:
        self._script: deque[Script] = deque()
        self._lock = threading.Lock()
        self.requests: list[Json] = []
        self.headers: list[dict[str, str]] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._fallback: Script | None = None

    # The test's side.
    def script(self, *replies: Script) -> FakeOpenAI:
        with self._lock:
            self._script.extend(replies)
        return self

    def reset(self) -> FakeOpenAI:
        """Nothing scripted and no fallback (a server shared by several test modules)."""
        with self._lock:
            self._script.clear()
            self._fallback = None
        return self

    def answer_all_with(self, reply: Script) -> FakeOpenAI:
        """What every request gets once the script is used up."""
        self._fallback = reply
        return self

    @property
    def left(self) -> int:
        with self._lock:
            return len(self._script)

    @property
    def base_url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def messages(self, n: int = -1) -> list[Json]:
        """The chat messages of the n-th request (the last by default)."""
        return self.requests[n]["messages"]

    # The server's side.
    def next_reply(self, request: Json, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append(request)
            self.headers.append(headers)
            script = self._script.popleft() if self._script else self._fallback
        if script is None:
            return server_error("fake server: nothing left in the script for this request")
        return script(request) if callable(script) else script

    def start(self) -> FakeOpenAI:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, name="fake-openai", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()


def completion_chunks(reply: Reply, model: str, include_usage: bool) -> Iterator[Json]:
    """The `chat.completion.chunk` objects of a streamed reply: a role delta, the content and
    tool-call deltas, a delta with the finish reason, then (when asked for) usage alone."""
    base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()),
            "model": model, "system_fingerprint": None}

    def chunk(delta: Json, finish_reason: str | None = None) -> Json:
        return {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                     "finish_reason": finish_reason}]}

    if reply.bare:
        return
    yield chunk({"role": "assistant", "content": None})
    for delta in reply.chunks:
        yield chunk(delta)
    yield chunk({}, reply.finish_reason)
    if include_usage:
        yield {**base, "choices": [], "usage": {"prompt_tokens": 10, "completion_tokens": len(reply.chunks),
                                                "total_tokens": 10 + len(reply.chunks)}}


def _handler(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # quiet test output
            pass

        def _json(self, status: int, body: Json, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v1/models":
                self._json(200, {"object": "list", "data": [{"id": server.model, "object": "model"}]})
            else:
                self._json(404, NOT_FOUND)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path != "/v1/chat/completions":
                self._json(404, NOT_FOUND)
                return
            try:
                request = json.loads(raw)
            except ValueError:
                self._json(400, {"error": {"code": 400, "message": "invalid JSON",
                                           "type": "invalid_request_error"}})
                return
            reply = server.next_reply(request, {k.lower(): v for k, v in self.headers.items()})
            if reply.status != 200:
                self._json(reply.status, reply.body or {}, reply.headers)
            elif request.get("stream"):
                self._stream(request, reply)
            else:
                self._json(200, {
                    "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                    "model": request.get("model", server.model),
                    "choices": [{"index": 0, "message": reply.message, "logprobs": None,
                                 "finish_reason": reply.finish_reason}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}},
                    reply.headers)

        def _stream(self, request: Json, reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            include_usage = bool((request.get("stream_options") or {}).get("include_usage"))
            try:
                for chunk in completion_chunks(reply, request.get("model", server.model), include_usage):
                    self._chunk(b"data: " + json.dumps(chunk).encode() + b"\n\n")
                    time.sleep(reply.pace_s)
                self._chunk(b"data: [DONE]\n\n")
                self._chunk(b"")  # the last chunk of a chunked body
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client stopped reading (Stop)

    return Handler


@pytest.fixture
def fake_openai(data_dir, monkeypatch) -> Iterator[FakeOpenAI]:
    """A fresh fake server, and the app pointed at it with OPENAI_BASE_URL (and an API key, to
    show that a key alone never turns tracing on). The client does not retry failed requests,
    so each scripted reply answers exactly one model call."""
    from todo_chat.agent import providers
    from todo_chat.core import config

    server = FakeOpenAI().start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-fake-key")
    monkeypatch.setenv("OPENAI_MODEL", server.model)
    monkeypatch.setenv("OPENAI_MAX_RETRIES", "0")
    config.get_settings.cache_clear()
    providers._client.cache_clear()
    providers._remote_model.cache_clear()
    yield server
    server.stop()
    monkeypatch.undo()
    config.get_settings.cache_clear()
    providers._client.cache_clear()
    providers._remote_model.cache_clear()
