"""The offline model keeps its reading of a message (a turn reads it at every model step) and hands
each caller a copy: whatever a caller changes in its copy never reaches the kept reading."""

from dataclasses import fields
from datetime import date

from todo_chat.agent.offline.parse import Request, _understand, understand

TODAY = date(2026, 12, 4)


def _mutate(request: Request) -> None:
    request.ids.append(99)
    request.items.append({"title": "mine"})
    for item in request.items:
        item["title"] = "changed"
        item.setdefault("tags", []).append("changed")
    request.query_parts.append("changed")
    request.filters["sort"] = "changed"
    request.changes["tags_add"] = ["changed"]
    request.action = "cancel"


def test_a_callers_changes_never_reach_the_kept_reading():
    for text in ("Add a task to buy milk #home tomorrow", "show my high priority tasks",
                 "mark the milk task and the bread task done", "move the dentist to friday"):
        kept = _understand(text, TODAY)
        before = repr(kept)
        mine = understand(text, TODAY)
        assert mine == kept and mine is not kept
        _mutate(mine)
        assert repr(_understand(text, TODAY)) == before == repr(understand(text, TODAY))


def test_the_copy_holds_every_field_of_the_reading():
    kept = _understand("Add a task to buy milk", TODAY)
    mine = understand("Add a task to buy milk", TODAY)
    assert {f.name for f in fields(Request)} == set(vars(mine)) == set(vars(kept))
    for f in fields(Request):  # lists and dicts are the copy's own
        if isinstance(getattr(kept, f.name), (list, dict)):
            assert getattr(mine, f.name) is not getattr(kept, f.name)
