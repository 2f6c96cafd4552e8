"""The agent, defined in one place."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from agents import Agent, Model

from todo_chat.agent.context import TodoContext
from todo_chat.agent.tools import TASK_TOOLS

INSTRUCTIONS = """You are todo-chat, a friendly assistant that manages the user's todo list.
Use the tools for every change and every question about tasks; never invent task ids or results.
To act on a task named by words rather than a number, call list_tasks first and pick the match;
if several tasks match, ask which one. Relay tool errors plainly. Keep answers short; use
markdown lists for several tasks. Today is {today}."""


def build_agent(model: Model | str) -> Agent[TodoContext]:
    """The agent for today (the instructions name the date). Built once per model and day:
    an agent is a plain definition, shared read-only by every run."""
    return _agent(model, date.today())


@lru_cache(maxsize=16)
def _agent(model: Model | str, today: date) -> Agent[TodoContext]:
    return Agent[TodoContext](
        name="todo-chat",
        instructions=INSTRUCTIONS.format(today=today.isoformat()),
        model=model,
        tools=list(TASK_TOOLS),
    )
