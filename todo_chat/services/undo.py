"""Undo what the assistant changed: a turn's changes, or one tool call's, in one unit of work.

An undo reverts the journal entries of a batch newest first: a created task is removed, a
deleted one comes back with its id, dates, completed state and tags, an edit or a completion is
set back. The undo is journaled too, as a batch of its own, so undoing the undo redoes. A task
that changed after the change being undone is never overwritten: the whole undo is refused
(`Conflict`) and nothing changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from todo_chat.models import ChangeKind, JournalEntry, Task, User
from todo_chat.services import conversations, journal
from todo_chat.services.errors import Conflict, NotFound

# What an entry's revert is, as a change kind.
_INVERSE = {ChangeKind.created: ChangeKind.deleted, ChangeKind.deleted: ChangeKind.restored,
            ChangeKind.restored: ChangeKind.deleted, ChangeKind.completed: ChangeKind.reopened,
            ChangeKind.reopened: ChangeKind.completed, ChangeKind.updated: ChangeKind.updated}


class Reverted(BaseModel):
    task_id: int
    title: str
    # What the undo did to the task (an undone add is "deleted", an undone delete "restored").
    kind: ChangeKind
    # What the undone change had been.
    undid: ChangeKind
    # The tool call that had made it (its changes no longer stand: this undo's do).
    call_id: str | None = None


class UndoResult(BaseModel):
    # The batch this undo was journaled as: undoing it redoes.
    batch: str
    undone_batch: str
    # True when what was undone was itself an undo (so this put the changes back).
    redo: bool
    changes: list[Reverted]

    def summary(self) -> str:
        verb = "Redid" if self.redo else "Undid"
        what = "; ".join(f"{c.undid.value} #{c.task_id} “{c.title}”" for c in self.changes)
        return f"{verb} {len(self.changes)} change{'s' if len(self.changes) != 1 else ''}: {what}"


UNDO_PREFIX = "undo_"


@dataclass
class Scope:
    """Which changes to undo: one tool call's, one batch's, or (neither) the conversation's latest."""

    conversation_id: int | None = None
    call_id: str | None = None
    batch: str | None = None
    # A turn undoing "the last turn" must not pick its own (still empty) batch.
    exclude_batch: str | None = None


def _standing(user: User):
    return select(JournalEntry).where(JournalEntry.user_id == user.id, col(JournalEntry.undone_by).is_(None))


def _latest_batch(session: Session, user: User, scope: Scope) -> str:
    query = _standing(user).where(JournalEntry.conversation_id == scope.conversation_id)
    if scope.exclude_batch:
        query = query.where(JournalEntry.batch != scope.exclude_batch)
    latest = session.exec(query.order_by(col(JournalEntry.id).desc()).limit(1)).first()
    if latest is None:
        raise NotFound("Nothing to undo: the assistant has changed nothing here that still stands")
    return latest.batch


def entries_to_undo(session: Session, user: User, scope: Scope) -> list[JournalEntry]:
    """The standing entries of the scope, newest first."""
    query = _standing(user)
    if scope.call_id:
        query = query.where(JournalEntry.call_id == scope.call_id)
    else:
        query = query.where(JournalEntry.batch == (scope.batch or _latest_batch(session, user, scope)))
    if scope.conversation_id is not None:
        query = query.where(JournalEntry.conversation_id == scope.conversation_id)
    entries = list(session.exec(query.order_by(col(JournalEntry.id).desc())).all())
    if not entries:
        raise NotFound("Nothing to undo: that change was already undone, or changed nothing")
    return entries


def _current(session: Session, user: User, task_id: int) -> Task | None:
    task = session.get(Task, task_id)
    if task is not None and task.user_id != user.id:
        raise NotFound(f"Task {task_id} not found")
    return task


def _check(entry: JournalEntry, task: Task | None) -> None:
    if not journal.same_content(journal.snapshot(task), entry.after):
        title = (entry.after or entry.before or {}).get("title", "")
        state = "was deleted" if task is None else "was changed"
        raise Conflict(f"Task #{entry.task_id} “{title}” {state} after that change, so the undo was refused "
                       "and nothing was changed. Undo the later change first, or change it yourself.")


def _revert(session: Session, user: User, entry: JournalEntry, task: Task | None) -> Task | None:
    """Set the task back to `entry.before`; returns the task as it now is (None: removed)."""
    if entry.before is None:
        if task is not None:
            session.delete(task)
        return None
    restored = task or Task(id=entry.task_id, user_id=journal.saved_id(user), title="")
    journal.apply_snapshot(restored, entry.before)
    restored.user_id = journal.saved_id(user)
    session.add(restored)
    return restored


def undo(session: Session, user: User, scope: Scope, *, into: journal.Recorder | None = None) -> UndoResult:
    """Revert the scope's standing changes, newest first, all or none.

    `into` journals the undo in a recorder of its own (a tool call's); otherwise the undo is a
    batch of its own in the scope's conversation."""
    entries = entries_to_undo(session, user, scope)
    tasks = {e.task_id: _current(session, user, e.task_id) for e in entries}
    seen: set[int] = set()
    for entry in entries:  # newest first: only a task's newest change must match it as it is now
        if entry.task_id not in seen:
            _check(entry, tasks[entry.task_id])
            seen.add(entry.task_id)
    conversation_id = entries[0].conversation_id
    recorder = into or journal.Recorder(user, conversation_id, None, None, f"{UNDO_PREFIX}{uuid.uuid4().hex[:20]}")
    changes = []
    for entry in entries:
        was = journal.snapshot(tasks[entry.task_id])
        now = _revert(session, user, entry, tasks[entry.task_id])
        session.flush()
        tasks[entry.task_id] = now
        kind = _INVERSE[entry.kind]
        recorder.reverts.setdefault(entry.task_id, entry.id or 0)
        recorder.generations.setdefault(entry.task_id, entry.generation + 1)
        if into is None:  # filed under the undone change's call, so that call's badge can redo it
            recorder.call_ids.setdefault(entry.task_id, entry.call_id)
        _note(recorder, kind, entry.task_id, was, now)
        entry.undone_by = recorder.batch
        session.add(entry)
        title = (entry.before or entry.after or {}).get("title", "")
        changes.append(Reverted(task_id=entry.task_id, title=title, kind=kind, undid=entry.kind,
                                call_id=entry.call_id))
    if into is None:
        recorder.write(session)
    session.flush()
    redo = any(e.generation % 2 for e in entries)  # it undid an undo
    return UndoResult(batch=recorder.batch, undone_batch=entries[0].batch, redo=redo, changes=changes)


def _note(recorder: journal.Recorder, kind: ChangeKind, task_id: int, was: dict[str, Any] | None,
          now: Task | None) -> None:
    noted = recorder.noted.get(task_id)
    if noted is None:
        recorder.noted[task_id] = journal.Noted(kind, was, now)
    else:
        noted.task = now


def undo_in_conversation(session: Session, user: User, conversation_id: int, call_id: str | None = None,
                         batch: str | None = None) -> UndoResult:
    """The REST and badge door: one call's changes, one batch's, or the conversation's latest."""
    conversations.get_conversation(session, user, conversation_id)
    return undo(session, user, Scope(conversation_id=conversation_id, call_id=call_id, batch=batch))


def call_states(session: Session, user: User, conversation_id: int) -> dict[str, str]:
    """Per tool call of the conversation with changes that still stand: "undo" when what stands
    is the call's own changes (or a redo of them), "redo" when it is an undo of them."""
    standing = session.exec(select(JournalEntry.call_id, JournalEntry.generation).where(
        JournalEntry.user_id == user.id, JournalEntry.conversation_id == conversation_id,
        col(JournalEntry.call_id).is_not(None), col(JournalEntry.undone_by).is_(None))).all()
    return {call_id: "redo" if generation % 2 else "undo" for call_id, generation in standing if call_id}
