"""A turn of the offline model without the app: its calls answered from an in-memory task list.

Fast enough for property tests over thousands of generated messages (no database, no HTTP);
the dev set (`runner.py`) is the real path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from todo_chat.agent.offline_model import OfflineModel
from todo_chat.services.dialogue import ASKING_TOOLS

CHANGING = frozenset({"add_task", "complete_task", "reopen_task", "delete_task", "update_task"})
TODAY = date(2026, 11, 24)


@dataclass
class Turn:
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    text: str = ""

    @property
    def changes(self) -> list[tuple[str, dict[str, Any]]]:
        return [c for c in self.calls if c[0] in CHANGING]


def _result(name: str, args: dict[str, Any], tasks: list[dict[str, Any]]) -> dict[str, Any]:
    if name == "list_tasks":
        status = args.get("status", "all")
        chosen = [t for t in tasks if status == "all" or bool(t["completed"]) == (status == "completed")]
        return {"status": status, "count": len(chosen), "tasks": chosen}
    if name == "offer_choices":
        return args
    if name == "add_task":
        return {"task_id": 99, "status": "created", "title": args.get("title", "")}
    task = next((t for t in tasks if t["id"] == args.get("task_id")), None)
    if task is None:
        return {"error": "Task not found"}
    return {"task_id": task["id"], "status": "ok", "title": task["title"]}


def _task(i: int, t: Any) -> dict[str, Any]:
    if isinstance(t, str):
        return {"id": i, "title": t.removeprefix("[x] "), "completed": t.startswith("[x] ")}
    return {"id": i, "title": t.title, "completed": t.done,
            **({"description": t.description} if t.description else {})}


def run(message: str, titles: list[Any], history: list[dict[str, Any]] | None = None) -> Turn:
    """One turn: the model's calls (answered from `titles`, ids 1..n: strings, "[x] " for a
    completed one, or dev-set Seeds) and its final text."""
    model = OfflineModel(today=TODAY)
    tasks = [_task(i, t) for i, t in enumerate(titles, start=1)]
    items: list[dict[str, Any]] = [*(history or []), {"role": "user", "content": message}]
    turn = Turn()
    for n in range(12):
        step = model.next_step(items)
        if not step.tool:
            turn.text = step.text
            return turn
        args = step.arguments or {}
        turn.calls.append((step.tool, args))
        call_id = f"call_{n}"
        items += [{"type": "function_call", "call_id": call_id, "name": step.tool, "arguments": json.dumps(args)},
                  {"type": "function_call_output", "call_id": call_id,
                   "output": json.dumps(_result(step.tool, args, tasks))}]
    raise AssertionError(f"no answer after 12 steps: {turn.calls}")


def conversation(messages: list[str], titles: list[Any]) -> Turn:
    """Several turns; the history carries each answer's offer_choices call, as the app's does."""
    history: list[dict[str, Any]] = []
    turn = Turn()
    for message in messages:
        turn = run(message, titles, history)
        history.append({"role": "user", "content": message})
        for n, (name, args) in enumerate(turn.calls):
            if name in ASKING_TOOLS:   # as the app's history carries them (services.dialogue)
                history += [{"type": "function_call", "call_id": f"h{len(history)}_{n}", "name": name,
                             "arguments": json.dumps(args)},
                            {"type": "function_call_output", "call_id": f"h{len(history)}_{n}",
                             "output": json.dumps(args)}]
        history.append({"role": "assistant", "content": turn.text})
    return turn


def check(case: Any) -> list[str]:
    """A dev-set case on the simulator: the problems (calls and reply words only)."""
    from tests.nlu.runner import READING_TOOLS, _args_match

    turn = conversation([*case.before, case.say], list(case.tasks))
    wanted = {name for name, _ in case.calls}
    acting = [c for c in turn.calls if c[0] not in READING_TOOLS or c[0] in wanted]
    problems = []
    if len(acting) != len(case.calls) or not all(
            c[0] == name and _args_match(args, c[1]) for c, (name, args) in zip(acting, case.calls, strict=False)):
        problems.append(f"calls: expected {case.calls}, got {acting}")
    problems += [f"reply lacks {w!r}" for w in case.reply if w.casefold() not in turn.text.casefold()]
    return problems + [f"reply: {turn.text[:150]!r}"] if problems else []


if __name__ == "__main__":
    import sys

    from tests.nlu.cases import CASES

    kinds = set(sys.argv[1:])
    chosen = [c for c in CASES if not kinds or c.kind in kinds]
    failed = 0
    for case in chosen:
        if problems := check(case):
            failed += 1
            print(f"- [{case.kind}] {case.say!r}\n    " + "\n    ".join(problems))
    print(f"{len(chosen) - failed}/{len(chosen)} pass on the simulator")
