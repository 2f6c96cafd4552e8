"""The live task panel: list, filter, inline complete / delete, and a task's detail."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from todo_chat.core.db import run_db
from todo_chat.models import Task
from todo_chat.services import tasks
from todo_chat.services.tasks import TaskCreate
from todo_chat.ui.state.auth import AuthState, change_as_user


@dataclass
class TaskView:
    id: int
    title: str
    description: str = ""
    completed: bool = False
    priority: str = ""
    due: str = ""


def task_view(task: Task) -> TaskView:
    return TaskView(id=task.id, title=task.title, description=task.description,
                    completed=task.completed, priority=task.priority.value if task.priority else "",
                    due=task.due_date.strftime("%a %b %-d") if task.due_date else "")


class TaskPanelState(rx.State):
    tasks: list[TaskView] = []
    filter: str = "all"
    selected_id: int = 0
    error: str = ""

    @rx.var
    def pending_count(self) -> int:
        return sum(1 for t in self.tasks if not t.completed)

    @rx.var
    def visible(self) -> list[TaskView]:
        if self.filter == "pending":
            return [t for t in self.tasks if not t.completed]
        if self.filter == "completed":
            return [t for t in self.tasks if t.completed]
        return self.tasks

    @rx.var
    def selected(self) -> TaskView | None:
        return next((t for t in self.tasks if t.id == self.selected_id), None)

    async def _user(self):
        return await (await self.get_state(AuthState)).current_user()

    @rx.event
    async def load(self):
        user = await self._user()
        if user is None:
            self.tasks = []
            return
        page = await run_db(tasks.list_tasks, user, "all", limit=100)
        self.tasks = [task_view(t) for t in page.items]

    @rx.event
    def set_filter(self, value: str | list[str]):
        self.filter = value if isinstance(value, str) and value in ("all", "pending", "completed") else "all"

    @rx.event
    async def toggle(self, task_id: int):
        done = any(t.completed for t in self.tasks if t.id == task_id)
        await self._change(lambda s, u: tasks.set_completed(s, u, task_id, not done))

    @rx.event
    async def remove(self, task_id: int):
        if self.selected_id == task_id:
            self.selected_id = 0
        await self._change(lambda s, u: tasks.delete_task(s, u, task_id))

    @rx.event
    async def add(self, form: dict):
        title = (form.get("title") or "").strip()
        if not title:
            self.error = "Type a task title first"
            return
        await self._change(lambda s, u: tasks.create_task(s, u, TaskCreate(title=title)))
        return rx.set_value("new-task-title", "")

    async def _change(self, change) -> None:
        self.error = await change_as_user(self, change)
        await self.load()

    @rx.event
    def open_task(self, task_id: int):
        self.selected_id = task_id

    @rx.event
    def close_task(self):
        self.selected_id = 0
