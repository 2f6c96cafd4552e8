"""The task tools' arguments: lenient pydantic models, and the compact JSON schema both doors publish.

Each model is read leniently where the meaning is clear (what real models and MCP clients send:
"High" for a priority, "5" or "#5" for a task id, `["a"]` sent as a JSON string, "" for nothing),
and its schema is the one the agent's model and every MCP client see: no titles, no `null`
branches, defaults only where they say something. The schema is small because it goes with every
model request (issue 19 counts those bytes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from todo_chat.core.db import ID_MAX

NOTHING = ("", "none", "null", "n/a")


def _word(value: Any) -> Any:
    """'High ' -> 'high'; '' or 'none' -> None (no value given)."""
    if isinstance(value, str):
        value = value.strip().lower()
        return None if value in NOTHING else value
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


def _in_range(value: int) -> int:
    """An id the database can hold (checked here, not in the schema: no bytes for the model)."""
    if not 1 <= value <= ID_MAX:
        raise ValueError("no task has this id")
    return value


def _word_list(value: Any) -> Any:
    """'["a", "b"]' (a list sent as JSON text, as some MCP clients do) or 'a, b' -> a list."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                return json.loads(text)
            except ValueError:
                return value
        return [part for part in re.split(r"[,\s]+", text) if part]
    return value


def _or(default: str) -> Callable[[Any], Any]:
    return lambda value: _word(value) or default


PriorityName = Literal["low", "medium", "high"]
Priority = Annotated[PriorityName | None, BeforeValidator(_word)]
TaskId = Annotated[int, BeforeValidator(_task_number), AfterValidator(_in_range)]
Words = Annotated[list[str] | None, BeforeValidator(_word_list)]
Status = Annotated[Literal["all", "pending", "completed"], BeforeValidator(_or("all"))]
DueFilter = Annotated[Literal["today", "overdue", "week", "none"] | None, BeforeValidator(_due_word)]
Sort = Annotated[Literal["due", "priority", "created", "updated", "title"], BeforeValidator(_or("created"))]
Order = Annotated[Literal["asc", "desc"], BeforeValidator(_or("asc"))]

DATE = "YYYY-MM-DD or YYYY-MM-DDTHH:MM, user's local time"


class Arguments(BaseModel):
    """A tool's arguments. Unknown ones are refused by name: a typo must not pass silently."""

    model_config = ConfigDict(extra="forbid")


class AddTask(Arguments):
    title: str = Field(description='Short title, e.g. "Buy groceries"')
    description: str = ""
    priority: Priority = Field(None, description="default medium")
    due_date: str | None = Field(None, description=DATE)
    tags: Words = Field(None, description='lowercase, e.g. ["work"]')
    recurrence: str | None = Field(None, description="RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO")
    remind_at: str | None = Field(None, description=DATE)


class ListTasks(Arguments):
    status: Status = "all"
    priority: Priority = None
    tag: str | None = None
    due: DueFilter = Field(None, description="week: the next 7 days; none: no due date")
    query: str = Field("", description="words in the title or description")
    sort: Sort = "created"
    order: Order = "asc"


class TaskRef(Arguments):
    task_id: TaskId


class UpdateTask(TaskRef):
    title: str | None = None
    description: str | None = None
    priority: Priority = None
    due_date: str | None = Field(None, description=f'{DATE}; "" removes it')
    tags: Words = Field(None, description="replaces the list")
    recurrence: str | None = Field(None, description='an RRULE; "" stops repeating')
    remind_at: str | None = Field(None, description=f'{DATE}; "" removes it')


def compact_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema without what tells a model nothing: titles, `null` branches of
    optional fields, `None` and empty defaults."""
    return _compact(model.model_json_schema())


def _compact(node: Any) -> Any:
    if isinstance(node, list):
        return [_compact(item) for item in node]
    if not isinstance(node, dict):
        return node
    branches = [b for b in node.get("anyOf", []) if b != {"type": "null"}]
    if "anyOf" in node and len(branches) == 1:  # `X | None`: just X (leaving it out means none)
        node = {**{k: v for k, v in node.items() if k != "anyOf"}, **branches[0]}
    kept = {key: value for key, value in node.items()
            if key not in ("title", "additionalProperties") and not (key == "default" and value in (None, "", []))}
    if isinstance(kept.get("properties"), dict):  # its keys are field names, one may be "title"
        kept["properties"] = {name: _compact(field) for name, field in kept["properties"].items()}
    return {key: value if key == "properties" else _compact(value) for key, value in kept.items()}


def read_arguments(model: type[Arguments], tool: str, raw: str | dict[str, Any] | None) -> Arguments:
    """The arguments a caller sent, checked; ValueError with a message naming each bad field."""
    data: Any = raw or {}
    if isinstance(raw, str):
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            raise ValueError(f"Invalid arguments for {tool}: not valid JSON; send one JSON object") from None
    if not isinstance(data, dict):
        raise ValueError(f"Invalid arguments for {tool}: send one JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'arguments'}: {e['msg']}" for e in exc.errors())
        raise ValueError(f"Invalid arguments for {tool}: {problems}") from None
