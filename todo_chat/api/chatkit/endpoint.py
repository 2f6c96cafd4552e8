"""HTTP doors onto the ChatKit server: the protocol endpoint, sessions, attachment bytes."""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterable, AsyncIterator
from functools import lru_cache
from typing import Annotated

from chatkit.errors import ErrorCode
from chatkit.server import StreamingResult
from chatkit.store import NotFoundError
from chatkit.types import ChatKitReq, ErrorEvent, ThreadsRetryAfterItemReq, UserMessageItem
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, BeforeValidator, Field, TypeAdapter, ValidationError

from todo_chat.agent.turn import admit
from todo_chat.api.chatkit.server import TodoChatKitServer
from todo_chat.api.chatkit.store import RequestContext, preview_signature
from todo_chat.api.deps import NO_STORE, SSE_HEADERS, CurrentUser, bearer, session_id, user_from_bearer
from todo_chat.api.responses import AUTHED, errors
from todo_chat.core.config import get_settings
from todo_chat.core.db import ID_MAX, run_db
from todo_chat.core.security import token_lifetime
from todo_chat.models import User
from todo_chat.services import attachments, tokens

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/chatkit", tags=["chatkit"])
_REQUEST: TypeAdapter[ChatKitReq] = TypeAdapter(ChatKitReq)
# Requests that make the model run, and so count against the chat rate limit.
TURN_REQUESTS = {"threads.create", "threads.add_user_message", "threads.retry_after_item"}


@lru_cache
def chatkit_server() -> TodoChatKitServer:
    return TodoChatKitServer()


async def chatkit_user(request: Request,
                       credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
    """ChatKit calls carry either the user's access token or a session `client_secret`."""
    return await user_from_bearer(credentials, ("access", "chatkit"), request)


ChatKitUser = Annotated[User, Depends(chatkit_user)]


def _readable(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"Malformed ChatKit request: {where}: {first.get('msg', 'invalid')}"


async def chatkit_response(user: User, request: Request) -> Response:
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
    server = chatkit_server()
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


@router.post("", summary="The ChatKit protocol endpoint", responses=errors(400, *AUTHED, 429),
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"type": "object", "required": ["type"],
                                                 "properties": {"type": {"type": "string"}}}}}}})
async def chatkit(user: ChatKitUser, request: Request) -> Response:
    return await chatkit_response(user, request)


def _whole_number(value: object) -> object:
    """JSON Schema's integer includes 5.0; strictness still refuses "5" and true."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


class SessionBody(BaseModel):
    # Strict: the schema says integer, so "5" and true are refused as it says (5.0 is an integer).
    user_id: Annotated[int | None, BeforeValidator(_whole_number)] = Field(default=None, ge=1, le=ID_MAX,
                                                                           strict=True)


class SessionOut(BaseModel):
    client_secret: str
    expires_in: int


@router.post("/session", response_model=SessionOut, responses=errors(401, 403, 422, 502))
async def create_session(user: CurrentUser, request: Request, body: SessionBody | None = None) -> JSONResponse:
    """A short-lived `client_secret` for ChatKit's `getClientSecret` (call again to refresh)."""
    if body and body.user_id is not None and body.user_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "You can only open a session for yourself")
    settings = get_settings()
    if settings.chatkit_workflow_id and settings.openai_api_key:
        from todo_chat.api.chatkit.hosted import create_hosted_session

        secret, expires_in = await create_hosted_session(user)
    else:  # of the caller's login session: it ends when that session does
        secret = tokens.client_secret(user, session_id(request))
        expires_in = int(token_lifetime("chatkit").total_seconds())
    return JSONResponse(SessionOut(client_secret=secret, expires_in=expires_in).model_dump(), headers=NO_STORE)


AttachmentId = Annotated[str, Path(max_length=64)]


@router.put("/attachments/{attachment_id}/upload", status_code=status.HTTP_204_NO_CONTENT,
            responses=errors(*AUTHED, 413))
async def upload_attachment(attachment_id: AttachmentId, user: ChatKitUser, request: Request) -> None:
    """Phase two of an upload: the bytes (the raw body, or one multipart `file` field)."""
    await run_db(attachments.get_attachment, user, attachment_id)  # 404 before reading a body
    await run_db(attachments.record_upload, user, attachment_id, await _upload_bytes(request))


async def _upload_bytes(request: Request) -> bytes:
    limit = get_settings().attachment_max_bytes
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "Send the file in a 'file' field")
        data = await upload.read(limit + 1)
    else:
        data = await request.body()
    if len(data) > limit:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "File is too large")
    return data


@router.get("/attachments/{attachment_id}", response_class=FileResponse,
            responses={200: {"content": {"application/octet-stream": {}}, "description": "the file"},
                       **errors(404, 422)})
async def download_attachment(attachment_id: AttachmentId,
                              sig: Annotated[str, Query(max_length=64)]) -> FileResponse:
    row = await run_db(attachments.find_for_download, attachment_id)
    path = attachments.attachment_path(row.user_id, attachment_id) if row else None
    if row is None or path is None or not hmac.compare_digest(sig, preview_signature(attachment_id)) \
            or not path.exists():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Attachment not found")
    return FileResponse(path, media_type=row.mime_type, filename=row.name)
