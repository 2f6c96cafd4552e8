"""The undo journal stays bounded per user: each write prunes, in its own unit of work, what is
beyond the last `UNDO_KEEP_TURNS` batches or older than `UNDO_KEEP_DAYS` days; another user's
journal is never touched."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from todo_chat.core import config
from todo_chat.core.time import utcnow
from todo_chat.models import JournalEntry, User
from todo_chat.services import journal, tasks
from todo_chat.services.tasks import TaskCreate


@pytest.fixture
def keep(monkeypatch):
    def set_bounds(turns: int = 50, days: int = 30) -> None:
        monkeypatch.setenv("UNDO_KEEP_TURNS", str(turns))
        monkeypatch.setenv("UNDO_KEEP_DAYS", str(days))
        config.get_settings.cache_clear()

    yield set_bounds
    monkeypatch.delenv("UNDO_KEEP_TURNS")
    monkeypatch.delenv("UNDO_KEEP_DAYS")
    config.get_settings.cache_clear()


def add_in_batch(session, user: User, batch: str, *titles: str) -> None:
    """One unit of work: an assistant's change of one batch (one turn)."""
    with journal.recording(session, user, None, None, f"call_{batch}", batch):
        for title in titles:
            tasks.create_task(session, user, TaskCreate(title=title))
    session.commit()


def batches(session, user: User) -> list[str]:
    session.expire_all()
    rows = session.exec(select(JournalEntry).where(JournalEntry.user_id == user.id)
                        .order_by(JournalEntry.id)).all()  # type: ignore[arg-type]
    return list(dict.fromkeys(e.batch for e in rows))


def test_only_the_last_turns_are_kept(session, alice, bob, keep):
    keep(turns=3)
    me, other = session.get(User, alice.id), session.get(User, bob.id)
    add_in_batch(session, other, "bob_1", "Bob's")
    for n in range(5):
        add_in_batch(session, me, f"turn_{n}", f"Task {n}a", f"Task {n}b")  # two entries per batch
    assert batches(session, me) == ["turn_2", "turn_3", "turn_4"]
    assert batches(session, other) == ["bob_1"]


def test_changes_older_than_the_days_kept_are_forgotten(session, alice, keep):
    keep(turns=50, days=7)
    me = session.get(User, alice.id)
    add_in_batch(session, me, "old", "Old")
    add_in_batch(session, me, "recent", "Recent")
    for entry in session.exec(select(JournalEntry).where(JournalEntry.batch == "old")).all():
        entry.created_at = utcnow() - timedelta(days=8)
        session.add(entry)
    session.commit()
    add_in_batch(session, me, "new", "New")
    assert batches(session, me) == ["recent", "new"]


def test_a_change_outside_the_assistant_is_not_journaled_and_prunes_nothing(session, alice, keep):
    keep(turns=1)
    me = session.get(User, alice.id)
    add_in_batch(session, me, "turn_0", "Kept")
    tasks.create_task(session, me, TaskCreate(title="By hand"))  # no recording: the person's own
    session.commit()
    assert batches(session, me) == ["turn_0"]
