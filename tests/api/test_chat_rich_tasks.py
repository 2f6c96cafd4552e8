"""Chat over the richer-task language (issue 11): the offline model with a fixed "today", users far
from UTC (Tokyo) and across a DST change (New York, clocks back on Sun 1 Nov 2026), and the tasks
checked through the REST API: due_at with the user's offset, all_day, tags, recurrence, priority."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.api.test_rich_tasks import person
from todo_chat.agent import turn
from todo_chat.agent.offline_model import OfflineModel
from todo_chat.services import tasks as task_service

TOKYO_TODAY = date(2026, 12, 1)                                   # Tuesday
TOKYO_NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)      # noon in Tokyo
NY_TODAY = date(2026, 10, 30)                                     # Friday, before the clocks go back
NY_NOW = datetime(2026, 10, 30, 16, 0, tzinfo=UTC)       # noon in New York (EDT)


def clock(monkeypatch, today: date, now: datetime) -> None:
    monkeypatch.setattr(turn, "get_model", lambda: OfflineModel(today=today))
    monkeypatch.setattr(task_service, "utcnow", lambda: now)


@pytest.fixture
def tokyo(client, monkeypatch):
    clock(monkeypatch, TOKYO_TODAY, TOKYO_NOW)
    return person(client, "tokyo@example.com", "Asia/Tokyo")


@pytest.fixture
def new_york(client, monkeypatch):
    clock(monkeypatch, NY_TODAY, NY_NOW)
    return person(client, "ny@example.com", "America/New_York")


def chat(client, who, message: str) -> dict:
    response = client.post(f"/api/{who.id}/chat", json={"message": message}, headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()


def tasks(client, who) -> list[dict]:
    response = client.get(f"/api/{who.id}/tasks?sort=created&order=asc", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()["tasks"]


def seed(client, who, **fields) -> dict:
    response = client.post(f"/api/{who.id}/tasks", json=fields, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


def calls(answer: dict) -> list[tuple[str, dict]]:
    return [(c["name"], c["arguments"]) for c in answer["tool_calls"]]


# --- adding ------------------------------------------------------------------------------------

def test_priority_due_day_and_hashtag(client, tokyo):
    answer = chat(client, tokyo, "add a high priority task to file taxes by friday #finance")
    [task] = tasks(client, tokyo)
    assert task["title"] == "File taxes" and task["priority"] == "high" and task["tags"] == ["finance"]
    assert task["due_at"] == "2026-12-04T00:00:00+09:00" and task["all_day"] is True
    assert "due Fri 4 Dec" in answer["response"] and "#finance" in answer["response"]


def test_remind_me_every_monday_at_9(client, tokyo):
    answer = chat(client, tokyo, "remind me every monday at 9 to water the plants")
    [task] = tasks(client, tokyo)
    assert task["title"] == "Water the plants" and task["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"
    assert task["due_at"] == "2026-12-07T09:00:00+09:00" and task["all_day"] is False
    assert task["remind_at"] == "2026-12-07T09:00:00+09:00"
    assert "repeats every Monday" in answer["response"] and "Mon 7 Dec, 9:00 am" in answer["response"]


@pytest.mark.parametrize("message, title, rule, due", [
    ("add stretch every day", "Stretch", "FREQ=DAILY", "2026-12-01T00:00:00+09:00"),
    ("add standup every weekday at 9:30am", "Standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-01T09:30:00+09:00"),
    ("add clean the fridge every 2 weeks", "Clean the fridge", "FREQ=WEEKLY;INTERVAL=2", "2026-12-01T00:00:00+09:00"),
    ("add check the smoke alarm monthly", "Check the smoke alarm", "FREQ=MONTHLY", "2026-12-01T00:00:00+09:00"),
    ("add pay rent every month on the 5th", "Pay rent", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+09:00"),
    ("add yoga every tuesday and thursday at 7pm", "Yoga", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-12-01T19:00:00+09:00"),
])
def test_repeats(client, tokyo, message, title, rule, due):
    chat(client, tokyo, message)
    [task] = tasks(client, tokyo)
    assert (task["title"], task["recurrence"], task["due_at"]) == (title, rule, due)


@pytest.mark.parametrize("message, title, due, all_day", [
    ("call mom tomorrow 5pm", "Call mom", "2026-12-02T17:00:00+09:00", False),
    ("add standup at 14:30", "Standup", "2026-12-01T14:30:00+09:00", False),
    ("add book club at 9", "Book club", "2026-12-01T09:00:00+09:00", False),
    ("add take out the recycling tonight", "Take out the recycling", "2026-12-01T00:00:00+09:00", True),
    ("add renew the visa in 3 days", "Renew the visa", "2026-12-04T00:00:00+09:00", True),
    ("add send invoices by the end of the month", "Send invoices", "2026-12-31T00:00:00+09:00", True),
    ("add haircut next friday at 11am", "Haircut", "2026-12-04T11:00:00+09:00", False),
])
def test_times_and_dates(client, tokyo, message, title, due, all_day):
    chat(client, tokyo, message)
    [task] = tasks(client, tokyo)
    assert (task["title"], task["due_at"], task["all_day"]) == (title, due, all_day)


def test_remind_me_at_4pm_about_something_new(client, tokyo):
    chat(client, tokyo, "remind me at 4pm about the parcel pickup")
    [task] = tasks(client, tokyo)
    assert task["title"] == "Parcel pickup" and task["remind_at"] == "2026-12-01T16:00:00+09:00"


def test_remind_me_about_an_existing_task(client, tokyo):
    seed(client, tokyo, title="Dentist appointment", due_at="2026-12-03")
    answer = chat(client, tokyo, "remind me about the dentist task tomorrow at 8")
    [task] = tasks(client, tokyo)
    assert task["remind_at"] == "2026-12-02T08:00:00+09:00" and task["due_at"] == "2026-12-03T00:00:00+09:00"
    assert "reminder Wed 2 Dec, 8:00 am" in answer["response"]


# --- listing -----------------------------------------------------------------------------------

@pytest.fixture
def listed(client, tokyo):
    seed(client, tokyo, title="Pay the overdue bill", due_at="2026-11-29", priority="high", tags=["home"])
    seed(client, tokyo, title="Dentist", due_at="2026-12-01T18:00", tags=["health"])
    seed(client, tokyo, title="Write report", due_at="2026-12-05", priority="low", tags=["work"])
    seed(client, tokyo, title="Plan the trip", due_at="2026-12-20", tags=["work", "home"])
    seed(client, tokyo, title="Read a book")
    return tokyo


@pytest.mark.parametrize("message, args, shown", [
    ("what's due this week?", {"due": "week"}, ["Dentist", "Write report"]),
    ("what's due today?", {"due": "today"}, ["Dentist"]),
    ("show my overdue tasks", {"due": "overdue"}, ["Pay the overdue bill"]),
    ("anything tagged work?", {"tag": "work"}, ["Write report", "Plan the trip"]),
    ("show #home", {"tag": "home"}, ["Pay the overdue bill", "Plan the trip"]),
    ("high priority tasks", {"priority": "high"}, ["Pay the overdue bill"]),
    ("search for dentist", {"query": "dentist"}, ["Dentist"]),
])
def test_list_filters(client, listed, message, args, shown):
    answer = chat(client, listed, message)
    [(name, sent)] = calls(answer)
    assert name == "list_tasks" and args.items() <= sent.items()
    for title in shown:
        assert title in answer["response"]
    others = {"Pay the overdue bill", "Dentist", "Write report", "Plan the trip", "Read a book"} - set(shown)
    assert not any(f" {t}" in answer["response"] for t in others)


@pytest.mark.parametrize("message, sort, order, first", [
    ("sort by priority", "priority", "desc", "Pay the overdue bill"),
    ("show tasks by due date", "due", "asc", "Pay the overdue bill"),
])
def test_list_sorts(client, listed, message, sort, order, first):
    answer = chat(client, listed, message)
    [(name, sent)] = calls(answer)
    assert (name, sent["sort"], sent["order"]) == ("list_tasks", sort, order)
    assert answer["response"].splitlines()[1].endswith(first) or first in answer["response"].splitlines()[1]


# --- changing ------------------------------------------------------------------------------------

@pytest.fixture
def seeded(client, tokyo):
    seed(client, tokyo, title="Dentist appointment", due_at="2026-12-02T10:00")
    seed(client, tokyo, title="Write the report", due_at="2026-12-03", tags=["draft"])
    seed(client, tokyo, title="Go to the gym", recurrence="FREQ=WEEKLY;BYDAY=MO", due_at="2026-12-07")
    seed(client, tokyo, title="Fix the shelf", priority="high")
    seed(client, tokyo, title="Call the bank")
    return tokyo


def task(client, who, task_id: int) -> dict:
    return next(t for t in tasks(client, who) if t["id"] == task_id)


def test_push_to_next_tuesday_keeps_the_time_of_day_form(client, seeded):
    answer = chat(client, seeded, "push the dentist to next tuesday")
    assert task(client, seeded, 1)["due_at"] == "2026-12-08T10:00:00+09:00"
    assert "due Tue 8 Dec, 10:00 am" in answer["response"]


def test_move_an_all_day_task_stays_all_day(client, seeded):
    chat(client, seeded, "move the report to next monday")
    moved = task(client, seeded, 2)
    assert moved["due_at"] == "2026-12-07T00:00:00+09:00" and moved["all_day"] is True


def test_move_task_by_number(client, seeded):
    chat(client, seeded, "move task 5 to friday at 3pm")
    moved = task(client, seeded, 5)
    assert moved["due_at"] == "2026-12-04T15:00:00+09:00" and moved["all_day"] is False


def test_postpone_by_two_days_keeps_the_time(client, seeded):
    answer = chat(client, seeded, "postpone the dentist by 2 days")
    assert task(client, seeded, 1)["due_at"] == "2026-12-04T10:00:00+09:00"
    assert "Fri 4 Dec, 10:00 am" in answer["response"]


def test_make_urgent_and_lower(client, seeded):
    chat(client, seeded, "make task 5 urgent")
    assert task(client, seeded, 5)["priority"] == "high"
    answer = chat(client, seeded, "lower the priority of the shelf task")
    assert task(client, seeded, 4)["priority"] == "low" and "low priority" in answer["response"]


def test_tag_adds_to_the_existing_tags_and_untag_removes(client, seeded):
    answer = chat(client, seeded, "tag the report task with work")
    assert task(client, seeded, 2)["tags"] == ["draft", "work"] and "#work" in answer["response"]
    chat(client, seeded, "remove the draft tag from the report")
    assert task(client, seeded, 2)["tags"] == ["work"]


def test_stop_and_start_repeating(client, seeded):
    answer = chat(client, seeded, "stop repeating the gym task")
    assert task(client, seeded, 3)["recurrence"] is None and "doesn't repeat" in answer["response"]
    answer = chat(client, seeded, "make the gym task repeat every week")
    assert task(client, seeded, 3)["recurrence"] == "FREQ=WEEKLY" and "repeats every week" in answer["response"]


def test_remove_the_due_date(client, seeded):
    answer = chat(client, seeded, "remove the due date from the dentist")
    assert task(client, seeded, 1)["due_at"] is None and "no due date" in answer["response"]


def test_completing_a_repeating_task_says_the_next_one(client, seeded):
    answer = chat(client, seeded, "mark the gym task as done")
    assert "next one due Mon 14 Dec" in answer["response"]
    nxt = [t for t in tasks(client, seeded) if t["title"] == "Go to the gym" and not t["completed"]]
    assert [t["due_at"] for t in nxt] == ["2026-12-14T00:00:00+09:00"]


# --- across the DST change in New York ---------------------------------------------------------------

def test_every_sunday_at_9_across_the_clock_change(client, new_york):
    chat(client, new_york, "remind me every sunday at 9 to call grandma")
    [made] = tasks(client, new_york)
    # Sun 1 Nov 2026: clocks went back at 2 am, so 9 am is EST (-05:00).
    assert made["due_at"] == "2026-11-01T09:00:00-05:00" and made["recurrence"] == "FREQ=WEEKLY;BYDAY=SU"


def test_tomorrow_evening_is_still_daylight_time(client, new_york):
    chat(client, new_york, "add pick up the costume tomorrow at 6pm")
    [made] = tasks(client, new_york)
    assert made["due_at"] == "2026-10-31T18:00:00-04:00"


def test_next_occurrence_after_the_change_keeps_the_local_time(client, new_york):
    seed(client, new_york, title="Team sync", due_at="2026-10-30T10:00", recurrence="FREQ=WEEKLY;BYDAY=FR")
    answer = chat(client, new_york, "done with the team sync")
    assert "next one due Fri 6 Nov, 10:00 am" in answer["response"]
    nxt = [t for t in tasks(client, new_york) if not t["completed"]]
    assert [t["due_at"] for t in nxt] == ["2026-11-06T10:00:00-05:00"]


def test_moving_a_task_over_the_change(client, new_york):
    seed(client, new_york, title="Dentist", due_at="2026-10-30T08:30")
    answer = chat(client, new_york, "move the dentist to next monday at 8:30")
    assert task(client, new_york, 1)["due_at"] == "2026-11-02T08:30:00-05:00"
    assert "Mon 2 Nov, 8:30 am" in answer["response"]
