"""Tasks of one user. Another user's task is indistinguishable from a missing one.

Dates: instants are stored in UTC and read or shown in the user's time zone (see task_fields).
Recurrence is an RFC 5545 RRULE, stepped in local wall-clock time by dateutil (so "every monday
at 9" stays at 9 across DST).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from dateutil.rrule import rrulestr
from pydantic import BaseModel
from sqlalchemy import ColumnElement, String, and_, case, cast, delete, or_
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from sqlmodel import Session, col, func, select

from todo_chat.core.db import rows_affected
from todo_chat.core.time import utcnow
from todo_chat.models import ChangeKind, Priority, Task, User
from todo_chat.services import journal, rows
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.services.ownership import get_owned

# The field rules and the zone arithmetic live in task_fields; they are part of this service's API.
from todo_chat.services.task_fields import (  # noqa: F401 (re-exported)
    DESCRIPTION_MAX,
    RRULE_PATTERN,
    TAG_PATTERN,
    Due,
    DueState,
    TaskCreate,
    TaskPublic,
    TaskUpdate,
    check_timezone,
    day_start,
    due_phrase,
    due_state,
    local_instant,
    normalize_rrule,
    normalize_tags,
    rrule_words,
    tag_words,
    to_instant,
    zone_of,
)

StatusFilter = Literal["all", "pending", "completed"]
DueFilter = Literal["today", "overdue", "week", "none"]
SortKey = Literal["due", "priority", "created", "updated", "title"]
Order = Literal["asc", "desc"]
# Each key's natural order when none is asked for: title A-Z, due soonest, priority high first,
# created/updated newest first.
NATURAL_ORDER: dict[str, Order] = {"title": "asc", "due": "asc", "priority": "desc", "created": "desc",
                                   "updated": "desc"}


class TaskPage(BaseModel):
    items: list[Task]
    total: int


@dataclass
class TaskQuery:
    status: StatusFilter = "all"
    priority: Priority | None = None
    tag: str | None = None
    due: DueFilter | None = None
    q: str = ""
    sort: SortKey = "created"
    order: Order | None = None  # None: the sort key's natural order (NATURAL_ORDER)
    limit: int = 100
    offset: int = 0


# --- queries ---------------------------------------------------------------------------------

def _due_filter(user: User, due: DueFilter, now: datetime):
    today = day_start(user, now)
    tomorrow = day_start(user, today + timedelta(hours=36))
    week_end = day_start(user, today + timedelta(days=7, hours=12))
    if due == "none":
        return col(Task.due_at).is_(None)
    if due == "today":
        return and_(col(Task.due_at) >= today, col(Task.due_at) < tomorrow)
    if due == "week":
        return and_(col(Task.due_at) >= today, col(Task.due_at) < week_end)
    # overdue: not done, and past its time (an all-day task only once its day is over)
    return and_(col(Task.completed).is_(False), or_(
        and_(col(Task.all_day).is_(True), col(Task.due_at) < today),
        and_(col(Task.all_day).is_(False), col(Task.due_at) < now)))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ordering(sort: SortKey, asked: Order | None):
    order = asked or NATURAL_ORDER[sort]
    rank = case((col(Task.priority) == Priority.high, 3), (col(Task.priority) == Priority.medium, 2), else_=1)
    key = {"due": col(Task.due_at), "priority": rank, "created": col(Task.created_at),
           "updated": col(Task.updated_at), "title": func.lower(col(Task.title))}[sort]
    keys: list[ColumnElement[Any]] = [key.desc() if order == "desc" else key.asc()]
    if sort == "due":  # undated tasks last either way
        keys.insert(0, col(Task.due_at).is_(None))
    return [*keys, col(Task.id).desc() if order == "desc" else col(Task.id)]


def list_tasks(session: Session, user: User, query: TaskQuery | StatusFilter = "all", limit: int | None = None,
               offset: int | None = None, now: datetime | None = None) -> TaskPage:
    """A page of the user's tasks, filtered and sorted; newest first by default."""
    query = TaskQuery(status=query) if isinstance(query, str) else query
    query = replace(query, limit=query.limit if limit is None else limit,
                    offset=query.offset if offset is None else offset)
    now = now or utcnow()
    select_tasks = select(Task).where(Task.user_id == user.id)
    if query.status != "all":
        select_tasks = select_tasks.where(col(Task.completed).is_(query.status == "completed"))
    if query.priority is not None:
        select_tasks = select_tasks.where(col(Task.priority) == query.priority)
    if query.tag:
        tags = tag_words([query.tag])
        if tags:  # tags are stored normalised, so the quoted word matches exactly one tag
            select_tasks = select_tasks.where(cast(col(Task.tags), String).like(_like(f'"{tags[0]}"'), escape="\\"))
    if query.due is not None:
        select_tasks = select_tasks.where(_due_filter(user, query.due, now))
    for word in query.q.split():
        pattern = _like(word.lower())
        select_tasks = select_tasks.where(or_(func.lower(col(Task.title)).like(pattern, escape="\\"),
                                              func.lower(col(Task.description)).like(pattern, escape="\\")))
    total = session.exec(select(func.count()).select_from(select_tasks.subquery())).one()
    rows = session.exec(select_tasks.order_by(*_ordering(query.sort, query.order))
                        .offset(query.offset).limit(query.limit)).all()
    return TaskPage(items=list(rows), total=total)


def counts(session: Session, user: User, now: datetime | None = None) -> dict[str, int]:
    """How many pending tasks each view of the panel holds."""
    now = now or utcnow()
    pending = select(func.count()).select_from(Task).where(Task.user_id == user.id, col(Task.completed).is_(False))
    return {
        "pending": session.exec(pending).one(),
        "today": session.exec(pending.where(_due_filter(user, "today", now))).one(),
        "overdue": session.exec(pending.where(_due_filter(user, "overdue", now))).one(),
        "upcoming": session.exec(pending.where(col(Task.due_at) >= day_start(user, now))).one(),
    }


def due_reminders(session: Session, user: User, since: datetime, now: datetime | None = None) -> list[Task]:
    """Pending tasks whose reminder fell due in (since, now]."""
    now = now or utcnow()
    return list(session.exec(select(Task).where(
        Task.user_id == user.id, col(Task.completed).is_(False),
        col(Task.remind_at) > since, col(Task.remind_at) <= now).order_by(col(Task.remind_at))).all())


def get_task(session: Session, user: User, task_id: int) -> Task:
    return get_owned(session, Task, task_id, user, "Task")


# --- changes ---------------------------------------------------------------------------------

def _apply_due(task: Task, user: User, value: Due) -> None:
    if value is None:
        task.due_at, task.all_day = None, False
    else:
        task.due_at, task.all_day = to_instant(user, value)


def create_task(session: Session, user: User, data: TaskCreate) -> Task:
    task = Task(user_id=user.id, title=data.title, description=data.description or "", priority=data.priority,
                tags=data.tags, recurrence=data.recurrence,
                remind_at=local_instant(user, data.remind_at) if data.remind_at else None)
    _apply_due(task, user, data.due_at)
    rows.insert_new(session, task)  # one INSERT, no ORM flush (see services.rows)
    journal.note(session, ChangeKind.created, task, None)
    return task


def update_task(session: Session, user: User, task_id: int, data: TaskUpdate) -> Task:
    changes = data.model_dump(exclude_unset=True)
    if not changes:
        raise Invalid("Give at least one field to change")
    task = get_task(session, user, task_id)
    was = journal.before(session, task)
    for field, value in changes.items():
        if field == "due_at":
            _apply_due(task, user, data.due_at)
        elif field == "remind_at":
            task.remind_at = local_instant(user, data.remind_at) if data.remind_at else None
        elif field == "completed":
            set_completed(session, user, task_id, bool(value))
        elif field == "description":
            task.description = value or ""
        elif value is not None or field == "recurrence":
            setattr(task, field, value)
    task.updated_at = utcnow()
    session.add(task)
    _flush_or_gone(session, task_id)
    journal.note(session, ChangeKind.updated, task, was)
    return task


def _flush_or_gone(session: Session, task_id: int) -> None:
    """Flush; a task another request deleted meanwhile (0 rows matched) is a NotFound."""
    try:
        session.flush()
    except (StaleDataError, ObjectDeletedError):
        raise NotFound(f"Task {task_id} not found") from None


def next_due(task: Task, user: User, now: datetime) -> datetime | None:
    """The occurrence after this one, stepped in local wall-clock time; None when the rule ends."""
    zone = zone_of(user)
    base = (task.due_at or task.remind_at or now).astimezone(zone).replace(tzinfo=None)
    following = rrulestr(task.recurrence, dtstart=base).after(base)
    return None if following is None else following.replace(tzinfo=zone).astimezone(UTC)


def _following_rule(rule: str) -> str | None:
    """A COUNT-limited rule counts down with each occurrence; COUNT=1 was the last one."""
    match = re.search(r"COUNT=(\d+)", rule)
    if match is None:
        return rule
    left = int(match.group(1)) - 1
    return None if left < 1 else rule.replace(match.group(0), f"COUNT={left}")


def _roll_over(session: Session, user: User, task: Task) -> Task | None:
    """Completing a recurring task schedules its next occurrence as a new pending task."""
    rule = _following_rule(task.recurrence or "")
    if not rule:
        return None
    due = next_due(task, user, utcnow())
    if due is None:
        return None
    shift = due - (task.due_at or task.remind_at or due)
    following = Task(user_id=user.id, title=task.title, description=task.description, priority=task.priority,
                     tags=list(task.tags or []), recurrence=rule, all_day=task.all_day,
                     due_at=due if task.due_at else None,
                     remind_at=task.remind_at + shift if task.remind_at else None)
    if task.due_at is None and task.remind_at is not None:
        following.remind_at = due
    session.add(following)
    return following


@dataclass
class Completion:
    task: Task
    # The next occurrence, when completing a recurring task scheduled one.
    next: Task | None = None


def set_completed(session: Session, user: User, task_id: int, completed: bool = True) -> Completion:
    task = get_task(session, user, task_id)
    was = journal.before(session, task)
    following = _roll_over(session, user, task) if completed and not task.completed and task.recurrence else None
    task.completed, task.updated_at = completed, utcnow()
    task.completed_at = (task.completed_at or task.updated_at) if completed else None
    session.add(task)
    _flush_or_gone(session, task_id)
    journal.note(session, ChangeKind.completed if completed else ChangeKind.reopened, task, was)
    if following is not None:
        journal.note(session, ChangeKind.created, following, None)
    return Completion(task=task, next=following)


def toggle_completed(session: Session, user: User, task_id: int) -> Completion:
    return set_completed(session, user, task_id, not get_task(session, user, task_id).completed)


def delete_task(session: Session, user: User, task_id: int) -> Task:
    task = get_task(session, user, task_id)
    was = journal.before(session, task)
    # One DELETE that says whether it removed the row: of two racing deletes only one succeeds,
    # the other is a NotFound (an ORM delete would only warn, and both would answer 204).
    removed = rows_affected(session.execute(
        delete(Task).where(col(Task.id) == task_id, col(Task.user_id) == user.id)
        .execution_options(synchronize_session=False)
    ))
    session.expunge(task)
    if removed != 1:
        raise NotFound(f"Task {task_id} not found")
    journal.note(session, ChangeKind.deleted, task, was)
    return task
