"""Function tools over `services.tasks`. Each returns JSON text the model reads.

A bad task id or argument comes back as `{"error": "..."}` so the model can relay it; an
exception would end the turn.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, Literal

from agents import RunContextWrapper, function_tool
from pydantic import ValidationError
from sqlmodel import Session

from todo_chat.agent.context import TodoContext
from todo_chat.core.db import session_scope
from todo_chat.models import Task, User
from todo_chat.services import tasks
from todo_chat.services.errors import ServiceError
from todo_chat.services.tasks import TaskCreate, TaskUpdate

TASK_TOOL_NAMES = ("add_task", "list_tasks", "complete_task", "delete_task", "update_task", "reopen_task")


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, default=str)


def _error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        message = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
    else:
        message = str(exc)
    return _json({"error": message})


def tool_status(output: object) -> str:
    """'error' when a tool answered `{"error": ...}`, else 'success'."""
    try:
        payload = json.loads(output) if isinstance(output, str) else output
    except ValueError:
        return "success"
    return "error" if isinstance(payload, dict) and "error" in payload else "success"


def task_summary(task: Task) -> dict[str, Any]:
    return {
        "id": task.id, "title": task.title, "description": task.description,
        "completed": task.completed,
        "priority": task.priority.value if task.priority else None,
        "due_date": task.due_date.isoformat() if task.due_date else None,
    }


@function_tool
def add_task(
    ctx: RunContextWrapper[TodoContext],
    title: str,
    description: str = "",
    priority: Literal["low", "medium", "high"] | None = None,
    due_date: str | None = None,
) -> str:
    """Add a task to the user's todo list.

    Args:
        title: Short title of the task, e.g. "Buy groceries".
        description: Optional details.
        priority: Optional priority: low, medium or high.
        due_date: Optional due date as YYYY-MM-DD.
    """
    try:
        data = TaskCreate(title=title, description=description or "", priority=priority,
                          due_date=date.fromisoformat(due_date) if due_date else None)
        with session_scope() as session:
            task = tasks.create_task(session, ctx.context.user, data)
    except (ServiceError, ValidationError, ValueError) as exc:
        return _error(exc)
    return _json({"task_id": task.id, "status": "created", "title": task.title,
                  **{k: v for k, v in task_summary(task).items() if k in ("priority", "due_date") and v}})


@function_tool
def list_tasks(
    ctx: RunContextWrapper[TodoContext],
    status: Literal["all", "pending", "completed"] = "all",
) -> str:
    """List the user's tasks.

    Args:
        status: Which tasks: all, pending (not done yet) or completed.
    """
    with session_scope() as session:
        page = tasks.list_tasks(session, ctx.context.user, status, limit=100)
    return _json({"status": status, "count": page.total,
                  "tasks": [task_summary(t) for t in page.items]})


def _change(ctx: RunContextWrapper[TodoContext], task_id: int, status: str,
            change: Callable[[Session, User, int], Task]) -> str:
    try:
        with session_scope() as session:
            task = change(session, ctx.context.user, task_id)
    except ServiceError as exc:
        return _error(exc)
    return _json({"task_id": task_id, "status": status, "title": task.title})


@function_tool
def complete_task(ctx: RunContextWrapper[TodoContext], task_id: int) -> str:
    """Mark a task as completed.

    Args:
        task_id: The id of the task.
    """
    return _change(ctx, task_id, "completed", tasks.set_completed)


@function_tool
def reopen_task(ctx: RunContextWrapper[TodoContext], task_id: int) -> str:
    """Mark a completed task as not done (pending) again.

    Args:
        task_id: The id of the task.
    """
    return _change(ctx, task_id, "reopened", lambda s, u, i: tasks.set_completed(s, u, i, False))


@function_tool
def delete_task(ctx: RunContextWrapper[TodoContext], task_id: int) -> str:
    """Delete a task for good.

    Args:
        task_id: The id of the task.
    """
    return _change(ctx, task_id, "deleted", tasks.delete_task)


@function_tool
def update_task(
    ctx: RunContextWrapper[TodoContext],
    task_id: int,
    title: str | None = None,
    description: str | None = None,
) -> str:
    """Change a task's title and/or description.

    Args:
        task_id: The id of the task.
        title: The new title, if it changes.
        description: The new description, if it changes.
    """
    changes = {k: v for k, v in {"title": title, "description": description}.items() if v is not None}
    if not changes:
        return _json({"error": "Nothing to update: give a new title or description"})
    try:
        with session_scope() as session:
            task = tasks.update_task(session, ctx.context.user, task_id, TaskUpdate(**changes))
    except (ServiceError, ValidationError) as exc:
        return _error(exc)
    return _json({"task_id": task.id, "status": "updated", "title": task.title})


TASK_TOOLS = [add_task, list_tasks, complete_task, delete_task, update_task, reopen_task]
