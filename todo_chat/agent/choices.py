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

from agents import function_tool
from agents.tool_context import ToolContext
from pydantic import BaseModel, Field, ValidationError
from sqlmodel import Session

from todo_chat.agent.context import TodoContext
from todo_chat.models import User
from todo_chat.services.conversations import CHOICES_TOOL

OFFER_CHOICES = CHOICES_TOOL
MIN_CHOICES, MAX_CHOICES = 2, 6


class Choice(BaseModel):
    label: str = Field(min_length=1, max_length=120, description="The button's text.")
    message: str = Field(min_length=1, max_length=500,
                         description="The unambiguous command sent as the user's message when chosen.")


class ChoicePrompt(BaseModel):
    question: str = Field(min_length=1, max_length=500)
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


@function_tool
async def offer_choices(ctx: ToolContext[TodoContext], question: str, choices: list[Choice]) -> str:
    """Ask the user to pick one reading when a request is plausible but not certain. Changes no data.

    Args:
        question: The question shown above the choices, e.g. "Add “oat milk” to your list?".
        choices: 2 to 6 choices; each has a short button `label` and the exact command `message`
            to act on when it is picked (e.g. 'add a task called "oat milk"').
    """
    # A late import: tools.py imports the services; choices.py is imported by the offline model too.
    from todo_chat.agent.tools import run_tool

    def work(session: Session, user: User) -> dict[str, Any]:
        return ChoicePrompt(question=question, choices=choices).model_dump()  # too few or many: an error

    return await run_tool(ctx, work)
