"""One stateless chat turn: save the user's message, load history, run the agent, save the reply.

Nothing lives in memory between turns: the database is the conversation. Every door (the Phase III
endpoint, the Reflex UI) consumes the same typed event stream.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal, Union

from agents import Model, Runner
from agents.stream_events import RawResponsesStreamEvent, RunItemStreamEvent
from openai.types.responses import ResponseTextDeltaEvent
from pydantic import BaseModel, Field

from todo_chat.agent.assistant import build_agent
from todo_chat.agent.context import TodoContext
from todo_chat.agent.providers import get_model
from todo_chat.agent.recorder import ToolCallRecorder, parse_arguments
from todo_chat.agent.tools import tool_status
from todo_chat.core.db import session_scope
from todo_chat.models import Conversation, Message, User
from todo_chat.services import conversations
from todo_chat.services.errors import Invalid
from todo_chat.services.ratelimit import check_chat_turn

log = logging.getLogger(__name__)
MESSAGE_MAX = 4000


class TurnStarted(BaseModel):
    type: Literal["start"] = "start"
    conversation_id: int
    thread_id: str
    message_id: int


class TextDelta(BaseModel):
    type: Literal["delta"] = "delta"
    delta: str


class ToolCallEvent(BaseModel):
    type: Literal["tool_call_started", "tool_call_finished"]
    call_id: str
    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    status: Literal["pending", "success", "error"] = "pending"
    result: Any = None


class TurnDone(BaseModel):
    type: Literal["done"] = "done"
    conversation_id: int
    message_id: int
    response: str
    tool_calls: list[ToolCallEvent]


class TurnFailed(BaseModel):
    type: Literal["error"] = "error"
    conversation_id: int
    message: str
    retryable: bool = True


TurnEvent = Annotated[Union[TurnStarted, TextDelta, ToolCallEvent, TurnDone, TurnFailed],
                      Field(discriminator="type")]


def _result(output: Any) -> Any:
    try:
        return json.loads(output) if isinstance(output, str) else output
    except ValueError:
        return output


def begin_turn(user: User, text: str | None, conversation_id: int | None = None,
               retry: bool = False) -> tuple[Conversation, Message]:
    """Find or start the conversation and save the user's message before any model runs.

    `retry` (or sending the very text that is still unanswered) re-runs the last unanswered
    message instead of saving it twice.
    """
    text = (text or "").strip()
    if not retry and not text:
        raise Invalid("Message must not be empty")
    if len(text) > MESSAGE_MAX:
        raise Invalid(f"Message must be at most {MESSAGE_MAX} characters")
    check_chat_turn(user)
    with session_scope() as session:
        if conversation_id is None:
            if retry:
                raise Invalid("Nothing to retry: give the conversation_id")
            conversation = conversations.create_conversation(session, user)
        else:
            conversation = conversations.get_conversation(session, user, conversation_id)
        pending = conversations.unanswered_user_message(session, user, conversation.id)
        if retry and pending is None:
            raise Invalid("Nothing to retry: the last message already has a reply")
        if pending is not None and (retry or pending.content == text):
            return conversation, pending
        return conversation, conversations.add_message(session, user, conversation, "user", text)


async def run_turn(user: User, conversation: Conversation, message: Message,
                   model: Model | None = None) -> AsyncIterator[BaseModel]:
    """Run the agent on a saved user message; yield TurnStarted ... TurnDone | TurnFailed."""
    yield TurnStarted(conversation_id=conversation.id, thread_id=conversation.thread_id,
                      message_id=message.id)
    with session_scope() as session:
        history = conversations.history(session, user, conversation.id, before_id=message.id)
    context = TodoContext(user=user, conversation_id=conversation.id, message_id=message.id)
    calls: dict[str, ToolCallEvent] = {}
    result = None
    try:
        result = Runner.run_streamed(
            build_agent(model or get_model()),
            input=[*history, {"role": "user", "content": message.content}],
            context=context, hooks=ToolCallRecorder(), max_turns=12,
        )
        async for event in result.stream_events():
            if isinstance(event, RawResponsesStreamEvent) and isinstance(event.data, ResponseTextDeltaEvent):
                yield TextDelta(delta=event.data.delta)
            elif isinstance(event, RunItemStreamEvent) and event.name == "tool_called":
                raw = event.item.raw_item
                call = ToolCallEvent(type="tool_call_started", call_id=raw.call_id, name=raw.name,
                                     arguments=parse_arguments(raw.arguments))
                calls[call.call_id] = call
                yield call
            elif isinstance(event, RunItemStreamEvent) and event.name == "tool_output":
                started = calls.get(event.item.raw_item["call_id"])
                if started is None:
                    continue
                done = started.model_copy(update={"type": "tool_call_finished",
                                                  "status": tool_status(event.item.output),
                                                  "result": _result(event.item.output)})
                calls[done.call_id] = done
                yield done
        reply = str(result.final_output or "")
    except Exception as exc:  # the model or the network failed: keep the message, offer retry
        log.exception("turn failed in conversation %s", conversation.id)
        yield TurnFailed(conversation_id=conversation.id, message=_explain(exc))
        return
    finally:
        # The consumer stopped early (the Stop button, a closed connection): stop the agent too,
        # so no tool runs after the person asked it to stop.
        if result is not None and not result.is_complete:
            result.cancel()
    with session_scope() as session:
        saved = conversations.add_message(session, user, conversation, "assistant", reply)
    yield TurnDone(conversation_id=conversation.id, message_id=saved.id, response=reply,
                   tool_calls=list(calls.values()))


def _explain(exc: Exception) -> str:
    name = type(exc).__name__
    if "RateLimit" in name:
        return "The model is busy (rate limited). Please retry in a moment."
    if "Authentication" in name:
        return "The model provider rejected our API key. Check OPENAI_API_KEY."
    if "Connection" in name or "Timeout" in name:
        return "Could not reach the model. Check your connection and retry."
    return "The assistant failed to answer. Your message is saved: retry when ready."
