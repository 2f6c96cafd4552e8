"""Two backend workers behind one URL (`python -m todo_chat.serve`, Redis) serve one MCP client."""

from __future__ import annotations

import json

import httpx
import httpx2
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client

from tests.browser.conftest import start_app, stop_app
from tests.deploy.test_serve import SECRET, serve_command, worker_pids
from tests.mcp.conftest import Person, text
from tests.servers import redis_server

CALLS = 30


async def test_two_workers_serve_one_client_statelessly(tmp_path):
    """Every request opens a new connection, so the workers share them out: a server that kept
    MCP sessions in one worker's memory would answer some of them "session not found"."""
    with redis_server() as redis_url:
        base, proc = start_app(tmp_path / "data", serve_command("--backend-only", "--workers", "2"),
                               ready=("/api/health",), ENVIRONMENT="production", BETTER_AUTH_SECRET=SECRET,
                               REFLEX_REDIS_URL=redis_url, MCP_CALLS_PER_MINUTE=str(CALLS))
        try:
            assert len(worker_pids(proc)) == 2
            person = Person(base, "workers@example.com")
            token = person.token()["token"]
            one_shot = httpx2.Limits(max_keepalive_connections=0)
            headers = {"Authorization": f"Bearer {token}", "Connection": "close"}
            async with (httpx2.AsyncClient(headers=headers, limits=one_shot, timeout=30) as http,
                        streamable_http_client(base + "/mcp", http_client=http) as (read, write),
                        ClientSession(read, write) as mcp):
                await mcp.initialize()
                for n in range(CALLS - 1):
                    result = await mcp.call_tool("add_task", {"title": f"task {n}"})
                    assert not result.is_error, text(result)
                listed = json.loads(text(await mcp.call_tool("list_tasks", {})))
                assert listed["count"] == CALLS - 1
                # The per-user limit is counted in Redis, whichever worker answers.
                assert (await mcp.call_tool("list_tasks", {})).is_error
            assert len(person.tasks()) == CALLS - 1
            assert httpx.get(base + "/api/health").status_code == 200
        finally:
            stop_app(proc)
