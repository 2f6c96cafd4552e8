"""`make nlu-report`: run the dev set over the real path and print the pass rate per intent.

    python -m tests.nlu.report            # the table, and every failing OPEN case
    python -m tests.nlu.report -q         # the table only

Two splits: the OPEN cases (`cases.py`, tuned on) and, once it is on main, the SEALED split
(`sealed_cases.py`, written by someone who never saw the rules). Of the sealed split only the
aggregate figures per kind are printed: never its sentences, never its failures.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict

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


def sealed_cases() -> list:
    """The sealed split, when it exists; never printed."""
    try:
        from tests.nlu.sealed_cases import SEALED  # type: ignore[import-not-found]
    except ImportError:
        return []
    return list(SEALED)


def side_by_side(open_: list[Outcome], sealed: list[Outcome]) -> str:
    """Pass rates per kind: open and sealed next to each other (the sealed ones as numbers only)."""
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

    o, s = counts(open_), counts(sealed)
    rows = ["| kind | open | open rate | sealed | sealed rate |", "|---|---:|---:|---:|---:|"]
    for kind in [*o, *(k for k in s if k not in o)]:
        rows.append(f"| {kind} | {cell(o.get(kind))} | {cell(s.get(kind))} |")
    total = lambda outs: (sum(x.passed for x in outs), len(outs))  # noqa: E731
    rows.append(f"| **all** | {cell(total(open_))} | {cell(total(sealed))} |")
    return "\n".join(rows)


def failures(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        if not o.passed:
            before = f" (after {list(o.case.before)})" if o.case.before else ""
            lines.append(f"- [{o.case.kind}] {o.case.say!r}{before}\n    " + "\n    ".join(o.problems)
                         + f"\n    reply: {o.reply[:160]!r}")
    return "\n".join(lines)


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


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    sealed = sealed_cases()
    outcomes = run_all([*CASES, *sealed])
    open_, closed = outcomes[:len(CASES)], outcomes[len(CASES):]
    print(side_by_side(open_, closed) if sealed else table(open_))
    if not sealed:
        print("\n(no sealed split on this branch: tests/nlu/sealed_cases.py)")
    print(f"\n{len(outcomes)} cases in {time.perf_counter() - started:.1f} s over HTTP "
          f"(median turn {1000 * statistics.median(o.seconds for o in outcomes):.1f} ms incl. fresh DB + seeding)")
    p50, p95 = parse_cost()
    print(f"parse cost per message: p50 {p50:.3f} ms, p95 {p95:.3f} ms")
    if "-q" not in argv and any(not o.passed for o in open_):
        print("\nFailing OPEN cases (the sealed ones are never shown):\n" + failures(open_))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
