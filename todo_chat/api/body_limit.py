"""A bound on every request body, at the door: a multi-gigabyte POST is refused with a 413 before
any route reads it into memory, as a proxy's `client_max_body_size` would.

A declared `Content-Length` over the bound is refused at once; a body sent without one (chunked)
is counted as it arrives and refused when it passes the bound. Attachment uploads have their own,
larger bound (ATTACHMENT_MAX_BYTES plus room for multipart framing).
"""

from __future__ import annotations

import json
import re

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from todo_chat.core.config import Settings

UPLOAD_PATH = re.compile(r"^/api/chatkit/attachments/[^/]+/upload$")
MULTIPART_ROOM = 64 * 1024


class BodyTooLarge(HTTPException):
    """Raised from `receive`: an HTTPException, so a route reading the body (FastAPI's own body
    parsing too) lets it through to the JSON error handler as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Request body is larger than {limit} bytes")


class BodyLimit:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.body_max = settings.max_body_bytes
        self.upload_max = settings.attachment_max_bytes + MULTIPART_ROOM

    def limit_for(self, path: str) -> int:
        return self.upload_max if UPLOAD_PATH.match(path) else self.body_max

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await too_large(send, limit)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:  # a route that answered before reading everything keeps its answer
                await too_large(send, limit)


async def too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": BodyTooLarge(limit).detail}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
