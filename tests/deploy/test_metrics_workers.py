"""/metrics of `python -m todo_chat.serve` with two workers: whichever worker answers a scrape,
it counts the turns both served (prometheus-client's multiprocess mode, the dir serve.py sets)."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from tests.browser.conftest import start_app, stop_app
from tests.deploy.test_serve import SECRET, serve_command, worker_pids
from tests.servers import redis_server

TOKEN = "workers-metrics-" + "w" * 20
TURNS = 8


def turns_ok(base: str) -> float:
    response = httpx.get(base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}", "Connection": "close"})
    assert response.status_code == 200, response.text
    return sum(s.value for family in text_string_to_metric_families(response.text)
               for s in family.samples if s.name == "todo_chat_turns_total" and s.labels == {"outcome": "ok"})


def turns_by_worker(folder: Path, pids: list[int]) -> dict[int, float]:
    """Each worker's own count, from its own file (the library's reader, one file at a time)."""
    counts = {}
    for pid in pids:
        metrics = MultiProcessCollector._read_metrics([str(folder / f"counter_{pid}.db")])
        counts[pid] = sum(s.value for metric in metrics.values() for s in metric.samples
                          if s.name == "todo_chat_turns_total" and dict(s.labels) == {"outcome": "ok"})
    return counts


def test_a_scrape_of_any_worker_counts_every_workers_turns(tmp_path):
    with redis_server() as redis_url:
        base, proc = start_app(tmp_path / "data", serve_command("--backend-only", "--workers", "2"),
                               ready=("/api/health",), ENVIRONMENT="production", BETTER_AUTH_SECRET=SECRET,
                               REFLEX_REDIS_URL=redis_url, METRICS_TOKEN=TOKEN)
        try:
            workers = worker_pids(proc)
            assert len(workers) == 2
            folder = tmp_path / "data" / "metrics"  # serve.py's PROMETHEUS_MULTIPROC_DIR
            for n in range(TURNS):  # a new connection each: the workers share them out
                signup = httpx.post(base + "/api/auth/signup", headers={"Connection": "close"},
                                    json={"email": f"m{n}@example.com", "password": "correct-horse-1"}).json()
                headers = {"Authorization": f"Bearer {signup['access_token']}", "Connection": "close"}
                reply = httpx.post(f"{base}/api/{signup['user']['id']}/chat", json={"message": "hi"},
                                   headers=headers, timeout=30)
                assert reply.status_code == 200, reply.text
            by_worker = turns_by_worker(folder, workers)
            assert sum(by_worker.values()) == TURNS and all(by_worker.values()), by_worker  # both served
            assert [turns_ok(base) for _ in range(6)] == [TURNS] * 6
        finally:
            stop_app(proc)
