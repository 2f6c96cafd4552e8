"""The server never hangs: a burst of concurrent chat turns against a real server process.

`reflex run --env prod --backend-only` (the production backend, Reflex's ASGI stack included)
gets 200 chat turns from 50 users at once, JSON and SSE mixed, with task reads and writes in
between. Every request must get a 2xx, or a clean 429/503 with a JSON body; every accepted turn is
in the database exactly once; `/docs` keeps answering within 1 s; SIGTERM stops the server in 10 s.
Bounded: a fixed number of requests, each with a timeout, the whole test well under 60 s.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlmodel import Session, col, select

from tests.api.test_restart import free_port
from todo_chat.models import ItemRole, Message

ROOT = Path(__file__).resolve().parents[2]
USERS = 50
TURNS_PER_USER = 4  # 200 turns in all
REQUEST_TIMEOUT_S = 30
OK_REFUSALS = {429, 503}


@dataclass
class Outcome:
    statuses: list[int] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)
    accepted: list[tuple[str, int]] = field(default_factory=list)  # (user message text, reply id)

    def check(self, response: httpx.Response, what: str) -> bool:
        """True for a 2xx; a 429/503 must carry a JSON `detail`; anything else is a failure."""
        self.statuses.append(response.status_code)
        if 200 <= response.status_code < 300:
            return True
        try:
            body_ok = "detail" in response.json()
        except ValueError:
            body_ok = False
        if response.status_code not in OK_REFUSALS or not body_ok:
            self.bad.append(f"{what}: {response.status_code} {response.text[:200]}")
        return False


def start_backend(data_dir: Path) -> tuple[str, subprocess.Popen]:
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
           "ENVIRONMENT": "development", "CHAT_TURNS_PER_MINUTE": "100000",
           "REFLEX_WEB_WORKDIR": str(data_dir / ".web"), "REFLEX_CHECK_LATEST_VERSION": "0",
           "API_URL": f"http://127.0.0.1:{port}"}
    with open(data_dir / "server.log", "w") as log:  # the child keeps its own copy
        proc = subprocess.Popen(
            [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-only", "--backend-port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError((data_dir / "server.log").read_text()[-3000:])
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return base, proc
        except httpx.HTTPError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    raise RuntimeError("the backend did not start in time")


async def sign_up(client: httpx.AsyncClient, n: int) -> dict:
    response = await client.post("/api/auth/signup", json={"email": f"load{n}@example.com",
                                                           "password": "correct-horse-1"})
    assert response.status_code == 201, response.text
    body = response.json()
    return {"id": body["user"]["id"], "headers": {"Authorization": f"Bearer {body['access_token']}"}}


def sse_done(text: str) -> dict | None:
    """The `done` event of an SSE answer, if the stream ended with one."""
    for block in text.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if lines.get("event") == "done":
            return json.loads(lines["data"])
    return None


async def one_user(client: httpx.AsyncClient, user: dict, n: int, outcome: Outcome) -> None:
    base, headers = f"/api/{user['id']}", user["headers"]
    conversation_id = None
    for turn in range(TURNS_PER_USER):
        text = f"Add a task to buy item u{n}t{turn}"
        body = {"message": text, "conversation_id": conversation_id}
        if turn % 2:  # SSE
            response = await client.post(f"{base}/chat", json=body,
                                         headers={**headers, "Accept": "text/event-stream"})
            if outcome.check(response, "sse turn"):
                done = sse_done(response.text)
                if done is None:
                    outcome.bad.append(f"sse turn without done: {response.text[-300:]}")
                    continue
                conversation_id = done["conversation_id"]
                outcome.accepted.append((text, done["message_id"]))
        else:
            response = await client.post(f"{base}/chat", json=body, headers=headers)
            if outcome.check(response, "json turn"):
                conversation_id = response.json()["conversation_id"]
                outcome.accepted.append((text, response.json()["message_id"]))
        outcome.check(await client.get(f"{base}/tasks", headers=headers), "task read")
        created = await client.post(f"{base}/tasks", json={"title": f"direct u{n}t{turn}"}, headers=headers)
        if outcome.check(created, "task write"):
            outcome.check(await client.patch(f"{base}/tasks/{created.json()['id']}/complete", headers=headers),
                          "task update")


# `/docs` is timed from a process of its own: the load generator's busy event loop must not count
# as the server's latency.
PROBE = """
import sys, time, httpx
base, latencies = sys.argv[1], []
with httpx.Client(base_url=base, timeout=5) as client:
    while not sys.stdin.closed and sys.stdin.readline().strip() == "go":
        started = time.perf_counter()
        try:
            ok = client.get("/docs").status_code == 200
        except httpx.HTTPError:
            ok = False
        print(time.perf_counter() - started if ok else 99.0, flush=True)
"""


async def probe_docs(base: str, stop: asyncio.Event) -> list[float]:
    probe = await asyncio.create_subprocess_exec(sys.executable, "-c", PROBE, base, stdin=asyncio.subprocess.PIPE,
                                                 stdout=asyncio.subprocess.PIPE)
    latencies = []
    while not stop.is_set():
        probe.stdin.write(b"go\n")
        await probe.stdin.drain()
        latencies.append(float(await probe.stdout.readline()))
        await asyncio.sleep(0.1)
    probe.stdin.close()
    await probe.wait()
    return latencies


async def burst(base: str) -> tuple[Outcome, list[float], float]:
    limits = httpx.Limits(max_connections=USERS * 2, max_keepalive_connections=USERS * 2)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
        users = await asyncio.gather(*(sign_up(client, n) for n in range(USERS)))
        outcome, stop = Outcome(), asyncio.Event()
        prober = asyncio.create_task(probe_docs(base, stop))
        started = time.perf_counter()
        await asyncio.gather(*(one_user(client, user, n, outcome) for n, user in enumerate(users)))
        elapsed = time.perf_counter() - started
        stop.set()
        latencies = await prober
    return outcome, latencies, elapsed


def test_burst_of_concurrent_turns_never_hangs_and_loses_nothing(data_dir, session: Session):
    base, proc = start_backend(data_dir)
    try:
        outcome, latencies, elapsed = asyncio.run(burst(base))
    finally:
        stopping = time.monotonic()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
            stop_s = time.monotonic() - stopping
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            stop_s = None
    print(f"\n{len(outcome.accepted)} turns accepted in {elapsed:.1f} s; statuses "
          f"{sorted(set(outcome.statuses))}; /docs p50 {sorted(latencies)[len(latencies) // 2]:.3f} s, "
          f"max {max(latencies):.3f} s; SIGTERM exit in {stop_s}")
    assert outcome.bad == []
    assert len(outcome.accepted) >= USERS * TURNS_PER_USER * 0.9, "most turns should be accepted"
    assert latencies and max(latencies) < 1.0, f"/docs took {max(latencies):.2f} s during the burst"
    assert stop_s is not None, "SIGTERM did not stop the server within 10 s"

    session.expire_all()
    for text, reply_id in outcome.accepted:
        saved = session.exec(select(Message).where(Message.content == text)).all()
        assert len(saved) == 1 and saved[0].role == ItemRole.user, text
        reply = session.get(Message, reply_id)
        assert reply is not None and reply.role == ItemRole.assistant
        assert reply.conversation_id == saved[0].conversation_id and reply.id > saved[0].id
    replies = session.exec(select(Message.id).where(col(Message.role) == ItemRole.assistant)).all()
    assert len(replies) == len(outcome.accepted), "a reply for every accepted turn, and no more"
