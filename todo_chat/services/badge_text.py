"""The words of a tool-call badge, one copy for every place that shows one (the saved badge item,
ChatKit's task item, the native view): the tool's name and its status in text, never colour alone,
and a short summary of its arguments."""

from __future__ import annotations

from typing import Any

from todo_chat.models import ToolCallStatus


def badge_label(name: str, status: ToolCallStatus | str) -> str:
    return f"{name}: {ToolCallStatus(status).value}"


def arguments_summary(arguments: dict[str, Any], limit: int | None = None) -> str:
    """'title: Buy milk, priority: high' (empty values left out), cut at `limit` characters."""
    text = ", ".join(f"{k}: {v}" for k, v in arguments.items() if v not in (None, ""))
    return text[:limit] if limit else text
