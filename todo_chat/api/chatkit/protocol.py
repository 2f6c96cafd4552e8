"""The ChatKit protocol request itself (`POST /api/chatkit`): parsed, admitted and run by our
ChatKit server. Imported by `endpoint` on the first such request: the ChatKit package (its
server, types, widgets and jinja2, ~6 MiB) stays out of a worker that serves no ChatKit view."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterable, AsyncIterator

from chatkit.errors import ErrorCode
from chatkit.server import StreamingResult
from chatkit.store import NotFoundError
from chatkit.types import ChatKitReq, ErrorEvent, ThreadsRetryAfterItemReq, UserMessageItem
from fastapi import HTTPException, Request, Response, status
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter, ValidationError

from todo_chat.agent.turn import admit
from todo_chat.api.chatkit.server import TodoChatKitServer
from todo_chat.api.chatkit.store import RequestContext
from todo_chat.api.deps import SSE_HEADERS, session_id
from todo_chat.core.config import get_settings
from todo_chat.models import User

log = logging.getLogger(__name__)
_REQUEST: TypeAdapter[ChatKitReq] = TypeAdapter(ChatKitReq)
# Requests that make the model run, and so count against the chat rate limit.
TURN_REQUESTS = {"threads.create", "threads.add_user_message", "threads.retry_after_item"}


def _readable(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"Malformed ChatKit request: {where}: {first.get('msg', 'invalid')}"


async def respond(server: TodoChatKitServer, user: User, request: Request) -> Response:
    """Run one ChatKit protocol request for `user`: SSE for streaming ones, JSON otherwise."""
    body = await request.body()
    try:
        parsed = _REQUEST.validate_json(body)
    except ValidationError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, _readable(exc)) from None
    _check_page_size(parsed)
    user_input = getattr(parsed.params, "input", None)
    # Upload and preview URLs point at the configured API_URL, never at the request's Host header.
    context = RequestContext(user=user, base_url=get_settings().api_url, session_id=session_id(request))
    if isinstance(parsed, ThreadsRetryAfterItemReq):  # a 404 for an unknown item, not an empty 200
        await _check_retry_item(server, parsed, context)
    if parsed.type in TURN_REQUESTS:  # one admission for every door, before ChatKit saves anything
        text = "".join(getattr(part, "text", "") for part in user_input.content) if user_input else None
        await admit(user, text)
    for attachment_id in getattr(user_input, "attachments", None) or []:
        try:  # a 400 now, before a thread or message is saved and before the stream starts
            await server.store.load_attachment(attachment_id, context)
        except NotFoundError:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, f"Attachment {attachment_id} not found") from None
    thread_id = getattr(parsed.params, "thread_id", None)
    try:
        if thread_id:  # answer 404 before a stream starts, not inside it
            await server.store.load_thread(thread_id, context)
        result = await server.process(body, context)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    except NotImplementedError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"Unsupported request: {parsed.type}") from exc
    if isinstance(result, StreamingResult):
        return StreamingResponse(_ending_with_error_event(result), media_type="text/event-stream",
                                 headers=SSE_HEADERS)
    return Response(content=result.json, media_type="application/json")


# ChatKit's page sizes, bounded like the REST routes' `limit` (a 2**63 or a negative one is a 4xx).
PAGE_MAX = 200


def _check_page_size(parsed: ChatKitReq) -> None:
    limit = getattr(parsed.params, "limit", None)
    if limit is not None and not 1 <= limit <= PAGE_MAX:
        raise HTTPException(status.HTTP_400_BAD_REQUEST,
                            f"Malformed ChatKit request: params.limit: must be from 1 to {PAGE_MAX}")


async def _check_retry_item(server: TodoChatKitServer, parsed: ThreadsRetryAfterItemReq,
                            context: RequestContext) -> None:
    try:
        item = await server.store.load_item(parsed.params.thread_id, parsed.params.item_id, context)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    if not isinstance(item, UserMessageItem):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"Item {parsed.params.item_id} is not a user message")


async def _ending_with_error_event(stream: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    """ChatKit turns a failure inside `respond` into an error event, but not one before it (say,
    an attachment that vanished after the check above): that would cut the stream mid-way, with
    nothing for the client to show. End it with an error event instead."""
    try:
        async for chunk in stream:
            yield chunk
    except Exception as exc:
        log.exception("ChatKit stream failed")
        known = isinstance(exc, NotFoundError)
        event = ErrorEvent(code="custom", message=str(exc), allow_retry=False) if known else \
            ErrorEvent(code=ErrorCode.STREAM_ERROR, allow_retry=True)
        yield b"data: " + event.model_dump_json().encode() + b"\n\n"
