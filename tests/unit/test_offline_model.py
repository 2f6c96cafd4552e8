"""The offline model through the real agent loop, non-streamed (`get_response`) and streamed."""

import json
from datetime import date

from agents import Agent, Runner, function_tool
from agents.stream_events import RawResponsesStreamEvent

from todo_chat.agent.offline_model import OfflineModel

calls = []
TASKS = [{"id": 1, "title": "Team meeting", "completed": False},
         {"id": 2, "title": "Meeting notes", "completed": False},
         {"id": 3, "title": "Pay rent", "completed": True}]


@function_tool
def add_task(title: str, description: str = "", priority: str | None = None, due_date: str | None = None) -> str:
    """Record the call and answer like the real tool."""
    calls.append({"title": title, "priority": priority, "due_date": due_date})
    return json.dumps({"task_id": 7, "status": "created", "title": title, "priority": priority,
                       "due_date": due_date})


@function_tool
def list_tasks(status: str = "all") -> str:
    """Answer like the real tool, from a fixed list."""
    calls.append({"list": status})
    return json.dumps({"status": status, "count": len(TASKS), "tasks": TASKS})


@function_tool
def delete_task(task_id: int) -> str:
    """Record the call."""
    calls.append({"delete": task_id})
    title = next(t["title"] for t in TASKS if t["id"] == task_id)
    return json.dumps({"task_id": task_id, "status": "deleted", "title": title})


@function_tool
def reopen_task(task_id: int) -> str:
    """Record the call."""
    calls.append({"reopen": task_id})
    return json.dumps({"task_id": task_id, "status": "reopened", "title": "Pay rent"})


def agent(chunk_delay: float = 0.0):
    return Agent(name="t", model=OfflineModel(chunk_delay=chunk_delay, today=date(2026, 11, 24)),
                 tools=[add_task, list_tasks, delete_task, reopen_task])


async def test_get_response_path_makes_the_tool_call_and_answers():
    calls.clear()
    result = await Runner.run(agent(), "Add a task to buy groceries tomorrow, high priority")
    assert calls == [{"title": "Buy groceries", "priority": "high", "due_date": "2026-11-25"}]
    assert result.final_output == "Added **Buy groceries** (#7, high priority, due Wed Nov 25) to your list."


async def text_deltas(result) -> list[str]:
    return [e.data.delta async for e in result.stream_events()
            if isinstance(e, RawResponsesStreamEvent) and e.data.type == "response.output_text.delta"]


async def test_stream_response_path_streams_the_same_answer_at_once():
    calls.clear()
    result = Runner.run_streamed(agent(), "remind me to pay bills")
    deltas = await text_deltas(result)
    assert len(deltas) == 1 and deltas[0] == result.final_output
    assert calls[0]["title"] == "Pay bills" and calls[0]["priority"] == "medium"


async def test_a_typing_pace_streams_the_answer_word_by_word():
    calls.clear()
    result = Runner.run_streamed(agent(chunk_delay=0.001), "remind me to pay bills")
    deltas = await text_deltas(result)
    assert len(deltas) > 3 and "".join(deltas) == result.final_output


async def test_by_title_it_lists_first_and_asks_when_several_match():
    calls.clear()
    result = await Runner.run(agent(), "delete the meeting task")
    assert calls == [{"list": "all"}]
    # An agent without offer_choices gets the choices as numbered text only.
    assert "Which one should I delete?" in result.final_output and "1. Team meeting (#1)" in result.final_output


async def test_the_answer_to_which_one_comes_from_the_offered_choices():
    calls.clear()
    offer = {"question": "Which one should I delete?",
             "choices": [{"label": "Team meeting (#1)", "message": "delete task 1"},
                         {"label": "Meeting notes (#2)", "message": "delete task 2"}]}
    history = [{"role": "user", "content": "delete the meeting task"},
               {"type": "function_call", "call_id": "c1", "name": "offer_choices", "arguments": json.dumps(offer)},
               {"type": "function_call_output", "call_id": "c1", "output": json.dumps(offer)},
               {"role": "assistant", "content": "Pick one"},
               {"role": "user", "content": "the notes one"}]
    result = await Runner.run(agent(), history)
    assert calls == [{"delete": 2}] and "Deleted **Meeting notes** (#2)" in result.final_output


async def test_it_means_the_task_the_last_answer_named():
    calls.clear()
    history = [{"role": "user", "content": "show my done tasks"},
               {"role": "assistant", "content": "You've completed 1 task:\n- #3 Pay rent"},
               {"role": "user", "content": "oh wait, that isn't done after all"}]
    result = await Runner.run(agent(), history)
    assert calls == [{"reopen": 3}] and "Reopened **Pay rent** (#3)" in result.final_output
