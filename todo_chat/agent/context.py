from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from todo_chat.models import ToolCall, ToolCallStatus, User
from todo_chat.services.conversations import new_id

# Where a call is seen: the model asked for it, the tool ran it, its output came back.
CallStep = Literal["started", "ran", "answered"]


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
    # Our call ids, by (the server's id, how many calls of this run had that server id before).
    _own_ids: dict[tuple[str, int], str] = field(default_factory=dict)
    _seen: dict[tuple[CallStep, str], int] = field(default_factory=dict)

    def own_call_id(self, server_id: str, step: CallStep) -> str:
        """Our id for a call of this run, never the model server's own.

        Servers choose their ids, and some number them per response ("call_0" in every turn, even
        in every step of one turn): saved as they come they would collide with an earlier call.
        Each step sees a run's calls in the same order (the model asks, the tool runs, the output
        comes back), so the n-th call with a server id gets the same id of ours at every step."""
        n = self._seen.get((step, server_id), 0)
        self._seen[(step, server_id)] = n + 1
        return self._own_ids.setdefault((server_id, n), new_id("call"))

    def take_earlier(self, name: str, arguments: dict[str, Any]) -> ToolCall | None:
        for call in self.earlier_calls:
            if call.name == name and call.arguments == arguments:
                self.earlier_calls.remove(call)
                return call
        return None
