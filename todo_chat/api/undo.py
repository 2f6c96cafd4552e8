"""Undo over HTTP: POST /api/conversations/{id}/undo reverts what the assistant changed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body
from pydantic import BaseModel, Field

from todo_chat.api.deps import ConversationId, CurrentUser
from todo_chat.api.responses import AUTHED, errors
from todo_chat.core.db import run_db
from todo_chat.services import undo
from todo_chat.services.undo import UndoResult

router = APIRouter(prefix="/api/conversations", tags=["conversations"], responses=errors(*AUTHED, 409))


class UndoBody(BaseModel):
    """Nothing: the latest changes that still stand (undoing an undo redoes). Or one tool call's
    changes (`call_id`), or one batch's (`batch`, as an earlier undo answered)."""

    call_id: str | None = Field(default=None, max_length=128)
    batch: str | None = Field(default=None, max_length=64)


class UndoOut(UndoResult):
    summary_text: str


@router.post("/{conversation_id}/undo")
async def undo_changes(user: CurrentUser, conversation_id: ConversationId,
                       body: Annotated[UndoBody | None, Body()] = None) -> UndoOut:
    """Revert the changes, newest first, in one unit of work; 409 (nothing changed) if a task
    changed since."""
    body = body or UndoBody()
    done = await run_db(undo.undo_in_conversation, user, conversation_id, body.call_id, body.batch)
    return UndoOut(**done.model_dump(), summary_text=done.summary())
