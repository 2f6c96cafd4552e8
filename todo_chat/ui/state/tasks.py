"""The live task panel: list, filter, inline complete / delete, and a task's detail."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import reflex as rx

from todo_chat.agent.turn import ToolCallEvent
from todo_chat.core.db import run_db
from todo_chat.core.time import utcnow
from todo_chat.models import Task, ToolCallStatus, User
from todo_chat.services import tasks
from todo_chat.services.tasks import TaskCreate, TaskQuery
from todo_chat.ui.state.auth import change_in_background, signed_in_user
from todo_chat.ui.state.choices import OFFER_CHOICES

VIEWS = ("all", "pending", "completed", "today", "upcoming", "overdue")
REMINDER_CHECK_MS = 30_000
READ_ONLY_TOOLS = ("list_tasks", OFFER_CHOICES)  # no panel reload after these


@dataclass
class TaskView:
    id: int
    title: str
    description: str = ""
    completed: bool = False
    priority: str = ""
    due: str = ""  # in words, in the user's zone: "Fri 4 Dec, 5:00 pm"
    due_state: str = ""  # overdue | today | upcoming | ''
    tags: list[str] = field(default_factory=list)
    repeats: bool = False


def task_view(task: Task, user: User, now: datetime, zone: ZoneInfo | None = None) -> TaskView:
    """`zone`: the user's (`tasks.zone_of`), looked up once for a whole list."""
    due = tasks.due_phrase(task.due_at, task.all_day, zone or tasks.zone_of(user)) if task.due_at else ""
    return TaskView(id=task.id, title=task.title, description=task.description, completed=task.completed,
                    priority=task.priority.value, due=due, due_state=tasks.due_state(task, user, now),
                    tags=list(task.tags or []), repeats=bool(task.recurrence))


async def fetch_tasks(user: User) -> list[TaskView]:
    """The panel's rows (a database read: call it with no state lock held). Read after every turn's
    change from the page: the user's zone once, not once a row."""
    now, zone = utcnow(), tasks.zone_of(user)
    page = await run_db(tasks.list_tasks, user, TaskQuery(sort="due", order="asc", limit=100))
    return [task_view(t, user, now, zone) for t in page.items]


def reloads_tasks(event: ToolCallEvent) -> bool:
    """Whether a turn's tool event may have changed the user's tasks (the panel reads them again)."""
    return event.type == "tool_call_finished" and event.status == ToolCallStatus.success \
        and event.name not in READ_ONLY_TOOLS


def views_of(completed: bool, due_state: str) -> tuple[str, ...]:
    """The views a task shows in (the panel shows it by the same rule: `components.task_panel._in_view`)."""
    if completed:
        return ("all", "completed")
    if due_state == "overdue":
        return ("all", "pending", "today", "overdue")
    if due_state in ("today", "upcoming"):
        return ("all", "pending", due_state)
    return ("all", "pending")


@dataclass
class ReminderView:
    task_id: int
    text: str


class TaskPanelState(rx.State):
    tasks: list[TaskView] = []
    # Reminders that fell due while the page was open, shown until dismissed.
    reminders: list[ReminderView] = []
    filter: str = "all"
    selected_id: int = 0
    error: str = ""
    # Reminders already shown in this page (ISO time of the last check, and which tasks).
    reminders_checked_at: str = ""

    @rx.var
    def pending_count(self) -> int:
        return sum(1 for t in self.tasks if not t.completed)

    @rx.var
    def view_counts(self) -> dict[str, int]:
        """How many tasks each view holds (shown on the view buttons). Recomputed whenever the list
        changes (every turn that changed a task): one pass over the rows, each read through a proxy,
        not one pass a view."""
        counts = dict.fromkeys(VIEWS, 0)
        for task in self.tasks:
            for view in views_of(task.completed, task.due_state):
                counts[view] += 1
        return counts

    @rx.var
    def selected(self) -> TaskView | None:
        return next((t for t in self.tasks if t.id == self.selected_id), None)

    async def reload(self) -> None:
        """For background events (no lock held): read the tasks, then show them."""
        user = await signed_in_user(self)
        rows = await fetch_tasks(user) if user is not None else []
        async with self:
            self.tasks = rows

    @rx.event(background=True)
    async def load(self):
        await self.reload()

    @rx.event
    def set_filter(self, value: str | list[str]):
        self.filter = value if isinstance(value, str) and value in VIEWS else "all"

    @rx.event(background=True)
    async def toggle(self, task_id: int):
        await self._change(lambda s, u: tasks.toggle_completed(s, u, task_id))

    @rx.event(background=True)
    async def check_reminders(self):
        """On load and on a timer while the page is open: an in-page toast (and a browser
        notification, if allowed) for each reminder that fell due since the last check."""
        user = await signed_in_user(self)
        if user is None:
            return
        now = utcnow()
        async with self:
            since = datetime.fromisoformat(self.reminders_checked_at) if self.reminders_checked_at \
                else now - timedelta(minutes=1)
            self.reminders_checked_at = now.isoformat()
        due = await run_db(tasks.due_reminders, user, since, now)
        if not due:
            return
        rows = await fetch_tasks(user)
        async with self:
            self.tasks = rows
            shown = {r.task_id for r in self.reminders}
            fresh = [ReminderView(task.id, f"Reminder: {task.title} (task #{task.id})") for task in due
                     if task.id not in shown]
            self.reminders = [*self.reminders, *fresh]
        for reminder in fresh:
            yield rx.call_script(f"window.todoChatNotify && window.todoChatNotify({json.dumps(reminder.text)})")

    @rx.event
    def dismiss_reminder(self, task_id: int):
        self.reminders = [r for r in self.reminders if r.task_id != task_id]

    @rx.event(background=True)
    async def remove(self, task_id: int):
        async with self:
            if self.selected_id == task_id:
                self.selected_id = 0
        await self._change(lambda s, u: tasks.delete_task(s, u, task_id))

    @rx.event(background=True)
    async def add(self, form: dict):
        title = (form.get("title") or "").strip()
        if not title:
            async with self:
                self.error = "Type a task title first"
            return
        await self._change(lambda s, u: tasks.create_task(s, u, TaskCreate(title=title)))
        yield rx.set_value("new-task-title", "")

    async def _change(self, change) -> None:
        """A change from the panel, then its rows again: no lock held while the database works."""
        error = await change_in_background(self, change)
        async with self:
            self.error = error
        await self.reload()

    @rx.event
    def open_task(self, task_id: int):
        self.selected_id = task_id

    @rx.event
    def close_task(self):
        self.selected_id = 0
