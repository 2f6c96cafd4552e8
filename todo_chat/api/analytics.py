"""Usage analytics (the seeds' two endpoints), the stats figures, and /metrics for operators.

`install(app)` is the one line `api/app.py` needs: these routes and JSON logs when LOG_FORMAT=json.
(The request id every log line carries, and the analytics body limit, are `api.door`'s.)
"""

from __future__ import annotations

import hmac
from typing import Literal

import anyio
from fastapi import APIRouter, FastAPI, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from todo_chat.api.deps import CurrentUser
from todo_chat.api.responses import errors
from todo_chat.core import metrics
from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.core.logs import configure_logging
from todo_chat.models import EventKind, EventSource
from todo_chat.services import analytics, stats

router = APIRouter(prefix="/api/analytics", tags=["analytics"])
stats_router = APIRouter(prefix="/api", tags=["analytics"])
metrics_router = APIRouter()
THREAD_ID = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
                  description="the ChatKit thread id (a conversation of yours); null for a new thread")


ClientSource = Literal["chatkit", "native"]


class ThreadChange(BaseModel):
    """What ChatKit's `onThreadChange` hands over (the seeds post it as is)."""

    model_config = ConfigDict(extra="ignore")
    threadId: str | None = THREAD_ID  # noqa: N815 (the seeds' field name)
    source: ClientSource = "chatkit"


class MessageSent(BaseModel):
    """ChatKit's `message.send` log data, or the native view's send: counts, never the text."""

    model_config = ConfigDict(extra="ignore")
    threadId: str | None = THREAD_ID  # noqa: N815
    source: ClientSource = "chatkit"
    length: int | None = Field(default=None, ge=0, le=100_000, description="characters in the message")
    attachments: int = Field(default=0, ge=0, le=100)


class Recorded(BaseModel):
    stored: bool  # false: the user turned analytics off


_RESPONSES = errors(401, 404, 413, 422, 429)


@router.post("/thread-change", status_code=status.HTTP_202_ACCEPTED, responses=_RESPONSES)
async def thread_change(body: ThreadChange, user: CurrentUser) -> Recorded:
    """The user opened another thread (or a new one: `threadId` null)."""
    event = await analytics.track(user, EventKind.thread_change, EventSource(body.source), body.threadId)
    return Recorded(stored=event is not None)


@router.post("/message", status_code=status.HTTP_202_ACCEPTED, responses=_RESPONSES)
async def message_sent(body: MessageSent, user: CurrentUser) -> Recorded:
    """The user sent a message (its length and attachment count; the text stays in the chat)."""
    data = {key: value for key, value in (("length", body.length), ("attachments", body.attachments))
            if value is not None}
    event = await analytics.track(user, EventKind.message_sent, EventSource(body.source), body.threadId,
                                  **data)
    return Recorded(stored=event is not None)


class EventOut(BaseModel):
    kind: EventKind
    source: EventSource
    thread_id: str | None
    name: str | None
    status: str | None
    duration_ms: int | None
    created_at: str


@router.get("/events", responses=errors(401, 422))
async def my_events(user: CurrentUser) -> list[EventOut]:
    """Your newest 100 events, what the server keeps about your use (and nobody else's)."""
    rows = await run_db(analytics.list_events, user)
    return [EventOut(kind=r.kind, source=r.source, thread_id=r.thread_id, name=r.name, status=r.status,
                     duration_ms=r.duration_ms, created_at=r.created_at.isoformat()) for r in rows]


@stats_router.get("/stats", responses=errors(401))
async def my_stats(user: CurrentUser) -> stats.Stats:
    """Your figures: completions per day (30 days, your time zone), open / done / overdue, the
    streak, busiest hours, and the assistant's tool calls by outcome."""
    return await run_db(stats.summary, user)


@metrics_router.get("/metrics", include_in_schema=False)
async def prometheus_metrics(request: Request) -> Response:
    """Prometheus exposition, with `Authorization: Bearer $METRICS_TOKEN`. No token set: 404."""
    token = get_settings().metrics_token
    if not token:
        return JSONResponse({"detail": "Not found"}, status_code=status.HTTP_404_NOT_FOUND)
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        return JSONResponse({"detail": "A valid metrics token is required"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    body, content_type = await anyio.to_thread.run_sync(metrics.render)
    return Response(body, media_type=content_type, headers={"Cache-Control": "no-store"})


def install(app: FastAPI) -> None:
    """Routes, middleware and logging of this module (called by `api.app.create_app`)."""
    configure_logging(get_settings().log_format)
    for each in (router, stats_router, metrics_router):
        app.include_router(each)
