"""What the offline model's learned parts cost a process: memory to load, time to parse.

    python -m bench.model_memory                 # this checkout
    python -m bench.model_memory --ab OLD        # an old checkout beside it, alternating, same run

Each figure comes from a fresh interpreter (this one has imported nothing of the app): RSS from
/proc/self/status before any import, after importing the pipeline (`offline.parse`), after the
first use of the classifier and the tagger (which loads them) and after the dev set; in another
process, what `tracemalloc` sees a second load of the two models hold (and its peak); then the
parse cost over the dev set's messages, warm (as `make nlu-report`), and the classifier and the
tagger alone (the tagger reading every message as an update).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_MEMORY = r"""
import json, sys, tracemalloc
def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024
out = {"start": rss()}
from todo_chat.agent.offline import parse
from todo_chat.agent.offline.learned import inference, tagger
out["imported"] = rss()
inference.predict("add milk")
tagger.spans("ring the florist friday", "add")
out["models_loaded"] = rss()
from tests.nlu.cases import CASES, TODAY
for case in CASES:
    parse.understand(case.say, TODAY)
out["after_dev_set"] = rss()
print(json.dumps(out))
"""

_TRACED = r"""
import json, tracemalloc
from todo_chat.agent.offline import parse
from todo_chat.agent.offline.learned import inference, tagger
inference.predict("add milk")
tagger.spans("ring the florist friday", "add")
tracemalloc.start()
inference._model.cache_clear()
tagger._model.cache_clear()
inference.predict("add milk")
tagger.spans("ring the florist friday", "add")
held, peak = tracemalloc.get_traced_memory()
print(json.dumps({"models_traced": held / 2**20, "models_traced_peak": peak / 2**20}))
"""

_TIMING = r"""
import json, statistics, time
from tests.nlu.cases import CASES, TODAY
from todo_chat.agent.offline.parse import understand
from todo_chat.agent.offline.learned.inference import predict
from todo_chat.agent.offline.learned.tagger import spans
def cost(fn, rounds=3):
    for case in CASES:
        fn(case.say)
    times = []
    for _ in range(rounds):
        for case in CASES:
            started = time.perf_counter()
            fn(case.say)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return [round(statistics.median(times), 4), round(times[int(len(times) * 0.95)], 4)]
print(json.dumps({"parse": cost(lambda s: understand(s, TODAY)), "classifier": cost(predict),
                  "tagger": cost(lambda s: spans(s, "update"))}))
"""


def fresh(root: Path, code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def files(root: Path) -> dict[str, int]:
    folder = root / "todo_chat" / "agent" / "offline" / "learned"
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir())
            if p.suffix in (".json", ".bin") and p.is_file()}


def measure(roots: dict[str, Path], rounds: int) -> dict[str, dict]:
    """Every figure for every checkout, runs alternating between them; medians of `rounds`."""
    runs: dict[str, list[dict]] = {name: [] for name in roots}
    for _ in range(rounds):
        for name, root in roots.items():
            runs[name].append({**fresh(root, _MEMORY), **fresh(root, _TRACED), **fresh(root, _TIMING)})
    out = {}
    for name, results in runs.items():
        merged: dict = {"files": files(roots[name])}
        for key, value in results[0].items():
            if isinstance(value, list):
                merged[key] = [statistics.median(r[key][i] for r in results) for i in range(len(value))]
            else:
                merged[key] = round(statistics.median(r[key] for r in results), 2)
        out[name] = merged
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ab", type=Path, help="an old checkout, measured beside this one")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    roots = {"new": ROOT} if args.ab is None else {"old": args.ab.resolve(), "new": ROOT}
    for name, figures in measure(roots, args.rounds).items():
        load = figures["models_loaded"] - figures["imported"]
        print(f"{name}: files {figures.pop('files')}")
        print(f"  RSS start {figures['start']} MiB, imported {figures['imported']}, models loaded "
              f"{figures['models_loaded']} (+{load:.1f}), after the dev set {figures['after_dev_set']}")
        print(f"  models: tracemalloc {figures['models_traced']:.2f} MiB held, "
              f"{figures['models_traced_peak']:.2f} peak")
        for part in ("parse", "classifier", "tagger"):
            print(f"  {part}: p50 {figures[part][0]:.3f} ms, p95 {figures[part][1]:.3f} ms")


if __name__ == "__main__":
    main()
