"""The stats page's query on a user with 10,000 tasks (`python -m bench.stats_query`, in `make bench`).

Figures: the median time of `services.stats.summary` (every figure of /stats, aggregated in SQL)
for a user with 10,000 tasks spread over the last year, against the same for a user with 10
tasks, and `GET /api/stats` end to end. SQLite by default; `DATABASE_URL=postgresql+psycopg://...`
runs it on PostgreSQL (an empty database: it is migrated here).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta

os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("BETTER_AUTH_SECRET", "bench-secret-" + "x" * 40)
os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="todo-chat-bench-stats-")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from todo_chat.api.app import create_app  # noqa: E402
from todo_chat.core.config import get_settings  # noqa: E402
from todo_chat.core.db import migrate, session_scope  # noqa: E402
from todo_chat.core.time import utcnow  # noqa: E402
from todo_chat.models import Task, User  # noqa: E402
from todo_chat.services import stats  # noqa: E402

MANY, FEW, RUNS = 10_000, 10, 30
BUDGET_MS = 250  # the page must feel instant: fail the bench above this


def seed(user_id: int, count: int, rng: random.Random) -> None:
    """`count` tasks over the last year: two thirds completed at random hours, some overdue."""
    now = utcnow()
    rows = []
    for n in range(count):
        created = now - timedelta(days=rng.uniform(0, 365))
        done = rng.random() < 2 / 3
        completed_at = created + timedelta(hours=rng.uniform(0, 72)) if done else None
        if completed_at is not None and completed_at > now:
            completed_at = now
        rows.append({"user_id": user_id, "title": f"task {n}", "description": "", "completed": done,
                     "priority": "medium", "tags": [], "all_day": False, "created_at": created,
                     "updated_at": completed_at or created, "completed_at": completed_at,
                     "due_at": created + timedelta(days=rng.uniform(0, 30)) if rng.random() < 0.4 else None})
    with session_scope() as session:
        session.execute(insert(Task), rows)


def median_ms(fn, runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    migrate()
    client = TestClient(create_app())
    ids = {}
    for name in ("many", "few"):
        body = client.post("/api/auth/signup", json={"email": f"{name}@example.com", "password": "bench-password",
                                                     "timezone": "Europe/Paris"}).json()
        ids[name] = (body["user"]["id"], {"Authorization": f"Bearer {body['access_token']}"})
    rng = random.Random(22)
    seed(ids["many"][0], MANY, rng)
    seed(ids["few"][0], FEW, rng)

    def summary_of(user_id: int) -> stats.Stats:
        with session_scope() as session:
            return stats.summary(session, session.get(User, user_id))

    figures = summary_of(ids["many"][0])
    assert figures.open + figures.done == MANY, "every seeded task is counted"
    many = median_ms(lambda: summary_of(ids["many"][0]))
    few = median_ms(lambda: summary_of(ids["few"][0]))
    api = median_ms(lambda: client.get("/api/stats", headers=ids["many"][1]))
    database = "postgresql" if get_settings().resolved_database_url.startswith("postgresql") else "sqlite"
    print(f"stats summary ({database}): {MANY:,} tasks {many:.1f} ms, {FEW} tasks {few:.1f} ms "
          f"-> {many / few:.1f}x; GET /api/stats with {MANY:,} tasks {api:.1f} ms "
          f"(done {figures.done:,}, streak {figures.streak}, last 30 days {figures.completed_last_30_days})")
    if many > BUDGET_MS:
        print(f"stats summary over budget: {many:.1f} ms > {BUDGET_MS} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
