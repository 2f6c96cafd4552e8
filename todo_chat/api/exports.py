"""Downloads: a conversation as Markdown, tasks as CSV and iCalendar, and the secret calendar feed.

Every download but the feed needs the bearer token. The feed is for calendar apps, which
subscribe with a plain GET and no header: the unguessable secret in its URL is the credential
(revocable; only its hash is stored), and a wrong or revoked one is a JSON 404.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, status
from fastapi.responses import Response
from pydantic import BaseModel

from todo_chat.api.deps import NO_STORE, ConversationId, CurrentUser
from todo_chat.api.responses import AUTHED, errors
from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.services import exports

router = APIRouter(tags=["exports"])
CALENDAR = "text/calendar; charset=utf-8"
FEED_PATH = "/api/calendar/{secret}.ics"
Secret = Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]


def _download(body: str | bytes, media_type: str, filename: str) -> Response:
    return Response(body, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', **NO_STORE})


@router.get("/api/conversations/{conversation_id}/export.md", responses=errors(*AUTHED),
            response_class=Response)
async def export_conversation(user: CurrentUser, conversation_id: ConversationId) -> Response:
    title, text = await run_db(exports.conversation_markdown, user, conversation_id)
    return _download(text, "text/markdown; charset=utf-8", f"{exports.file_slug(title)}.md")


@router.get("/api/tasks/export.csv", responses=errors(401), response_class=Response)
async def export_tasks_csv(user: CurrentUser) -> Response:
    return _download(await run_db(exports.tasks_csv, user), "text/csv; charset=utf-8", "tasks.csv")


@router.get("/api/tasks/export.ics", responses=errors(401), response_class=Response)
async def export_tasks_ics(user: CurrentUser) -> Response:
    return _download(await run_db(exports.tasks_ics, user), CALENDAR, "tasks.ics")


class FeedOut(BaseModel):
    active: bool
    # Only right after it is made: the secret is stored hashed and cannot be shown again.
    url: str | None = None


@router.get("/api/calendar/feed", responses=errors(401))
async def feed_status(user: CurrentUser) -> FeedOut:
    return FeedOut(active=await run_db(exports.feed_exists, user))


@router.post("/api/calendar/feed", responses=errors(401), status_code=status.HTTP_201_CREATED)
async def new_feed(user: CurrentUser, response: Response) -> FeedOut:
    """A new secret feed URL (an older one stops working). Shown once: keep it."""
    response.headers.update(NO_STORE)
    secret = await run_db(exports.new_feed_secret, user)
    return FeedOut(active=True, url=exports.feed_url(get_settings().api_url, secret))


@router.delete("/api/calendar/feed", responses=errors(401), status_code=status.HTTP_204_NO_CONTENT)
async def revoke_feed(user: CurrentUser) -> None:
    await run_db(exports.revoke_feed, user)


@router.get(FEED_PATH, responses=errors(404, 422), response_class=Response)
async def calendar_feed(secret: Secret, request: Request) -> Response:
    """What calendar apps subscribe to: no header, the secret in the URL is the credential.
    Polled every few minutes by each subscriber: an unchanged calendar is a 304 on its ETag."""
    body = await run_db(exports.feed_ics, secret)
    if body is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such calendar feed (it may have been revoked)")
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    # private: a shared cache must not keep one person's calendar; revalidated after 5 minutes.
    headers = {"Cache-Control": "private, max-age=300", "ETag": etag,
               "Content-Disposition": 'inline; filename="todo-chat.ics"'}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(body, media_type=CALENDAR, headers=headers)  # (the server sends no body to a HEAD)


# Some calendar apps check a subscription with HEAD first (the same answer, without the body).
router.add_api_route(FEED_PATH, calendar_feed, methods=["HEAD"], include_in_schema=False)
