"""The page's path (part of `make bench`): what a message sent through the native Reflex view
costs the server, against the same turn over HTTP, on the same server in the same run.

A production start with its frontend (`python -m todo_chat.serve`, SQLite, offline model; the
build is made once into `.web-serve` like `make serve`, later runs reuse it). Two headless
chromium pages (Playwright, /usr/bin/chromium, ChatKit's CDN blocked so the native view shows)
each sign up and send messages one after another; every websocket frame the pages send and
receive is counted. The server's CPU (all its processes, /proc) per message is compared with
its CPU per SSE turn sent by the lean client for the same text. Browsers' own CPU is theirs.

`python -m bench.page --ab OLD_CHECKOUT --rounds 2` measures an old checkout's server too, the
two alternating, for before/after figures from one run (each tree builds its own `.web-serve`).
`--env NAME=VALUE` sets a server setting for the new tree only (`--ab .` then compares a setting).
Each run also prints the delta bytes per message by state var: what a turn's frames resend.
`--profile FILE` records the (new) server with py-spy (busy threads, `--threads`, collapsed stacks: one line a stack
and its sample count) while the pages send their timed messages; the sampling slows the server, so
read that run's shares, not its milliseconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench import procs
from bench.client import Clients, User
from bench.servers import ROOT, SECRET, free_port, wait_ready

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CDN = "**/cdn.platform.openai.com/**"
MESSAGES_PER_PAGE = 12


def _start(data: Path, root: Path = ROOT, extra: dict[str, str] | None = None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, **(extra or {}), "DATA_DIR": str(data), "DATABASE_URL": "", "ENVIRONMENT": "production",
           "BETTER_AUTH_SECRET": SECRET, "CHAT_TURNS_PER_MINUTE": "1000000", "PYTHONPATH": str(root),
           "SIGNUP_ATTEMPTS_PER_IP": "1000/minute", "REFLEX_WEB_WORKDIR": str(root / ".web-serve"),
           "API_URL": f"http://localhost:{port}", "REFLEX_CHECK_LATEST_VERSION": "0",
           "REFLEX_BUN_PATH": str(ROOT / ".tools" / "node_modules" / ".bin" / "bun")}
    proc = subprocess.Popen([sys.executable, "-m", "todo_chat.serve", "--port", str(port), "--redis", "off"],
                            cwd=root, env=env, stdout=open(data / "page-server.log", "w"),  # noqa: SIM115
                            stderr=subprocess.STDOUT, start_new_session=True)
    wait_ready(f"http://127.0.0.1:{port}/login", proc, timeout=900)
    return proc, port


def _page(browser, base: str, n: int):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route(CDN, lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(60_000)
    frames = {"sent": 0, "received": 0, "bytes": 0}
    by_var: Counter[str] = Counter()

    def received(payload: str | bytes) -> None:
        frames["received"] += 1
        frames["bytes"] += len(payload)
        by_var.update(delta_bytes(payload))

    page.on("websocket", lambda ws: (ws.on("framesent", lambda _f: frames.__setitem__("sent", frames["sent"] + 1)),
                                     ws.on("framereceived", received)))
    page.goto(base + "/signup")
    page.get_by_label("Name").fill("Bench")
    page.get_by_label("Email").fill(f"page{n}-{time.time_ns()}@example.com")
    page.get_by_label("Password").fill("correct-horse-1")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/chat**")
    page.get_by_role("textbox", name="Message").wait_for()
    return page, frames, by_var


def delta_bytes(payload: str | bytes) -> Counter[str]:
    """Bytes of each state var in a socket.io frame carrying a Reflex delta (`42["event",{"delta":
    {state: {var: value}}}]`), keyed "state.var" by the state class's snake-case name; nothing for other frames."""
    import json

    text = payload.decode() if isinstance(payload, bytes) else payload
    found: Counter[str] = Counter()
    start = text.find("[")
    if not text.startswith("42") or start < 0:
        return found
    try:
        _, update = json.loads(text[start:])
    except ValueError:
        return found
    for state, fields in ((update or {}).get("delta") or {}).items():
        for var, value in fields.items():
            found[f"{state.rsplit('____', 1)[-1]}.{var}"] += len(json.dumps(value, separators=(",", ":")))
    return found


def _send(page, text: str, done_before: int) -> None:
    from playwright.sync_api import expect

    composer = page.get_by_role("textbox", name="Message")
    composer.fill(text)
    composer.press("Enter")
    expect(page.get_by_role("status", name="add_task: success")).to_have_count(done_before + 1)
    expect(page.get_by_role("button", name="Send message")).to_be_visible()  # the stream has ended


def _py_spy(pid: int, out: Path | None) -> subprocess.Popen | None:
    """py-spy sampling the server's busy threads (the event loop and the database worker threads, each
    stack under its thread's id: a turn's CPU is split between them, so `--gil` alone hides half of
    it), or None without `out`."""
    if out is None:
        return None
    spy = Path(sys.executable).with_name("py-spy")
    return subprocess.Popen([str(spy), "record", "--pid", str(pid), "--threads", "--format", "raw", "--rate", "250",
                             "--output", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stop(spy: subprocess.Popen | None) -> None:
    if spy is not None:
        spy.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
        spy.wait(timeout=60)


def page_path(root: Path = ROOT, extra: dict[str, str] | None = None,
              profile: Path | None = None) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    data = Path(tempfile.mkdtemp(prefix="todo-chat-page-"))
    clients = Clients(1)
    proc, port = _start(data, root, extra)
    result: dict[str, float] = {}
    try:
        pids = procs.tree(proc.pid)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            pages = [_page(browser, f"http://localhost:{port}", n) for n in range(2)]
            for page, _, _ in pages:  # warm up: the first message of a page loads its conversation
                _send(page, "Add a task to buy bread", 0)
            time.sleep(1)
            sent0 = [dict(frames) for _, frames, _ in pages]
            vars0 = [Counter(by_var) for _, _, by_var in pages]
            spy = _py_spy(proc.pid, profile)
            cpu0 = procs.cpu_s(pids)
            for k in range(MESSAGES_PER_PAGE):
                for page, _, _ in pages:
                    _send(page, f"Add a task to buy milk {k}", k + 1)
            cpu = procs.cpu_s(pids) - cpu0
            _stop(spy)
            count = MESSAGES_PER_PAGE * len(pages)
            result["page_cpu_ms"] = cpu / count * 1000
            pairs = [(frames, before) for (_, frames, _), before in zip(pages, sent0, strict=True)]
            result["frames_received"] = sum(f["received"] - b["received"] for f, b in pairs) / count
            result["frames_sent"] = sum(f["sent"] - b["sent"] for f, b in pairs) / count
            result["bytes_received"] = sum(f["bytes"] - b["bytes"] for f, b in pairs) / count
            var_bytes: Counter[str] = Counter()
            for (_, _, by_var), before in zip(pages, vars0, strict=True):
                var_bytes += by_var - before
            result.update({f"var:{name}": size / count for name, size in var_bytes.most_common(8)})
            browser.close()
        users = _seed_for(data)
        cpu0 = procs.cpu_s(pids)
        outcome = clients.run(port, users, MESSAGES_PER_PAGE, stream=True, new_every=0)
        result["http_cpu_ms"] = (procs.cpu_s(pids) - cpu0) / max(1, len(outcome.latencies_ms)) * 1000
        result["http_errors"] = outcome.errors
        result["ratio"] = result["page_cpu_ms"] / result["http_cpu_ms"]
    finally:
        clients.close()
        proc.terminate()
        proc.wait(timeout=30)
    return result


def _seed_for(data: Path) -> list[User]:
    import json

    env = {**os.environ, "DATA_DIR": str(data), "DATABASE_URL": "", "BETTER_AUTH_SECRET": SECRET}
    seeded = subprocess.run([sys.executable, "-m", "bench.seed", "2"], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    return [User(uid, token) for uid, token in json.loads(seeded.stdout)]


def main(argv: list[str] | None = None) -> None:
    import argparse
    import statistics

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ab", type=Path, help="an old checkout: measure its server too, alternating")
    parser.add_argument("--rounds", type=int, default=1, help="runs per checkout (medians)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the new server only (with --ab on this same tree: a setting's A/B)")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="py-spy the new server while the pages send (collapsed stacks; its CPU is not counted)")
    args = parser.parse_args(argv)
    extra = dict(item.split("=", 1) for item in args.env)
    trees = [("old", args.ab.resolve()), ("new", ROOT)] if args.ab else [("", ROOT)]
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in trees}
    for _ in range(args.rounds):
        for label, root in trees:
            new = label != "old"
            runs[label].append(page_path(root, extra if new else None, args.profile if new else None))
    print("\nThe page's path (native Reflex view, 2 headless pages, SQLite, offline model; SSE over HTTP the same):")
    for label, results in runs.items():
        keys = {key for run in results for key in run}
        r = {key: statistics.median(run.get(key, 0.0) for run in results) for key in keys}
        each = ", ".join(f"{run['ratio']:.2f}x" for run in results)
        if label:
            print(f"{label} ({len(results)} run(s), medians):")
        print(f"  server CPU per message sent from the page:  {r['page_cpu_ms']:.1f} ms")
        print(f"  server CPU per the same turn over HTTP/SSE: {r['http_cpu_ms']:.1f} ms "
              f"({r['http_errors']:.0f} errors)")
        print(f"  ratio page / HTTP: {r['ratio']:.2f}x (target <= 1.3x; each run: {each})")
        print(f"  websocket frames per message: {r['frames_received']:.1f} received "
              f"({r['bytes_received']:.0f} bytes), {r['frames_sent']:.1f} sent")
        heaviest = sorted(((k[4:], v) for k, v in r.items() if k.startswith("var:")), key=lambda kv: -kv[1])
        print("  delta bytes per message by state var: "
              + ", ".join(f"{name} {size:.0f}" for name, size in heaviest[:8]))


if __name__ == "__main__":
    main()
