"""The MCP server at /mcp, driven by the MCP SDK's own client against a real server process."""

from __future__ import annotations

import json

import httpx
import pytest
from mcp.shared.exceptions import MCPError

from tests.mcp.conftest import Person, mcp_client, text
from todo_chat.agent.tools import DEFINITIONS, TASK_TOOLS
from todo_chat.mcp.server import READ_ONLY


async def test_lists_the_same_tools_the_agent_has(server, person):
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:
        listed = (await mcp.list_tools()).tools
    assert [(t.name, t.description, t.input_schema) for t in listed] == \
        [(t.name, t.description, t.params_json_schema) for t in TASK_TOOLS]
    assert [t.name for t in listed] == [d.name for d in DEFINITIONS]
    add = next(t for t in listed if t.name == "add_task")
    assert add.input_schema["required"] == ["title"]
    assert add.input_schema["properties"]["priority"]["enum"] == ["low", "medium", "high"]
    assert next(t for t in listed if t.name == "list_tasks").annotations.read_only_hint is True


async def test_each_tool_changes_what_rest_shows(server, person):
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:
        added = await mcp.call_tool("add_task", {"title": "Buy milk", "priority": "High", "tags": '["shop"]',
                                                 "due_date": "2030-01-02"})
        assert not added.is_error, text(added)
        task_id = json.loads(text(added))["task_id"]
        [shown] = person.tasks()
        assert (shown["title"], shown["priority"], shown["tags"]) == ("Buy milk", "high", ["shop"])

        listed = json.loads(text(await mcp.call_tool("list_tasks", {"status": "pending"})))
        assert listed["count"] == 1 and listed["tasks"][0]["id"] == task_id

        updated = await mcp.call_tool("update_task", {"task_id": str(task_id), "title": "Buy oat milk",
                                                      "due_date": ""})
        assert json.loads(text(updated))["changed"] == ["due_at", "title"]
        assert person.tasks()[0]["title"] == "Buy oat milk" and person.tasks()[0]["due_at"] is None

        assert json.loads(text(await mcp.call_tool("complete_task", {"task_id": task_id})))["status"] == "completed"
        assert person.tasks()[0]["completed"] is True
        assert json.loads(text(await mcp.call_tool("reopen_task", {"task_id": f"#{task_id}"})))["status"] == "reopened"
        assert person.tasks()[0]["completed"] is False

        deleted = await mcp.call_tool("delete_task", {"task_id": task_id})
        assert json.loads(text(deleted)) == {"task_id": task_id, "status": "deleted", "title": "Buy oat milk"}
        assert person.tasks() == []


@pytest.mark.parametrize(("name", "arguments", "message"), [
    ("add_task", {}, "Invalid arguments for add_task: title: Field required"),
    ("add_task", {"title": "x", "colour": "red"}, "colour: Extra inputs are not permitted"),
    ("add_task", {"title": "x", "priority": "urgent"}, "priority: Input should be 'low', 'medium' or 'high'"),
    ("add_task", {"title": "x", "due_date": "next tuesday"}, "Dates go as YYYY-MM-DD"),
    ("complete_task", {"task_id": "the first one"}, "task_id: Input should be a valid integer"),
    ("delete_task", {"task_id": 2**63}, "task_id: Value error, no task has this id"),
    ("update_task", {"task_id": 1}, "Nothing to update"),
])
async def test_bad_arguments_are_tool_errors_not_crashes(server, person, name, arguments, message):
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:
        if name == "update_task":
            await mcp.call_tool("add_task", {"title": "one"})
            arguments = {"task_id": person.tasks()[0]["id"]}
        result = await mcp.call_tool(name, arguments)
        assert result.is_error
        assert message in json.loads(text(result))["error"]
        assert not (await mcp.call_tool("list_tasks", {})).is_error  # the server carries on


async def test_unknown_tool_is_an_error(server, person):
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:
        try:
            result = await mcp.call_tool("drop_database", {})
        except MCPError as exc:
            assert "drop_database" in str(exc)
        else:
            assert result.is_error and "drop_database" in text(result)


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}
ACCEPT = {"Accept": "application/json, text/event-stream"}


def _mcp_errors(exc: BaseException) -> list[MCPError]:
    """The MCPErrors in what the SDK's client raised (from its task groups)."""
    if isinstance(exc, MCPError):
        return [exc]
    return [found for inner in getattr(exc, "exceptions", ()) for found in _mcp_errors(inner)]


async def _refused(server, token: str | None) -> int:
    """The MCP client fails to connect, and the HTTP status the server answered with."""
    try:
        async with mcp_client(server.base + "/mcp", token) as mcp:
            await mcp.list_tools()
    except Exception as exc:  # noqa: BLE001 (the client raises a group around its MCPError)
        assert _mcp_errors(exc), exc
    else:
        raise AssertionError("the client connected")
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(server.base + "/mcp", json=INITIALIZE, headers={**ACCEPT, **auth}).status_code


async def test_missing_forged_revoked_and_login_tokens_are_refused(server, person):
    token = person.token()
    assert await _refused(server, None) == 401
    assert await _refused(server, "tc_pat_" + "x" * 43) == 401
    assert await _refused(server, person.headers["Authorization"].removeprefix("Bearer ")) == 401  # a login JWT
    async with mcp_client(server.base + "/mcp", token["token"]) as mcp:
        assert not (await mcp.call_tool("list_tasks", {})).is_error
    assert httpx.delete(f"{server.base}/api/tokens/{token['id']}", headers=person.headers).status_code == 204
    assert await _refused(server, token["token"]) == 401
    answer = httpx.post(server.base + "/mcp", json=INITIALIZE,
                        headers={**ACCEPT, "Authorization": f"Bearer {token['token']}"})
    assert answer.status_code == 401 and answer.headers["www-authenticate"].startswith("Bearer")


async def test_a_read_only_token_lists_and_nothing_else(server, person):
    async with mcp_client(server.base + "/mcp", person.token("write")["token"]) as mcp:
        await mcp.call_tool("add_task", {"title": "Keep me"})
    task_id = person.tasks()[0]["id"]
    async with mcp_client(server.base + "/mcp", person.token("read")["token"]) as mcp:
        # It is shown only what its scope allows; a changing tool called all the same is refused.
        assert [t.name for t in (await mcp.list_tools()).tools] == ["list_tasks"]
        assert json.loads(text(await mcp.call_tool("list_tasks", {})))["count"] == 1
        for name, arguments in (("add_task", {"title": "x"}), ("delete_task", {"task_id": task_id}),
                                ("complete_task", {"task_id": task_id}), ("reopen_task", {"task_id": task_id}),
                                ("update_task", {"task_id": task_id, "title": "y"})):
            result = await mcp.call_tool(name, arguments)
            assert result.is_error and json.loads(text(result)) == {"error": READ_ONLY}
    assert [(t["title"], t["completed"]) for t in person.tasks()] == [("Keep me", False)]


async def test_one_users_token_cannot_read_or_change_anothers_tasks(server, person):
    ann = Person(server.base, f"ann-{person.id}@example.com")
    async with mcp_client(server.base + "/mcp", ann.token()["token"]) as mcp:
        await mcp.call_tool("add_task", {"title": "Ann's secret"})
    ann_task = ann.tasks()[0]["id"]
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:
        assert json.loads(text(await mcp.call_tool("list_tasks", {})))["tasks"] == []
        assert json.loads(text(await mcp.call_tool("list_tasks", {"query": "secret"})))["count"] == 0
        for name, arguments in (("complete_task", {"task_id": ann_task}), ("delete_task", {"task_id": ann_task}),
                                ("update_task", {"task_id": ann_task, "title": "mine now"})):
            result = await mcp.call_tool(name, arguments)
            assert result.is_error and json.loads(text(result)) == {"error": f"Task {ann_task} not found"}
    assert [(t["title"], t["completed"]) for t in ann.tasks()] == [("Ann's secret", False)]
    assert httpx.delete(f"{server.base}/api/tokens/{ann.token()['id']}", headers=person.headers).status_code == 404


async def test_tool_calls_are_rate_limited_per_user(server, person):
    """MCP_CALLS_PER_MINUTE=40 on this server: the 41st call in a minute is a tool error."""
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:
        for _ in range(40):
            assert not (await mcp.call_tool("list_tasks", {})).is_error
        limited = await mcp.call_tool("list_tasks", {})
    assert limited.is_error and "Too many tool calls" in json.loads(text(limited))["error"]
    async with mcp_client(server.base + "/mcp", person.token()["token"]) as mcp:  # per user, not per token
        assert (await mcp.call_tool("add_task", {"title": "x"})).is_error


def test_hosts_outside_the_allowed_list_are_refused(server, person):
    headers = {**ACCEPT, "Authorization": f"Bearer {person.token()['token']}"}
    assert httpx.post(server.base + "/mcp", json=INITIALIZE, headers=headers).status_code == 200
    assert httpx.post(server.base + "/mcp", json=INITIALIZE,
                      headers={**headers, "Host": "evil.example"}).status_code == 421
    assert httpx.post(server.base + "/mcp", json=INITIALIZE,
                      headers={**headers, "Origin": "https://evil.example"}).status_code == 403
