"""Tasks over HTTP: /api/{user_id}/tasks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel

from todo_chat.api.deps import Offset, PathUser, TaskId
from todo_chat.api.responses import OWN_PATH, errors
from todo_chat.core.db import run_db
from todo_chat.models import Priority
from todo_chat.services import tasks
from todo_chat.services.tasks import (
    DueFilter,
    Order,
    SortKey,
    StatusFilter,
    TaskCreate,
    TaskPublic,
    TaskQuery,
    TaskUpdate,
)

router = APIRouter(prefix="/api/{user_id}/tasks", tags=["tasks"], responses=errors(*OWN_PATH))


class TaskList(BaseModel):
    tasks: list[TaskPublic]
    total: int
    limit: int
    offset: int


@router.get("")
async def list_tasks(
    user: PathUser,
    status_filter: Annotated[StatusFilter, Query(alias="status")] = "all",
    priority: Priority | None = None,
    tag: Annotated[str | None, Query(max_length=40)] = None,
    due: Annotated[DueFilter | None, Query(description="today, overdue, week (next 7 days) or none")] = None,
    q: Annotated[str, Query(max_length=200, description="words in the title or description")] = "",
    sort: SortKey = "created",
    order: Annotated[Order | None, Query(description="asc or desc; by default the sort key's natural order: "
                                                     "title A-Z, due soonest, priority high first, "
                                                     "created and updated newest first")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
    offset: Offset = 0,
) -> TaskList:
    """Newest first unless `sort`/`order` say otherwise; dates in the user's time zone."""
    query = TaskQuery(status=status_filter, priority=priority, tag=tag, due=due, q=q, sort=sort, order=order,
                      limit=limit, offset=offset)
    page = await run_db(tasks.list_tasks, user, query)
    return TaskList(tasks=[TaskPublic.of(t, user) for t in page.items], total=page.total, limit=limit,
                    offset=offset)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_task(user: PathUser, body: TaskCreate) -> TaskPublic:
    return TaskPublic.of(await run_db(tasks.create_task, user, body), user)


@router.get("/{task_id}")
async def get_task(user: PathUser, task_id: TaskId) -> TaskPublic:
    return TaskPublic.of(await run_db(tasks.get_task, user, task_id), user)


@router.put("/{task_id}", responses=errors(400))
async def update_task(user: PathUser, task_id: TaskId, body: TaskUpdate) -> TaskPublic:
    """Change the fields given (at least one); `null` clears a due date, recurrence or reminder."""
    if not body.model_fields_set:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Give at least one field to change")
    return TaskPublic.of(await run_db(tasks.update_task, user, task_id, body), user)


@router.patch("/{task_id}/complete")
async def complete_task(user: PathUser, task_id: TaskId, completed: bool | None = None) -> TaskPublic:
    """Toggle: a pending task becomes completed and a completed one pending again
    (`?completed=true|false` sets it instead). Completing a recurring task also creates its next
    occurrence."""
    if completed is None:
        done = await run_db(tasks.toggle_completed, user, task_id)
    else:
        done = await run_db(tasks.set_completed, user, task_id, completed)
    return TaskPublic.of(done.task, user)


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_task(user: PathUser, task_id: TaskId) -> None:
    await run_db(tasks.delete_task, user, task_id)
