"""The sealed splits are well-formed: enough cases, known kinds and tools, sane arguments, no repeats;
and the report prints only their aggregates.

Test ids name a case by its split and index, never by its sentence (sealed sentences are never printed).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest

from tests.nlu.cases import CASES
from tests.nlu.report import SEALED_SPLITS, sealed_cases, side_by_side, wrong_change_counts
from tests.nlu.runner import Outcome, expected_tasks
from tests.nlu.sealed_cases import SEALED
from tests.nlu.sealed_cases_2 import REGISTERS, SEALED_2
from tests.nlu.sealed_cases_3 import REGISTERS_3, SEALED_3
from tests.nlu.sealed_cases_4 import REGISTERS_4, SEALED_4
from todo_chat.agent.tools import TASK_TOOLS

KINDS = {"add", "list", "complete", "delete", "reopen", "update", "safety", "chat"}
TOOLS = {tool.name for tool in TASK_TOOLS}
ACTING = {"complete_task", "reopen_task", "delete_task", "update_task"}
# (name, cases, at least this many cases, at least this many of every kind)
SPLITS = [("sealed", SEALED, 220, 20), ("sealed 2", SEALED_2, 200, 10), ("sealed 3", SEALED_3, 250, 15),
          ("sealed 4", SEALED_4, 250, 15)]
EVERY_CASE = [pytest.param(case, id=f"{name}-{n}") for name, cases, _, _ in SPLITS for n, case in enumerate(cases)]


def _message(text: str) -> str:
    return " ".join(text.casefold().split())


@pytest.mark.parametrize(("name", "cases", "least", "least_per_kind"), SPLITS, ids=[s[0] for s in SPLITS])
def test_many_cases_of_every_kind(name, cases, least, least_per_kind):
    kinds = Counter(c.kind for c in cases)
    assert len(cases) >= least
    assert set(kinds) == KINDS, kinds
    assert min(kinds.values()) >= least_per_kind, kinds


def test_no_message_twice_nor_in_the_dev_set_nor_in_another_split():
    seen: set[str] = {_message(c.say) for c in CASES}
    for name, cases, _, _ in SPLITS:  # counts only in the messages: no sentence of either side is printed
        said = [_message(c.say) for c in cases]
        repeats, known = sum(n > 1 for n in Counter(said).values()), len(set(said) & seen)
        assert (repeats, known) == (0, 0), f"{name}: {repeats} said twice, {known} said in an earlier split"
        seen |= set(said)


@pytest.mark.parametrize(("registers", "cases", "least"),
                         [(REGISTERS, SEALED_2, 12), (REGISTERS_3, SEALED_3, 15), (REGISTERS_4, SEALED_4, 15)],
                         ids=["sealed 2", "sealed 3", "sealed 4"])
def test_the_later_splits_spread_over_their_registers(registers, cases, least):
    assert len(registers) >= least
    assert all(len(register) >= 8 for register in registers.values())
    assert sum(len(register) for register in registers.values()) == len(cases)


@pytest.mark.parametrize("case", EVERY_CASE)
def test_calls_are_known_tools_with_sane_arguments(case):
    seeds = case.seeds()
    for name, args in case.calls:
        assert name in TOOLS
        if "priority" in args:
            assert args["priority"] in ("low", "medium", "high")
        if args.get("due_date"):  # a day, or a day and a clock time (YYYY-MM-DDTHH:MM), as the tools take it
            due = args["due_date"]
            datetime.strptime(due, "%Y-%m-%dT%H:%M") if "T" in due else date.fromisoformat(due)
        if name == "add_task":
            title = args["title"]
            # capitalised, unless quoted in the message (then byte for byte)
            assert title and (title[0] == title[0].upper() or title in case.say) and title == title.strip()
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
    if case.choices:  # an offer of choices is expected only where nothing may change, between seeded tasks
        assert case.calls == [] and all(any(w.casefold() in s.title.casefold() for s in seeds) for w in case.choices)
    if case.kind == "list":
        assert [name for name, _ in case.calls] == ["list_tasks"]
    expected_tasks(case)  # the runner can work out what the calls leave behind


def test_the_report_gives_each_split_its_columns_and_never_a_sentence():
    def outcomes(cases):
        return [Outcome(case, passed=n % 2 == 0, problems=["x"], reply=case.say) for n, case in enumerate(cases)]

    printed = side_by_side(outcomes(CASES[:40]), ("sealed", outcomes(SEALED)), ("sealed 2", outcomes(SEALED_2)),
                           ("sealed 3", outcomes(SEALED_3)), ("sealed 4", outcomes(SEALED_4)))
    header, _, *rows = printed.splitlines()
    assert header == ("| kind | open | open rate | sealed | sealed rate | sealed 2 | sealed 2 rate "
                      "| sealed 3 | sealed 3 rate | sealed 4 | sealed 4 rate |")
    assert all(row.count("|") == 12 for row in rows)
    total = len(SEALED_4)
    assert rows[-1].endswith(f"| {(total + 1) // 2}/{total} | {100 * ((total + 1) // 2) / total:.1f} % |")
    assert not any(_message(c.say) in _message(printed)
                   for c in [*SEALED, *SEALED_2, *SEALED_3, *SEALED_4] if len(c.say) > 3)


@pytest.mark.parametrize(("column", "module", "name", "cases"),
                         [("sealed 3", "tests.nlu.sealed_cases_3", "SEALED_3", SEALED_3),
                          ("sealed 4", "tests.nlu.sealed_cases_4", "SEALED_4", SEALED_4)],
                         ids=["sealed 3", "sealed 4"])
def test_the_report_runs_the_later_splits_and_counts_their_wrong_changes(column, module, name, cases):
    assert (column, module, name) in SEALED_SPLITS
    assert sealed_cases(module, name) == cases
    changed = [Outcome(case, passed=False, calls=[{"name": "delete_task", "arguments": {"task_id": 1}}])
               for case in cases if case.kind == "safety" and not case.calls]
    line = wrong_change_counts([], [(column, changed)])
    assert line.endswith(f"{column} {len(changed)}/{len(changed)}")
    assert not any(_message(c.say) in _message(line) for c in cases)
