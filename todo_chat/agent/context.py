from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from todo_chat.models import ToolCall, ToolCallStatus, User


def parse_arguments(raw: str | None) -> dict[str, Any]:
    """A tool call's JSON arguments as a dict (what a model sent, even when it is not JSON)."""
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {"raw": raw}
    return value if isinstance(value, dict) else {"value": value}


@dataclass
class TodoContext:
    """What a run knows about its caller. Tools take the user from here, never from the model."""

    user: User
    conversation_id: int | None = None
    # The user message this turn answers; tool calls are filed under it.
    message_id: int | None = None
    # Calls an earlier, failed try of this message finished: a call the model makes again with the
    # same name and arguments gets the saved result instead of changing anything twice.
    earlier_calls: list[ToolCall] = field(default_factory=list)
    # How each call of this run ended, by call id (the runner reports it; nothing parses output).
    outcomes: dict[str, ToolCallStatus] = field(default_factory=dict)
    # How the task tools are reached (`agent.tools.ToolDoor`): None is in process; AGENT_TOOLS=mcp
    # sets a connection to our own MCP server (`agent.mcp_door`).
    door: Any = None

    def take_earlier(self, name: str, arguments: dict[str, Any]) -> ToolCall | None:
        for call in self.earlier_calls:
            if call.name == name and call.arguments == arguments:
                self.earlier_calls.remove(call)
                return call
        return None
