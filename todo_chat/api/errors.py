"""POST /api/errors: the browser reports its errors; they land in the server log.

Anonymous on purpose (the login page reports too), so it is bounded instead: each field has a
length limit, reports are rate limited per client IP (ERROR_REPORTS_PER_IP), and every field is
made one line of printable text before it is logged, so a report cannot forge log lines.
"""

from __future__ import annotations

import logging
import re

from fastapi import APIRouter, Request, status
from pydantic import BaseModel, Field

from todo_chat.api.deps import client_ip
from todo_chat.api.responses import errors
from todo_chat.services import ratelimit

router = APIRouter(prefix="/api", tags=["meta"])
log = logging.getLogger("todo_chat.client")
# C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class ClientError(BaseModel):
    message: str = Field(max_length=2000)
    stack: str = Field(default="", max_length=8000)
    url: str = Field(default="", max_length=2000)
    timestamp: str = Field(default="", max_length=64)


class Logged(BaseModel):
    status: str


def one_line(text: str) -> str:
    """Printable, on one line: newlines become ` | `, other control characters a space."""
    text = text.replace("\r\n", "\n").replace("\n", " | ")
    return _CONTROL.sub(" ", text)


@router.post("/errors", status_code=status.HTTP_202_ACCEPTED, responses=errors(422, 429))
async def report_error(error: ClientError, request: Request) -> Logged:
    await ratelimit.check_error_report(client_ip(request))
    log.error("client error at %s (%s): %s | %s", one_line(error.url), one_line(error.timestamp),
              one_line(error.message), one_line(error.stack))
    return Logged(status="logged")
