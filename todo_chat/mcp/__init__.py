"""The MCP door: the task tools for any MCP client, over Streamable HTTP at /mcp (`http`) and
stdio (`python -m todo_chat.mcp`), on the same tool definitions as the agent's function tools."""
