"""The task tools as an MCP server (the official SDK's `MCPServer`), for any MCP client.

Each MCP tool is one of `agent.tools.DEFINITIONS`: the same name, description and argument
schema the agent's model sees, and the same unit of work (`perform`), so the two cannot drift.
A call's result is the same JSON text the agent reads; an error (bad arguments, no such task, a
read-only token, too many calls) is that `{"error": ...}` text with `isError` set. `tools/list`
shows a token only the tools its scope allows.

Who a call acts for comes from `identify`: the bearer token of the HTTP request (`mcp.http`), or
the token a stdio process was started with (`mcp.__main__`). The arguments never name a user.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from mcp.server import MCPServer
from mcp.server.auth.provider import TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase, FuncMetadata
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from mcp_types import Tool as ListedTool
from pydantic import ConfigDict

from todo_chat.agent.tools import CALL_ID_META, DEFINITIONS, CallRecord, TaskTool, perform
from todo_chat.core.db import run_db
from todo_chat.models import ToolCallStatus
from todo_chat.services import access_tokens
from todo_chat.services.access_tokens import Principal
from todo_chat.services.ratelimit import RateLimited

Identify = Callable[[], Awaitable[Principal | None]]
INSTRUCTIONS = ("The signed-in user's todo list. Call list_tasks to find task ids; the other tools take "
                "one. Dates are in the user's own time zone.")
READ_ONLY = "This token is read-only: it may call list_tasks only. Make a write token to change tasks."


class RawArguments(ArgModelBase):
    """Hands the tool the arguments as sent: `perform` reads them the way the agent's calls are
    read, so a bad one is the same `{"error": ...}` through either door (not the SDK's text)."""

    model_config = ConfigDict(extra="allow")

    def model_dump_one_level(self) -> dict[str, Any]:
        return {"arguments": dict(self.model_extra or {})}


def _answer(status: ToolCallStatus, text: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=status is ToolCallStatus.error)


def _refuse(message: str) -> CallToolResult:
    return _answer(ToolCallStatus.error, json.dumps({"error": message}, ensure_ascii=False))


def _record(principal: Principal, ctx: Context) -> CallRecord | None:
    """A chat turn's own call is filed under its turn (the token says which; the meta its call id)."""
    meta = ctx.request_context.meta
    call_id = meta.get(CALL_ID_META) if isinstance(meta, Mapping) else None
    if principal.conversation_id is None or not isinstance(call_id, str) or not 0 < len(call_id) <= 128:
        return None
    return CallRecord(principal.conversation_id, principal.message_id, call_id)


def _tool(tool: TaskTool, identify: Identify) -> Tool:
    async def call(arguments: dict[str, Any], ctx: Context) -> CallToolResult:
        principal = await identify()
        if principal is None:
            return _refuse("Not authenticated: the token is unknown, revoked or expired")
        if tool.writes and not principal.can_write:
            return _refuse(READ_ONLY)
        try:
            await access_tokens.count_call(principal)
        except RateLimited as exc:
            return _refuse(str(exc))
        status, text = await run_db(perform, principal.user, tool, arguments, _record(principal, ctx))
        return _answer(status, text)

    return Tool(fn=call, name=tool.name, description=tool.description, parameters=tool.schema,
                fn_metadata=FuncMetadata(arg_model=RawArguments), is_async=True, context_kwarg="ctx",
                annotations=ToolAnnotations(read_only_hint=not tool.writes,
                                            destructive_hint=tool.name == "delete_task",
                                            open_world_hint=False))


class ScopedServer(MCPServer):
    """`tools/list` shows a caller only the tools its token's scope lets it call (a read-only
    token does not see the changing ones). A call to a hidden tool is still refused by the tool
    itself (`_tool`), with the scope named: hiding is a courtesy, the check is in the call."""

    def __init__(self, identify: Identify, **settings: Any):
        super().__init__(tools=[_tool(tool, identify) for tool in DEFINITIONS], **settings)
        self._identify = identify

    async def list_tools(self) -> list[ListedTool]:
        principal = await self._identify()
        allowed = {tool.name for tool in DEFINITIONS if principal is not None
                   and (principal.can_write or not tool.writes)}
        return [tool for tool in await super().list_tools() if tool.name in allowed]


def build_server(identify: Identify, token_verifier: TokenVerifier | None = None,
                 auth: AuthSettings | None = None) -> MCPServer:
    return ScopedServer(identify, name="todo-chat", instructions=INSTRUCTIONS, version="1.0.0",
                        token_verifier=token_verifier, auth=auth, log_level="WARNING")
