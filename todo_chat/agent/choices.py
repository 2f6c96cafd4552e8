"""One-click answers: the model proposes a reading it is not sure of, with choices.

The shared interface between the agent and every door:
- `Choice(label, message)`: `label` is the button text; `message` the unambiguous command sent
  as the user's next message when the choice is picked (e.g. label "Add “oat milk”", message
  'add a task called "oat milk"').
- `ChoicePrompt(question, choices)`: 2..6 choices.
- the function tool `offer_choices(question, choices)` changes no data and returns the prompt
  as JSON. Its saved ToolCall row (name `offer_choices`, arguments = the prompt) is the typed
  dialogue state: doors render buttons from it, and the offline model reads it back on the next
  turn (never from the reply's prose).
"""

from __future__ import annotations

from typing import Any

from agents import FunctionTool
from agents.tool_context import ToolContext
from pydantic import BaseModel, Field, ValidationError

from todo_chat.agent.context import TodoContext, parse_arguments
from todo_chat.agent.tool_args import Arguments, compact_schema
from todo_chat.agent.tools import TaskTool, perform, turn_record
from todo_chat.core.db import run_db
from todo_chat.services.dialogue import CHOICES_TOOL

OFFER_CHOICES = CHOICES_TOOL
MIN_CHOICES, MAX_CHOICES = 2, 6
MESSAGE_MAX = 500      # characters of the message a choice sends


class Choice(BaseModel):
    label: str = Field(min_length=1, max_length=120, description="button text")
    message: str = Field(min_length=1, max_length=MESSAGE_MAX,
                         description="the exact command sent if picked")


class ChoicePrompt(Arguments):
    question: str = Field(min_length=1, max_length=500, description='e.g. "Add “oat milk” to your list?"')
    choices: list[Choice] = Field(min_length=MIN_CHOICES, max_length=MAX_CHOICES)


def prompt_of(arguments: dict[str, Any] | None) -> ChoicePrompt | None:
    """The prompt an `offer_choices` call carried, or None when its arguments do not fit."""
    try:
        return ChoicePrompt.model_validate(arguments or {})
    except ValidationError:
        return None


def as_text(prompt: ChoicePrompt) -> str:
    """The plain numbered text for doors without buttons (the JSON API)."""
    lines = [prompt.question, *(f"{n}. {c.label}" for n, c in enumerate(prompt.choices, start=1))]
    return "\n".join(lines)


OFFER_TOOL = TaskTool(
    name=OFFER_CHOICES,
    description="Ask the user to pick one reading of a plausible but uncertain request. Changes nothing.",
    arguments=ChoicePrompt, work=lambda session, user, prompt: prompt.model_dump(), writes=False)


async def _offer(ctx: ToolContext[TodoContext], raw_arguments: str) -> str:
    """Always in process (it changes nothing), filed with the turn like every call, so the next
    turn and the doors read the prompt from the saved call."""
    turn = ctx.context
    call_id = turn.own_call_id(ctx.tool_call_id, "ran")  # ours, like every tool call's
    earlier = turn.take_earlier(ctx.tool_name, parse_arguments(raw_arguments))
    if earlier is not None:
        turn.outcomes[call_id] = earlier.status
        return earlier.result
    record = turn_record(turn, call_id)
    status, output = await run_db(perform, turn.user, OFFER_TOOL, raw_arguments, record)
    turn.outcomes[call_id] = status
    return output


offer_choices = FunctionTool(name=OFFER_CHOICES, description=OFFER_TOOL.description,
                             params_json_schema=compact_schema(ChoicePrompt), on_invoke_tool=_offer,
                             strict_json_schema=False)
