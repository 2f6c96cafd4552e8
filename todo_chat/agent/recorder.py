"""Tool calls are saved as they happen, whichever door the turn came through."""

from __future__ import annotations

import json
from typing import Any

from agents import RunContextWrapper, RunHooks
from agents.tool_context import ToolContext

from todo_chat.agent.context import TodoContext
from todo_chat.agent.tools import tool_status
from todo_chat.core.db import session_scope
from todo_chat.services import conversations


def parse_arguments(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {"raw": raw}
    return value if isinstance(value, dict) else {"value": value}


class ToolCallRecorder(RunHooks[TodoContext]):
    """Saves each tool call as pending when it starts and success/error when it ends."""

    async def on_tool_start(self, context: RunContextWrapper[TodoContext], agent, tool) -> None:
        ctx = context.context
        if not isinstance(context, ToolContext) or ctx.conversation_id is None:
            return
        with session_scope() as session:
            conversations.start_tool_call(
                session, ctx.user, ctx.conversation_id, ctx.message_id, context.tool_call_id,
                context.tool_name, parse_arguments(context.tool_arguments))

    async def on_tool_end(self, context: RunContextWrapper[TodoContext], agent, tool, result) -> None:
        ctx = context.context
        if not isinstance(context, ToolContext) or ctx.conversation_id is None:
            return
        with session_scope() as session:
            call = conversations.finish_tool_call(session, ctx.user, context.tool_call_id,
                                                  tool_status(result), str(result))
            conversations.save_tool_item(session, ctx.user, ctx.conversation_id, call)
