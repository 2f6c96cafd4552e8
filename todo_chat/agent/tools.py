"""The task tools, defined once: what the agent's function tools and the MCP server both serve.

A `TaskTool` is a name, a description, an argument model (its compact schema is what every caller
sees) and the change itself, `work(session, user, arguments) -> payload`. `perform` is the one
unit of work behind every call, whichever door it came by: read the arguments, make the change,
file the call in the chat turn that made it (if any), all in one transaction, so a crash can never
leave a change without its record (which is what lets a retry skip calls that already happened).
Its result is JSON text; a bad task id or argument is `{"error": "..."}` with an error status, so
a model can relay it (the MCP door turns that status into `isError`).

The agent's function tools (`TASK_TOOLS`) reach `perform` through the turn's door
(`TodoContext.door`): in process by default, or through our own MCP server (AGENT_TOOLS=mcp).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, Protocol

from agents import FunctionTool
from agents.tool_context import ToolContext
from pydantic import ValidationError
from sqlmodel import Session

from todo_chat.agent.context import TodoContext, parse_arguments
from todo_chat.agent.tool_args import (
    NOTHING,
    AddTask,
    Arguments,
    ListTasks,
    TaskRef,
    UpdateTask,
    compact_schema,
    read_arguments,
)
from todo_chat.core.db import run_db
from todo_chat.models import Priority, Task, ToolCallStatus, User
from todo_chat.services import conversations, journal, tasks
from todo_chat.services.errors import ServiceError
from todo_chat.services.tasks import Completion, TaskCreate, TaskPublic, TaskQuery, TaskUpdate

Payload = dict[str, Any]
log = logging.getLogger(__name__)
# Our agent's calls through the MCP server name the model's call id here (`_meta`), so the
# server files each call under it, as a call made in process is.
CALL_ID_META = "todo-chat/call-id"


@dataclass(frozen=True)
class TaskTool:
    name: str
    description: str
    arguments: type[Arguments]
    work: Callable[[Session, User, Any], Payload]
    writes: bool = True  # a read-only access token may not call it

    @cached_property
    def schema(self) -> dict[str, Any]:
        return compact_schema(self.arguments)


@dataclass(frozen=True)
class CallRecord:
    """Where a chat turn files a call: its conversation, its user message, our id for the call
    (`TodoContext.own_call_id`, never the model server's own)."""

    conversation_id: int
    message_id: int | None
    call_id: str
    # Bump the conversation and check it is the user's with the call. A turn in this process
    # opened on that conversation itself (and its answer bumps it): `turn_record`.
    bump: bool = True


def turn_record(turn: TodoContext, call_id: str) -> CallRecord | None:
    """Where a call of this process's running turn is filed (None: a run outside a conversation)."""
    if turn.conversation_id is None:
        return None
    return CallRecord(turn.conversation_id, turn.message_id, call_id, bump=False)


def _json(payload: Payload) -> str:
    return json.dumps(payload, ensure_ascii=False, default=str)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
    return str(exc)


def perform(session: Session, user: User, tool: TaskTool, arguments: str | dict[str, Any],
            record: CallRecord | None = None) -> tuple[ToolCallStatus, str]:
    """One tool call as one unit of work: (status, JSON text). Never raises for bad input."""
    conversation_id, message_id, call_id = (record.conversation_id, record.message_id, record.call_id) \
        if record is not None else (None, None, None)
    try:
        with journal.recording(session, user, conversation_id, message_id, call_id):
            # every task change is journaled, for undo
            status, output = ToolCallStatus.success, _json(
                tool.work(session, user, read_arguments(tool.arguments, tool.name, arguments)))
    except (ServiceError, ValidationError, ValueError) as exc:
        status, output = ToolCallStatus.error, _json({"error": _message(exc)})
    if record is not None:
        saved = arguments if isinstance(arguments, dict) else parse_arguments(arguments)
        conversations.record_tool_call(session, user, record.conversation_id, record.message_id,
                                       record.call_id, tool.name, saved, status, output, bump=record.bump)
    return status, output


# --- what a task looks like to a model ----------------------------------------------------------

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
    if value.lower() in NOTHING:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"Dates go as YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {value!r}") from None


# --- the changes -------------------------------------------------------------------------------

def _add(session: Session, user: User, a: AddTask) -> Payload:
    data = TaskCreate(title=a.title, description=a.description or None, priority=a.priority or "medium",
                      due_at=lenient_due(a.due_date), tags=tasks.tag_words(a.tags or []),
                      recurrence=tasks.rrule_words(a.recurrence), remind_at=lenient_due(a.remind_at))
    task = tasks.create_task(session, user, data)
    return {"task_id": task.id, "status": "created", **task_summary(task, user)}


def _list(session: Session, user: User, a: ListTasks) -> Payload:
    priority = Priority(a.priority) if a.priority else None
    page = tasks.list_tasks(session, user, TaskQuery(status=a.status, priority=priority, tag=a.tag, due=a.due,
                                                     q=a.query or "", sort=a.sort, order=a.order))
    filters = {k: v for k, v in {"priority": a.priority, "tag": a.tag, "due": a.due, "query": a.query}.items() if v}
    return {"status": a.status, **filters, "count": page.total, "tasks": [task_summary(t, user) for t in page.items]}


def _set_done(completed: bool) -> Callable[[Session, User, TaskRef], Payload]:
    def work(session: Session, user: User, a: TaskRef) -> Payload:
        done: Completion = tasks.set_completed(session, user, a.task_id, completed)
        payload: Payload = {"task_id": a.task_id, "status": "completed" if completed else "reopened",
                   "title": done.task.title}
        if done.next is not None:
            session.flush()
            payload["next"] = {"task_id": done.next.id, **task_summary(done.next, user)}
        return payload

    return work


def _delete(session: Session, user: User, a: TaskRef) -> Payload:
    return {"task_id": a.task_id, "status": "deleted", "title": tasks.delete_task(session, user, a.task_id).title}


def _update(session: Session, user: User, a: UpdateTask) -> Payload:
    given = {"title": a.title, "description": a.description, "priority": a.priority,
             "tags": None if a.tags is None else tasks.tag_words(a.tags)}
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if a.due_date is not None:
        changes["due_at"] = lenient_due(a.due_date)
    if a.recurrence is not None:
        changes["recurrence"] = tasks.rrule_words(a.recurrence)
    if a.remind_at is not None:
        changes["remind_at"] = lenient_due(a.remind_at)
    if not changes:
        raise ValueError("Nothing to update: say what should change")
    task = tasks.update_task(session, user, a.task_id, TaskUpdate(**changes))
    return {"task_id": task.id, "status": "updated", "changed": sorted(changes), **task_summary(task, user)}


DEFINITIONS = (
    TaskTool("add_task", "Add a task to the user's todo list.", AddTask, _add),
    TaskTool("list_tasks", "List the user's tasks, filtered and sorted.", ListTasks, _list, writes=False),
    TaskTool("complete_task", "Mark a task done (a repeating task gets its next occurrence).", TaskRef,
             _set_done(True)),
    TaskTool("reopen_task", "Mark a completed task as not done again.", TaskRef, _set_done(False)),
    TaskTool("delete_task", "Delete a task for good.", TaskRef, _delete),
    TaskTool("update_task", "Change a task: only the fields given change.", UpdateTask, _update),
)
BY_NAME = {tool.name: tool for tool in DEFINITIONS}
TASK_TOOL_NAMES = tuple(BY_NAME)


# --- the agent's side: function tools that go through the turn's door ---------------------------

class ToolDoor(Protocol):
    """How a turn's tool calls reach `perform`: (status, JSON text) of one call."""

    def __call__(self, context: TodoContext, name: str, arguments: str,
                 record: CallRecord | None) -> Awaitable[tuple[ToolCallStatus, str]]: ...


async def in_process(context: TodoContext, name: str, arguments: str,
                     record: CallRecord | None, tool: TaskTool | None = None) -> tuple[ToolCallStatus, str]:
    try:
        return await run_db(perform, context.user, tool or BY_NAME[name], arguments, record)
    except Exception:  # a bug or the database: the unit of work rolled back, nothing changed
        log.exception("tool %s failed", name)
    # The model must know, so its reply never claims the change; the failed call is still filed.
    output = _json({"error": f"{name} failed and changed nothing; tell the user it did not happen"})
    if record is not None:
        await _file_failure(context.user, name, arguments, record, output)
    return ToolCallStatus.error, output


async def _file_failure(user: User, name: str, arguments: str, record: CallRecord, output: str) -> None:
    """File a call whose own unit of work failed, in a unit of its own (when the database lets us)."""
    try:
        await run_db(conversations.record_tool_call, user, record.conversation_id, record.message_id,
                     record.call_id, name, parse_arguments(arguments), ToolCallStatus.error, output)
    except Exception:
        log.exception("could not file the failed call of %s either", name)


async def _invoke(ctx: ToolContext[TodoContext], raw_arguments: str, own: TaskTool | None = None) -> str:
    """A call of the model: an identical call a failed earlier try of this turn finished gets
    that result again (nothing changes twice); any other goes through the turn's door."""
    turn = ctx.context
    call_id = turn.own_call_id(ctx.tool_call_id, "ran")  # ours: the server's may repeat
    earlier = turn.take_earlier(ctx.tool_name, parse_arguments(raw_arguments))
    if earlier is not None:
        turn.outcomes[call_id] = earlier.status
        return earlier.result
    record = turn_record(turn, call_id)
    if own is not None:  # a tool of this process only (agent.change_tools), whatever the door
        status, output = await in_process(turn, ctx.tool_name, raw_arguments, record, own)
    else:
        door: ToolDoor = turn.door or in_process
        status, output = await door(turn, ctx.tool_name, raw_arguments, record)
    turn.outcomes[call_id] = status
    return output


def function_tool(name: str, description: str, schema: dict[str, Any]) -> FunctionTool:
    """The agent's tool for a task tool as a door describes it (ours, or our MCP server's list)."""
    return FunctionTool(name=name, description=description, params_json_schema=schema,
                        on_invoke_tool=_invoke, strict_json_schema=False)


TASK_TOOLS = [function_tool(t.name, t.description, t.schema) for t in DEFINITIONS]


def in_process_tool(tool: TaskTool) -> FunctionTool:
    """The agent's tool for a definition that always runs here, through `perform` (filed and
    journaled like the task tools), whichever door the task tools take."""
    async def invoke(ctx: ToolContext[TodoContext], raw_arguments: str) -> str:
        return await _invoke(ctx, raw_arguments, tool)

    return FunctionTool(name=tool.name, description=tool.description, params_json_schema=tool.schema,
                        on_invoke_tool=invoke, strict_json_schema=False)


@dataclass(frozen=True, eq=False)
class ToolSet:
    """The agent's task tools as one door describes them (hashed by identity: one agent is
    cached per set, and each set lives as long as the process)."""

    tools: tuple[FunctionTool, ...]


IN_PROCESS = ToolSet(tuple(TASK_TOOLS))
