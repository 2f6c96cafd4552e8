"""AGENT_TOOLS=mcp: our own agent calls the task tools through our MCP server, with the same result."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.mcp.conftest import Person, Server

SCRIPT = ["Add a task to buy groceries tomorrow, high priority", "Add a task to call mom",
          "Show me all my tasks", "Mark task 1 as complete", "What's pending?", "Delete task 99",
          "Rename task 2 to call mom and dad", "Delete the groceries task"]


@pytest.fixture(scope="module")
def servers(tmp_path_factory, migrated_template):
    """Two fresh servers (the same task ids on both): the tools in process, and over MCP."""
    started = {mode: Server(tmp_path_factory.mktemp(f"agent-{mode}"), migrated_template, AGENT_TOOLS=mode)
               for mode in ("process", "mcp")}
    yield started
    for srv in started.values():
        srv.stop()


def _mcp_requests(srv: Server) -> int:
    return sum('"POST /mcp HTTP/1.1" 200' in line for line in srv.log.read_text().splitlines())


def _play(srv: Server) -> tuple[list[tuple], list[dict], list[tuple]]:
    person = Person(srv.base, f"same-{time.time_ns()}@example.com")
    turns, conversation_id = [], None
    for message in SCRIPT:
        body = {"message": message, **({"conversation_id": conversation_id} if conversation_id else {})}
        answer = httpx.post(f"{srv.base}/api/{person.id}/chat", json=body, headers=person.headers, timeout=60).json()
        conversation_id = answer["conversation_id"]
        turns.append((answer["response"], [(c["name"], c["arguments"], c["status"], c["result"])
                                           for c in answer["tool_calls"]]))
    saved = httpx.get(f"{srv.base}/api/conversations/{conversation_id}", headers=person.headers).json()
    badges = [(m["role"], m["content"], [(c["name"], c["arguments"], c["status"], c["result"])
                                         for c in m["tool_calls"]]) for m in saved["messages"]]
    return turns, person.tasks(), badges


def test_a_chat_over_mcp_gives_the_same_answers_changes_and_badges_as_in_process(servers):
    in_process, over_mcp = _play(servers["process"]), _play(servers["mcp"])
    assert _mcp_requests(servers["process"]) == 0
    assert _mcp_requests(servers["mcp"]) >= 2 * len(SCRIPT)  # connect and call, every turn
    turns, tasks, badges = over_mcp
    assert turns == in_process[0]
    assert [(t["title"], t["completed"], t["priority"]) for t in tasks] == \
        [(t["title"], t["completed"], t["priority"]) for t in in_process[1]]
    assert badges == in_process[2]
    saved_calls = [call for _, _, calls in badges for call in calls]  # filed under their turns, as in process
    assert ("delete_task", {"task_id": 99}, "error", '{"error": "Task 99 not found"}') in saved_calls
    assert len(saved_calls) == sum(len(calls) for _, calls in turns)
    assert any(call[0] == "update_task" and call[2] == "success" for _, calls in turns for call in calls)
