"""Function tools over `services.tasks`. Each returns JSON text the model reads.

A bad task id or argument comes back as `{"error": "..."}` so the model can relay it; an
exception would end the turn. Arguments are read leniently where the meaning is clear (what real
models send: "High" for a priority, "5" for a task id, a full datetime or "" for a due date);
arguments that still do not fit the schema get a clear error naming the field, never the
SDK's bare "An error occurred while running the tool".

Each call runs as one unit of work in a worker thread: the change, the saved tool call and its
badge item commit together, so a crash can never leave a change without its record (which is
what lets a retry skip calls that already happened).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from agents import ModelBehaviorError, function_tool
from agents.function_schema import function_schema
from agents.tool_context import ToolContext
from pydantic import BaseModel, BeforeValidator, ValidationError
from sqlmodel import Session

from todo_chat.agent.context import TodoContext, parse_arguments
from todo_chat.core.db import run_db
from todo_chat.models import Task, ToolCallStatus, User
from todo_chat.services import conversations, tasks
from todo_chat.services.errors import ServiceError
from todo_chat.services.tasks import TaskCreate, TaskUpdate

log = logging.getLogger(__name__)
TASK_TOOL_NAMES = ("add_task", "list_tasks", "complete_task", "delete_task", "update_task")
Payload = dict[str, Any]
_NOTHING = ("", "none", "null", "n/a")


def _word(value: Any) -> Any:
    """'High ' -> 'high'; '' or 'none' -> None (no value given)."""
    if isinstance(value, str):
        value = value.strip().lower()
        return None if value in _NOTHING else value
    return value


def _task_number(value: Any) -> Any:
    """'5', ' 5 ', '#5' -> 5 (pydantic turns 5.0 and '5' into 5 already)."""
    if isinstance(value, str) and (match := re.fullmatch(r"\s*#?\s*(\d+)\s*", value)):
        return int(match.group(1))
    return value


Priority = Annotated[Literal["low", "medium", "high"] | None, BeforeValidator(_word)]
TaskId = Annotated[int, BeforeValidator(_task_number)]
Status = Annotated[Literal["all", "pending", "completed"], BeforeValidator(lambda v: _word(v) or "all")]


def _json(payload: Payload) -> str:
    return json.dumps(payload, ensure_ascii=False, default=str)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
    return str(exc)


def task_summary(task: Task) -> Payload:
    return {
        "id": task.id, "title": task.title, "description": task.description,
        "completed": task.completed,
        "priority": task.priority.value if task.priority else None,
        "due_date": task.due_date.isoformat() if task.due_date else None,
    }


def lenient_date(value: str | None) -> date | None:
    """A due date as models send it: '2026-12-04', or a full ISO datetime of that day; '' or
    'null' is no due date."""
    value = (value or "").strip()
    if value.lower() in _NOTHING:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            raise ValueError(f"due_date must be a date as YYYY-MM-DD, not {value!r}") from None


def _bad_call(ctx: Any, error: Exception, params: type[BaseModel]) -> str:
    """What the model reads when a call failed before or outside the tool's own error handling."""
    name = getattr(ctx, "tool_name", "the tool")
    if not (isinstance(error, ModelBehaviorError) and str(error).startswith("Invalid JSON input")):
        log.error("tool %s failed", name, exc_info=error)
        return _json({"error": f"{name} failed unexpectedly and changed nothing; try again"})
    raw = getattr(ctx, "tool_arguments", "") or "{}"
    try:
        data = json.loads(raw)
    except ValueError:
        return _json({"error": f"Invalid arguments for {name}: not valid JSON; send one JSON object"})
    if not isinstance(data, dict):
        return _json({"error": f"Invalid arguments for {name}: send one JSON object"})
    try:
        params(**data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'arguments'}: {e['msg']}"
                             for e in exc.errors())
        return _json({"error": f"Invalid arguments for {name}: {problems}"})
    return _json({"error": f"Invalid arguments for {name}"})


def task_tool(fn: Callable[..., Any]):
    """A function tool whose malformed calls come back to the model as a clear error."""
    params = function_schema(fn).params_pydantic_model
    return function_tool(fn, failure_error_function=lambda ctx, error: _bad_call(ctx, error, params))


async def run_tool(ctx: ToolContext[TodoContext], work: Callable[[Session, User], Payload]) -> str:
    """Run `work` and file the call, in one unit of work; a second try of a turn reuses the result
    of an identical call that its first try finished."""
    turn = ctx.context
    arguments = parse_arguments(ctx.tool_arguments)
    earlier = turn.take_earlier(ctx.tool_name, arguments)
    if earlier is not None:
        turn.outcomes[ctx.tool_call_id] = earlier.status
        return earlier.result

    def unit(session: Session) -> tuple[ToolCallStatus, str]:
        try:
            status, output = ToolCallStatus.success, _json(work(session, turn.user))
        except (ServiceError, ValidationError, ValueError) as exc:
            status, output = ToolCallStatus.error, _json({"error": _message(exc)})
        if turn.conversation_id is not None:
            conversations.record_tool_call(session, turn.user, turn.conversation_id, turn.message_id,
                                           ctx.tool_call_id, ctx.tool_name, arguments, status, output)
        return status, output

    status, output = await run_db(unit)
    turn.outcomes[ctx.tool_call_id] = status
    return output


@task_tool
async def add_task(
    ctx: ToolContext[TodoContext],
    title: str,
    description: str = "",
    priority: Priority = None,
    due_date: str | None = None,
) -> str:
    """Add a task to the user's todo list.

    Args:
        title: Short title of the task, e.g. "Buy groceries".
        description: Optional details.
        priority: Optional priority: low, medium or high.
        due_date: Optional due date as YYYY-MM-DD.
    """
    def work(session: Session, user: User) -> Payload:
        data = TaskCreate(title=title, description=description or "", priority=priority,
                          due_date=lenient_date(due_date))
        task = tasks.create_task(session, user, data)
        extras = {k: v for k, v in task_summary(task).items() if k in ("priority", "due_date") and v}
        return {"task_id": task.id, "status": "created", "title": task.title, **extras}

    return await run_tool(ctx, work)


@task_tool
async def list_tasks(
    ctx: ToolContext[TodoContext],
    status: Status = "all",
) -> str:
    """List the user's tasks.

    Args:
        status: Which tasks: all, pending (not done yet) or completed.
    """
    def work(session: Session, user: User) -> Payload:
        page = tasks.list_tasks(session, user, status, limit=100)
        return {"status": status, "count": page.total, "tasks": [task_summary(t) for t in page.items]}

    return await run_tool(ctx, work)


def _change(ctx: ToolContext[TodoContext], task_id: int, status: str,
            change: Callable[[Session, User, int], Task]):
    def work(session: Session, user: User) -> Payload:
        return {"task_id": task_id, "status": status, "title": change(session, user, task_id).title}

    return run_tool(ctx, work)


@task_tool
async def complete_task(ctx: ToolContext[TodoContext], task_id: TaskId) -> str:
    """Mark a task as completed.

    Args:
        task_id: The id of the task.
    """
    return await _change(ctx, task_id, "completed", tasks.set_completed)


@task_tool
async def delete_task(ctx: ToolContext[TodoContext], task_id: TaskId) -> str:
    """Delete a task for good.

    Args:
        task_id: The id of the task.
    """
    return await _change(ctx, task_id, "deleted", tasks.delete_task)


@task_tool
async def update_task(
    ctx: ToolContext[TodoContext],
    task_id: TaskId,
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

    def work(session: Session, user: User) -> Payload:
        if not changes:
            raise ValueError("Nothing to update: give a new title or description")
        task = tasks.update_task(session, user, task_id, TaskUpdate(**changes))
        return {"task_id": task.id, "status": "updated", "title": task.title}

    return await run_tool(ctx, work)


TASK_TOOLS = [add_task, list_tasks, complete_task, delete_task, update_task]
