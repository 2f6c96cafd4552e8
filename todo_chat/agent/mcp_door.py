"""AGENT_TOOLS=mcp: a turn's tool calls go through our own MCP server, as the Phase III spec draws it.

The turn connects to the server at MCP_URL (openai-agents' `MCPServerStreamableHttp`, the MCP
SDK's client underneath) with a short-lived token of its own (`access_tokens.turn_token`: the
user, the conversation, the user message). The agent's task tools are the ones the server lists
(fetched once per process); each call is an MCP `tools/call` carrying the model's call id, and the
server runs it as the same unit of work as in process, filed under the turn. Only the transport
differs: same tools, same results, same records. In process (the default) skips the HTTP hops.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from agents.mcp import MCPServerStreamableHttp

from todo_chat.agent.context import TodoContext
from todo_chat.agent.tools import CALL_ID_META, IN_PROCESS, CallRecord, ToolSet, function_tool
from todo_chat.core.config import get_settings
from todo_chat.models import ToolCallStatus
from todo_chat.services import access_tokens

log = logging.getLogger(__name__)
TIMEOUT = timedelta(seconds=30)
_listed: dict[str, ToolSet] = {}  # per MCP URL: what the server lists does not change while it runs


class McpDoor:
    """The `ToolDoor` of a turn connected to our MCP server."""

    def __init__(self, server: MCPServerStreamableHttp):
        self.server = server

    async def __call__(self, context: TodoContext, name: str, arguments: str,
                       record: CallRecord | None) -> tuple[ToolCallStatus, str]:
        try:
            data = json.loads(arguments or "{}")
        except ValueError:
            data = None
        if not isinstance(data, dict):  # MCP carries a JSON object or nothing: answer as the server would
            return ToolCallStatus.error, json.dumps(
                {"error": f"Invalid arguments for {name}: not valid JSON; send one JSON object"})
        meta = {CALL_ID_META: record.call_id} if record is not None else None
        result = await self.server.call_tool(name, data, meta=meta)
        text = "".join(getattr(block, "text", "") for block in result.content)
        return (ToolCallStatus.error if result.is_error else ToolCallStatus.success), text


async def open_door(context: TodoContext) -> ToolSet:
    """Connect the turn to the MCP server when AGENT_TOOLS=mcp (`context.door`); the agent's tools."""
    settings = get_settings()
    if settings.agent_tools != "mcp" or context.conversation_id is None or context.message_id is None:
        return IN_PROCESS
    token = access_tokens.turn_token(context.user, context.conversation_id, context.message_id)
    server = MCPServerStreamableHttp(
        {"url": settings.resolved_mcp_url, "headers": {"Authorization": f"Bearer {token}"}, "timeout": TIMEOUT},
        name="todo-chat", client_session_timeout_seconds=TIMEOUT.total_seconds())
    await server.connect()
    context.door = McpDoor(server)
    url = settings.resolved_mcp_url
    if url not in _listed:
        listed = await server.list_tools()
        _listed[url] = ToolSet(tuple(function_tool(t.name, t.description or "", t.input_schema) for t in listed))
    return _listed[url]


async def close_door(context: TodoContext) -> None:
    door, context.door = context.door, None
    if isinstance(door, McpDoor):
        try:
            await door.server.cleanup()
        except Exception:  # the turn's own outcome matters more than a clean hang-up
            log.warning("closing the turn's MCP connection failed", exc_info=True)
