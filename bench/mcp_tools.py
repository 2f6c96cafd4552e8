"""What AGENT_TOOLS=mcp costs: chat turns with the tools in process vs through our MCP server.

One real server process (`uvicorn` on the app Reflex mounts, SQLite, the offline model) per mode,
started one after the other so they never share the CPU. Each gets the same sequential chat turns
through the JSON door ("Add a task to buy milk N": one `add_task` call; "Show my tasks": one
`list_tasks`), and the server's own CPU time is read from /proc before and after. A third figure
is an outside MCP client (the SDK's, over Streamable HTTP with a personal access token) calling
`list_tasks`: the cost of one MCP tool call as Claude Desktop or Cursor would pay it.

    python -m bench.mcp_tools [turns]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import httpx2
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


@contextmanager
def server(agent_tools: str):
    data = Path(tempfile.mkdtemp(prefix=f"bench-mcp-{agent_tools}-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATA_DIR": str(data), "DATABASE_URL": "", "API_URL": base, "AGENT_TOOLS": agent_tools,
           "ENVIRONMENT": "development", "CHAT_TURNS_PER_MINUTE": "100000", "MCP_CALLS_PER_MINUTE": "100000",
           "BETTER_AUTH_SECRET": "bench-" + "x" * 40}
    subprocess.run([sys.executable, "-m", "todo_chat.core.db"], env=env, cwd=ROOT, check=True, capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "todo_chat.api.app:app", "--port", str(port),
                             "--log-level", "warning"], env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/health").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        shutil.rmtree(data, ignore_errors=True)


def _account(base: str) -> tuple[int, dict[str, str]]:
    body = httpx.post(base + "/api/auth/signup", json={"email": f"b{time.time_ns()}@example.com",
                                                       "password": "correct-horse-1"}).json()
    return body["user"]["id"], {"Authorization": f"Bearer {body['access_token']}"}


def chat_turns(base: str, pid: int, turns: int) -> dict[str, float]:
    uid, headers = _account(base)
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        for i in range(5):  # warm up (the first MCP turn also fetches the tool list)
            client.post(f"/api/{uid}/chat", json={"message": f"Add a task to buy warm-up {i}"})
        samples, cpu = [], _cpu_seconds(pid)
        for i in range(turns):
            message = f"Add a task to buy milk {i}" if i % 2 == 0 else "Show my tasks"
            started = time.perf_counter()
            answer = client.post(f"/api/{uid}/chat", json={"message": message})
            samples.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200 and answer.json()["tool_calls"], answer.text
        cpu_ms = (_cpu_seconds(pid) - cpu) / turns * 1000
    return {"p50_ms": statistics.median(samples), "p95_ms": statistics.quantiles(samples, n=20)[-1],
            "server_cpu_ms_per_turn": cpu_ms}


async def _outside_calls(base: str, token: str, calls: int) -> list[float]:
    async with (httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30) as http,
                streamable_http_client(base + "/mcp", http_client=http) as (read, write),
                ClientSession(read, write) as mcp):
        await mcp.initialize()
        samples = []
        for _ in range(calls):
            started = time.perf_counter()
            assert not (await mcp.call_tool("list_tasks", {"status": "pending"})).is_error
            samples.append((time.perf_counter() - started) * 1000)
        return samples


def outside_client(base: str, pid: int, calls: int) -> dict[str, float]:
    _uid, headers = _account(base)
    token = httpx.post(base + "/api/tokens", json={"name": "bench", "scope": "read"}, headers=headers).json()["token"]
    cpu = _cpu_seconds(pid)
    samples = asyncio.run(_outside_calls(base, token, calls))
    return {"p50_ms": statistics.median(samples), "server_cpu_ms_per_call": (_cpu_seconds(pid) - cpu) / calls * 1000}


def main(turns: int = 60) -> dict[str, dict[str, float]]:
    results = {}
    for mode in ("process", "mcp"):
        with server(mode) as (base, pid):
            results[f"chat turn, AGENT_TOOLS={mode}"] = chat_turns(base, pid, turns)
            if mode == "mcp":
                results["outside MCP client, one list_tasks call"] = outside_client(base, pid, turns)
    for name, figures in results.items():
        print(f"{name:45s} " + "  ".join(f"{k}={v:.1f}" for k, v in figures.items()))
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
