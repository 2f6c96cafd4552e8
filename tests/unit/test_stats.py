"""The stats figures against known tasks and dates, on a fixed clock, in the user's time zone.

The clock sits two days after Paris moved to summer time (2026-03-29 01:00 UTC): a completion
at 22:30 UTC on the 29th is past midnight local time (the 30th), which a fixed offset gets wrong.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from todo_chat.models import Task, ToolCall, ToolCallStatus
from todo_chat.services import accounts, conversations, stats, tasks

NOW = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)  # 12:00 in Paris (CEST)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def done(user, at: datetime, title: str = "done") -> Task:
    return Task(user_id=user.id, title=title, completed=True, completed_at=at, updated_at=at, created_at=at)


def build(session):
    ada = accounts.create_user(session, "ada@example.com", "x", "Ada", "Europe/Paris")
    bob = accounts.create_user(session, "bob@example.com", "x", "Bob", "UTC")
    session.add_all([
        done(ada, utc(2026, 2, 10, 8, 0)),  # 09:00 local, outside the 30 days, inside the 90
        done(ada, utc(2026, 3, 28, 23, 30)),  # 00:30 local on the 29th (still winter time)
        done(ada, utc(2026, 3, 29, 22, 30)),  # 00:30 local on the 30th (summer time)
        done(ada, utc(2026, 3, 30, 15, 0)), done(ada, utc(2026, 3, 30, 15, 5)),  # 17:00 local
        done(ada, utc(2026, 3, 31, 9, 0)),  # 11:00 local, today
        done(ada, utc(2026, 3, 31, 11, 0)),  # after NOW: not yet
        Task(user_id=ada.id, title="late", due_at=utc(2026, 3, 29, 22, 0), all_day=True),  # due the 30th: overdue
        Task(user_id=ada.id, title="soon", due_at=utc(2026, 4, 1, 8, 0)),
        Task(user_id=ada.id, title="someday"),
        done(bob, utc(2026, 3, 31, 9, 0)), Task(user_id=bob.id, title="bob's", due_at=utc(2026, 1, 1)),
    ])
    chat = conversations.create_conversation(session, ada)
    for n, (name, status) in enumerate([("add_task", "success"), ("add_task", "success"), ("add_task", "error"),
                                        ("complete_task", "success"), ("delete_task", "pending")]):
        session.add(ToolCall(user_id=ada.id, conversation_id=chat.id, call_id=f"c{n}", name=name,
                             status=ToolCallStatus(status)))
    session.commit()
    return ada, bob


def test_the_figures_of_a_known_month(session):
    ada, _bob = build(session)
    figures = stats.summary(session, ada, NOW)
    assert figures.time_zone == "Europe/Paris"
    assert len(figures.days) == 30 and figures.days[-1].day == date(2026, 3, 31)
    assert figures.days[0].day == date(2026, 3, 2)
    per_day = {d.day: d.count for d in figures.days if d.count}
    assert per_day == {date(2026, 3, 29): 1, date(2026, 3, 30): 3, date(2026, 3, 31): 1}
    assert figures.completed_last_30_days == 5
    # 7 completed (one after the clock: it is done, so it counts as done), 3 open, 1 overdue
    assert (figures.open, figures.done, figures.overdue) == (3, 7, 1)
    assert figures.streak == 3
    hours = {h.hour: h.count for h in figures.hours if h.count}
    assert hours == {0: 2, 9: 1, 11: 1, 17: 2}
    assert [(t.name, t.success, t.error, t.pending) for t in figures.tools] == [
        ("add_task", 2, 1, 0), ("complete_task", 1, 0, 0), ("delete_task", 0, 0, 1)]


def test_another_users_figures_are_their_own(session):
    _ada, bob = build(session)
    figures = stats.summary(session, bob, NOW)
    assert (figures.open, figures.done, figures.overdue, figures.streak) == (1, 1, 1, 1)
    assert figures.tools == [] and figures.completed_last_30_days == 1


def test_an_empty_account(session):
    nobody = accounts.create_user(session, "new@example.com", "x", "New", "America/New_York")
    figures = stats.summary(session, nobody, NOW)
    assert figures.streak == 0 and figures.completed_last_30_days == 0 and figures.tools == []
    assert len(figures.hours) == 24 and (figures.open, figures.done, figures.overdue) == (0, 0, 0)


def test_a_streak_survives_a_day_not_over_yet_and_breaks_on_a_gap():
    today = date(2026, 3, 31)
    days = {today - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert stats.streak(days, today) == 3  # nothing yet today: yesterday's streak still stands
    assert stats.streak(days | {today}, today) == 4
    assert stats.streak({today - timedelta(days=2)}, today) == 0


def test_the_zones_offset_changes_are_found_to_the_second():
    from zoneinfo import ZoneInfo

    changes = stats.offset_changes(ZoneInfo("Europe/Paris"), utc(2026, 3, 1), utc(2026, 11, 1))
    assert changes == [(utc(2026, 3, 1), 3600), (utc(2026, 3, 29, 1), 7200), (utc(2026, 10, 25, 1), 3600)]
    assert stats.offset_changes(ZoneInfo("UTC"), utc(2026, 1, 1), utc(2027, 1, 1)) == [(utc(2026, 1, 1), 0)]


def test_completing_sets_completed_at_and_reopening_clears_it(session):
    ada = accounts.create_user(session, "ada@example.com", "x", "Ada", "UTC")
    task = tasks.create_task(session, ada, tasks.TaskCreate(title="water plants"))
    assert task.completed_at is None
    tasks.set_completed(session, ada, task.id, True)
    first = task.completed_at
    assert first is not None
    tasks.set_completed(session, ada, task.id, True)  # already done: the first time stands
    assert task.completed_at == first
    tasks.set_completed(session, ada, task.id, False)
    assert task.completed_at is None
