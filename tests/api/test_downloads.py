"""Downloads: a conversation as Markdown, tasks as CSV and iCalendar (read back with the
`icalendar` library), and the secret calendar feed (plain GET, revocable, stored hashed)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar
from sqlmodel import select

from todo_chat.models import CalendarFeed


def add(client, account, **task):
    response = client.post(f"/api/{account.id}/tasks", json=task, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()


def seed(client, alice):
    client.patch("/api/auth/me", json={"timezone": "Europe/Paris"}, headers=alice.headers)
    weekly = add(client, alice, title="Team sync", due_at="2026-12-07T09:00", recurrence="FREQ=WEEKLY;BYDAY=MO",
                 remind_at="2026-12-07T08:45", tags=["work"], priority="high")
    day = add(client, alice, title="=SUM(A1) rent", due_at="2026-12-24", description="before noon")
    plain = add(client, alice, title="Read a book")
    return weekly, day, plain


def test_tasks_as_icalendar(client, alice):
    weekly, day, plain = seed(client, alice)
    response = client.get("/api/tasks/export.ics", headers=alice.headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    calendar = Calendar.from_ical(response.content)
    events = {e["uid"]: e for e in calendar.walk("VEVENT")}
    todos = {t["uid"]: t for t in calendar.walk("VTODO")}
    sync = events[f"task-{weekly['id']}@todo-chat"]
    start = sync.decoded("dtstart")
    assert start.astimezone(UTC) == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    assert str(sync["dtstart"].params["TZID"]) == "Europe/Paris"
    assert sync["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    [alarm] = sync.walk("VALARM")
    # Relative to the start: every weekly occurrence reminds 15 minutes before.
    assert alarm.decoded("trigger") == timedelta(minutes=-15)
    assert sync["priority"] == 1 and sync.categories == ["work"]
    rent = events[f"task-{day['id']}@todo-chat"]
    assert rent.decoded("dtstart") == date(2026, 12, 24) and rent.decoded("dtend") == date(2026, 12, 25)
    assert str(rent["description"]) == "before noon"
    book = todos[f"task-{plain['id']}@todo-chat"]
    assert str(book["summary"]) == "Read a book" and str(book["status"]) == "NEEDS-ACTION"
    assert calendar.walk("VTIMEZONE")  # the zone a calendar app needs to place the times


def test_tasks_as_csv(client, alice):
    weekly, day, _ = seed(client, alice)
    response = client.get("/api/tasks/export.csv", headers=alice.headers)
    assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [str(weekly["id"]), str(day["id"]), str(day["id"] + 1)]
    assert rows[0]["due"] == "2026-12-07T09:00+01:00" and rows[0]["tags"] == "work"
    assert rows[0]["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"
    assert rows[1]["due"] == "2026-12-24" and rows[1]["all_day"] == "True"
    assert rows[1]["title"] == "'=SUM(A1) rent"  # a spreadsheet must not run it


def test_conversation_as_markdown(client, alice, bob):
    answer = client.post(f"/api/{alice.id}/chat", json={"message": "Add a task to buy groceries"},
                         headers=alice.headers).json()
    url = f"/api/conversations/{answer['conversation_id']}/export.md"
    response = client.get(url, headers=alice.headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert 'filename="add-a-task-to-buy-groceries.md"' in response.headers["content-disposition"]
    text = response.text
    assert text.startswith("# Add a task to buy groceries\n")
    assert "**You**" in text and "Add a task to buy groceries" in text and "**Assistant**" in text
    assert "> `add_task`: success (title: buy groceries" in text.replace("Buy groceries", "buy groceries")
    assert client.get(url, headers=bob.headers).status_code == 404
    assert client.get(url).status_code == 401


def test_downloads_are_your_own(client, alice, bob):
    seed(client, alice)
    assert client.get("/api/tasks/export.csv").status_code == 401
    assert client.get("/api/tasks/export.ics").json()["detail"] == "Not authenticated"
    assert client.get("/api/tasks/export.csv", headers=bob.headers).text.count("\r\n") == 1  # the header only


def test_the_secret_feed(client, alice, bob, session):
    seed(client, alice)
    assert client.get("/api/calendar/feed", headers=alice.headers).json() == {"active": False, "url": None}
    made = client.post("/api/calendar/feed", headers=alice.headers)
    assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
    url = made.json()["url"]
    secret = url.rsplit("/", 1)[1].removesuffix(".ics")
    path = url.removeprefix("http://localhost:8000")
    # A calendar app's GET: no header at all.
    feed = client.get(path)
    assert feed.status_code == 200 and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 2
    session.expire_all()
    [row] = session.exec(select(CalendarFeed)).all()
    assert secret not in row.secret_hash and len(row.secret_hash) == 64  # only a hash is kept
    assert client.get("/api/calendar/feed", headers=alice.headers).json()["active"] is True
    # A new URL replaces the old one; revoking ends it. Both: a JSON 404.
    newer = client.post("/api/calendar/feed", headers=alice.headers).json()["url"]
    gone = client.get(path)
    assert gone.status_code == 404 and "revoked" in gone.json()["detail"]
    assert client.delete("/api/calendar/feed", headers=alice.headers).status_code == 204
    assert client.get(newer.removeprefix("http://localhost:8000")).status_code == 404
    assert client.get("/api/calendar/short.ics").status_code == 422
    assert client.post("/api/calendar/feed").status_code == 401


def test_an_empty_calendar_parses(client, bob):
    calendar = Calendar.from_ical(client.get("/api/tasks/export.ics", headers=bob.headers).content)
    assert calendar.walk("VEVENT") == [] and str(calendar["version"]) == "2.0"


def test_the_feed_answers_a_calendar_client(client, alice):
    """A calendar app's poll: no cookie, no token, `Accept: text/calendar`; then the same poll
    with the ETag it was given is a 304 until the tasks change."""
    seed(client, alice)
    path = client.post("/api/calendar/feed", headers=alice.headers).json()["url"].removeprefix(
        "http://localhost:8000")
    client.cookies.clear()
    first = client.get(path, headers={"Accept": "text/calendar", "User-Agent": "DAVx5/4.4"})
    assert first.status_code == 200 and first.headers["content-type"] == "text/calendar; charset=utf-8"
    assert first.headers["cache-control"] == "private, max-age=300"
    etag = first.headers["etag"]
    again = client.get(path, headers={"Accept": "text/calendar", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    add(client, alice, title="New one", due_at="2026-12-30")
    changed = client.get(path, headers={"Accept": "text/calendar", "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert len(Calendar.from_ical(changed.content).walk("VEVENT")) == 3
    assert client.head(path).status_code == 200


def test_csv_cells_never_start_a_formula(client, alice):
    for title in ("=HYPERLINK(\"http://x\")", "+1 call", "-list", "@SUM(1)", "plain"):
        add(client, alice, title=title, description="=cmd|' /C calc'!A0")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/tasks/export.csv", headers=alice.headers).text)))
    assert [r["title"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'+1 call", "'-list", "'@SUM(1)", "plain"]
    assert all(r["description"].startswith("'=") for r in rows)


def test_another_users_conversation_is_not_found(client, alice, bob):
    answer = client.post(f"/api/{alice.id}/chat", json={"message": "hello"}, headers=alice.headers).json()
    response = client.get(f"/api/conversations/{answer['conversation_id']}/export.md", headers=bob.headers)
    assert response.status_code == 404 and "detail" in response.json()
    assert client.get("/api/conversations/999999/export.md", headers=alice.headers).status_code == 404


def test_reminders_of_all_day_and_undated_tasks(client, alice):
    client.patch("/api/auth/me", json={"timezone": "Europe/Paris"}, headers=alice.headers)
    day = add(client, alice, title="Rent", due_at="2026-12-24", remind_at="2026-12-23T18:00")
    loose = add(client, alice, title="Call mum", remind_at="2026-12-05T10:00")
    calendar = Calendar.from_ical(client.get("/api/tasks/export.ics", headers=alice.headers).content)
    items = {c["uid"]: c for c in [*calendar.walk("VEVENT"), *calendar.walk("VTODO")]}
    [rent] = items[f"task-{day['id']}@todo-chat"].walk("VALARM")
    assert rent.decoded("trigger") == timedelta(hours=-6)  # 18:00 the evening before, Paris time
    [call] = items[f"task-{loose['id']}@todo-chat"].walk("VALARM")
    assert call.decoded("trigger").astimezone(UTC) == datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
