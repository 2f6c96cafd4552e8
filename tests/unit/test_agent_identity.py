"""agent.agent_identity: the SDK's agent identity map without signatures when names are unique."""

from __future__ import annotations

import asyncio
import json

import pytest
from agents import Agent, RunConfig, Runner, function_tool
from agents import _run_state_agent_identity as identity
from agents.run_internal import tool_use_tracker

from todo_chat.agent import agent_identity, providers
from todo_chat.agent.assistant import build_agent
from todo_chat.agent.offline.model import OfflineModel
from todo_chat.core.config import get_settings


@function_tool
def add_task(title: str, description: str = "", priority: str | None = None, due_date: str | None = None) -> str:
    """Add a task to the user's todo list.

    Args:
        title: Short title of the task.
        description: Optional details.
        priority: low, medium or high.
        due_date: Optional due date, YYYY-MM-DD.
    """
    return json.dumps({"task_id": 1, "status": "created", "title": title, "priority": priority or "medium",
                       "completed": False})


def test_the_map_is_the_sdks_for_unique_and_for_shared_names():
    ours = build_agent(OfflineModel())
    twin = Agent(name="helper", instructions="b")
    shared = Agent(name="helper", instructions="a", handoffs=[twin])
    other = Agent(name="root", handoffs=[shared, Agent(name="solo")])
    for agent in (ours, shared, other):
        assert list(agent_identity._build_agent_identity_map(agent).items()) \
            == list(agent_identity._original(agent).items())
    assert set(agent_identity._build_agent_identity_map(shared)) == {"helper", "helper#2"}


@pytest.mark.parametrize("stream", [False, True])
def test_a_run_of_our_agent_signs_no_agent(monkeypatch, stream):
    providers._offline_model.cache_clear()
    providers.get_model(get_settings().model_copy(update={"openai_base_url": "", "openai_api_key": ""}))
    assert tool_use_tracker._build_agent_identity_map is agent_identity._build_agent_identity_map
    signed: list[str] = []
    original = identity._agent_identity_signature

    def signature(agent: Agent) -> str:
        signed.append(agent.name)
        return original(agent)

    monkeypatch.setattr(identity, "_agent_identity_signature", signature)
    real = build_agent(OfflineModel())
    agent = real.clone(tools=[add_task if tool.name == "add_task" else tool for tool in real.tools])

    async def run() -> str:
        config = RunConfig(tracing_disabled=True)
        if not stream:
            return str((await Runner.run(agent, "Add a task to buy milk", run_config=config)).final_output)
        result = Runner.run_streamed(agent, "Add a task to buy milk", run_config=config)
        async for _event in result.stream_events():
            pass
        return str(result.final_output)

    assert asyncio.run(run()).startswith("Added")
    assert signed == []
