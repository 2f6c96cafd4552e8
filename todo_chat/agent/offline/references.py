"""Resolving the less direct references and changes: positions over the whole list, a task's
notes, and corrections of a title ("I meant X, not Y")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol

from todo_chat.agent.choices import OFFER_CHOICES
from todo_chat.agent.offline import asking, replies
from todo_chat.agent.offline.parse import Request
from todo_chat.agent.offline.resolve import match_tasks


class Script(Protocol):
    """What these resolvers need of `dialogue.Script` (named here, so the two never import each other)."""

    def call(self, tool: str, arguments: dict[str, Any]) -> dict[str, Any]: ...


def by_position(request: Request, script: Script) -> list[dict[str, Any]] | str:
    """"my oldest task", "the newest call one": the list in the order added, then the place."""
    tasks = sorted(script.call("list_tasks", {"status": "all"}).get("tasks", []), key=lambda t: t["id"])
    if request.query:
        found = match_tasks(request.query, tasks)
        tasks = found.tasks if found.kind in ("one", "several") else tasks
    index = request.position or 0
    if not -len(tasks) <= index < len(tasks):
        return replies.no_match("that one", tasks)
    return [tasks[index]]


def by_notes(query: str, tasks: list[dict[str, Any]]):
    """"the task whose notes mention the locksmith": the query against the descriptions."""
    noted = [{**t, "title": t["description"], "real": t} for t in tasks if t.get("description")]
    found = match_tasks(query, noted)
    return type(found)(found.kind, [t["real"] for t in found.tasks])


def correct(request: Request, script: Script) -> str:
    """"I meant X, not Y": Y becomes X in the one title that has Y (ask when several have it)."""
    old, new = request.correction or ("", "")
    tasks = script.call("list_tasks", {"status": "all"}).get("tasks", [])
    wrong = re.compile(rf"\b{re.escape(old)}\b", re.IGNORECASE)
    having = [t for t in tasks if wrong.search(t.get("title", ""))]
    if not having:
        bare = re.sub(r"^(?:the|my|a|an)\s+", "", old, flags=re.IGNORECASE)
        wrong = re.compile(rf"\b{re.escape(bare)}\b", re.IGNORECASE)
        new = re.sub(r"^(?:the|my|a|an)\s+", "", new, flags=re.IGNORECASE) if bare != old else new
        having = [t for t in tasks if wrong.search(t.get("title", ""))]
    if not having:
        return replies.no_match(old, tasks)
    if len(having) > 1:
        request = replace(request, correction=None, new_title=None)
        prompt = asking.which(f"Which one should I change “{old}” to “{new}” in?", having,
                              lambda task_id: asking.task_command("update", task_id, title=wrong.sub(
                                  new, next(t["title"] for t in having if t["id"] == task_id), count=1)))
        script.call(OFFER_CHOICES, prompt.model_dump())
        return asking.text_of(prompt)
    task = having[0]
    result = script.call("update_task", {"task_id": task["id"], "title": wrong.sub(new, task["title"], count=1)})
    return replies.acted("update", [result], {"title": result.get("title")})
