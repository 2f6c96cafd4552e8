"""Server benchmarks over real HTTP (`make bench`), each against a bare baseline in the same run.

Two server processes on loopback ports: todo-chat's production backend (`reflex run --env prod
--backend-only`, offline model, SQLite) and `bench/bare_server.py` (the same contract with no
database, agent or Reflex). Figures: sequential turn p50 and server CPU per turn; 50 and 200
concurrent users (turns/s, p50/p99, errors); signup latency alone and under concurrent signups;
backend RSS. Bounded: a fixed number of requests with timeouts. A third figure, openai-agents' run
loop alone in this process (`bench/agent_loop.py`), splits the turn overhead into the SDK's share
and the rest (database, HTTP, Reflex, our turn runner).
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.agent_loop import agent_loop

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    base: str
    proc: subprocess.Popen

    def pids(self) -> list[int]:
        """The server and its workers (Reflex runs the backend in child processes)."""
        found, todo = [], [self.proc.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                children = []
            todo.extend(int(c) for c in children)
        return found

    def cpu_s(self) -> float:
        total = 0.0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def rss_mib(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0)
        return total / 1024

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)


def start(name: str, command: list[str], env: dict[str, str], port: int) -> Server:
    with open(Path(env["DATA_DIR"]) / f"{name}.log", "w") as log:  # the child keeps its own copy
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return Server(name, base, proc)
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not start")


def servers(data_dir: Path) -> tuple[Server, Server]:
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": "", "ENVIRONMENT": "development",
           "CHAT_TURNS_PER_MINUTE": "1000000", "SIGNUP_ATTEMPTS_PER_IP": "100000/minute",
           "LOGIN_ATTEMPTS_PER_IP": "100000/minute", "REFLEX_WEB_WORKDIR": str(data_dir / ".web"),
           "REFLEX_CHECK_LATEST_VERSION": "0", "BETTER_AUTH_SECRET": "bench-" + "x" * 40}
    port = free_port()
    app = start("todo-chat", [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-only",
                              "--backend-port", str(port)], {**env, "API_URL": f"http://127.0.0.1:{port}"}, port)
    port = free_port()
    bare = start("bare", [sys.executable, "-m", "uvicorn", "bench.bare_server:app", "--port", str(port),
                          "--log-level", "warning"], env, port)
    return app, bare


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def sign_up(client: httpx.AsyncClient, email: str) -> tuple[dict, float]:
    started = time.perf_counter()
    response = await client.post("/api/auth/signup", json={"email": email, "password": "bench-password-1"})
    elapsed = (time.perf_counter() - started) * 1000
    response.raise_for_status()
    body = response.json()
    return {"id": body["user"]["id"], "headers": {"Authorization": f"Bearer {body['access_token']}"}}, elapsed


async def turn(client: httpx.AsyncClient, user: dict, text: str, stream: bool) -> tuple[bool, float]:
    headers = {**user["headers"], **({"Accept": "text/event-stream"} if stream else {})}
    started = time.perf_counter()
    try:
        response = await client.post(f"/api/{user['id']}/chat", json={"message": text}, headers=headers)
        ok = response.status_code == 200 and (not stream or "event: done" in response.text)
    except httpx.HTTPError:
        ok = False
    return ok, (time.perf_counter() - started) * 1000


async def measure(server: Server, tag: str) -> dict[str, float]:
    limits = httpx.Limits(max_connections=250, max_keepalive_connections=250)
    result: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=server.base, timeout=TIMEOUT_S, limits=limits) as client:
        user, _ = await sign_up(client, f"seq-{tag}@example.com")
        for i in range(20):  # warm up
            await turn(client, user, f"Add a task to buy warm-up {i}", False)
        cpu0, samples = server.cpu_s(), []
        for i in range(200):
            samples.append((await turn(client, user, f"Add a task to buy milk {i}", i % 2 == 1))[1])
        result["seq_p50_ms"] = statistics.median(samples)
        result["cpu_per_turn_ms"] = (server.cpu_s() - cpu0) / 200 * 1000

        alone = [(await sign_up(client, f"alone-{tag}-{i}@example.com"))[1] for i in range(10)]
        result["signup_alone_p50_ms"] = statistics.median(alone)
        crowd = await asyncio.gather(*(sign_up(client, f"crowd-{tag}-{i}@example.com") for i in range(250)))
        users = [u for u, _ in crowd]
        result["signup_crowd_p50_ms"] = statistics.median(ms for _, ms in crowd[:50])

        for concurrent in (50, 200):
            group = users[:concurrent]
            per_user = max(1, 400 // concurrent)
            started = time.perf_counter()
            outcomes = await asyncio.gather(*(
                turn(client, u, f"Add a task to buy thing {n}-{k}", (n + k) % 2 == 1)
                for k in range(per_user) for n, u in enumerate(group)))
            wall = time.perf_counter() - started
            latencies = [ms for ok, ms in outcomes if ok]
            result[f"c{concurrent}_turns_per_s"] = len(latencies) / wall
            result[f"c{concurrent}_p50_ms"] = pct(latencies, 0.5)
            result[f"c{concurrent}_p99_ms"] = pct(latencies, 0.99)
            result[f"c{concurrent}_errors"] = sum(1 for ok, _ in outcomes if not ok)
        result["rss_mib"] = server.rss_mib()
    return result


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="todo-chat-load-"))
    subprocess.run([sys.executable, "-m", "todo_chat.core.db"], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": ""})
    loop_alone = agent_loop()  # before the servers start: nothing else is running
    app, bare = servers(data_dir)
    try:
        ours, base = asyncio.run(measure(app, "app")), asyncio.run(measure(bare, "bare"))
    finally:
        app.stop()
        bare.stop()
    rows = [
        ("sequential turn p50 (ms)", "seq_p50_ms"), ("server CPU per turn (ms)", "cpu_per_turn_ms"),
        ("signup alone p50 (ms)", "signup_alone_p50_ms"), ("signup among 250 at once p50 (ms)", "signup_crowd_p50_ms"),
        ("50 users: turns/s", "c50_turns_per_s"), ("50 users: p50 (ms)", "c50_p50_ms"),
        ("50 users: p99 (ms)", "c50_p99_ms"), ("50 users: errors", "c50_errors"),
        ("200 users: turns/s", "c200_turns_per_s"), ("200 users: p50 (ms)", "c200_p50_ms"),
        ("200 users: p99 (ms)", "c200_p99_ms"), ("200 users: errors", "c200_errors"),
        ("backend RSS (MiB)", "rss_mib"),
    ]
    print(f"{'figure':38} {'todo-chat':>10} {'bare':>10} {'ratio':>7}")
    for label, key in rows:
        ratio = ours[key] / base[key] if base[key] else float("nan")
        print(f"{label:38} {ours[key]:10.1f} {base[key]:10.1f} {ratio:7.2f}")
    overhead = ours["seq_p50_ms"] - base["seq_p50_ms"]
    print(f"openai-agents' run loop alone (bench/agent_loop.py): p50 {loop_alone['seq_p50_ms']:.1f} ms, "
          f"CPU {loop_alone['cpu_per_turn_ms']:.1f} ms per turn")
    print(f"turn overhead over the bare endpoint, p50: {overhead:.1f} ms "
          f"({loop_alone['seq_p50_ms']:.1f} of it the agent loop, {overhead - loop_alone['seq_p50_ms']:.1f} the rest)")
    print(f"throughput at 50 users vs bare: {ours['c50_turns_per_s'] / base['c50_turns_per_s']:.0%}")


if __name__ == "__main__":
    main()
