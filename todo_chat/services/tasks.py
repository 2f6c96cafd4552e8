"""Tasks of one user. Another user's task is indistinguishable from a missing one.

Dates: instants are stored in UTC and read or shown in the user's time zone. A due date without a
time is `all_day`: it is kept as that day's local midnight. Recurrence is an RFC 5545 RRULE,
stepped in local wall-clock time by dateutil (so "every monday at 9" stays at 9 across DST).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import String, and_, case, cast, delete, or_
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from sqlmodel import Session, col, func, select

from todo_chat.core.db import utcnow
from todo_chat.core.text import BLANK, NOT_BLANK_PATTERN, blank_class, squeeze
from todo_chat.models import Priority, Task, User
from todo_chat.models.task import DESCRIPTION_MAX, RECURRENCE_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.services.ownership import get_owned

StatusFilter = Literal["all", "pending", "completed"]
DueFilter = Literal["today", "overdue", "week", "none"]
SortKey = Literal["due", "priority", "created", "updated", "title"]
Order = Literal["asc", "desc"]
Due = date | datetime | None


# --- values ----------------------------------------------------------------------------------

def zone_of(user: User) -> ZoneInfo:
    try:
        return ZoneInfo(user.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(f"Unknown time zone {name!r}: use an IANA name such as Europe/Paris") from None
    return name


# What a tag may not hold: '#', and control characters other than whitespace (whitespace is
# squeezed to single spaces). The schema publishes the same rule as a pattern.
_TAG_FORBIDDEN = re.compile(r"[#\x00-\x08\x0e-\x1b\x7f]")
TAG_PATTERN = (r"^[^#\x00-\x08\x0e-\x1b\x7f]*" f"[^#{blank_class()}\\x00-\\x08\\x0e-\\x1b\\x7f]"
               r"[^#\x00-\x08\x0e-\x1b\x7f]*$")


def normalize_tags(tags: list[str]) -> list[str]:
    """Tags are short lowercase words: at most TAGS_MAX, each at most TAG_MAX characters, no '#'
    (write "work", not "#work"), spaces squeezed, lower-cased, duplicates dropped."""
    cleaned: list[str] = []
    for raw in tags:
        if _TAG_FORBIDDEN.search(raw):
            raise ValueError("Tags must not contain '#' or control characters")
        tag = squeeze(raw).lower()
        if not tag:
            raise ValueError("Tags must not be empty")
        if len(tag) > TAG_MAX:
            raise ValueError(f"Tags must be at most {TAG_MAX} characters")
        if tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > TAGS_MAX:
        raise ValueError(f"A task can have at most {TAGS_MAX} tags")
    return cleaned


def tag_words(words: list[str]) -> list[str]:
    """Tags as people and models write them ("#work", "Work"), made valid; invalid ones dropped."""
    return [tag for word in words for tag in _valid_tags(word.lstrip("#"))]


def _valid_tags(word: str) -> list[str]:
    try:
        return normalize_tags([word])
    except ValueError:
        return []


_DAY = "(MO|TU|WE|TH|FR|SA|SU)"
_RRULE_PARTS = {
    "INTERVAL": "[1-9][0-9]{0,2}", "COUNT": "[1-9][0-9]{0,3}", "BYDAY": f"{_DAY}(,{_DAY})*",
    "BYMONTHDAY": "-?(3[01]|[12][0-9]|[1-9])(,-?(3[01]|[12][0-9]|[1-9]))*",
    "BYMONTH": "(1[0-2]|[1-9])(,(1[0-2]|[1-9]))*",
    "BYHOUR": "(2[0-3]|1[0-9]|[0-9])(,(2[0-3]|1[0-9]|[0-9]))*",
    "BYMINUTE": "[1-5]?[0-9](,[1-5]?[0-9])*", "WKST": _DAY,
}
# The RFC 5545 subset a todo list needs, as the schema publishes it: the server accepts exactly
# what this matches (dateutil reads every such rule).
RRULE_PATTERN = ("^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;(" +
                 "|".join(f"{key}={value}" for key, value in _RRULE_PARTS.items()) + "))*$")


def normalize_rrule(rule: str | None) -> str | None:
    """An RRULE such as FREQ=WEEKLY;BYDAY=MO (RRULE_PATTERN); None: no recurrence."""
    if rule is None:
        return None
    if len(rule) > RECURRENCE_MAX or not re.fullmatch(RRULE_PATTERN, rule):
        raise ValueError("Recurrence must be an RRULE such as FREQ=WEEKLY;BYDAY=MO "
                         "(FREQ, then INTERVAL, COUNT, BYDAY, BYMONTHDAY, BYMONTH, BYHOUR, BYMINUTE or WKST)")
    return rule


def rrule_words(rule: str | None) -> str | None:
    """A rule as models write it ("rrule:freq=weekly", ""), made canonical; '' is no rule."""
    if rule is None or not rule.strip():
        return None
    return rule.strip().upper().removeprefix("RRULE:").replace(" ", "")


def _clean_title(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(BLANK)
    if not value:
        raise ValueError("Title must not be empty")
    return value


def _clean_tags(value: list[str] | None) -> list[str] | None:
    return None if value is None else normalize_tags(value)


def _clean_rrule(value: str | None) -> str | None:
    return normalize_rrule(value)


def _date_text(value: object) -> object:
    """Dates come as ISO text (or date objects from Python callers), never as a number that
    pydantic would read as a Unix timestamp."""
    if value is None or isinstance(value, (str, date)):
        return value
    raise ValueError("Give a date like 2026-12-31 or a time like 2026-12-31T17:00")


Recurrence = Annotated[str, Field(max_length=RECURRENCE_MAX, json_schema_extra={"pattern": RRULE_PATTERN})]
Tags = list[Annotated[str, Field(max_length=TAG_MAX, json_schema_extra={"pattern": TAG_PATTERN})]]
TITLE = {"min_length": 1, "max_length": TITLE_MAX, "json_schema_extra": {"pattern": NOT_BLANK_PATTERN}}


class TaskCreate(BaseModel):
    title: str = Field(**TITLE)
    description: str | None = Field(default=None, max_length=DESCRIPTION_MAX)
    priority: Priority = Priority.medium
    # A date (all day) or a date and time; a time without an offset is the user's local time.
    due_at: Due = None
    tags: Tags = Field(default_factory=list, max_length=TAGS_MAX)
    recurrence: Recurrence | None = None
    remind_at: datetime | None = None

    _title = field_validator("title")(_clean_title)
    _tags = field_validator("tags")(_clean_tags)
    _rrule = field_validator("recurrence")(_clean_rrule)
    _dates = field_validator("due_at", "remind_at", mode="before")(_date_text)


class TaskUpdate(BaseModel):
    """Only the fields that are set change; `null` clears a date, a recurrence or a reminder."""

    # At least one known field: an empty change is a client mistake (400), an unknown field too.
    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    title: str | None = Field(default=None, **TITLE)
    description: str | None = Field(default=None, max_length=DESCRIPTION_MAX)
    completed: bool | None = Field(default=None, strict=True)
    priority: Priority | None = None
    due_at: Due = None
    tags: Tags | None = Field(default=None, max_length=TAGS_MAX)
    recurrence: Recurrence | None = None
    remind_at: datetime | None = None

    _title = field_validator("title")(_clean_title)
    _tags = field_validator("tags")(_clean_tags)
    _rrule = field_validator("recurrence")(_clean_rrule)
    _dates = field_validator("due_at", "remind_at", mode="before")(_date_text)


class TaskPublic(BaseModel):
    """A task as every door shows it: instants in the user's own offset."""

    id: int
    user_id: int
    title: str
    description: str | None
    completed: bool
    priority: Priority
    tags: list[str]
    due_at: datetime | None
    all_day: bool
    recurrence: str | None
    remind_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, task: Task, user: User) -> TaskPublic:
        zone = zone_of(user)
        local = (lambda value: value.astimezone(zone) if value else None)
        return cls(id=task.id, user_id=task.user_id, title=task.title, description=task.description or None,
                   completed=task.completed, priority=task.priority, tags=list(task.tags or []),
                   due_at=local(task.due_at), all_day=task.all_day, recurrence=task.recurrence,
                   remind_at=local(task.remind_at), created_at=local(task.created_at),
                   updated_at=local(task.updated_at))


def to_instant(user: User, value: datetime | date) -> tuple[datetime, bool]:
    """(UTC instant, all_day) for a due date as given: a bare date is the whole local day."""
    zone = zone_of(user)
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=zone).astimezone(timezone.utc), True
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(timezone.utc), False


def _local_instant(user: User, value: datetime) -> datetime:
    return to_instant(user, value)[0]


DueState = Literal["overdue", "today", "upcoming", ""]


def due_state(task: Task, user: User, now: datetime | None = None) -> DueState:
    """Where a pending task's due date stands for the user today ('' when done or undated)."""
    if task.completed or task.due_at is None:
        return ""
    now = now or utcnow()
    today = day_start(user, now)
    tomorrow = day_start(user, today + timedelta(hours=36))
    if task.due_at < (today if task.all_day else now):
        return "overdue"
    return "today" if task.due_at < tomorrow else "upcoming"


def due_phrase(due_at: datetime | None, all_day: bool, zone: ZoneInfo) -> str:
    """A due date in words, in the user's zone: 'Fri 4 Dec' or 'Fri 4 Dec, 5:00 pm'."""
    if due_at is None:
        return ""
    local = due_at.astimezone(zone)
    day = f"{local:%a} {local.day} {local:%b}"
    if all_day:
        return day
    return f"{day}, {local.hour % 12 or 12}:{local:%M} {'am' if local.hour < 12 else 'pm'}"


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
    order: Order = "desc"
    limit: int = 100
    offset: int = 0


# --- queries ---------------------------------------------------------------------------------

def day_start(user: User, now: datetime) -> datetime:
    """The start of the user's local day that `now` falls in, as a UTC instant."""
    zone = zone_of(user)
    return datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone).astimezone(timezone.utc)


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


def _ordering(sort: SortKey, order: Order):
    rank = case((col(Task.priority) == Priority.high, 3), (col(Task.priority) == Priority.medium, 2), else_=1)
    key = {"due": col(Task.due_at), "priority": rank, "created": col(Task.created_at),
           "updated": col(Task.updated_at), "title": func.lower(col(Task.title))}[sort]
    keys = [key.desc() if order == "desc" else key.asc()]
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
                remind_at=_local_instant(user, data.remind_at) if data.remind_at else None)
    _apply_due(task, user, data.due_at)
    session.add(task)
    session.flush()
    return task


def update_task(session: Session, user: User, task_id: int, data: TaskUpdate) -> Task:
    changes = data.model_dump(exclude_unset=True)
    if not changes:
        raise Invalid("Give at least one field to change")
    task = get_task(session, user, task_id)
    for field, value in changes.items():
        if field == "due_at":
            _apply_due(task, user, getattr(data, "due_at"))
        elif field == "remind_at":
            task.remind_at = _local_instant(user, data.remind_at) if data.remind_at else None
        elif field == "completed":
            set_completed(session, user, task_id, bool(value))
        elif field == "description":
            task.description = value or ""
        elif value is not None or field == "recurrence":
            setattr(task, field, value)
    task.updated_at = utcnow()
    session.add(task)
    _flush_or_gone(session, task_id)
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
    return None if following is None else following.replace(tzinfo=zone).astimezone(timezone.utc)


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
    following = _roll_over(session, user, task) if completed and not task.completed and task.recurrence else None
    task.completed, task.updated_at = completed, utcnow()
    session.add(task)
    _flush_or_gone(session, task_id)
    return Completion(task=task, next=following)


def toggle_completed(session: Session, user: User, task_id: int) -> Completion:
    return set_completed(session, user, task_id, not get_task(session, user, task_id).completed)


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
