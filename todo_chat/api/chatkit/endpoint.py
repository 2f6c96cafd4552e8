"""HTTP doors onto the ChatKit server: the protocol endpoint, sessions, attachment bytes.

The protocol itself (`protocol.py`) and our ChatKit server are imported at their first use, not
with the app: a worker that serves only the native view or the REST API never loads ChatKit."""

from __future__ import annotations

import hmac
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, BeforeValidator, Field

from todo_chat.api.deps import NO_STORE, CurrentUser, bearer, session_id, user_from_bearer
from todo_chat.api.responses import AUTHED, errors
from todo_chat.core.config import get_settings
from todo_chat.core.db import ID_MAX, run_db
from todo_chat.core.security import token_lifetime
from todo_chat.models import User
from todo_chat.services import attachments, tokens

if TYPE_CHECKING:
    from todo_chat.api.chatkit.server import TodoChatKitServer

router = APIRouter(prefix="/api/chatkit", tags=["chatkit"])


@lru_cache
def chatkit_server() -> TodoChatKitServer:
    from todo_chat.api.chatkit.server import TodoChatKitServer

    return TodoChatKitServer()


async def chatkit_user(request: Request,
                       credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
    """ChatKit calls carry either the user's access token or a session `client_secret`."""
    return await user_from_bearer(credentials, ("access", "chatkit"), request)


ChatKitUser = Annotated[User, Depends(chatkit_user)]


async def chatkit_response(user: User, request: Request) -> Response:
    """Run one ChatKit protocol request for `user` (`protocol.respond`)."""
    from todo_chat.api.chatkit.protocol import respond

    return await respond(chatkit_server(), user, request)


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
    from todo_chat.api.chatkit.store import preview_signature  # with ChatKit, which made the URL

    row = await run_db(attachments.find_for_download, attachment_id)
    path = attachments.attachment_path(row.user_id, attachment_id) if row else None
    if row is None or path is None or not hmac.compare_digest(sig, preview_signature(attachment_id)) \
            or not path.exists():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Attachment not found")
    return FileResponse(path, media_type=row.mime_type, filename=row.name)
