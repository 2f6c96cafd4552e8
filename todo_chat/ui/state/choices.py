"""Choices the assistant offered (issue 17's `offer_choices` tool), as buttons under its reply.

The tool call's arguments are the prompt, stored like any tool call: `{"question": ...,
"choices": [{"label": ..., "message": ...}]}`. Clicking a choice sends its `message` as the
person's next message. Such a call shows as buttons, never as a badge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from todo_chat.models import ItemRole, Message, ToolCall

OFFER_CHOICES = "offer_choices"
# A bulk deletion's preview asks its question in its result, in the same shape (agent.change_tools).
ASKS_IN_RESULT = {"delete_tasks": "confirmation_needed"}


class _Choice(BaseModel):
    label: str
    message: str


class _Prompt(BaseModel):
    """How the page reads the call's arguments (the shape of `agent.choices.ChoicePrompt`)."""

    question: str = ""
    choices: list[_Choice]


@dataclass
class ChoiceView:
    label: str
    message: str


def offered(name: str, arguments: dict[str, Any], result: Any = None) -> tuple[str, list[ChoiceView]] | None:
    """(question, choices) of an `offer_choices` call, or of a bulk deletion's preview (its
    `result`, a dict or JSON text); None for any other call or a malformed one."""
    if name in ASKS_IN_RESULT:
        if isinstance(result, str):
            try:
                result = json.loads(result)
            except ValueError:
                return None
        if not isinstance(result, dict) or result.get("status") != ASKS_IN_RESULT[name]:
            return None
        arguments = result
    elif name != OFFER_CHOICES:
        return None
    try:
        prompt = _Prompt.model_validate(arguments)
    except ValidationError:
        return None
    choices = [ChoiceView(c.label.strip(), c.message.strip()) for c in prompt.choices
               if c.label.strip() and c.message.strip()]
    return (prompt.question, choices) if choices else None


def last_choices(messages: list[Message], calls: list[ToolCall]) -> tuple[str, list[ChoiceView]]:
    """Choices offered in the answer that ends the conversation (none once it moved on)."""
    if len(messages) < 2 or messages[-1].role != ItemRole.assistant:
        return "", []
    asked = next((m for m in reversed(messages) if m.role == ItemRole.user), None)
    for call in reversed(calls):
        if asked is not None and call.message_id == asked.id \
                and (found := offered(call.name, call.arguments, call.result)):
            return found
    return "", []
