"""Tasks over HTTP: /api/{user_id}/tasks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel

from todo_chat.api.deps import PathUser, SessionDep
from todo_chat.models import Priority
from todo_chat.services import tasks
from todo_chat.services.tasks import StatusFilter, TaskCreate, TaskUpdate

router = APIRouter(prefix="/api/{user_id}/tasks", tags=["tasks"])


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
def list_tasks(
    user: PathUser,
    session: SessionDep,
    status_filter: Annotated[StatusFilter, Query(alias="status")] = "all",
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> TaskList:
    page = tasks.list_tasks(session, user, status_filter, limit, offset)
    return TaskList(
        tasks=[TaskOut.model_validate(t, from_attributes=True) for t in page.items],
        total=page.total, limit=limit, offset=offset,
    )


@router.post("", status_code=status.HTTP_201_CREATED)
def create_task(user: PathUser, session: SessionDep, body: TaskCreate) -> TaskOut:
    return TaskOut.model_validate(tasks.create_task(session, user, body), from_attributes=True)


@router.get("/{task_id}")
def get_task(user: PathUser, session: SessionDep, task_id: int) -> TaskOut:
    return TaskOut.model_validate(tasks.get_task(session, user, task_id), from_attributes=True)


@router.put("/{task_id}")
def update_task(user: PathUser, session: SessionDep, task_id: int, body: TaskUpdate) -> TaskOut:
    return TaskOut.model_validate(tasks.update_task(session, user, task_id, body), from_attributes=True)


@router.patch("/{task_id}/complete")
def complete_task(user: PathUser, session: SessionDep, task_id: int, completed: bool = True) -> TaskOut:
    """Mark done (or `?completed=false` to reopen)."""
    task = tasks.set_completed(session, user, task_id, completed)
    return TaskOut.model_validate(task, from_attributes=True)


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(user: PathUser, session: SessionDep, task_id: int) -> None:
    tasks.delete_task(session, user, task_id)
