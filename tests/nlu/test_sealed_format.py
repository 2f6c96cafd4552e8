"""The sealed split is well-formed: enough cases, known kinds and tools, sane arguments, no repeats."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from tests.nlu.cases import CASES
from tests.nlu.runner import expected_tasks
from tests.nlu.sealed_cases import SEALED
from todo_chat.agent.tools import TASK_TOOLS

KINDS = {"add", "list", "complete", "delete", "reopen", "update", "safety", "chat"}
TOOLS = {tool.name for tool in TASK_TOOLS}
ACTING = {"complete_task", "reopen_task", "delete_task", "update_task"}


def _message(text: str) -> str:
    return " ".join(text.casefold().split())


def test_many_cases_of_every_kind():
    kinds = Counter(c.kind for c in SEALED)
    assert len(SEALED) >= 220
    assert set(kinds) == KINDS, kinds
    assert min(kinds.values()) >= 20, kinds


def test_no_message_twice_nor_in_the_dev_set():
    said = [_message(c.say) for c in SEALED]
    assert [m for m, n in Counter(said).items() if n > 1] == []
    assert set(said) & {_message(c.say) for c in CASES} == set()


@pytest.mark.parametrize("case", SEALED, ids=lambda c: c.say[:40])
def test_calls_are_known_tools_with_sane_arguments(case):
    seeds = case.seeds()
    for name, args in case.calls:
        assert name in TOOLS
        if "priority" in args:
            assert args["priority"] in ("low", "medium", "high")
        if args.get("due_date"):
            date.fromisoformat(args["due_date"])
        if name == "add_task":
            title = args["title"]
            assert title and title[0] == title[0].upper() and title == title.strip()
        if name in ACTING and not case.before:  # ids of seeded tasks only; earlier turns may add more
            assert 1 <= args["task_id"] <= len(seeds)
            if name == "complete_task":
                assert not seeds[args["task_id"] - 1].done
            if name == "reopen_task":
                assert seeds[args["task_id"] - 1].done
    if case.kind == "chat":
        assert case.calls == []
    if case.kind == "safety":  # nothing, or the one task a mixed message reports done
        assert all(name == "complete_task" for name, _ in case.calls) and len(case.calls) <= 1
    if case.kind == "list":
        assert [name for name, _ in case.calls] == ["list_tasks"]
    expected_tasks(case)  # the runner can work out what the calls leave behind
