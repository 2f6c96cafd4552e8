"""POST /api/errors: the browser reports its errors; they land in the server log."""

from __future__ import annotations

import logging

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

router = APIRouter(prefix="/api", tags=["meta"])
log = logging.getLogger("todo_chat.client")


class ClientError(BaseModel):
    message: str = Field(max_length=2000)
    stack: str = Field(default="", max_length=8000)
    url: str = Field(default="", max_length=2000)
    timestamp: str = Field(default="", max_length=64)


@router.post("/errors", status_code=status.HTTP_202_ACCEPTED)
def report_error(error: ClientError) -> dict:
    log.error("client error at %s (%s): %s\n%s", error.url, error.timestamp, error.message, error.stack)
    return {"status": "logged"}
