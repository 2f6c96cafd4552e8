"""`python -m todo_chat.mcp` over stdio, driven by the MCP SDK's own stdio client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from tests.conftest import Account
from tests.mcp.conftest import text
from todo_chat.agent.tools import TASK_TOOLS
from todo_chat.mcp.server import READ_ONLY

ROOT = Path(__file__).resolve().parents[2]


def _env(token: str) -> dict[str, str]:
    keep = ("DATA_DIR", "DATABASE_URL", "BETTER_AUTH_SECRET", "ENVIRONMENT")
    return {"TODO_CHAT_TOKEN": token, **{var: os.environ.get(var, "") for var in keep}}


@asynccontextmanager
async def stdio_session(token: str) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(command=sys.executable, args=["-m", "todo_chat.mcp"], env=_env(token), cwd=ROOT)
    with open(os.devnull, "w") as quiet:
        async with stdio_client(params, errlog=quiet) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            yield session


def _token(client, account: Account, scope: str = "write") -> dict:
    response = client.post("/api/tokens", json={"name": "desktop", "scope": scope}, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _tasks(client, account: Account) -> list[dict]:
    return client.get(f"/api/{account.id}/tasks", headers=account.headers).json()["tasks"]


async def test_stdio_lists_the_tools_and_each_call_shows_over_rest(client, alice):
    async with stdio_session(_token(client, alice)["token"]) as mcp:
        listed = (await mcp.list_tools()).tools
        assert [(t.name, t.input_schema) for t in listed] == [(t.name, t.params_json_schema) for t in TASK_TOOLS]

        task_id = json.loads(text(await mcp.call_tool("add_task", {"title": "Water plants"})))["task_id"]
        assert [t["title"] for t in _tasks(client, alice)] == ["Water plants"]
        assert json.loads(text(await mcp.call_tool("list_tasks", {})))["count"] == 1
        await mcp.call_tool("update_task", {"task_id": task_id, "priority": "high"})
        assert _tasks(client, alice)[0]["priority"] == "high"
        await mcp.call_tool("complete_task", {"task_id": task_id})
        assert _tasks(client, alice)[0]["completed"] is True
        await mcp.call_tool("reopen_task", {"task_id": task_id})
        assert _tasks(client, alice)[0]["completed"] is False
        bad = await mcp.call_tool("add_task", {"title": ""})
        assert bad.is_error and "error" in json.loads(text(bad))
        await mcp.call_tool("delete_task", {"task_id": task_id})
        assert _tasks(client, alice) == []


async def test_stdio_acts_for_the_tokens_owner_and_its_scope_only(client, alice, bob):
    client.post(f"/api/{alice.id}/tasks", json={"title": "Alice's"}, headers=alice.headers)
    alice_task = _tasks(client, alice)[0]["id"]
    async with stdio_session(_token(client, bob, "read")["token"]) as mcp:
        assert [t.name for t in (await mcp.list_tools()).tools] == ["list_tasks"]
        assert json.loads(text(await mcp.call_tool("list_tasks", {})))["tasks"] == []
        refused = await mcp.call_tool("delete_task", {"task_id": alice_task})
        assert refused.is_error and json.loads(text(refused)) == {"error": READ_ONLY}
    async with stdio_session(_token(client, bob)["token"]) as mcp:
        foreign = await mcp.call_tool("delete_task", {"task_id": alice_task})
        assert foreign.is_error and json.loads(text(foreign)) == {"error": f"Task {alice_task} not found"}
    assert [t["title"] for t in _tasks(client, alice)] == ["Alice's"]


async def test_revoking_the_token_stops_a_running_stdio_server(client, alice):
    token = _token(client, alice)
    async with stdio_session(token["token"]) as mcp:
        assert not (await mcp.call_tool("list_tasks", {})).is_error
        assert client.delete(f"/api/tokens/{token['id']}", headers=alice.headers).status_code == 204
        refused = await mcp.call_tool("list_tasks", {})
        assert refused.is_error and "Not authenticated" in json.loads(text(refused))["error"]


def test_a_bad_token_stops_the_stdio_server_at_once(data_dir):
    for token in ("", "tc_pat_unknown"):
        result = subprocess.run([sys.executable, "-m", "todo_chat.mcp"], env={**os.environ, **_env(token)},
                                cwd=ROOT, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert result.returncode == 2 and "TODO_CHAT_TOKEN" in result.stderr
