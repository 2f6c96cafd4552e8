"""The embedded default model: deterministic, offline, and a real openai-agents `Model`.

A thin adapter. It reads the input items the runner hands it (the conversation's text turns and
this turn's function calls and outputs), asks the pipeline (`parse.understand` -> `dialogue`)
for the next step, and answers the way an LLM would: with a function call (so the agent loop,
the tools and the streaming are the real ones) or with the final text, streamed in pieces.
It never opens the database: what it knows of the user's tasks comes from tool results.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

from agents import Model, ModelResponse, ModelSettings, ModelTracing, Usage
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseFunctionToolCall,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
)

from todo_chat.agent.choices import OFFER_CHOICES, ChoicePrompt, prompt_of
from todo_chat.agent.offline import bulk, guard
from todo_chat.agent.offline.dialogue import Call, Step, next_step
from todo_chat.agent.offline.follow_up import Context, carried_over
from todo_chat.agent.offline.parse import understand

MODEL_NAME = "todo-chat-offline"
CANNOT_READ_ATTACHMENTS = ("I'm the offline assistant, so I can't read attached files or images. Type what you "
                           "need instead, for example \"add buy milk\".")


class OfflineModel(Model):
    def __init__(self, chunk_delay: float = 0.0, today: date | None = None):
        self.chunk_delay = chunk_delay
        self._today = today

    # -- the Model interface ---------------------------------------------------------------

    async def get_response(self, system_instructions, input, model_settings: ModelSettings, tools,
                           output_schema, handoffs, tracing: ModelTracing, *, previous_response_id=None,
                           conversation_id=None, prompt=None) -> ModelResponse:
        item = self._output_item(self.next_step(_items(input), _offers(tools)))
        return ModelResponse(output=[item], usage=Usage(requests=1), response_id=None)

    async def stream_response(self, system_instructions, input, model_settings: ModelSettings, tools,
                              output_schema, handoffs, tracing: ModelTracing, *,
                              previous_response_id=None, conversation_id=None,
                              prompt=None) -> AsyncIterator[Any]:
        item = self._output_item(self.next_step(_items(input), _offers(tools)))
        seq = _Sequence()
        yield ResponseCreatedEvent(type="response.created", sequence_number=seq(),
                                   response=_response([], "in_progress"))
        if isinstance(item, ResponseFunctionToolCall):
            async for event in self._stream_call(item, seq):
                yield event
        else:
            async for event in self._stream_text(item, seq):
                yield event
        yield ResponseCompletedEvent(type="response.completed", sequence_number=seq(),
                                     response=_response([item], "completed"))

    async def _stream_call(self, item: ResponseFunctionToolCall, seq) -> AsyncIterator[Any]:
        started = item.model_copy(update={"arguments": ""})
        yield ResponseOutputItemAddedEvent(type="response.output_item.added", output_index=0,
                                           item=started, sequence_number=seq())
        yield ResponseFunctionCallArgumentsDeltaEvent(
            type="response.function_call_arguments.delta", item_id=item.id, output_index=0,
            delta=item.arguments, sequence_number=seq())
        yield ResponseFunctionCallArgumentsDoneEvent(
            type="response.function_call_arguments.done", item_id=item.id, output_index=0,
            arguments=item.arguments, name=item.name, sequence_number=seq())
        yield ResponseOutputItemDoneEvent(type="response.output_item.done", output_index=0, item=item,
                                          sequence_number=seq())

    async def _stream_text(self, item: ResponseOutputMessage, seq) -> AsyncIterator[Any]:
        part = item.content[0]
        text = part.text if isinstance(part, ResponseOutputText) else ""
        empty = ResponseOutputText(type="output_text", text="", annotations=[])
        yield ResponseOutputItemAddedEvent(
            type="response.output_item.added", output_index=0, sequence_number=seq(),
            item=item.model_copy(update={"content": [], "status": "in_progress"}))
        yield ResponseContentPartAddedEvent(type="response.content_part.added", item_id=item.id,
                                            output_index=0, content_index=0, part=empty,
                                            sequence_number=seq())
        # The whole answer exists at once: one delta, unless a typing pace was asked for (then
        # word by word, each after `chunk_delay`).
        for chunk in re.findall(r"\S+\s*|\s+", text) if self.chunk_delay else [text]:
            if self.chunk_delay:
                await asyncio.sleep(self.chunk_delay)
            yield ResponseTextDeltaEvent(type="response.output_text.delta", item_id=item.id,
                                         output_index=0, content_index=0, delta=chunk, logprobs=[],
                                         sequence_number=seq())
        yield ResponseTextDoneEvent(type="response.output_text.done", item_id=item.id, output_index=0,
                                    content_index=0, text=text, logprobs=[], sequence_number=seq())
        yield ResponseContentPartDoneEvent(type="response.content_part.done", item_id=item.id,
                                           output_index=0, content_index=0, part=item.content[0],
                                           sequence_number=seq())
        yield ResponseOutputItemDoneEvent(type="response.output_item.done", output_index=0, item=item,
                                          sequence_number=seq())

    @staticmethod
    def _output_item(step: Step) -> ResponseFunctionToolCall | ResponseOutputMessage:
        if step.tool:
            call_id = f"call_{uuid.uuid4().hex[:24]}"
            return ResponseFunctionToolCall(type="function_call", id=call_id, call_id=call_id,
                                            name=step.tool, arguments=json.dumps(step.arguments or {}),
                                            status="completed")
        return ResponseOutputMessage(
            type="message", id=f"msg_{uuid.uuid4().hex[:24]}", role="assistant", status="completed",
            content=[ResponseOutputText(type="output_text", text=step.text, annotations=[])])

    # -- deciding what to say --------------------------------------------------------------

    def next_step(self, items: list[dict], can_offer: bool = True) -> Step:
        """`can_offer`: the agent has the offer_choices tool (else the choices are only text)."""
        today = self._today or date.today()
        if has_attachments(items):
            return Step(text=CANNOT_READ_ATTACHMENTS)
        user_text, earlier, calls = read_turn(items)
        user_text = carried_over(user_text, earlier, today)   # "and 3" after "done 2": "mark 3 as done"
        if (own := bulk.step(user_text, calls, items)) is not None:  # undo, bulk deletion (asks first)
            return own
        context = Context.read(earlier, today, offered_before(items))
        return guard.gated(lambda done: next_step(understand(user_text, today), context, done, can_offer),
                           user_text, today, context, calls, earlier, can_offer)


# --- reading the input -----------------------------------------------------------------------

def read_turn(items: list[dict]) -> tuple[str, list[tuple[str, str]], list[Call]]:
    """(this turn's user text, earlier (role, text) turns, this turn's tool calls with results)."""
    last_user = max((i for i, it in enumerate(items) if _role(it) == "user"), default=-1)
    user_text = _text(items[last_user]) if last_user >= 0 else ""
    outputs = {it.get("call_id"): it.get("output") for it in items[last_user + 1:]
               if it.get("type") == "function_call_output"}
    calls = [(it["name"], _loads(it.get("arguments")), _loads(outputs.get(it.get("call_id"))))
             for it in items[last_user + 1:] if it.get("type") == "function_call"]
    earlier = [(_role(it), _text(it)) for it in items[:max(last_user, 0)] if _role(it) in ("user", "assistant")]
    return user_text, earlier, calls  # type: ignore[return-value]


def has_attachments(items: list[dict]) -> bool:
    """Whether this turn's user message carries files (parts beyond its own text)."""
    last_user = next((it for it in reversed(items) if _role(it) == "user"), None)
    content = last_user.get("content") if last_user else None
    return isinstance(content, list) and len(content) > 1


def _offers(tools: list | None) -> bool:
    return tools is None or any(getattr(t, "name", "") == OFFER_CHOICES for t in tools)


def offered_before(items: list[dict]) -> ChoicePrompt | None:
    """The choices the answer before this message offered: its offer_choices call's arguments."""
    users = [i for i, it in enumerate(items) if _role(it) == "user"]
    if len(users) < 2:
        return None
    between = items[users[-2] + 1:users[-1]]
    offers = [it for it in between if it.get("type") == "function_call" and it.get("name") == OFFER_CHOICES]
    return prompt_of(_loads(offers[-1].get("arguments"))) if offers else None


def _items(input: str | list) -> list[dict]:
    if isinstance(input, str):
        return [{"role": "user", "content": input}]
    return [it if isinstance(it, dict) else it.model_dump() for it in input]


def _role(item: dict) -> str | None:
    return item.get("role") if item.get("type", "message") == "message" else None


def _text(item: dict) -> str:
    content = item.get("content", "")
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def _loads(raw: Any) -> dict:
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return {"error": str(raw)}
    return value if isinstance(value, dict) else {"value": value}


class _Sequence:
    def __init__(self) -> None:
        self.n = -1

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _response(output: list, status: str) -> Response:
    return Response(id=f"resp_{uuid.uuid4().hex[:24]}", created_at=0, model=MODEL_NAME,
                    object="response", output=output, tool_choice="auto", tools=[], top_p=None,
                    parallel_tool_calls=False, status=status)
