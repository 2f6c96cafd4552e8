"""`make nlu-report`: run the dev set over the real path and print the pass rate per intent.

    python -m tests.nlu.report            # the table, and every failing OPEN case
    python -m tests.nlu.report -q         # the table only

Splits: the OPEN cases (`cases.py`, tuned on) and the SEALED ones (`sealed_cases.py`, then
`sealed_cases_2.py`, `sealed_cases_3.py` and `sealed_cases_4.py`, each written by someone who never saw the
rules, in other registers), each in its own columns and with its own wrong-change count. Of a sealed split only the
aggregate figures per kind are printed: never its sentences, never its failures.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from collections import Counter, defaultdict

from tests.nlu.cases import CASES
from tests.nlu.runner import Outcome, run_all


def table(outcomes: list[Outcome]) -> str:
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.case.kind].append(outcome)
    rows = ["| intent | cases | passed | rate |", "|---|---:|---:|---:|"]
    for kind, group in by_kind.items():
        ok = sum(o.passed for o in group)
        rows.append(f"| {kind} | {len(group)} | {ok} | {100 * ok / len(group):.1f} % |")
    ok = sum(o.passed for o in outcomes)
    rows.append(f"| **all** | {len(outcomes)} | {ok} | {100 * ok / len(outcomes):.1f} % |")
    return "\n".join(rows)


# The sealed splits: (column, module, the list it holds), in the order their columns are printed.
SEALED_SPLITS = (("sealed", "tests.nlu.sealed_cases", "SEALED"),
                 ("sealed 2", "tests.nlu.sealed_cases_2", "SEALED_2"),
                 ("sealed 3", "tests.nlu.sealed_cases_3", "SEALED_3"),
                 ("sealed 4", "tests.nlu.sealed_cases_4", "SEALED_4"))


def sealed_cases(module: str = "tests.nlu.sealed_cases", name: str = "SEALED") -> list:
    """A sealed split, when it exists on this branch; never printed."""
    try:
        return list(getattr(importlib.import_module(module), name))
    except ModuleNotFoundError as exc:
        if exc.name != module:  # the split is there but broken: say so
            raise
        return []


def side_by_side(open_: list[Outcome], *sealed: tuple[str, list[Outcome]]) -> str:
    """Pass rates per kind: open and each sealed split next to each other (the sealed ones as numbers only)."""
    def counts(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
        by_kind: dict[str, list[bool]] = defaultdict(list)
        for o in outcomes:
            by_kind[o.case.kind].append(o.passed)
        return {k: (sum(v), len(v)) for k, v in by_kind.items()}

    def cell(ok_total: tuple[int, int] | None) -> str:
        if not ok_total or not ok_total[1]:
            return "– | –"
        ok, total = ok_total
        return f"{ok}/{total} | {100 * ok / total:.1f} %"

    columns = [("open", open_), *sealed]
    tallies = [counts(outcomes) for _, outcomes in columns]
    kinds = list(dict.fromkeys(kind for tally in tallies for kind in tally))
    rows = ["| kind | " + " | ".join(f"{name} | {name} rate" for name, _ in columns) + " |",
            "|---|" + "---:|---:|" * len(columns)]
    for kind in kinds:
        rows.append(f"| {kind} | " + " | ".join(cell(tally.get(kind)) for tally in tallies) + " |")
    total = lambda outs: (sum(x.passed for x in outs), len(outs))  # noqa: E731
    rows.append("| **all** | " + " | ".join(cell(total(outcomes)) for _, outcomes in columns) + " |")
    return "\n".join(rows)


def failures(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        if not o.passed:
            before = f" (after {list(o.case.before)})" if o.case.before else ""
            wrong = f"\n    WRONG CHANGE: {o.wrong_changes}" if o.wrong_changes else ""
            lines.append(f"- [{o.case.kind}] {o.case.say!r}{before}{wrong}\n    " + "\n    ".join(o.problems)
                         + f"\n    reply: {o.reply[:160]!r}")
    return "\n".join(lines)


def wrong_change_counts(open_: list[Outcome], sealed: list[tuple[str, list[Outcome]]]) -> str:
    """Per split, how many cases changed data they were not asked to change (the worst failure);
    the adversarial cases (kind "safety-...", part of the open split) also on their own. Of a sealed
    split only the count."""
    def count(outcomes: list[Outcome]) -> str:
        return f"{sum(bool(o.wrong_changes) for o in outcomes)}/{len(outcomes)}"

    adversarial = [o for o in open_ if o.case.kind.startswith("safety")]
    parts = [f"open {count(open_)}", f"adversarial {count(adversarial)}",
             *(f"{column} {count(outcomes)}" for column, outcomes in sealed)]
    return "wrong changes (cases that changed data they were not asked to): " + ", ".join(parts)


def failure_mode(outcome: Outcome) -> str:
    """What went wrong in a failed case, as one coarse label (counted per split, never shown per case)."""
    from todo_chat.agent.change_tools import changes_tasks

    def changing(calls: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
        return [(name, args) for name, args in calls if changes_tasks(name, True, args)]

    expected = changing(outcome.case.calls)
    made = changing([(c["name"], c["arguments"]) for c in outcome.calls if c.get("status") != "error"])
    if outcome.wrong_changes:
        return "wrong change"
    if expected and not made:
        offered = any(c["name"] == "offer_choices" for c in outcome.calls)
        return "asked (choices offered)" if offered else "held back (no change, no choices)"
    if not expected and made:
        return "changed where none was expected"
    if [n for n, _ in expected] != [n for n, _ in made]:
        return "other calls (count or order)"
    fields = sorted({key for (_, want), (_, got) in zip(expected, made, strict=True)
                     for key, value in want.items() if not _same_arg(key, value, got.get(key))})
    if fields:
        return "right action, wrong " + "/".join(fields)
    if outcome.case.choices is not None and not any(c["name"] == "offer_choices" for c in outcome.calls):
        return "expected choices, none offered"
    return "reply or tasks"


def _same_arg(key: str, want: object, got: object) -> bool:
    from tests.nlu.runner import _args_match
    return _args_match({key: want}, {key: got})


def failure_modes(open_: list[Outcome], sealed: list[tuple[str, list[Outcome]]]) -> str:
    """How the failures of each split break down (counts only: no sentence of a sealed split)."""
    columns = [("open", open_), *sealed]
    tallies = [Counter(failure_mode(o) for o in outcomes if not o.passed) for _, outcomes in columns]
    modes = sorted({m for tally in tallies for m in tally}, key=lambda m: -sum(t[m] for t in tallies))
    rows = ["| failure mode | " + " | ".join(name for name, _ in columns) + " |",
            "|---|" + "---:|" * len(columns)]
    rows += [f"| {mode} | " + " | ".join(str(t[mode]) for t in tallies) + " |" for mode in modes]
    return "\n".join(rows)


def parse_cost() -> tuple[float, float]:
    """p50 / p95 milliseconds to understand one message (normalise + intent + slots), warm."""
    from tests.nlu.cases import TODAY
    from todo_chat.agent.offline.parse import understand

    for case in CASES:
        understand(case.say, TODAY)   # warm: imports, parser set-up, caches
    times = []
    for _ in range(3):
        for case in CASES:
            started = time.perf_counter()
            understand(case.say, TODAY)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def run_splits() -> tuple[list[Outcome], list[tuple[str, list[Outcome]]]]:
    """The open cases' outcomes, and each sealed split's on this branch (by column) in one run."""
    present = [(column, cases) for column, module, name in SEALED_SPLITS if (cases := sealed_cases(module, name))]
    outcomes = run_all([*CASES, *(case for _, cases in present for case in cases)])
    sealed: list[tuple[str, list[Outcome]]] = []
    start = len(CASES)
    for column, cases in present:
        sealed.append((column, outcomes[start:start + len(cases)]))
        start += len(cases)
    return outcomes[:len(CASES)], sealed


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    open_, sealed = run_splits()
    outcomes = [*open_, *(o for _, split in sealed for o in split)]
    print(side_by_side(open_, *sealed) if sealed else table(open_))
    for column, module, _ in SEALED_SPLITS:
        if column not in dict(sealed):
            print(f"\n(no {column} split on this branch: {module.replace('.', '/')}.py)")
    print(f"\n{len(outcomes)} cases in {time.perf_counter() - started:.1f} s over HTTP "
          f"(median turn {1000 * statistics.median(o.seconds for o in outcomes):.1f} ms incl. fresh DB + seeding)")
    print(wrong_change_counts(open_, sealed))
    print("\n" + failure_modes(open_, sealed))
    p50, p95 = parse_cost()
    print(f"parse cost per message: p50 {p50:.3f} ms, p95 {p95:.3f} ms")
    if "-q" not in argv and any(not o.passed for o in open_):
        print("\nFailing OPEN cases (the sealed ones are never shown):\n" + failures(open_))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
