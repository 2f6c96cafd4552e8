"""Logging: plain text or one JSON object a line (LOG_FORMAT=json), each record carrying the id
of the request (or chat turn) it belongs to.

The id lives in a context variable: asyncio tasks and worker threads (`anyio.to_thread`, the
agent's run loop) copy the context they start in, so a turn's tool calls log under its id.
"""

from __future__ import annotations

import json
import logging
import secrets
from contextvars import ContextVar
from datetime import UTC, datetime

request_id: ContextVar[str] = ContextVar("request_id", default="")
REQUEST_ID_MAX = 32
_HANDLER_NAME = "todo_chat"
# LogRecord's own attributes: anything else on a record came from `extra=` and is logged too.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "request_id"}


def new_request_id() -> str:
    return secrets.token_hex(8)


def current_request_id() -> str:
    return request_id.get()


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record (`%(request_id)s`, the JSON field)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or None,
        }
        entry |= {key: value for key, value in vars(record).items() if key not in _STANDARD}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    """LOG_FORMAT=json: one JSON handler on the root logger (replaced, not added again, when
    called twice). Plain text keeps whatever the server (uvicorn, granian) set up."""
    if log_format != "json":
        return
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
