"""A real server process (`uvicorn` on the app Reflex mounts) and the MCP SDK's own client."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import httpx2
import pytest
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp_types import CallToolResult

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


class Server:
    """`template`: a migrated database to copy (the session's), instead of migrating in a process
    of its own (a whole interpreter start: seconds on a loaded machine)."""

    def __init__(self, data_dir: Path, template: Path | None = None, **env: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = data_dir / "server.log"
        self.env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": "", "API_URL": self.base, **env}
        if template is not None:
            shutil.copy(template, data_dir / "todo_chat.db")
        else:
            subprocess.run([sys.executable, "-m", "todo_chat.core.db"], env=self.env, cwd=ROOT, check=True,
                           capture_output=True)
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "todo_chat.api.app:app", "--port",
                                          str(self.port)], env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/api/health").status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(self.log.read_text()[-3000:])

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=15)


@pytest.fixture(scope="module")
def server(tmp_path_factory, migrated_template) -> Iterator[Server]:
    srv = Server(tmp_path_factory.mktemp("mcp-server"), migrated_template, MCP_CALLS_PER_MINUTE="40")
    yield srv
    srv.stop()


class Person:
    """A signed-up user: REST headers, and tokens made through /api/tokens."""

    def __init__(self, base: str, email: str):
        self.base = base
        body = httpx.post(base + "/api/auth/signup", json={"email": email, "password": "correct-horse-1"}).json()
        self.id = body["user"]["id"]
        self.headers = {"Authorization": f"Bearer {body['access_token']}"}

    def token(self, scope: str = "write", name: str = "test client") -> dict:
        response = httpx.post(self.base + "/api/tokens", json={"name": name, "scope": scope}, headers=self.headers)
        assert response.status_code == 201, response.text
        return response.json()

    def tasks(self) -> list[dict]:
        return httpx.get(f"{self.base}/api/{self.id}/tasks", headers=self.headers).json()["tasks"]


_emails = iter(range(1, 100_000))


@pytest.fixture
def person(server) -> Person:
    return Person(server.base, f"mcp{next(_emails)}-{time.time_ns()}@example.com")


@asynccontextmanager
async def mcp_client(url: str, token: str | None, **headers: str) -> AsyncIterator[ClientSession]:
    """The MCP SDK's client over Streamable HTTP, sending `token` as a bearer token."""
    if token:
        headers["Authorization"] = f"Bearer {token}"
    async with (httpx2.AsyncClient(headers=headers, timeout=30) as http,
                streamable_http_client(url, http_client=http) as (read, write),
                ClientSession(read, write) as session):
        await session.initialize()
        yield session


def text(result: CallToolResult) -> str:
    return "".join(getattr(block, "text", "") for block in result.content)
