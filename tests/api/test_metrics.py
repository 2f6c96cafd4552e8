"""/metrics: off without a token, behind it with one, counting what turns did (read back with
prometheus-client's own parser), and adding up several worker processes (multiprocess mode)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from agents.testing import ScriptedModel
from prometheus_client.parser import text_string_to_metric_families

from todo_chat import serve
from todo_chat.agent import turn
from todo_chat.core import config, logs, metrics
from todo_chat.services import tasks

TOKEN = "metrics-token-" + "y" * 20
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def metrics_token(monkeypatch):
    monkeypatch.setenv("METRICS_TOKEN", TOKEN)
    config.get_settings.cache_clear()
    yield {"Authorization": f"Bearer {TOKEN}"}
    monkeypatch.delenv("METRICS_TOKEN")
    config.get_settings.cache_clear()


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """Every sample as {(name, sorted labels): value}, through prometheus-client's parser."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def scrape(client, headers) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


def test_metrics_are_off_without_a_token(client):
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer anything"}).status_code == 404


def test_metrics_need_the_token(client, metrics_token):
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/metrics", headers=metrics_token).status_code == 200


def test_a_few_turns_show_in_the_counts(client, alice, metrics_token, monkeypatch):
    before = scrape(client, metrics_token)
    for message in ("add a task to buy milk", "add a task to call mom", "mark task 1 as complete"):
        assert client.post(f"/api/{alice.id}/chat", json={"message": message}, headers=alice.headers).status_code == 200
    monkeypatch.setattr(turn, "get_model", lambda: ScriptedModel([{"error": RuntimeError("down")}]))
    assert client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=alice.headers).status_code == 502
    after = scrape(client, metrics_token)

    def grew(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    assert grew("todo_chat_turns_total", outcome="ok") == 3
    assert grew("todo_chat_turns_total", outcome="error") == 1
    assert grew("todo_chat_tool_calls_total", tool="add_task", status="success") == 2
    assert grew("todo_chat_tool_calls_total", tool="complete_task", status="success") == 1
    assert grew("todo_chat_model_errors_total", kind="RuntimeError") == 1
    assert grew("todo_chat_turn_duration_seconds_count") == 4
    assert after[("todo_chat_active_streams", ())] == 0  # none running now
    assert ("todo_chat_db_connections_in_use", ()) in after
    assert ("todo_chat_turn_first_token_seconds_count", ()) in after


def test_first_token_is_timed_on_a_streamed_turn(client, alice, metrics_token):
    before = scrape(client, metrics_token).get(("todo_chat_turn_first_token_seconds_count", ()), 0)
    with client.stream("POST", f"/api/{alice.id}/chat", json={"message": "add a task to read"},
                       headers={**alice.headers, "Accept": "text/event-stream"}) as response:
        assert b"event: done" in response.read()
    assert scrape(client, metrics_token)[("todo_chat_turn_first_token_seconds_count", ())] == before + 1


WORKER = textwrap.dedent("""
    import sys
    from todo_chat.core import metrics
    metrics.TURNS.labels("ok").inc()
    metrics.ACTIVE_STREAMS.inc()
    if sys.argv[1] == "stay":
        print("ready", flush=True)
        sys.stdin.readline()
""")


def test_several_workers_add_up_in_multiprocess_mode(tmp_path, monkeypatch):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", WORKER, "exit"], env=env, check=True, cwd=ROOT)
    staying = subprocess.Popen([sys.executable, "-c", WORKER, "stay"], env=env, cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert staying.stdout.readline().strip() == "ready"
        monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
        text, _content_type = metrics.render()
        seen = samples(text.decode())
        assert seen[("todo_chat_turns_total", (("outcome", "ok"),))] == 2  # both workers' turns
        assert seen[("todo_chat_active_streams", ())] == 1  # the worker that exited no longer counts
    finally:
        staying.communicate("\n", timeout=30)


def test_serve_gives_the_workers_an_empty_metrics_dir(tmp_path):
    stale = tmp_path / "metrics" / "counter_123.db"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    env: dict[str, str] = {}
    folder = serve.metrics_dir(env, tmp_path)
    assert env["PROMETHEUS_MULTIPROC_DIR"] == str(folder) == str(stale.parent) and not stale.exists()
    chosen = tmp_path / "elsewhere"
    assert serve.metrics_dir({"PROMETHEUS_MULTIPROC_DIR": str(chosen)}, tmp_path) == chosen and chosen.is_dir()


def test_json_logs_carry_the_turns_request_id(client, alice, capfd, monkeypatch):
    seen_in_tool: list[str] = []
    create_task = tasks.create_task

    def create_and_log(session, user, data):
        seen_in_tool.append(logs.current_request_id())  # in the tool's worker thread
        logging.getLogger("todo_chat.test").info("creating %s", data.title)
        return create_task(session, user, data)

    monkeypatch.setattr(tasks, "create_task", create_and_log)
    logs.configure_logging("json")
    try:
        logging.getLogger("todo_chat.test").info("outside any request")
        response = client.post(f"/api/{alice.id}/chat", json={"message": "add a task to pay bills"},
                               headers={**alice.headers, "X-Request-ID": "turn-42"})
        assert response.status_code == 200
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if h.get_name() == "todo_chat"]:
            root.removeHandler(handler)
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line.startswith("{")]
    outside = next(line for line in lines if line["message"] == "outside any request")
    assert outside["request_id"] is None and outside["level"] == "info"
    finished = [line for line in lines if line["message"].startswith("turn ok")]
    assert finished and finished[0]["request_id"] == "turn-42"
    assert seen_in_tool == ["turn-42"]
    in_tool = next(line for line in lines if line["message"] == "creating Pay bills")
    assert in_tool["request_id"] == "turn-42" and in_tool["logger"] == "todo_chat.test"
