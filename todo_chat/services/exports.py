"""Exports of one user's data: a conversation as Markdown, tasks as CSV and as iCalendar, and
the secret calendar feed that calendar apps subscribe to (only the secret's hash is stored).

iCalendar: a task with a due date is a VEVENT (what every calendar app shows: all-day tasks as
all-day events, timed ones at their time in the user's zone), a task without one a VTODO;
recurrence is the task's RRULE, a reminder a VALARM at its instant.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from todo_chat.core.time import utcnow
from todo_chat.models import CalendarFeed, Message, Task, ToolCall, User
from todo_chat.services import conversations
from todo_chat.services.access_tokens import secret_digest
from todo_chat.services.task_fields import zone_of

if TYPE_CHECKING:
    from icalendar import Event, Todo

_PRIORITY = {"high": 1, "medium": 5, "low": 9}  # RFC 5545: 1 highest, 9 lowest
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ["id", "title", "description", "completed", "priority", "due", "all_day", "tags", "recurrence",
               "remind_at", "created_at", "updated_at"]


def all_tasks(session: Session, user: User) -> list[Task]:
    return list(session.exec(select(Task).where(Task.user_id == user.id).order_by(col(Task.id))).all())


# --- Markdown ----------------------------------------------------------------------------------

def conversation_markdown(session: Session, user: User, conversation_id: int) -> tuple[str, str]:
    """(title, Markdown): each message under its author and time, each tool call under its message."""
    conversation = conversations.get_conversation(session, user, conversation_id)
    messages = session.exec(select(Message).where(
        Message.conversation_id == conversation.id, Message.user_id == user.id,
        col(Message.role).in_(conversations.TEXT_ROLES)).order_by(col(Message.id))).all()
    calls: dict[int | None, list[ToolCall]] = {}
    for call in conversations.list_tool_calls(session, user, conversation_id):
        calls.setdefault(call.message_id, []).append(call)
    zone = zone_of(user)
    lines = [f"# {conversation.title}", "", f"_Exported from todo-chat on {utcnow().astimezone(zone):%Y-%m-%d %H:%M}_"]
    for message in messages:
        who = "You" if message.role.value == "user" else "Assistant"
        lines += ["", f"**{who}** · {message.created_at.astimezone(zone):%Y-%m-%d %H:%M}", "", message.content]
        for call in calls.get(message.id, []):
            args = ", ".join(f"{k}: {v}" for k, v in call.arguments.items() if v not in (None, ""))
            lines.append(f"\n> `{call.name}`: {call.status.value}" + (f" ({args})" if args else ""))
    return conversation.title, "\n".join(lines) + "\n"


# --- CSV ---------------------------------------------------------------------------------------

def _cell(value: object) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def tasks_csv(session: Session, user: User) -> str:
    zone = zone_of(user)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for task in all_tasks(session, user):
        due = None
        if task.due_at is not None:
            local = task.due_at.astimezone(zone)
            due = local.date().isoformat() if task.all_day else local.isoformat(timespec="minutes")
        remind = task.remind_at.astimezone(zone).isoformat(timespec="minutes") if task.remind_at else None
        writer.writerow([_cell(v) for v in (
            task.id, task.title, task.description, task.completed, task.priority.value, due, task.all_day,
            ", ".join(task.tags or []), task.recurrence, remind, task.created_at.isoformat(),
            task.updated_at.isoformat())])
    return out.getvalue()


# --- iCalendar ---------------------------------------------------------------------------------

def _trigger(task: Task, zone: ZoneInfo) -> datetime | timedelta:
    """A dated task's reminder relative to its start, so each occurrence of a recurring one
    reminds (an absolute trigger would fire once); an undated to-do's at its instant."""
    assert task.remind_at is not None
    if task.due_at is None:
        return task.remind_at
    local = task.due_at.astimezone(zone)
    start = datetime.combine(local.date(), time(), zone) if task.all_day else task.due_at
    return task.remind_at - start


def _component(task: Task, user: User) -> Event | Todo:
    from icalendar import Alarm, Event, Todo, vRecur

    zone = zone_of(user)
    if task.due_at is None:
        item: Event | Todo = Todo()
        item.add("status", "COMPLETED" if task.completed else "NEEDS-ACTION")
    else:
        item = Event()
        start = task.due_at.astimezone(zone)
        if task.all_day:
            item.add("dtstart", start.date())
            item.add("dtend", start.date() + timedelta(days=1))
        else:
            item.add("dtstart", start)
            item.add("duration", timedelta(minutes=30))
        item.add("transp", "TRANSPARENT")  # a task does not make the person busy
    item.add("uid", f"task-{task.id}@todo-chat")
    item.add("dtstamp", task.updated_at)
    item.add("created", task.created_at)
    item.add("last-modified", task.updated_at)
    item.add("summary", ("✓ " if task.completed and task.due_at is not None else "") + task.title)
    if task.description:
        item.add("description", task.description)
    item.add("priority", _PRIORITY[task.priority.value])
    if task.tags:
        item.add("categories", list(task.tags))
    if task.recurrence:
        item.add("rrule", vRecur.from_ical(task.recurrence))
    if task.remind_at is not None and not task.completed:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", task.title)
        alarm.add("trigger", _trigger(task, zone))
        item.add_component(alarm)
    return item


def tasks_ics(session: Session, user: User) -> bytes:
    # icalendar is imported by the export that uses it, not by every worker (issue 19).
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//todo-chat//tasks//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "todo-chat tasks")
    for task in all_tasks(session, user):
        calendar.add_component(_component(task, user))
    calendar.add_missing_timezones()
    return calendar.to_ical()


# --- the secret feed ---------------------------------------------------------------------------

def feed_url(api_url: str, secret: str) -> str:
    return f"{api_url.rstrip('/')}/api/calendar/{secret}.ics"


def file_slug(title: str) -> str:
    """A file name from a title: letters, digits and dashes."""
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-")[:60].lower() or "conversation"


def new_feed_secret(session: Session, user: User) -> str:
    """A new secret for the user's feed (any older one stops working). Shown once, stored hashed."""
    secret = secrets.token_urlsafe(32)
    feed = session.exec(select(CalendarFeed).where(CalendarFeed.user_id == user.id)).first()
    if feed is None:
        assert user.id is not None  # the acting user is a saved one
        feed = CalendarFeed(user_id=user.id, secret_hash="")
    feed.secret_hash, feed.created_at = secret_digest(secret), utcnow()
    session.add(feed)
    session.flush()
    return secret


def feed_exists(session: Session, user: User) -> bool:
    return session.exec(select(CalendarFeed.id).where(CalendarFeed.user_id == user.id)).first() is not None


def revoke_feed(session: Session, user: User) -> bool:
    feed = session.exec(select(CalendarFeed).where(CalendarFeed.user_id == user.id)).first()
    if feed is not None:
        session.delete(feed)
        session.flush()
    return feed is not None


def feed_ics(session: Session, secret: str) -> bytes | None:
    """The calendar of the feed's owner, or None for an unknown or revoked secret."""
    feed = session.exec(select(CalendarFeed).where(CalendarFeed.secret_hash == secret_digest(secret))).first()
    user = session.get(User, feed.user_id) if feed else None
    return None if user is None else tasks_ics(session, user)
