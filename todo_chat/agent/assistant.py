"""The agent, defined in one place."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from agents import Agent, Model, ModelSettings

from todo_chat.agent.change_tools import CHANGE_TOOLS
from todo_chat.agent.choices import offer_choices
from todo_chat.agent.context import TodoContext
from todo_chat.agent.tools import IN_PROCESS, ToolSet

INSTRUCTIONS = """You are todo-chat, a friendly assistant that manages the user's todo list.
Use the tools for every change and every question about tasks; never invent task ids or results.
To act on a task named by words rather than a number, call list_tasks first and pick the match;
if several tasks match, ask which one. When a request is plausible but not certain, call
offer_choices with 2-6 choices (each a short label and the exact command to run if picked).
To delete several tasks at once use delete_tasks, which asks first; "undo" means undo_last_turn.
Relay tool errors plainly. Keep answers short; use markdown lists for several tasks. Today is {today}."""


def build_agent(model: Model | str, max_tokens: int | None = None,
                tools: ToolSet = IN_PROCESS) -> Agent[TodoContext]:
    """The agent for today (the instructions name the date). Built once per model and day:
    an agent is a plain definition, shared read-only by every run.

    `max_tokens` caps each reply (MODEL_MAX_OUTPUT_TOKENS): a server's context window must
    hold the history plus the longest answer, and an unbounded one could fill it for good.
    The offline model ignores it. `tools`: the task tools as the turn's door describes them
    (AGENT_TOOLS=mcp: as our MCP server lists them)."""
    return _agent(model, date.today(), max_tokens, tools)


@lru_cache(maxsize=16)
def _agent(model: Model | str, today: date, max_tokens: int | None, tools: ToolSet) -> Agent[TodoContext]:
    return Agent[TodoContext](
        name="todo-chat",
        instructions=INSTRUCTIONS.format(today=today.isoformat()),
        model=model,
        model_settings=ModelSettings(max_tokens=max_tokens),
        # offer_choices changes no data: every door's agent has it beside the task tools. The
        # change tools (bulk delete, undo) run in this process, where the conversation is known.
        tools=[*tools.tools, offer_choices, *CHANGE_TOOLS],
    )
