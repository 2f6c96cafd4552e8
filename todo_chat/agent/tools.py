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
from todo_chat.models import Priority as PriorityLevel
from todo_chat.models import Task, ToolCallStatus, User
from todo_chat.services import conversations, tasks
from todo_chat.services.errors import ServiceError
from todo_chat.services.tasks import Completion, TaskCreate, TaskPublic, TaskQuery, TaskUpdate

TASK_TOOL_NAMES = ("add_task", "list_tasks", "complete_task", "reopen_task", "delete_task", "update_task")
PriorityName = Literal["low", "medium", "high"]
Payload = dict[str, Any]
log = logging.getLogger(__name__)
_NOTHING = ("", "none", "null", "n/a")


def _word(value: Any) -> Any:
    """'High ' -> 'high'; '' or 'none' -> None (no value given)."""
    if isinstance(value, str):
        value = value.strip().lower()
        return None if value in _NOTHING else value
    return value


def _due_word(value: Any) -> Any:
    """Like _word, but 'none' is a real filter here: tasks with no due date."""
    if isinstance(value, str) and value.strip().lower() == "none":
        return "none"
    return _word(value)


def _task_number(value: Any) -> Any:
    """'5', ' 5 ', '#5' -> 5 (pydantic turns 5.0 and '5' into 5 already)."""
    if isinstance(value, str) and (match := re.fullmatch(r"\s*#?\s*(\d+)\s*", value)):
        return int(match.group(1))
    return value


def _or(default: str) -> Callable[[Any], Any]:
    return lambda value: _word(value) or default


# The same JSON schema the model sees as before; only the reading is forgiving.
Priority = Annotated[PriorityName | None, BeforeValidator(_word)]
TaskId = Annotated[int, BeforeValidator(_task_number)]
Status = Annotated[Literal["all", "pending", "completed"], BeforeValidator(_or("all"))]
Due = Annotated[Literal["today", "overdue", "week", "none"] | None, BeforeValidator(_due_word)]
Sort = Annotated[Literal["due", "priority", "created", "updated", "title"], BeforeValidator(_or("created"))]
Order = Annotated[Literal["asc", "desc"], BeforeValidator(_or("asc"))]


def _json(payload: Payload) -> str:
    return json.dumps(payload, ensure_ascii=False, default=str)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
    return str(exc)


def task_summary(task: Task, user: User) -> Payload:
    """A task as the model reads it: the public fields, dates in the user's own offset."""
    public = TaskPublic.of(task, user)
    summary = public.model_dump(mode="json", exclude={"user_id", "created_at", "updated_at"})
    summary["due_date"] = public.due_at.date().isoformat() if public.due_at else None
    return {k: v for k, v in summary.items() if v not in (None, [], "")} | {"completed": task.completed}


def lenient_due(value: str | None) -> datetime | date | None:
    """A due date as models send it: '2026-12-04', '2026-12-04T17:00', with or without an
    offset or a 'Z'; '' (or 'null', 'none') means none."""
    value = (value or "").strip()
    if value.lower() in _NOTHING:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"Dates go as YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {value!r}") from None


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
    tags: list[str] | None = None,
    recurrence: str | None = None,
    remind_at: str | None = None,
) -> str:
    """Add a task to the user's todo list.

    Args:
        title: Short title of the task, e.g. "Buy groceries".
        description: Optional details.
        priority: low, medium (the default when not given) or high.
        due_date: Optional due date, YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time (user's local time).
        tags: Optional lowercase tags, e.g. ["work", "finance"].
        recurrence: Optional RFC 5545 RRULE for a repeating task, e.g. FREQ=WEEKLY;BYDAY=MO.
        remind_at: Optional reminder time, YYYY-MM-DDTHH:MM (user's local time).
    """
    def work(session: Session, user: User) -> Payload:
        data = TaskCreate(title=title, description=description or None, priority=priority or "medium",
                          due_at=lenient_due(due_date), tags=tasks.tag_words(tags or []),
                          recurrence=tasks.rrule_words(recurrence), remind_at=lenient_due(remind_at))
        task = tasks.create_task(session, user, data)
        return {"task_id": task.id, "status": "created", **task_summary(task, user)}

    return await run_tool(ctx, work)


@task_tool
async def list_tasks(
    ctx: ToolContext[TodoContext],
    status: Status = "all",
    priority: Priority = None,
    tag: str | None = None,
    due: Due = None,
    query: str = "",
    sort: Sort = "created",
    order: Order = "asc",
) -> str:
    """List the user's tasks, optionally filtered and sorted.

    Args:
        status: Which tasks: all, pending (not done yet) or completed.
        priority: Only tasks of this priority.
        tag: Only tasks with this tag.
        due: today, overdue, week (due in the next 7 days) or none (no due date).
        query: Only tasks with these words in the title or description.
        sort: due, priority, created (the default: oldest first), updated or title.
        order: asc (the default) or desc.
    """
    def work(session: Session, user: User) -> Payload:
        page = tasks.list_tasks(session, user, TaskQuery(
            status=status, priority=PriorityLevel(priority) if priority else None, tag=tag, due=due, q=query or "",
            sort=sort, order=order))
        filters = {k: v for k, v in {"priority": priority, "tag": tag, "due": due, "query": query}.items() if v}
        return {"status": status, **filters, "count": page.total,
                "tasks": [task_summary(t, user) for t in page.items]}

    return await run_tool(ctx, work)


def _change(ctx: ToolContext[TodoContext], task_id: int, status: str,
            change: Callable[[Session, User, int], Task]):
    def work(session: Session, user: User) -> Payload:
        return {"task_id": task_id, "status": status, "title": change(session, user, task_id).title}

    return run_tool(ctx, work)


def _set_done(ctx: ToolContext[TodoContext], task_id: int, completed: bool):
    def work(session: Session, user: User) -> Payload:
        done: Completion = tasks.set_completed(session, user, task_id, completed)
        payload: Payload = {"task_id": task_id, "status": "completed" if completed else "reopened",
                   "title": done.task.title}
        if done.next is not None:
            session.flush()
            payload["next"] = {"task_id": done.next.id, **task_summary(done.next, user)}
        return payload

    return run_tool(ctx, work)


@task_tool
async def complete_task(ctx: ToolContext[TodoContext], task_id: TaskId) -> str:
    """Mark a task as completed (a repeating task then gets its next occurrence).

    Args:
        task_id: The id of the task.
    """
    return await _set_done(ctx, task_id, True)


@task_tool
async def reopen_task(ctx: ToolContext[TodoContext], task_id: TaskId) -> str:
    """Mark a completed task as not done again.

    Args:
        task_id: The id of the task.
    """
    return await _set_done(ctx, task_id, False)


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
    priority: Priority = None,
    due_date: str | None = None,
    tags: list[str] | None = None,
    recurrence: str | None = None,
    remind_at: str | None = None,
) -> str:
    """Change a task: only the fields given change.

    Args:
        task_id: The id of the task.
        title: The new title.
        description: The new description.
        priority: The new priority: low, medium or high.
        due_date: The new due date (YYYY-MM-DD or YYYY-MM-DDTHH:MM); "" removes it.
        tags: The task's new list of tags (replaces the old list).
        recurrence: A new RRULE; "" stops the task repeating.
        remind_at: A new reminder time (YYYY-MM-DDTHH:MM); "" removes it.
    """
    given = {"title": title, "description": description, "priority": priority,
             "tags": None if tags is None else tasks.tag_words(tags)}
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if due_date is not None:
        changes["due_at"] = lenient_due(due_date)
    if recurrence is not None:
        changes["recurrence"] = tasks.rrule_words(recurrence)
    if remind_at is not None:
        changes["remind_at"] = lenient_due(remind_at)

    def work(session: Session, user: User) -> Payload:
        if not changes:
            raise ValueError("Nothing to update: say what should change")
        task = tasks.update_task(session, user, task_id, TaskUpdate(**changes))
        return {"task_id": task.id, "status": "updated", "changed": sorted(changes), **task_summary(task, user)}

    return await run_tool(ctx, work)


TASK_TOOLS = [add_task, list_tasks, complete_task, reopen_task, delete_task, update_task]
