"""The offline model through the real agent loop, non-streamed (`get_response`) and streamed."""

import json
from datetime import date

from agents import Agent, Runner, function_tool
from agents.stream_events import RawResponsesStreamEvent

from todo_chat.agent.offline_model import OfflineModel

calls = []


@function_tool
def add_task(title: str, description: str = "", priority: str | None = None, due_date: str | None = None) -> str:
    """Record the call and answer like the real tool."""
    calls.append({"title": title, "priority": priority, "due_date": due_date})
    return json.dumps({"task_id": 7, "status": "created", "title": title, "priority": priority})


def agent():
    return Agent(name="t", model=OfflineModel(today=date(2026, 11, 24)), tools=[add_task])


async def test_get_response_path_makes_the_tool_call_and_answers():
    calls.clear()
    result = await Runner.run(agent(), "Add a task to buy groceries tomorrow, high priority")
    assert calls == [{"title": "Buy groceries", "priority": "high", "due_date": "2026-11-25"}]
    assert result.final_output == "Added **Buy groceries** to your list (task #7, high priority)."


async def test_stream_response_path_streams_the_same_answer_in_pieces():
    calls.clear()
    result = Runner.run_streamed(agent(), "remind me to pay bills")
    deltas = [e.data.delta async for e in result.stream_events()
              if isinstance(e, RawResponsesStreamEvent) and e.data.type == "response.output_text.delta"]
    assert len(deltas) > 3 and "".join(deltas) == result.final_output
    assert calls[0]["title"] == "Pay bills"
