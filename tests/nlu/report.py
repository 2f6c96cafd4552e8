"""`make nlu-report`: run the dev set over the real path and print the pass rate per intent.

    python -m tests.nlu.report            # the table, and every failing case
    python -m tests.nlu.report -q         # the table only
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
    outcomes = run_all(CASES)
    print(table(outcomes))
    print(f"\n{len(CASES)} cases in {time.perf_counter() - started:.1f} s over HTTP "
          f"(median turn {1000 * statistics.median(o.seconds for o in outcomes):.1f} ms incl. fresh DB + seeding)")
    p50, p95 = parse_cost()
    print(f"parse cost per message: p50 {p50:.3f} ms, p95 {p95:.3f} ms")
    if "-q" not in argv and any(not o.passed for o in outcomes):
        print("\nFailing cases:\n" + failures(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
