"""Runs dev-set cases over the real path: HTTP chat door -> agent Runner -> offline model -> tools -> SQLite.

Each case gets a fresh copy of a migrated database with one signed-up user, its tasks seeded
through the REST API, its earlier turns sent in the same conversation, then its message. It
passes when the acting tool calls (and list_tasks, where the case expects one) are the expected
ones, the resulting tasks are what those calls should leave, and the reply says what it must.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tests.nlu.cases import TODAY, Case


@dataclass
class Outcome:
    case: Case
    passed: bool
    problems: list[str] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    reply: str = ""
    seconds: float = 0.0

    @property
    def wrong_changes(self) -> list[tuple[str, dict[str, Any]]]:
        return wrong_changes(self.case, self.calls)


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, str) and isinstance(actual, str):
        return expected.strip().casefold() == actual.strip().casefold()
    return expected == actual


def _args_match(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    for key, value in expected.items():
        got = actual.get(key)
        if key == "priority" and value == "medium" and got in (None, "medium"):
            continue
        if key == "description" and not value and not got:
            continue
        if not _same(value, got):
            return False
    return True


def _day(value: str | None) -> str | None:
    """The date part of a due date the tools were sent ('2026-11-25T10:00' -> '2026-11-25')."""
    return value[:10] if value else None


def expected_tasks(case: Case, base: list[dict[str, Any]] | None = None,
                   prior: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The tasks the expected calls leave behind, from the seeded ones (or `base`: those there
    were once the earlier turns had run; `prior`: those there were before the last of them, which
    an expected `undo_last_turn` brings back)."""
    if base is None:
        base = [{"id": i, **seed.as_dict()} for i, seed in enumerate(case.seeds(), start=1)]
    # Every task has a priority: medium when none was given.
    tasks = [{**t, "priority": t.get("priority") or "medium", "due_date": _day(t.get("due_date"))} for t in base]
    next_id = max((t["id"] for t in tasks), default=0) + 1
    by_id = {t["id"]: t for t in tasks}
    for name, args in case.calls:
        if name == "undo_last_turn" and prior is not None:
            by_id = {t["id"]: {**t, "priority": t.get("priority") or "medium", "due_date": _day(t.get("due_date"))}
                     for t in prior}
        elif name == "add_task":
            task = {"id": next_id, "title": args["title"], "completed": False,
                    "priority": args.get("priority", "medium"), "due_date": _day(args.get("due_date")),
                    "description": args.get("description", "")}
            by_id[next_id] = task
            next_id += 1
        elif name in ("complete_task", "reopen_task") and args["task_id"] in by_id:
            by_id[args["task_id"]]["completed"] = name == "complete_task"
        elif name == "delete_task":
            by_id.pop(args["task_id"], None)
        elif name == "update_task" and args["task_id"] in by_id:
            by_id[args["task_id"]].update({k: v for k, v in args.items() if k in ("title", "description", "priority")})
            if "due_date" in args:  # a time of day is the same day; "" removes the date
                by_id[args["task_id"]]["due_date"] = _day(args["due_date"])
    return [by_id[k] for k in sorted(by_id)]


READING_TOOLS = ("list_tasks", "offer_choices")


def wrong_changes(case: Case, calls: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """The data-changing calls the case did not ask for: any change where none was expected, a
    change of a kind not expected, or one on a task id no expected change names. A call that
    failed (an id that does not exist) changed nothing and is not counted; nor is a bulk
    deletion's preview (`change_tools.changes_tasks` says which calls change tasks)."""
    from todo_chat.agent.change_tools import changes_tasks

    expected = [(name, args) for name, args in case.calls if changes_tasks(name, True, args)]
    names = {name for name, _ in expected}
    ids = {args.get("task_id") for _, args in expected if "task_id" in args}
    wrong = []
    for call in calls:
        name, args = call["name"], call["arguments"]
        if not changes_tasks(name, call.get("status") != "error", args):
            continue
        if name not in names or ("task_id" in args and args["task_id"] not in ids):
            wrong.append((name, args))
    return wrong


def _offer_problems(case: Case, calls: list[dict[str, Any]]) -> list[str]:
    """A case that expects an offer (`choices`): one offer_choices call, its labels naming the words."""
    if case.choices is None:
        return []
    offers = [c["arguments"] for c in calls if c["name"] == "offer_choices"]
    if not offers:
        return ["expected choices, none offered"]
    labels = " ".join(ch.get("label", "") for ch in offers[-1].get("choices", [])).casefold()
    return [f"choices lack {w!r}" for w in case.choices if w.casefold() not in labels]


class Harness:
    """One app, one user; a fresh database per case."""

    def __init__(self, root: Path):
        from agents import set_tracing_disabled
        from fastapi.testclient import TestClient

        from tests.conftest import Account, use_data_dir
        from todo_chat.agent import turn
        from todo_chat.agent.offline_model import OfflineModel
        from todo_chat.api.app import create_app
        from todo_chat.core import db

        self.root, self.n = root, 0
        self._templates: dict[tuple, Path] = {}
        self._use, self._db = use_data_dir, db
        template = root / "template"
        template.mkdir()
        use_data_dir(template)
        db.migrate()
        self._turn, self._saved_get_model = turn, turn.get_model
        # The real model, with the dev set's fixed "today" so relative dates are checkable.
        turn.get_model = lambda: OfflineModel(today=TODAY)
        set_tracing_disabled(True)
        self.client = TestClient(create_app())
        self.client.__enter__()
        self.account = Account(self.client, "nlu@example.com")
        db.reset_engine()
        self.template = template / "todo_chat.db"

    def close(self) -> None:
        self.client.__exit__(None, None, None)
        self._turn.get_model = self._saved_get_model
        self._db.reset_engine()

    def _fresh(self, template: Path | None = None) -> None:
        from todo_chat.services import ratelimit

        self.n += 1
        folder = self.root / f"case{self.n}"
        folder.mkdir()
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(template or self.template) + suffix)
            if source.exists():
                shutil.copy(source, folder / f"todo_chat.db{suffix}")
        self._use(folder)
        ratelimit.reset()

    def _seeded(self, case: Case) -> Path | None:
        """A database with the case's tasks already in it, made once per distinct set of tasks
        (through the REST API, as a user would) and copied for every case that starts from it."""
        seeds = tuple(case.seeds())
        if not seeds:
            return None
        if seeds not in self._templates:
            self._fresh()
            for seed in seeds:
                body = {k: v for k, v in seed.as_dict().items() if k != "completed" and v not in (None, "")}
                if "due_date" in body:  # the REST field is due_at (a date alone: all day)
                    body["due_at"] = body.pop("due_date")
                task = self._post("/tasks", body)
                if seed.done:
                    self.client.patch(f"/api/{self.account.id}/tasks/{task['id']}/complete",
                                      headers=self.account.headers)
            self._db.reset_engine()
            self._templates[seeds] = self.root / f"case{self.n}" / "todo_chat.db"
        return self._templates[seeds]

    def _post(self, path: str, body: dict) -> dict:
        response = self.client.post(f"/api/{self.account.id}{path}", json=body, headers=self.account.headers)
        assert response.status_code in (200, 201), response.text
        return response.json()

    def run(self, case: Case) -> Outcome:
        started = time.perf_counter()
        self._fresh(self._seeded(case))
        conversation = None
        base = prior = None
        for earlier in case.before:
            prior = self._tasks()
            conversation = self._post("/chat", {"message": earlier, **(
                {"conversation_id": conversation} if conversation else {})})["conversation_id"]
        if case.before:
            base = self._tasks()
        answer = self._post("/chat", {"message": case.say, **(
            {"conversation_id": conversation} if conversation else {})})
        outcome = self.check(case, answer, self._tasks(), base, prior)
        outcome.seconds = time.perf_counter() - started
        self._db.reset_engine()
        return outcome

    def _tasks(self) -> list[dict[str, Any]]:
        listed = self.client.get(f"/api/{self.account.id}/tasks?sort=created&order=asc",
                                 headers=self.account.headers).json()["tasks"]
        for task in listed:  # the cases speak of due dates: the date part of due_at
            task["due_date"] = task["due_at"][:10] if task.get("due_at") else None
        fields = ("id", "title", "completed", "priority", "due_date", "description")
        return [{k: t.get(k) or ("" if k == "description" else t.get(k)) for k in fields} for t in listed]

    @staticmethod
    def check(case: Case, answer: dict, listed: list[dict], base: list[dict] | None = None,
              prior: list[dict] | None = None) -> Outcome:
        problems = []
        calls = [{"name": c["name"], "arguments": c["arguments"], "status": c["status"]}
                 for c in answer["tool_calls"]]
        # Reading tools (list_tasks, offer_choices) count only where the case lists them.
        wanted = {name for name, _ in case.calls}
        acting = [c for c in calls if c["name"] not in READING_TOOLS or c["name"] in wanted]
        problems.extend(_offer_problems(case, calls))
        if len(acting) != len(case.calls) or not all(
                c["name"] == name and _args_match(args, c["arguments"])
                for c, (name, args) in zip(acting, case.calls, strict=True)):
            problems.append(f"calls: expected {case.calls}, got {[(c['name'], c['arguments']) for c in acting]}")
        want = expected_tasks(case, base, prior)
        fields = ("title", "completed", "priority", "due_date", "description")
        got = [{k: t.get(k) for k in ("id", *fields)} for t in listed]
        for task in got:
            task["description"] = task["description"] or ""
        if not problems and [(t["id"], *(t[k] for k in fields)) for t in want] != \
                [(t["id"], *(t[k] for k in fields)) for t in got]:
            problems.append(f"tasks: expected {want}, got {got}")
        reply = answer["response"]
        for words in case.reply:
            if words.casefold() not in reply.casefold():
                problems.append(f"reply lacks {words!r}")
        for words in case.not_reply:
            if words.casefold() in reply.casefold():
                problems.append(f"reply should not say {words!r}")
        return Outcome(case, not problems, problems, calls, reply)


@contextmanager
def harness() -> Iterator[Harness]:
    os.environ.setdefault("ENVIRONMENT", "test")
    os.environ.setdefault("BETTER_AUTH_SECRET", "test-secret-" + "x" * 40)
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHATKIT_WORKFLOW_ID", "DATABASE_URL"):
        os.environ.pop(var, None)
    # In memory where the OS has it: a dev-set run is many small commits.
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="nlu-", dir=shm) as root:
        h = Harness(Path(root))
        try:
            yield h
        finally:
            h.close()


def _run_share(cases: list[Case]) -> list[Outcome]:
    with harness() as h:
        return [h.run(case) for case in cases]


def run_all(cases: list[Case], workers: int | None = None) -> list[Outcome]:
    """Every case, in order; spread over a few processes (each its own app and databases)."""
    workers = workers or min(4, os.cpu_count() or 1, max(1, len(cases) // 60))
    if workers <= 1:
        return _run_share(cases)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    shares = [cases[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        done = list(pool.map(_run_share, shares))
    ordered: list[Outcome] = [None] * len(cases)  # type: ignore[list-item]
    for i, share in enumerate(done):
        ordered[i::workers] = share
    return ordered


__all__ = ["Harness", "Outcome", "wrong_changes", "expected_tasks", "harness", "run_all", "date"]
