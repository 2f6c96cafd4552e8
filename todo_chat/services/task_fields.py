"""What a task's fields may hold, and how its dates read in the user's time zone.

Instants are stored in UTC and read or shown in the user's zone; a due date without a time is
`all_day` (that day's local midnight). Recurrence is an RFC 5545 RRULE. The schemas here publish
exactly what the server accepts (the API is fuzzed against them).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from todo_chat.core.text import BLANK, NOT_BLANK_PATTERN, blank_class, squeeze
from todo_chat.core.time import utcnow
from todo_chat.models import Priority, Task, User
from todo_chat.models.task import DESCRIPTION_MAX, RECURRENCE_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX
from todo_chat.services.errors import Invalid

Due = date | datetime | None


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
TITLE: dict[str, Any] = {"min_length": 1, "max_length": TITLE_MAX, "json_schema_extra": {"pattern": NOT_BLANK_PATTERN}}


class _TaskInput(BaseModel):
    """The checks a task's fields get whether it is made or changed."""

    _title = field_validator("title", check_fields=False)(_clean_title)
    _tags = field_validator("tags", check_fields=False)(_clean_tags)
    _rrule = field_validator("recurrence", check_fields=False)(_clean_rrule)
    _dates = field_validator("due_at", "remind_at", mode="before", check_fields=False)(_date_text)


class TaskCreate(_TaskInput):
    title: str = Field(**TITLE)
    description: str | None = Field(default=None, max_length=DESCRIPTION_MAX)
    priority: Priority = Priority.medium
    # A date (all day) or a date and time; a time without an offset is the user's local time.
    due_at: Due = None
    tags: Tags = Field(default_factory=list, max_length=TAGS_MAX)
    recurrence: Recurrence | None = None
    remind_at: datetime | None = None


class TaskUpdate(_TaskInput):
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

        def local(value: datetime | None) -> datetime | None:
            return value.astimezone(zone) if value else None

        return cls(id=task.id, user_id=task.user_id, title=task.title, description=task.description or None,
                   completed=task.completed, priority=task.priority, tags=list(task.tags or []),
                   due_at=local(task.due_at), all_day=task.all_day, recurrence=task.recurrence,
                   remind_at=local(task.remind_at), created_at=local(task.created_at),
                   updated_at=local(task.updated_at))


def to_instant(user: User, value: datetime | date) -> tuple[datetime, bool]:
    """(UTC instant, all_day) for a due date as given: a bare date is the whole local day."""
    zone = zone_of(user)
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=zone).astimezone(UTC), True
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC), False


def local_instant(user: User, value: datetime) -> datetime:
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



def day_start(user: User, now: datetime) -> datetime:
    """The start of the user's local day that `now` falls in, as a UTC instant."""
    zone = zone_of(user)
    return datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone).astimezone(UTC)
