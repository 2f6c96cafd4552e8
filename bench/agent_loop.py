"""The floor under a chat turn: openai-agents' own run loop, measured alone (part of `bench/load.py`).

The same agent definition (instructions, the six tool schemas) and the same offline model as a
real turn, run in this process for "Add a task to buy milk": two model steps and one `add_task`
call. The tool is a stand-in returning what the real one returns, so nothing here touches a
database, HTTP or Reflex. JSON turns run `Runner.run` and SSE turns `Runner.run_streamed`, the
way the chat endpoint does, alternating like the server benchmark's sequential turns.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time

from agents import Agent, RunConfig, Runner, RunResult, RunResultStreaming, function_tool

from todo_chat.agent.assistant import build_agent
from todo_chat.agent.offline.model import OfflineModel


@function_tool
def add_task(title: str, description: str = "", priority: str | None = None,
             due_date: str | None = None) -> str:
    """Add a task to the user's todo list.

    Args:
        title: Short title of the task.
        description: Optional details.
        priority: low, medium or high.
        due_date: Optional due date, YYYY-MM-DD.
    """
    return json.dumps({"task_id": 1, "status": "created", "title": title, "priority": priority or "medium",
                       "completed": False})


def _agent() -> Agent:
    real = build_agent(OfflineModel())
    return real.clone(tools=[add_task if tool.name == "add_task" else tool for tool in real.tools])


async def _turn(agent: Agent, text: str, stream: bool) -> None:
    config = RunConfig(tracing_disabled=True)
    result: RunResult | RunResultStreaming
    if stream:
        result = Runner.run_streamed(agent, text, max_turns=12, run_config=config)
        async for _event in result.stream_events():
            pass
    else:
        result = await Runner.run(agent, text, max_turns=12, run_config=config)
    assert str(result.final_output).startswith("Added"), result.final_output


async def _measure(n: int) -> tuple[float, float]:
    agent, samples = _agent(), []
    for i in range(20):  # warm up
        await _turn(agent, f"Add a task to buy warm-up {i}", i % 2 == 1)
    cpu = time.process_time()
    for i in range(n):
        started = time.perf_counter()
        await _turn(agent, f"Add a task to buy milk {i}", i % 2 == 1)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), (time.process_time() - cpu) / n * 1000


def agent_loop(n: int = 200) -> dict[str, float]:
    """p50 and CPU per turn (ms) of the agent loop alone."""
    p50, cpu = asyncio.run(_measure(n))
    return {"seq_p50_ms": p50, "cpu_per_turn_ms": cpu}


if __name__ == "__main__":
    print(agent_loop())
