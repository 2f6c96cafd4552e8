"""Tasks over HTTP: /api/{user_id}/tasks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel

from todo_chat.api.deps import Offset, PathUser, TaskId
from todo_chat.api.responses import OWN_PATH, errors
from todo_chat.core.db import run_db
from todo_chat.models import Priority
from todo_chat.services import tasks
from todo_chat.services.tasks import StatusFilter, TaskCreate, TaskUpdate

router = APIRouter(prefix="/api/{user_id}/tasks", tags=["tasks"], responses=errors(*OWN_PATH))


class TaskOut(BaseModel):
    id: int
    title: str
    description: str
    completed: bool
    priority: Priority | None
    due_date: date | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime


class TaskList(BaseModel):
    tasks: list[TaskOut]
    total: int
    limit: int
    offset: int


@router.get("")
async def list_tasks(
    user: PathUser,
    status_filter: Annotated[StatusFilter, Query(alias="status")] = "all",
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
    offset: Offset = 0,
) -> TaskList:
    page = await run_db(tasks.list_tasks, user, status_filter, limit, offset)
    return TaskList(
        tasks=[TaskOut.model_validate(t, from_attributes=True) for t in page.items],
        total=page.total, limit=limit, offset=offset,
    )


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_task(user: PathUser, body: TaskCreate) -> TaskOut:
    return TaskOut.model_validate(await run_db(tasks.create_task, user, body), from_attributes=True)


@router.get("/{task_id}")
async def get_task(user: PathUser, task_id: TaskId) -> TaskOut:
    return TaskOut.model_validate(await run_db(tasks.get_task, user, task_id), from_attributes=True)


@router.put("/{task_id}")
async def update_task(user: PathUser, task_id: TaskId, body: TaskUpdate) -> TaskOut:
    return TaskOut.model_validate(await run_db(tasks.update_task, user, task_id, body),
                                  from_attributes=True)


@router.patch("/{task_id}/complete")
async def complete_task(user: PathUser, task_id: TaskId, completed: bool = True) -> TaskOut:
    """Mark done (or `?completed=false` to reopen)."""
    task = await run_db(tasks.set_completed, user, task_id, completed)
    return TaskOut.model_validate(task, from_attributes=True)


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_task(user: PathUser, task_id: TaskId) -> None:
    await run_db(tasks.delete_task, user, task_id)
