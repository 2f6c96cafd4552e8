"""Tasks of one user. Another user's task is indistinguishable from a missing one."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from todo_chat.core.db import utcnow
from todo_chat.core.text import BLANK, NOT_BLANK_PATTERN, blank_class, squeeze
from todo_chat.models import Priority, Task, User
from todo_chat.models.task import DESCRIPTION_MAX, TITLE_MAX
from todo_chat.services.errors import NotFound
from todo_chat.services.ownership import get_owned

StatusFilter = Literal["all", "pending", "completed"]
TAGS_MAX = 20
TAG_MAX = 40


def _clean_title(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(BLANK)
    if not value:
        raise ValueError("Title must not be empty")
    return value


# What a tag may not hold: '#', and control characters other than whitespace (whitespace is
# squeezed to single spaces). The schema publishes the same rule as a pattern.
_TAG_FORBIDDEN = re.compile(r"[#\x00-\x08\x0e-\x1b\x7f]")
TAG_PATTERN = (r"^[^#\x00-\x08\x0e-\x1b\x7f]*" f"[^#{blank_class()}\\x00-\\x08\\x0e-\\x1b\\x7f]"
               r"[^#\x00-\x08\x0e-\x1b\x7f]*$")


def _clean_tags(value: list[str] | None) -> list[str] | None:
    """Tags are short lowercase words: at most TAGS_MAX, each at most TAG_MAX characters, no '#'
    (write "work", not "#work"), spaces squeezed, lower-cased, duplicates dropped."""
    if value is None:
        return None
    cleaned: list[str] = []
    for raw in value:
        if _TAG_FORBIDDEN.search(raw):
            raise ValueError("Tags must not contain '#' or control characters")
        tag = squeeze(raw).lower()
        if not tag:
            raise ValueError("Tags must not be empty")
        if tag not in cleaned:
            cleaned.append(tag)
    return cleaned


def _iso_date(value: object) -> object:
    """A due date is a date or a 'YYYY-MM-DD' string, never a number read as a timestamp."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise ValueError("due_date must be a date like 2026-12-31")


Tags = list[Annotated[str, Field(max_length=TAG_MAX, json_schema_extra={"pattern": TAG_PATTERN})]]
Title = Field(min_length=1, max_length=TITLE_MAX, json_schema_extra={"pattern": NOT_BLANK_PATTERN})


class TaskCreate(BaseModel):
    title: str = Title
    description: str = Field(default="", max_length=DESCRIPTION_MAX)
    priority: Priority | None = None
    due_date: date | None = None
    tags: Tags = Field(default_factory=list, max_length=TAGS_MAX)

    _title = field_validator("title")(_clean_title)
    _tags = field_validator("tags")(_clean_tags)
    _due = field_validator("due_date", mode="before")(_iso_date)


class TaskUpdate(BaseModel):
    """Only the fields that are set change."""

    title: str | None = Field(default=None, min_length=1, max_length=TITLE_MAX,
                              json_schema_extra={"pattern": NOT_BLANK_PATTERN})
    description: str | None = Field(default=None, max_length=DESCRIPTION_MAX)
    completed: bool | None = Field(default=None, strict=True)
    priority: Priority | None = None
    due_date: date | None = None
    tags: Tags | None = Field(default=None, max_length=TAGS_MAX)

    _title = field_validator("title")(_clean_title)
    _tags = field_validator("tags")(_clean_tags)
    _due = field_validator("due_date", mode="before")(_iso_date)


class TaskPage(BaseModel):
    items: list[Task]
    total: int


def list_tasks(
    session: Session, user: User, status: StatusFilter = "all", limit: int = 100, offset: int = 0
) -> TaskPage:
    query = select(Task).where(Task.user_id == user.id)
    if status == "pending":
        query = query.where(col(Task.completed).is_(False))
    elif status == "completed":
        query = query.where(col(Task.completed).is_(True))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    items = session.exec(query.order_by(col(Task.id)).offset(offset).limit(limit)).all()
    return TaskPage(items=list(items), total=total)


def get_task(session: Session, user: User, task_id: int) -> Task:
    return get_owned(session, Task, task_id, user, "Task")


def create_task(session: Session, user: User, data: TaskCreate) -> Task:
    task = Task(user_id=user.id, **data.model_dump())
    session.add(task)
    session.flush()
    return task


def update_task(session: Session, user: User, task_id: int, data: TaskUpdate) -> Task:
    task = get_task(session, user, task_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(task, field, value)
    task.updated_at = utcnow()
    session.add(task)
    _flush_or_gone(session, task_id)
    return task


def set_completed(session: Session, user: User, task_id: int, completed: bool = True) -> Task:
    return update_task(session, user, task_id, TaskUpdate(completed=completed))


def delete_task(session: Session, user: User, task_id: int) -> Task:
    task = get_task(session, user, task_id)
    # One DELETE that says whether it removed the row: of two racing deletes only one succeeds,
    # the other is a NotFound (an ORM delete would only warn, and both would answer 204).
    removed = session.execute(
        delete(Task).where(col(Task.id) == task_id, col(Task.user_id) == user.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.expunge(task)
    if removed != 1:
        raise NotFound(f"Task {task_id} not found")
    return task


def _flush_or_gone(session: Session, task_id: int) -> None:
    """Flush; a task another request deleted meanwhile (0 rows matched) is a NotFound."""
    try:
        session.flush()
    except (StaleDataError, ObjectDeletedError):
        raise NotFound(f"Task {task_id} not found") from None
