"""The offline model's understanding of plain language."""

from datetime import date

import pytest

from todo_chat.agent.language import matching_tasks, parse

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(("text", "expected"), [
    ("Add a task to buy groceries", dict(action="add", title="Buy groceries")),
    ("Add a task to buy groceries tomorrow, high priority",
     dict(action="add", title="Buy groceries", priority="high", due_date=date(2026, 11, 25))),
    ("remind me to call the dentist on friday",
     dict(action="add", title="Call the dentist", due_date=date(2026, 11, 27))),
    ("I need to remember to pay bills", dict(action="add", title="Pay bills")),
    ("add buy milk - 2 litres", dict(action="add", title="Buy milk", description="2 litres")),
    ("add meeting notes", dict(action="add", title="Meeting notes", description=None)),
    ("add a new task called Team meeting", dict(action="add", title="Team meeting")),
    ("Add task: call mom with description about her birthday",
     dict(action="add", title="Call mom", description="about her birthday")),
    ("Show me all my tasks", dict(action="list", status="all")),
    ("What's pending?", dict(action="list", status="pending")),
    ("what do I have left to do?", dict(action="list", status="pending")),
    ("What have I completed?", dict(action="list", status="completed")),
    ("Mark task 3 as complete", dict(action="complete", task_id=3)),
    ("complete the dentist task", dict(action="complete", query="dentist")),
    ("I finished the report", dict(action="complete", query="report")),
    ("Delete the meeting task", dict(action="delete", query="meeting")),
    ("Remove milk from my list", dict(action="delete", query="milk")),
    ("delete #4", dict(action="delete", task_id=4)),
    ("Change task 1 to 'Call mom tonight'", dict(action="update", task_id=1, title="Call mom tonight")),
    ("Rename the groceries task to Buy food", dict(action="update", query="groceries", title="Buy food")),
    ("update task 2 description to bring cake", dict(action="update", task_id=2, description="bring cake")),
    ("hello", dict(action="greet")), ("help", dict(action="help")), ("thanks!", dict(action="thanks")),
    ("can you book me a flight", dict(action="unknown")), ("", dict(action="unknown")),
])
def test_parse(text, expected):
    intent = parse(text, TODAY)
    assert {k: getattr(intent, k) for k in expected} == expected


def test_matching_is_word_based_and_plural_insensitive():
    tasks = [{"id": 1, "title": "Team meeting"}, {"id": 2, "title": "Buy milk"},
             {"id": 3, "title": "Meetings recap"}]
    assert [t["id"] for t in matching_tasks("meeting", tasks)] == [1, 3]
    assert [t["id"] for t in matching_tasks("buying milk", tasks)] == [2]
    assert matching_tasks("dentist", tasks) == []
