"""Server benchmarks over real HTTP (`make bench`): what a chat turn costs the server, per turn.

Headline: **server CPU per one-tool turn**, read from /proc for every process of the server
(the `todo_chat.serve` parent and its workers), while lean clients in several processes keep it
busy. Each setup is a real production start (`python -m todo_chat.serve --backend-only`):

- `sqlite-offline`: SQLite, the embedded offline model;
- `sqlite-http` / `pg-http`: SQLite / a throwaway PostgreSQL, and an OpenAI-compatible model
  server over HTTP (`bench/fake_model.py`, its own process: a tool call, then the text, so two
  model requests a turn);
- `pg-offline`: PostgreSQL and the offline model;
- `bare`: `bench/bare_server.py`, the same chat contract with no database, agent or Reflex.

Per setup: sequential p50; then 16 users at once (JSON, then SSE) for CPU per turn, turns/s,
PostgreSQL CPU per turn (its processes in /proc), SQL statements and commits per turn (counted
in the server, `BENCH_SQL_COUNTS`), model request bytes per turn (counted by the fake); then 200
users at once (errors, p50/p99); start-to-ready and RSS per process. Beside each figure: the load
generator's own CPU, and whether the server side was saturated (busy >= 85 % of its CPU
budget) — when it was not, the turns/s figure measures something else (the client, or waiting).

`python -m bench.load --ab OLD_CHECKOUT [--setups pg-http]` runs an old checkout's server and
this one side by side, phase by phase alternating, for before/after figures from one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench import procs
from bench.client import Clients, Outcome
from bench.servers import ROOT, Server, free_port, new_database, start_app, start_bare, wait_ready

SETUPS = ("sqlite-offline", "sqlite-http", "pg-http", "pg-offline")
CLIENT_PROCESSES = 2
STEADY_USERS = 16


def phase(clients: Clients, server: Server, tag: str, users: int, turns: int, stream: bool) -> Outcome:
    """One measured phase: CPU (server, PostgreSQL, client), SQL and model counts per turn."""
    time.sleep(0.5)  # the SQL counters are written every 0.2 s
    pids = server.pids()
    cpu0, pg0, sql0, model0 = procs.cpu_s(pids), server.pg_cpu_s(), server.sql_counts(), server.model_stats()
    started = time.monotonic()
    outcome = clients.run(server.port, server.users[:users], turns, stream)
    wall = time.monotonic() - started
    cpu = procs.cpu_s(pids) - cpu0
    time.sleep(0.5)
    done = max(1, len(outcome.latencies_ms))
    sql1, model1 = server.sql_counts(), server.model_stats()
    f = server.figures
    f[f"{tag}_cpu_ms"] = cpu / done * 1000
    f[f"{tag}_client_cpu_ms"] = outcome.cpu_s / done * 1000
    f[f"{tag}_busy"] = cpu / wall
    f[f"{tag}_turns_per_s"] = len(outcome.latencies_ms) / wall
    f[f"{tag}_p50_ms"] = statistics.median(outcome.latencies_ms) if outcome.latencies_ms else float("nan")
    f[f"{tag}_p99_ms"] = sorted(outcome.latencies_ms)[int(0.99 * (done - 1))] if outcome.latencies_ms else float("nan")
    f[f"{tag}_errors"] = outcome.errors
    if server.pg_port:
        f[f"{tag}_pg_cpu_ms"] = (server.pg_cpu_s() - pg0) / done * 1000
    if server.counts_dir:
        f[f"{tag}_statements"] = (sql1[0] - sql0[0]) / done
        f[f"{tag}_commits"] = (sql1[1] - sql0[1]) / done
    if model0:
        f[f"{tag}_model_requests"] = (model1["requests"] - model0["requests"]) / done
        for key in ("bytes", "tools_bytes", "instructions_bytes", "history_bytes"):
            f[f"{tag}_model_{key}"] = (model1[key] - model0[key]) / max(1, model1["requests"] - model0["requests"])
    if outcome.errors:
        print(f"  {server.name} {tag}: {outcome.errors} errors, first: {outcome.first_error}", file=sys.stderr)
    return outcome


def rss(server: Server) -> None:
    rows = [(pid, procs.rss_mib(pid), procs.pss_mib(pid), procs.uss_mib(pid), procs.name(pid))
            for pid in server.pids()]
    server.figures["rss_total_mib"] = sum(row[1] for row in rows)
    server.figures["pss_total_mib"] = sum(row[2] for row in rows)
    server.rss_rows = rows


def memory_rows(server: Server) -> str:
    return "; ".join(f"{r:.0f} ({p:.0f}, {u:.0f}) MiB {n}" for _, r, p, u, n in server.rss_rows)


PHASES = (  # tag, users, turns per user, SSE
    ("warm", 8, 5, False), ("seq", 1, 60, False), ("json", STEADY_USERS, 20, False),
    ("sse", STEADY_USERS, 10, True), ("c200", 200, 2, False),
)


def run_phases(clients: Clients, servers: list[Server], rounds: int = 1) -> None:
    """Every phase on every server in turn (A/B: the same phase back to back on old and new).

    With `rounds` > 1 the JSON and SSE phases run that many times, alternating servers, and each
    figure is the median of its rounds (the machine's speed drifts between phases)."""
    for tag, users, turns, stream in PHASES:
        repeats = rounds if tag in ("json", "sse") else 1
        seen: dict[str, dict[str, list[float]]] = {s.name: {} for s in servers}
        for _ in range(repeats):
            for server in servers:
                phase(clients, server, tag, users, turns, stream)
                for key, value in server.figures.items():
                    if key.startswith(tag + "_") and isinstance(value, (int, float)):
                        seen[server.name].setdefault(key, []).append(value)
        for server in servers:
            server.figures.update({k: statistics.median(v) for k, v in seen[server.name].items()})
            if tag == "warm":
                rss(server)
                server.figures["rss_idle_mib"] = server.figures["rss_total_mib"]
    for server in servers:
        rss(server)


ROWS = (
    ("server CPU per turn, 16 users, JSON (ms)", "json_cpu_ms", 1),
    ("  load generator CPU per turn (ms)", "json_client_cpu_ms", 2),
    ("  server busy (CPU s per s)", "json_busy", 2),
    ("  turns/s", "json_turns_per_s", 1),
    ("  PostgreSQL CPU per turn (ms)", "json_pg_cpu_ms", 2),
    ("  SQL statements per turn", "json_statements", 1),
    ("  commits per turn", "json_commits", 1),
    ("  model requests per turn", "json_model_requests", 2),
    ("  bytes per model request", "json_model_bytes", 0),
    ("    of which tool schemas", "json_model_tools_bytes", 0),
    ("    of which instructions", "json_model_instructions_bytes", 0),
    ("server CPU per turn, 16 users, SSE (ms)", "sse_cpu_ms", 1),
    ("  load generator CPU per turn (ms)", "sse_client_cpu_ms", 2),
    ("  server busy (CPU s per s)", "sse_busy", 2),
    ("  PostgreSQL CPU per turn (ms)", "sse_pg_cpu_ms", 2),
    ("sequential turn p50 (ms)", "seq_p50_ms", 1),
    ("  server CPU per turn (ms)", "seq_cpu_ms", 1),
    ("200 users: turns/s", "c200_turns_per_s", 1),
    ("  p50 (ms)", "c200_p50_ms", 0),
    ("  p99 (ms)", "c200_p99_ms", 0),
    ("  errors", "c200_errors", 0),
    ("  server busy", "c200_busy", 2),
    ("  load generator CPU per turn (ms)", "c200_client_cpu_ms", 2),
    ("start to ready (s)", "ready_s", 1),
    ("RSS after warm-up, all processes (MiB)", "rss_idle_mib", 0),
    ("RSS at the end, all processes (MiB)", "rss_total_mib", 0),
    ("PSS at the end, all processes (MiB)", "pss_total_mib", 0),
)


def report(servers: list[Server], baseline: Server | None) -> None:
    names = [s.name for s in servers] + ([baseline.name] if baseline else [])
    print(f"\n{'figure':44}" + "".join(f"{n:>15}" for n in names))
    for label, key, digits in ROWS:
        values = [s.figures.get(key) for s in servers] + ([baseline.figures.get(key)] if baseline else [])
        if all(v is None for v in values):
            continue
        print(f"{label:44}" + "".join(f"{'':>15}" if v is None else f"{v:15.{digits}f}" for v in values))
    if baseline:
        bare = baseline.figures["json_cpu_ms"]
        print("\nserver CPU per JSON turn against the bare endpoint: " + ", ".join(
            f"{s.name} {s.figures['json_cpu_ms'] / bare:.1f}x" for s in servers))
    for server in servers:
        for tag in ("json", "sse", "c200"):
            busy = server.figures.get(f"{tag}_busy", 0)
            if busy < 0.85 * server.figures.get("cpus", 1):
                print(f"note: {server.name} {tag}: the server was busy {busy:.2f} CPU s/s, not saturated "
                      "(its turns/s is bounded by something else: clients, queueing, the model server)")
        print(f"RSS (PSS, USS) per process, {server.name}: " + memory_rows(server))


# Issue 19's "must show": (setup, figure, target, what), a figure at or under its target is met.
TARGETS = (
    ("pg-http", "json_cpu_ms", 20.0, "server CPU per one-tool turn, PostgreSQL + HTTP model (ms)"),
    ("sqlite-offline", "json_cpu_ms", 12.0, "server CPU per one-tool turn, SQLite + offline model (ms)"),
    ("pg-http", "json_pg_cpu_ms", 4.0, "PostgreSQL CPU per turn (ms)"),
    ("*", "rss_idle_mib", 200.0, "one worker's RSS after warm-up (MiB)"),
    ("*", "rss_total_mib", 200.0, "one worker's RSS after 200 users (MiB)"),
    ("*", "c200_errors", 0.0, "errors at 200 users"),
)


def against_targets(servers: list[Server]) -> None:
    """The headline figures against issue 19's targets, with the load generator's CPU beside."""
    lines = []
    for setup, key, target, what in TARGETS:
        for server in servers:
            if (setup != "*" and not server.name.startswith(setup)) or key not in server.figures:
                continue
            value = server.figures[key]
            client = server.figures.get(key.split("_")[0] + "_client_cpu_ms")
            beside = f"  (load generator {client:.2f} ms a turn)" if client is not None and "cpu" in key else ""
            lines.append(f"  {what:58} {server.name:20} {value:8.1f}  target <= {target:g}: "
                         f"{'met' if value <= target else 'NOT met'}{beside}")
    if lines:
        print("\nagainst the targets (issue 19):\n" + "\n".join(lines))


def two_workers(clients: Clients, data: Path, root: Path = ROOT, name: str = "two-workers") -> dict[str, float]:
    """Memory with a further worker: `serve --workers 2` (a local Redis), warmed up like the others.

    A worker is forked from the parent that imported the app, so its RSS counts every page it
    still shares with the parent and the other worker; what one more worker costs the machine is
    its PSS (shared pages split among the sharers) or, strictly, its USS (its own pages only)."""
    server = start_app(name, root, data / name.replace(":", "-"), "", None, 16, workers=2)
    try:
        phase(clients, server, "warm", 16, 5, False)
        rss(server)
        workers = [row for row in server.rss_rows if row[0] != server.proc.pid and "redis" not in row[4]]
        for column, figure in ((1, "rss"), (2, "pss"), (3, "uss")):
            server.figures[f"further_worker_{figure}_mib"] = max((row[column] for row in workers), default=0.0)
        f = server.figures
        print(f"\n{name} (sqlite-offline, after warm-up): start to ready {server.ready_s:.1f} s, "
              f"RSS {f['rss_total_mib']:.0f} MiB, PSS {f['pss_total_mib']:.0f} MiB in all; a further worker "
              f"RSS {f['further_worker_rss_mib']:.0f}, PSS {f['further_worker_pss_mib']:.0f}, "
              f"USS {f['further_worker_uss_mib']:.0f} MiB (target <= 150)")
        print("RSS (PSS, USS) per process: " + memory_rows(server))
        return {"ready_s": server.ready_s, **f}
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--setups", default=",".join(SETUPS), help=f"comma-separated, of {SETUPS}")
    parser.add_argument("--ab", type=Path, help="an old checkout: run its server beside this one")
    parser.add_argument("--rounds", type=int, default=1, help="JSON and SSE phases per server (medians)")
    parser.add_argument("--no-bare", action="store_true")
    parser.add_argument("--json", type=Path, help="write every figure here too")
    args = parser.parse_args(argv)
    setups = [s for s in args.setups.split(",") if s]
    clients = Clients(CLIENT_PROCESSES)  # forked before anything heavy is imported or started
    from bench.agent_loop import agent_loop

    floor = agent_loop()  # openai-agents' own run loop alone, in this process, before any server
    data = Path(tempfile.mkdtemp(prefix="todo-chat-bench-"))
    results: dict[str, dict] = {}
    with ExitStack() as stack:
        stack.callback(clients.close)
        model_port = free_port()
        model = subprocess.Popen([sys.executable, "-m", "bench.fake_model", "--port", str(model_port)], cwd=ROOT,
                                 start_new_session=True)
        stack.callback(model.terminate)
        wait_ready(f"http://127.0.0.1:{model_port}/stats", model)
        pg_url = ""
        if any(s.startswith("pg") for s in setups):
            from tests.servers import postgres_server

            pg_url = stack.enter_context(postgres_server())
        baseline = None
        if not args.no_bare:
            baseline = start_bare(data, 200)
            stack.callback(baseline.stop)
            baseline.figures["ready_s"] = baseline.ready_s
            run_phases(clients, [baseline])
        for setup in setups:
            database, provider = setup.split("-")
            servers = []
            for label, root in ([("old", args.ab), ("new", ROOT)] if args.ab else [(setup, ROOT)]):
                name = f"{setup}:{label}" if args.ab else setup
                url = new_database(pg_url, name) if database == "pg" else ""
                server = start_app(name, root, data / name.replace(":", "-"), url,
                                   model_port if provider == "http" else None, 200)
                stack.callback(server.stop)
                server.pg_port = int(pg_url.rsplit(":", 1)[1].split("/")[0]) if url else None
                server.figures["ready_s"] = server.ready_s
                servers.append(server)
            run_phases(clients, servers, args.rounds)
            report(servers, baseline)
            against_targets(servers)
            for server in servers:
                server.stop()
                results[server.name] = dict(server.figures)
        if baseline:
            results["bare"] = dict(baseline.figures)
        if args.ab:  # the further worker's memory, old then new
            for label, root in (("old", args.ab), ("new", ROOT)):
                results[f"two-workers:{label}"] = two_workers(clients, data, root, f"two-workers:{label}")
        else:
            results["two-workers"] = two_workers(clients, data)
    print(f"\nthe floor: openai-agents' own run loop alone (bench/agent_loop.py, offline model, no database or "
          f"HTTP): {floor['cpu_per_turn_ms']:.1f} ms CPU per turn")
    results["agent_loop"] = floor
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
