"""A real server process, stopped and started again on the same data: nothing is lost."""

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`uvicorn` on the same FastAPI app that Reflex mounts."""

    def __init__(self, data_dir, env=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": "", **(env or {})}
        self.proc = None

    def start(self):
        subprocess.run([sys.executable, "-m", "todo_chat.core.db"], env=self.env, check=True,
                       capture_output=True)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "todo_chat.api.app:app", "--port", str(self.port)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/api/health").status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture
def server(tmp_path):
    srv = Server(tmp_path)
    yield srv
    if srv.proc and srv.proc.poll() is None:
        srv.stop()


def test_restart_keeps_accounts_and_tasks(server):
    server.start()
    signup = httpx.post(server.base + "/api/auth/signup",
                        json={"email": "r@example.com", "password": "restart-me-1"}).json()
    uid, headers = signup["user"]["id"], {"Authorization": f"Bearer {signup['access_token']}"}
    httpx.post(f"{server.base}/api/{uid}/tasks", json={"title": "survive"}, headers=headers)
    server.stop()

    server.start()
    login = httpx.post(server.base + "/api/auth/login",
                       json={"email": "r@example.com", "password": "restart-me-1"})
    assert login.status_code == 200
    # The old token still works: the secret is kept too.
    tasks = httpx.get(f"{server.base}/api/{uid}/tasks", headers=headers).json()["tasks"]
    assert [t["title"] for t in tasks] == ["survive"]


def test_restart_between_two_chat_turns(server):
    server.start()
    signup = httpx.post(server.base + "/api/auth/signup",
                        json={"email": "turns@example.com", "password": "restart-me-1"}).json()
    uid, headers = signup["user"]["id"], {"Authorization": f"Bearer {signup['access_token']}"}
    for title in ("Team meeting", "Meeting notes"):
        httpx.post(f"{server.base}/api/{uid}/tasks", json={"title": title}, headers=headers)
    first = httpx.post(f"{server.base}/api/{uid}/chat", json={"message": "Delete the meeting task"},
                       headers=headers, timeout=30).json()
    assert "Which one" in first["response"]
    server.stop()

    server.start()  # a new process: only the database remembers the question
    second = httpx.post(f"{server.base}/api/{uid}/chat", headers=headers, timeout=30,
                        json={"message": "2", "conversation_id": first["conversation_id"]}).json()
    assert second["tool_calls"][0]["name"] == "delete_task"
    assert second["tool_calls"][0]["arguments"] == {"task_id": 2}
    left = httpx.get(f"{server.base}/api/{uid}/tasks", headers=headers).json()["tasks"]
    assert [t["title"] for t in left] == ["Team meeting"]
