"""Benchmarks (`make bench`): each figure is a ratio against a baseline measured in the same run.

- chat turn (offline model, one tool call) vs one plain REST call that does the same write
- time to the first SSE event vs the whole streamed turn
- listing 1,000 tasks vs listing 10
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("BETTER_AUTH_SECRET", "bench-secret-" + "x" * 40)
os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="todo-chat-bench-")
os.environ["CHAT_TURNS_PER_MINUTE"] = "100000"

from fastapi.testclient import TestClient  # noqa: E402

from todo_chat.api.app import create_app  # noqa: E402
from todo_chat.core.db import migrate  # noqa: E402


def timed(fn, n: int) -> float:
    """Median milliseconds of n calls."""
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def account(client: TestClient, email: str) -> tuple[int, dict]:
    body = client.post("/api/auth/signup", json={"email": email, "password": "bench-password"}).json()
    return body["user"]["id"], {"Authorization": f"Bearer {body['access_token']}"}


def main() -> None:
    migrate()
    client = TestClient(create_app())
    uid, headers = account(client, "bench@example.com")

    rest = timed(lambda: client.post(f"/api/{uid}/tasks", json={"title": "Buy milk"}, headers=headers), 200)
    turn = timed(lambda: client.post(f"/api/{uid}/chat", json={"message": "Add a task to buy milk"},
                                     headers=headers), 100)
    print(f"create task: REST {rest:.2f} ms, chat turn {turn:.2f} ms  -> turn/REST = {turn / rest:.1f}x")

    def first_event_and_total() -> tuple[float, float]:
        start = time.perf_counter()
        first: float | None = None
        with client.stream("POST", f"/api/{uid}/chat", json={"message": "What's pending?"},
                           headers={**headers, "Accept": "text/event-stream"}) as response:
            for line in response.iter_lines():
                if first is None and line.startswith("data: "):
                    first = time.perf_counter()
        end = time.perf_counter()
        assert first is not None, "the stream sent no event"
        return (first - start) * 1000, (end - start) * 1000

    runs = [first_event_and_total() for _ in range(30)]
    ttfe = statistics.median(r[0] for r in runs)
    total = statistics.median(r[1] for r in runs)
    print(f"SSE turn: first event {ttfe:.2f} ms, whole turn {total:.2f} ms -> first/whole = {ttfe / total:.2f}")

    small_uid, small_headers = account(client, "small@example.com")
    for i in range(10):
        client.post(f"/api/{small_uid}/tasks", json={"title": f"t{i}"}, headers=small_headers)
    big_uid, big_headers = account(client, "big@example.com")
    for i in range(1000):
        client.post(f"/api/{big_uid}/tasks", json={"title": f"t{i}"}, headers=big_headers)
    small = timed(lambda: client.get(f"/api/{small_uid}/tasks?limit=100", headers=small_headers), 100)
    big = timed(lambda: client.get(f"/api/{big_uid}/tasks?limit=100", headers=big_headers), 100)
    print(f"list a page of tasks: 10 tasks {small:.2f} ms, 1000 tasks {big:.2f} ms -> {big / small:.2f}x")


if __name__ == "__main__":
    main()
