"""`python -m todo_chat.mcp`: the MCP server over stdio, for desktop clients (Claude Desktop, Cursor).

It runs the task tools on this machine's todo-chat database (DATA_DIR / DATABASE_URL, as the app
reads them) for the owner of the personal access token in TODO_CHAT_TOKEN. The token is checked
at start (a bad one stops the process with a message) and again on every call, so revoking it in
the app stops this process's calls too. For a remote todo-chat, point the client at its `/mcp`
URL instead (README, "MCP").
"""

from __future__ import annotations

import os
import sys

import anyio

from todo_chat.mcp.server import build_server
from todo_chat.services import access_tokens
from todo_chat.services.access_tokens import Principal

TOKEN_VAR = "TODO_CHAT_TOKEN"


async def serve(token: str) -> int:
    principal = await access_tokens.verify(token)
    if principal is None or principal.conversation_id is not None:
        print(f"todo-chat MCP: {TOKEN_VAR} is not a valid personal access token "
              "(make one in the app: Settings, or POST /api/tokens)", file=sys.stderr)
        return 2
    print(f"todo-chat MCP (stdio) for {principal.user.email}, scope {principal.scope.value}", file=sys.stderr)

    async def identify() -> Principal | None:
        return await access_tokens.verify(token)

    await build_server(identify).run_stdio_async()
    return 0


def main() -> int:
    token = os.environ.get(TOKEN_VAR, "").strip()
    if not token:
        print(f"todo-chat MCP: set {TOKEN_VAR} to a personal access token", file=sys.stderr)
        return 2
    return anyio.run(serve, token)


if __name__ == "__main__":
    sys.exit(main())
