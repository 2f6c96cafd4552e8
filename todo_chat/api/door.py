"""The door every HTTP request of the backend passes: one pure-ASGI layer for what used to be four
(the request id, two body limits, the security headers), with Starlette's CORS inside it.

Per request it:
- runs the request with an id (the client's `X-Request-ID` if sane, else a new one), echoed in
  the answer's `X-Request-ID`: every log line of the request, and of a chat turn's tool calls,
  carries it;
- bounds the body before any route reads it into memory: a declared `Content-Length` over the
  bound is a 413 at once; a body sent without one (chunked) is counted as it arrives and refused
  when it passes the bound (attachment uploads and analytics events have bounds of their own);
- adds the security headers (`api.security_headers`) to the answer, leaving any a route set.

The 413s it answers itself pass through a CORS layer of the same settings, so a browser can
read them; CORS preflights answered by the CORS layer carry the id and security headers.
"""

from __future__ import annotations

import json
import re

from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from todo_chat.api.security_headers import SecurityHeaders
from todo_chat.core.config import Settings
from todo_chat.core.logs import REQUEST_ID_MAX, new_request_id, request_id

UPLOAD_PATH = re.compile(r"^/api/chatkit/attachments/[^/]+/upload$")
MULTIPART_ROOM = 64 * 1024
ANALYTICS_PREFIX = "/api/analytics"
ANALYTICS_BODY_MAX = 2048  # bytes of an analytics event
_GOOD_ID = re.compile(rf"^[A-Za-z0-9._-]{{1,{REQUEST_ID_MAX}}}$")


class BodyTooLarge(HTTPException):
    """Raised from `receive`: an HTTPException, so a route reading the body (FastAPI's own body
    parsing too) lets it through to the JSON error handler as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Request body is larger than {limit} bytes")


class AnalyticsBodyTooLarge(BodyTooLarge):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.detail = f"Body too large: at most {limit} bytes"


def cors(app: ASGIApp, settings: Settings) -> CORSMiddleware:
    """Bearer tokens, not cookies: no credentials, and only the origins the settings name."""
    return CORSMiddleware(app, allow_origins=settings.allowed_origins, allow_credentials=False,
                          allow_methods=["*"], allow_headers=["*"], expose_headers=["Retry-After"])


class Door:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = cors(app, settings)
        self.refuse = cors(_too_large, settings)
        self.headers = SecurityHeaders(settings)
        self.body_max = settings.max_body_bytes
        self.upload_max = settings.attachment_max_bytes + MULTIPART_ROOM

    def limit_for(self, path: str) -> tuple[int, type[BodyTooLarge]]:
        if path.startswith(ANALYTICS_PREFIX):
            return ANALYTICS_BODY_MAX, AnalyticsBodyTooLarge
        return (self.upload_max if UPLOAD_PATH.match(path) else self.body_max), BodyTooLarge

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        headers = dict(scope["headers"])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        current = given if _GOOD_ID.match(given) else new_request_id()
        token = request_id.set(current)
        extra = [*self.headers.raw_for(path), (b"x-request-id", current.encode())]
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                given_names = {name.lower() for name, _ in message.get("headers", ())}
                message["headers"] = [*message.get("headers", ()),
                                      *(pair for pair in extra if pair[0] not in given_names)]
            await send(message)

        limit, refusal = self.limit_for(path)
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise refusal(limit)
            return message

        try:
            declared = headers.get(b"content-length", b"")
            if declared.isdigit() and int(declared) > limit:
                scope["todo_chat.refusal"] = refusal(limit)
                await self.refuse(scope, receive, send_with_headers)
                return
            try:
                await self.app(scope, counted_receive, send_with_headers)
            except BodyTooLarge as exc:
                if not started:  # a route that answered before reading everything keeps its answer
                    scope["todo_chat.refusal"] = exc
                    await self.refuse(scope, receive, send_with_headers)
        finally:
            request_id.reset(token)


async def _too_large(scope: Scope, _receive: Receive, send: Send) -> None:
    """The 413 (behind a CORS layer): the body is never read."""
    body = json.dumps({"detail": scope["todo_chat.refusal"].detail}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
