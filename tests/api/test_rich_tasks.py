"""Richer tasks over REST: priority, tags, due dates and times in the user's zone, recurrence,
reminders, filters, sorts, the complete toggle. A fixed clock where "today" matters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import Account
from todo_chat.services import tasks as task_service

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # Tue 1 Dec 2026


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(task_service, "utcnow", lambda: NOW)
    return NOW


def person(client, email: str, zone: str) -> Account:
    response = client.post("/api/auth/signup", json={"email": email, "password": "correct-horse-1",
                                                     "timezone": zone})
    assert response.status_code == 201, response.text
    account = Account.__new__(Account)
    body = response.json()
    account.id, account.token = body["user"]["id"], body["access_token"]
    account.headers = {"Authorization": f"Bearer {account.token}"}
    return account


def url(who, rest: str = "") -> str:
    return f"/api/{who.id}/tasks{rest}"


def add(client, who, **fields) -> dict:
    response = client.post(url(who), json=fields, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


def titles(client, who, query: str) -> list[str]:
    response = client.get(url(who, query), headers=who.headers)
    assert response.status_code == 200, response.text
    return [t["title"] for t in response.json()["tasks"]]


def test_a_task_shows_every_field_with_defaults(client, alice):
    task = add(client, alice, title="Plain")
    assert task["priority"] == "medium" and task["tags"] == [] and task["description"] is None
    assert task["due_at"] is None and task["all_day"] is False
    assert task["recurrence"] is None and task["remind_at"] is None
    assert {"id", "user_id", "completed", "created_at", "updated_at"} <= task.keys()


def test_dates_are_read_and_shown_in_the_users_zone_far_from_utc(client):
    tokyo = person(client, "tokyo@example.com", "Asia/Tokyo")
    day = add(client, tokyo, title="File taxes", due_at="2026-12-04")
    assert day["due_at"] == "2026-12-04T00:00:00+09:00" and day["all_day"] is True
    timed = add(client, tokyo, title="Call mum", due_at="2026-12-04T17:00", remind_at="2026-12-04T16:30")
    assert timed["due_at"] == "2026-12-04T17:00:00+09:00" and timed["all_day"] is False
    assert timed["remind_at"] == "2026-12-04T16:30:00+09:00"
    explicit = add(client, tokyo, title="Standup", due_at="2026-12-04T09:00:00Z")
    assert explicit["due_at"] == "2026-12-04T18:00:00+09:00"


def test_tags_are_normalised_and_bounded(client, alice):
    task = add(client, alice, title="Report", tags=["Work", "work", " Finance "])
    assert task["tags"] == ["work", "finance"]
    hashed = client.post(url(alice), json={"title": "x", "tags": ["#work"]}, headers=alice.headers)
    assert hashed.status_code == 422 and "#" in hashed.json()["detail"]
    too_many = client.post(url(alice), json={"title": "x", "tags": [f"t{i}" for i in range(21)]},
                           headers=alice.headers)
    too_long = client.post(url(alice), json={"title": "x", "tags": ["a" * 41]}, headers=alice.headers)
    assert too_many.status_code == 422 and too_long.status_code == 422


def test_filters(client, alice, fixed_clock):
    add(client, alice, title="Overdue bill", due_at="2026-11-30", priority="high", tags=["home"])
    add(client, alice, title="Today call", due_at="2026-12-01T18:00", tags=["work"])
    add(client, alice, title="Friday report", due_at="2026-12-04", description="quarterly numbers",
        tags=["work"])
    add(client, alice, title="Next month", due_at="2027-01-10", priority="low")
    add(client, alice, title="Someday", priority="low")
    done = add(client, alice, title="Old done", due_at="2026-11-01")
    client.patch(url(alice, f"/{done['id']}/complete"), headers=alice.headers)

    asc = "&sort=due&order=asc"
    assert titles(client, alice, "?due=overdue" + asc) == ["Overdue bill"]  # done tasks are never overdue
    assert titles(client, alice, "?due=today" + asc) == ["Today call"]
    assert titles(client, alice, "?due=week" + asc) == ["Today call", "Friday report"]
    assert titles(client, alice, "?due=none") == ["Someday"]
    assert titles(client, alice, "?priority=low&sort=title") == ["Someday", "Next month"]
    assert titles(client, alice, "?tag=%23Work&sort=title&order=asc") == ["Friday report", "Today call"]
    assert titles(client, alice, "?q=quarterly") == ["Friday report"]
    assert titles(client, alice, "?q=call%20today") == ["Today call"]
    assert titles(client, alice, "?status=completed") == ["Old done"]
    assert client.get(url(alice, "?due=yesterday"), headers=alice.headers).status_code == 422


def test_sorts(client, alice):
    add(client, alice, title="b low", priority="low", due_at="2026-12-03")
    add(client, alice, title="A high", priority="high")
    add(client, alice, title="c medium", due_at="2026-12-02")
    assert titles(client, alice, "") == ["c medium", "A high", "b low"]  # newest first
    assert titles(client, alice, "?sort=created&order=asc") == ["b low", "A high", "c medium"]
    assert titles(client, alice, "?sort=priority") == ["A high", "c medium", "b low"]
    assert titles(client, alice, "?sort=priority&order=asc") == ["b low", "c medium", "A high"]
    assert titles(client, alice, "?sort=title&order=asc") == ["A high", "b low", "c medium"]
    assert titles(client, alice, "?sort=due&order=asc") == ["c medium", "b low", "A high"]  # undated last
    assert titles(client, alice, "?sort=due&order=desc") == ["b low", "c medium", "A high"]
    first = titles(client, alice, "?sort=created&order=asc")[0]
    task_id = client.get(url(alice, "?sort=created&order=asc"), headers=alice.headers).json()["tasks"][0]["id"]
    client.put(url(alice, f"/{task_id}"), json={"title": first + "!"}, headers=alice.headers)
    assert titles(client, alice, "?sort=updated")[0] == "b low!"


def test_complete_toggles_and_an_empty_put_is_400(client, alice):
    task = add(client, alice, title="Toggle me")
    first = client.patch(url(alice, f"/{task['id']}/complete"), headers=alice.headers).json()
    second = client.patch(url(alice, f"/{task['id']}/complete"), headers=alice.headers).json()
    assert first["completed"] is True and second["completed"] is False
    empty = client.put(url(alice, f"/{task['id']}"), json={}, headers=alice.headers)
    assert empty.status_code == 400 and "at least one field" in empty.json()["detail"]
    cleared = client.put(url(alice, f"/{task['id']}"), json={"due_at": "2026-12-05"}, headers=alice.headers).json()
    assert cleared["all_day"] is True
    cleared = client.put(url(alice, f"/{task['id']}"), json={"due_at": None}, headers=alice.headers).json()
    assert cleared["due_at"] is None and cleared["all_day"] is False


def test_completing_a_recurring_task_rolls_over_across_a_dst_change(client):
    ny = person(client, "ny@example.com", "America/New_York")
    # Monday 26 Oct 2026, 9:00 EDT; US clocks go back on Sunday 1 Nov.
    task = add(client, ny, title="Water the plants", due_at="2026-10-26T09:00", recurrence="FREQ=WEEKLY;BYDAY=MO",
               priority="high", tags=["home"], remind_at="2026-10-26T08:45")
    assert task["due_at"] == "2026-10-26T09:00:00-04:00"
    done = client.patch(url(ny, f"/{task['id']}/complete"), headers=ny.headers).json()
    assert done["completed"] is True
    pending = client.get(url(ny, "?status=pending"), headers=ny.headers).json()["tasks"]
    assert len(pending) == 1
    following = pending[0]
    assert following["id"] != task["id"] and following["title"] == "Water the plants"
    assert following["due_at"] == "2026-11-02T09:00:00-05:00"  # still 9:00 local, now EST
    assert following["remind_at"] == "2026-11-02T08:45:00-05:00"
    assert following["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"
    assert following["priority"] == "high" and following["tags"] == ["home"]


def test_a_counted_rule_ends_and_a_bad_rule_is_refused(client, alice):
    task = add(client, alice, title="Twice", due_at="2026-12-01", recurrence="FREQ=DAILY;COUNT=2")
    client.patch(url(alice, f"/{task['id']}/complete"), headers=alice.headers)
    second = client.get(url(alice, "?status=pending"), headers=alice.headers).json()["tasks"][0]
    assert second["recurrence"] == "FREQ=DAILY;COUNT=1" and second["due_at"].startswith("2026-12-02")
    client.patch(url(alice, f"/{second['id']}/complete"), headers=alice.headers)
    assert client.get(url(alice, "?status=pending"), headers=alice.headers).json()["total"] == 0
    bad = client.post(url(alice), json={"title": "x", "recurrence": "every tuesday"}, headers=alice.headers)
    assert bad.status_code == 422


def test_time_zone_comes_from_signup_login_and_profile(client):
    who = person(client, "tz@example.com", "Europe/Paris")
    assert client.get("/api/auth/me", headers=who.headers).json()["timezone"] == "Europe/Paris"
    login = client.post("/api/auth/login", json={"email": "tz@example.com", "password": "correct-horse-1",
                                                 "timezone": "America/Sao_Paulo"})
    assert login.json()["user"]["timezone"] == "America/Sao_Paulo"
    bad = client.patch("/api/auth/me", json={"timezone": "Mars/Olympus"}, headers=who.headers)
    assert bad.status_code == 422
    good = client.patch("/api/auth/me", json={"timezone": "Australia/Sydney"}, headers=who.headers)
    assert good.json()["timezone"] == "Australia/Sydney"
    refused = client.post("/api/auth/signup", json={"email": "x@example.com", "password": "correct-horse-1",
                                                    "timezone": "Nowhere"})
    assert refused.status_code == 422
    # An empty zone is not a zone (the schema's enum has no ""): refused, not read as UTC.
    empty = client.post("/api/auth/signup", json={"email": "y@example.com", "password": "correct-horse-1",
                                                  "timezone": ""})
    assert empty.status_code == 422 and "timezone" in empty.json()["detail"]
