"""A person's figures for the stats page, aggregated in SQL (GROUP BY), in their own time zone.

"Which local day (hour) was this instant" is the database's work, so 10,000 tasks cost one
grouped scan, not 10,000 Python objects. PostgreSQL converts with its own zone database
(`timezone(zone, ts)`). SQLite has none: the UTC offsets the zone uses over the window are
worked out here (the DST changes found with zoneinfo) and the query shifts each row by the
offset of its stretch (`CASE WHEN ts < change THEN '+3600 seconds' ...`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy import case, literal
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, func, select

from todo_chat.core.time import utcnow
from todo_chat.models import Task, ToolCall, ToolCallStatus, User
from todo_chat.services.tasks import TaskQuery, day_start, list_tasks, zone_of

DAYS = 30  # the per-day chart
HOURS_DAYS = 90  # busiest hours: completions of the last 90 days
STREAK_DAYS = 366  # a streak is counted back at most a year


class DayCount(BaseModel):
    day: date
    count: int


class HourCount(BaseModel):
    hour: int  # 0-23, local
    count: int


class ToolOutcome(BaseModel):
    name: str
    success: int = 0
    error: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.success + self.error + self.pending


class Stats(BaseModel):
    time_zone: str
    days: list[DayCount]  # the last DAYS local days, oldest first, today last
    completed_last_30_days: int
    open: int
    done: int
    overdue: int
    streak: int  # consecutive local days with a completion, ending today (or yesterday)
    hours: list[HourCount]  # all 24, local
    tools: list[ToolOutcome]


# --- local time in SQL ---------------------------------------------------------------------------

def offset_changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """The zone's UTC offsets (seconds) over [start, end): the first from `start`, then each
    change with the instant it takes effect (to the second)."""
    def offset(at: datetime) -> int:
        return int((at.astimezone(zone).utcoffset() or timedelta()).total_seconds())

    changes = [(start, offset(start))]
    day = start
    while day < end:
        following = min(day + timedelta(days=1), end)
        if offset(following) != changes[-1][1]:
            low, high = day, following  # the change lies in (low, high]: bisect to the second
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == changes[-1][1] else (low, middle)
            changes.append((high.replace(microsecond=0), offset(high)))
        day = following
    return changes


def _local_text(session: Session, column, zone: ZoneInfo, start: datetime, end: datetime,
                sqlite_format: str, postgres_format: str) -> ColumnElement:
    """`column` (an aware UTC instant) as local text in `zone`: its day or its hour."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone(zone.key, column), postgres_format)
    changes = offset_changes(zone, start, end)
    shift = lambda seconds: literal(f"{seconds:+d} seconds")  # noqa: E731
    stretches = zip(changes[1:], changes[:-1], strict=True)  # (a change, the offset before it)
    modifier = case(*[(column < at, shift(before)) for (at, _), (_, before) in stretches],
                    else_=shift(changes[-1][1])) if len(changes) > 1 else shift(changes[0][1])
    return func.strftime(sqlite_format, column, modifier)


def local_day(session: Session, column, zone: ZoneInfo, start: datetime, end: datetime) -> ColumnElement:
    return _local_text(session, column, zone, start, end, "%Y-%m-%d", "YYYY-MM-DD")


def local_hour(session: Session, column, zone: ZoneInfo, start: datetime, end: datetime) -> ColumnElement:
    return _local_text(session, column, zone, start, end, "%H", "HH24")


# --- the figures ---------------------------------------------------------------------------------

def completions_by_day(session: Session, user: User, since: datetime, now: datetime) -> dict[date, int]:
    """Tasks completed per local day since `since` (only days with some)."""
    zone = zone_of(user)
    day = local_day(session, col(Task.completed_at), zone, since, now)
    rows = session.exec(select(day, func.count()).where(
        col(Task.user_id) == user.id, col(Task.completed_at) >= since, col(Task.completed_at) <= now)
        .group_by(day)).all()
    return {date.fromisoformat(text): count for text, count in rows}


def completions_by_hour(session: Session, user: User, since: datetime, now: datetime) -> list[HourCount]:
    zone = zone_of(user)
    hour = local_hour(session, col(Task.completed_at), zone, since, now)
    rows = dict(session.exec(select(hour, func.count()).where(
        col(Task.user_id) == user.id, col(Task.completed_at) >= since, col(Task.completed_at) <= now)
        .group_by(hour)).all())
    return [HourCount(hour=h, count=rows.get(f"{h:02d}", 0)) for h in range(24)]


def open_and_done(session: Session, user: User) -> tuple[int, int]:
    rows = dict(session.exec(select(col(Task.completed), func.count()).where(col(Task.user_id) == user.id)
                             .group_by(col(Task.completed))).all())
    return rows.get(False, 0), rows.get(True, 0)


def tool_outcomes(session: Session, user: User) -> list[ToolOutcome]:
    """The assistant's tool calls for this user, per tool and status, busiest tool first."""
    rows = session.exec(select(col(ToolCall.name), col(ToolCall.status), func.count())
                        .where(col(ToolCall.user_id) == user.id)
                        .group_by(col(ToolCall.name), col(ToolCall.status))).all()
    tools: dict[str, ToolOutcome] = {}
    for name, status, count in rows:
        outcome = tools.setdefault(name, ToolOutcome(name=name))
        setattr(outcome, ToolCallStatus(status).value, count)
    return sorted(tools.values(), key=lambda t: (-t.total, t.name))


def streak(days_with_completions: set[date], today: date) -> int:
    """Consecutive days with a completion, ending today; a day not over yet does not break it."""
    day = today if today in days_with_completions else today - timedelta(days=1)
    count = 0
    while day in days_with_completions:
        count, day = count + 1, day - timedelta(days=1)
    return count


def summary(session: Session, user: User, now: datetime | None = None) -> Stats:
    """Every figure of the stats page for `user`, as of `now` (a fixed clock in tests)."""
    now = now or utcnow()
    today_start = day_start(user, now)
    today = today_start.astimezone(zone_of(user)).date()
    window_start = day_start(user, today_start - timedelta(days=STREAK_DAYS - 1, hours=-12))
    per_day = completions_by_day(session, user, window_start, now)
    days = [DayCount(day=d, count=per_day.get(d, 0))
            for d in (today - timedelta(days=back) for back in range(DAYS - 1, -1, -1))]
    open_count, done = open_and_done(session, user)
    overdue = list_tasks(session, user, TaskQuery(status="pending", due="overdue", limit=0), now=now).total
    hours_start = day_start(user, today_start - timedelta(days=HOURS_DAYS - 1, hours=-12))
    return Stats(time_zone=zone_of(user).key, days=days, completed_last_30_days=sum(d.count for d in days),
                 open=open_count, done=done, overdue=overdue, streak=streak(set(per_day), today),
                 hours=completions_by_hour(session, user, hours_start, now), tools=tool_outcomes(session, user))

