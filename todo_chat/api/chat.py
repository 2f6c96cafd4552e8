"""The Phase III chat endpoint: POST /api/{user_id}/chat, as JSON or as Server-Sent Events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from todo_chat.agent.turn import (
    MESSAGE_MAX,
    TurnDone,
    TurnFailed,
    TurnMessage,
    begin_turn,
    run_turn,
)
from todo_chat.agent.units import begin_turn_by_token
from todo_chat.api.chatkit.endpoint import chatkit_response
from todo_chat.api.deps import SSE_HEADERS, Credentials, UserId, claims_from_bearer, live_user, unauthorized
from todo_chat.api.responses import OWN_PATH, errors
from todo_chat.core.db import ID_MAX
from todo_chat.core.security import InvalidToken
from todo_chat.core.text import NOT_BLANK_PATTERN
from todo_chat.models import User
from todo_chat.services.conversations import TurnInput
from todo_chat.services.tokens import SessionClaims

router = APIRouter(prefix="/api/{user_id}", tags=["chat"])
# How deep a chat body may nest: a message is flat; a ChatKit request is a few levels deep.
MAX_DEPTH = 32
ATTACHMENTS_MAX = 10


class ChatBody(BaseModel):
    # What the server checks (turn.admit), the schema states: a message with some text in it, unless
    # the body asks to retry the conversation's last unanswered one (then the message is not read).
    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["message"], "properties": {"message": {"minLength": 1, "pattern": NOT_BLANK_PATTERN}}},
        {"required": ["retry"], "properties": {"retry": {"const": True}}}]})

    conversation_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    message: str = Field(default="", max_length=MESSAGE_MAX)
    # Re-run the conversation's last unanswered message (after a failed turn).
    retry: bool = False
    # Files uploaded beforehand (ChatKit's attachments.create, then its upload URL) for the model to read.
    attachments: list[Annotated[str, Field(max_length=64)]] = Field(default=[], max_length=ATTACHMENTS_MAX)


async def chat_claims(credentials: Credentials) -> SessionClaims:  # async: no thread hand-off per turn
    """The chat door takes the tokens ChatKit's does (access, or a ChatKit client secret)."""
    return claims_from_bearer(credentials, ("access", "chatkit"))


ChatClaims = Annotated[SessionClaims, Depends(chat_claims)]


def sse(event: TurnMessage) -> str:
    return f"event: {event.type}\ndata: {event.model_dump_json()}\n\n"


async def open_turn(claims: SessionClaims, body: ChatBody, request: Request) -> tuple[User, TurnInput]:
    """Authenticate and save the message: one unit of work for a new message (its session is
    checked where the message is saved); a retry authenticates first, as before."""
    if body.retry:
        user = await live_user(claims, request)
        return user, await begin_turn(user, body.message, body.conversation_id, body.retry, body.attachments)
    try:
        return await begin_turn_by_token(claims, body.message, body.conversation_id, body.attachments)
    except InvalidToken as exc:
        raise unauthorized(str(exc)) from exc


async def stream_turn(user: User, turn: TurnInput) -> StreamingResponse:
    async def events() -> AsyncIterator[str]:
        async for event in run_turn(user, turn):
            yield sse(event)

    return StreamingResponse(events(), media_type="text/event-stream", headers=SSE_HEADERS)


async def answer_turn(user: User, turn: TurnInput) -> JSONResponse:
    async for event in run_turn(user, turn, stream=False):
        if isinstance(event, TurnDone):
            return JSONResponse({"conversation_id": event.conversation_id, "response": event.response,
                                 "message_id": event.message_id,
                                 "tool_calls": [c.model_dump(mode="json") for c in event.tool_calls]})
        if isinstance(event, TurnFailed):
            return JSONResponse({"detail": event.message, "conversation_id": event.conversation_id,
                                 "retryable": event.retryable,
                                 "tool_calls": [c.model_dump(mode="json") for c in event.tool_calls]},
                                status_code=status.HTTP_502_BAD_GATEWAY)
    raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, "The turn ended without an answer")


def wants_stream(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "")


def too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON text nests deeper than `limit` (counted without parsing: a 1000-deep body
    must be refused before the parser recurses into it)."""
    depth, in_string, escaped = 0, False, False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


@router.post("/chat", responses={200: {"content": {"text/event-stream": {}}},
                                 **errors(400, *OWN_PATH, 429, 502)},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": ChatBody.model_json_schema()}}}})
async def chat(user_id: UserId, claims: ChatClaims, request: Request):
    """Send a message; a new conversation starts when no `conversation_id` is given.

    With `Accept: text/event-stream` the answer streams as SSE events: `start`, `delta`,
    `tool_call_started`, `tool_call_finished`, then `done` (or `error`: the message is kept,
    send `{"conversation_id": ..., "retry": true}` to try again).
    """
    if user_id != claims.user_id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="You can only access your own data")
    if too_deep(await request.body()):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"Body nests deeper than {MAX_DEPTH} levels")
    try:
        payload = await request.json()
    except (ValueError, RecursionError):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Body must be JSON") from None
    if isinstance(payload, dict) and "type" in payload:  # the seeds point ChatKit's api.url here
        return await chatkit_response(await live_user(claims, request), request)
    try:
        body = ChatBody.model_validate(payload)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(), body=payload) from None
    user, turn = await open_turn(claims, body, request)
    return await (stream_turn(user, turn) if wants_stream(request) else answer_turn(user, turn))
