"""Recording what the assistant changes, so that `services.undo` can revert it.

A tool call runs its work inside `recording(session, ...)`: the task services note each task
they change (`note`), and when the work succeeds the recorder writes one journal entry per task
with the task as it was before the call and as it is after it. Changes made outside a recording
(the REST API, the task panel) are the person's own and are not journaled.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Delete, Integer, bindparam, delete, or_
from sqlmodel import Session, func, select

from todo_chat.core.config import get_settings
from todo_chat.core.db import rows_affected
from todo_chat.core.time import utcnow
from todo_chat.models import ChangeKind, JournalEntry, Priority, Task, User
from todo_chat.services.rows import insert_rows, table_of

_KEY = "todo_chat.journal"
_DATES = ("due_at", "remind_at", "created_at", "updated_at", "completed_at")
# What "the task changed since" compares: its content, not when it was last touched.
_CONTENT = ("title", "description", "completed", "priority", "due_at", "all_day", "tags", "recurrence",
            "remind_at")


def snapshot(task: Task | None) -> dict[str, Any] | None:
    """The task as JSON: every column, so a deleted task comes back exactly as it was."""
    if task is None:
        return None
    data = task.model_dump(mode="json")
    data["tags"] = list(task.tags or [])
    return data


def same_content(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(_normal(a.get(k), k) == _normal(b.get(k), k) for k in _CONTENT)


def _normal(value: Any, key: str) -> Any:
    if key in _DATES and isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def apply_snapshot(task: Task, data: dict[str, Any]) -> Task:
    """Set every column of `task` from a snapshot (dates and enums parsed back)."""
    for key, value in data.items():
        if key == "id":
            continue
        if key in _DATES and value is not None:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif key == "priority":
            value = Priority(value)
        setattr(task, key, value)
    return task


@dataclass
class Noted:
    kind: ChangeKind
    before: dict[str, Any] | None
    task: Task | None


@dataclass
class Recorder:
    user: User
    conversation_id: int | None
    message_id: int | None
    call_id: str | None
    batch: str
    reverts: dict[int, int] = field(default_factory=dict)  # task id -> the entry an undo reverts
    # task id -> the call an undo's entry is filed under (that of the change it reverts)
    call_ids: dict[int, str | None] = field(default_factory=dict)
    noted: dict[int, Noted] = field(default_factory=dict)
    # task id -> the generation of an undo's entry (that of the entry it reverts, plus one)
    generations: dict[int, int] = field(default_factory=dict)

    def write(self, session: Session) -> int:
        """One entry per noted task (one plain INSERT of them all), then the prune: how many."""
        session.flush()
        now = utcnow()
        entries = [{"user_id": saved_id(self.user), "conversation_id": self.conversation_id,
                    "message_id": self.message_id, "call_id": self.call_ids.get(task_id, self.call_id),
                    "batch": self.batch, "task_id": task_id, "kind": noted.kind, "before": noted.before,
                    "after": snapshot(noted.task) if noted.kind != ChangeKind.deleted else None,
                    "reverts_id": self.reverts.get(task_id), "generation": self.generations.get(task_id, 0),
                    "undone_by": None, "created_at": now}
                   for task_id, noted in self.noted.items()]
        if entries:  # in the same unit of work, so the journal stays bounded without a job of its own
            insert_rows(session, JournalEntry, entries)
            prune(session, self.user)
        return len(entries)


def prune(session: Session, user: User) -> int:
    """Forget the user's changes beyond the last `undo_keep_turns` batches or older than
    `undo_keep_days` (they can no longer be undone). One indexed statement, built once: the
    journal never holds much more than the bound, since every write prunes."""
    settings = get_settings()
    cutoff = utcnow() - timedelta(days=settings.undo_keep_days)
    return rows_affected(session.execute(_prune_statement(), {
        "user_id": saved_id(user), "cutoff": cutoff, "skip": settings.undo_keep_turns - 1}))


@lru_cache(maxsize=1)
def _prune_statement() -> Delete:
    """DELETE the user's entries older than the cutoff or than the first entry of the oldest batch
    kept (the `skip`-th newest; none when the user has fewer batches). Built per call, the
    statement (a grouped subquery and a delete) cost more Python than running it.

    On the table, not the mapped class: the ORM's bulk delete would first work out which loaded
    entries to forget, and no unit of work that writes the journal uses a pruned entry again."""
    table = table_of(JournalEntry)
    user_id = bindparam("user_id", type_=Integer)
    oldest_kept = (select(func.min(table.c.id)).where(table.c.user_id == user_id)
                   .group_by(table.c.batch).order_by(func.max(table.c.id).desc())
                   .offset(bindparam("skip")).limit(1).scalar_subquery())
    old = or_(table.c.created_at < bindparam("cutoff"), table.c.id < func.coalesce(oldest_kept, 0))
    return delete(table).where(table.c.user_id == user_id, old)


def saved_id(user: User) -> int:
    """A saved user's id (every acting user is one)."""
    if user.id is None:
        raise ValueError("the acting user must be saved")
    return user.id


def turn_batch(message_id: int | None) -> str:
    return f"msg_{message_id}"


@contextmanager
def recording(session: Session, user: User, conversation_id: int | None, message_id: int | None,
              call_id: str | None, batch: str | None = None) -> Iterator[Recorder]:
    """Journal the task changes made inside the block (written only if the block succeeds)."""
    recorder = Recorder(user, conversation_id, message_id, call_id, batch or turn_batch(message_id))
    outer = session.info.get(_KEY)
    session.info[_KEY] = recorder
    try:
        yield recorder
        recorder.write(session)
    finally:
        session.info[_KEY] = outer


def before(session: Session, task: Task) -> dict[str, Any] | None:
    """The snapshot to note later: taken only while recording (cheap otherwise)."""
    return snapshot(task) if session.info.get(_KEY) is not None else None


def note(session: Session, kind: ChangeKind, task: Task, was: dict[str, Any] | None) -> None:
    """Called by the task services after a change. The first note of a task in a call keeps its
    kind and `before`; later ones only move `after` (one entry per task per call)."""
    recorder: Recorder | None = session.info.get(_KEY)
    if recorder is None or task.id is None:
        return
    if task.id in recorder.noted:
        recorder.noted[task.id].task = None if kind == ChangeKind.deleted else task
        if kind == ChangeKind.deleted:
            recorder.noted[task.id].kind = ChangeKind.deleted
        return
    recorder.noted[task.id] = Noted(kind, was, None if kind == ChangeKind.deleted else task)


def current(session: Session) -> Recorder | None:
    """The recorder of the tool call running in this session, if any."""
    return session.info.get(_KEY)
