"""The error answers every route documents: what the server really sends, `{"detail": string}`.

Each router declares the statuses it can answer with `errors(...)`, so the published schema
lists them (and schemathesis checks every answer against it). 422 is declared with our own
shape: FastAPI's default says `detail` is a list, the server sends a string plus `errors`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorOut(BaseModel):
    detail: str


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(BaseModel):
    """A readable summary in `detail`, and each problem in `errors` (for bad request data)."""

    detail: str
    errors: list[FieldError] = []


_DESCRIPTIONS = {
    400: "Malformed request",
    401: "Missing, invalid, expired or revoked token",
    403: "Not yours, or the current password is wrong",
    404: "Not found (or not yours)",
    409: "Conflict (e.g. the email is taken)",
    413: "Body too large",
    422: "Invalid request data",
    429: "Too many requests: wait `Retry-After` seconds",
    502: "The model failed; the message is kept, retry",
    503: "The server is busy: retry after `Retry-After` seconds",
}
_RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these error statuses. 503 is added everywhere (a busy database),
    and 400 wherever request data is validated (422): a body that is not JSON at all is a 400."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in sorted({*codes, *((400,) if 422 in codes else ()), 503}):
        entry: dict[str, Any] = {"model": ValidationErrorOut if code == 422 else ErrorOut,
                                 "description": _DESCRIPTIONS[code]}
        if code in (429, 503):
            entry["headers"] = _RETRY_AFTER
        out[code] = entry
    return out


# The usual sets.
AUTHED = (401, 404, 422)          # any route behind a bearer token
OWN_PATH = (401, 403, 404, 422)   # /api/{user_id}/...
