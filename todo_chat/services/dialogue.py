"""The dialogue state a turn reads back: the choices the model's last answer offered, as data."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from todo_chat.models import ItemRole, Message, ToolCall, ToolCallStatus, User

# The tool whose saved call is the dialogue state of a question the model asked (agent.choices).
CHOICES_TOOL = "offer_choices"
# A bulk deletion's preview asks its question in its result (agent.change_tools): dialogue state too.
ASKING_TOOLS = (CHOICES_TOOL, "delete_tasks")


def with_offered_choices(session: Session, user: User, rows: list[Message],
                          items: list[dict[str, str]]) -> list[dict[str, str]]:
    """The choices the last answer offered, as the call and output the model made, before that
    answer: the next turn reads what was offered as data, never from the reply's prose."""
    if len(rows) < 2 or rows[-1].role != ItemRole.assistant or not rows[-1].content \
            or rows[-2].role != ItemRole.user:
        return items
    calls = session.exec(select(ToolCall).where(
        ToolCall.message_id == rows[-2].id, ToolCall.user_id == user.id, col(ToolCall.name).in_(ASKING_TOOLS),
        ToolCall.status == ToolCallStatus.success).order_by(col(ToolCall.id))).all()
    pairs = [item for call in calls for item in (
        {"type": "function_call", "call_id": call.call_id, "name": call.name,
         "arguments": json.dumps(call.arguments, ensure_ascii=False)},
        {"type": "function_call_output", "call_id": call.call_id, "output": call.result})]
    return [*items[:-1], *pairs, items[-1]] if pairs and items else items
