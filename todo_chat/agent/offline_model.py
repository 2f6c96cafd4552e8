"""The embedded default model: deterministic, offline, and a real openai-agents `Model`.

It reads the conversation the runner hands it, understands the last user message with
`language.parse`, and answers the way an LLM would: with function calls (so the agent loop, the
tools and the streaming are the real ones) and then with a friendly text built from tool results.
Being stateless, it works out "where am I in this turn" from the tool calls already in the input.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
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

from todo_chat.agent import replies
from todo_chat.agent.language import Intent, matching_tasks, parse, task_id_in

MODEL_NAME = "todo-chat-offline"


@dataclass
class Step:
    """What the model says next: one tool call, or the final text."""

    tool: str | None = None
    arguments: dict[str, Any] | None = None
    text: str = ""


class OfflineModel(Model):
    def __init__(self, chunk_delay: float = 0.0, today: date | None = None):
        self.chunk_delay = chunk_delay
        self._today = today

    # -- the Model interface ---------------------------------------------------------------

    async def get_response(self, system_instructions, input, model_settings: ModelSettings, tools,
                           output_schema, handoffs, tracing: ModelTracing, *, previous_response_id=None,
                           conversation_id=None, prompt=None) -> ModelResponse:
        item = self._output_item(self.next_step(_items(input)))
        return ModelResponse(output=[item], usage=Usage(requests=1), response_id=None)

    async def stream_response(self, system_instructions, input, model_settings: ModelSettings, tools,
                              output_schema, handoffs, tracing: ModelTracing, *,
                              previous_response_id=None, conversation_id=None,
                              prompt=None) -> AsyncIterator[Any]:
        item = self._output_item(self.next_step(_items(input)))
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
        text = item.content[0].text
        empty = ResponseOutputText(type="output_text", text="", annotations=[])
        yield ResponseOutputItemAddedEvent(
            type="response.output_item.added", output_index=0, sequence_number=seq(),
            item=item.model_copy(update={"content": [], "status": "in_progress"}))
        yield ResponseContentPartAddedEvent(type="response.content_part.added", item_id=item.id,
                                            output_index=0, content_index=0, part=empty,
                                            sequence_number=seq())
        for chunk in re.findall(r"\S+\s*|\s+", text):
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

    def next_step(self, items: list[dict]) -> Step:
        turn = _Turn.read(items)
        intent = self.understand(turn)
        return decide(intent, turn)

    def understand(self, turn: _Turn) -> Intent:
        intent = parse(turn.user_text, self._today)
        if intent.action == "unknown" and turn.asked_which is not None:
            # "3", "task 3", "the second one" after "Which one should I delete?"
            chosen = _choice(turn.user_text, turn.asked_which[1])
            if chosen is not None:
                return replace(turn.asked_which[0], task_id=chosen, query="")
        return intent


def decide(intent: Intent, turn: _Turn) -> Step:
    """One step of the turn: the next tool call, or the answer once the results are in."""
    calls = turn.calls  # [(name, arguments, result)] made so far in this turn
    if intent.action == "add":
        if not calls:
            args = {"title": intent.title, "description": intent.description or "",
                    "priority": intent.priority,
                    "due_date": intent.due_date.isoformat() if intent.due_date else None}
            return Step("add_task", args)
        return Step(text=replies.added(calls[-1][2]))
    if intent.action == "list":
        if not calls:
            return Step("list_tasks", {"status": intent.status})
        return Step(text=replies.listed(calls[-1][2]))
    if intent.targets_task:
        return _decide_targeted(intent, calls)
    return Step(text=replies.chat(intent.action))


_ACTION_TOOL = {"complete": "complete_task", "delete": "delete_task", "update": "update_task"}


def _decide_targeted(intent: Intent, calls: list[tuple[str, dict, dict]]) -> Step:
    tool = _ACTION_TOOL[intent.action]
    if intent.action == "update" and intent.title is None and intent.description is None:
        return Step(text=replies.ask_new_title(intent))
    if calls and calls[-1][0] == tool:
        return Step(text=replies.acted(intent.action, calls[-1][2]))
    if intent.task_id is not None:
        return Step(tool, _tool_args(intent, intent.task_id))
    if not intent.query:
        return Step(text=replies.ask_which_task(intent.action))
    if not calls:
        # Find the task by its words first, as a person would scroll the list.
        return Step("list_tasks", {"status": "pending" if intent.action == "complete" else "all"})
    listed = calls[-1][2].get("tasks", [])
    found = matching_tasks(intent.query, listed)
    if intent.action == "complete" and not found:
        return Step("list_tasks", {"status": "all"}) if calls[-1][1].get("status") == "pending" \
            else Step(text=replies.no_match(intent))
    if not found:
        return Step(text=replies.no_match(intent))
    if len(found) > 1:
        return Step(text=replies.which_one(intent, found))
    return Step(tool, _tool_args(intent, found[0]["id"]))


def _tool_args(intent: Intent, task_id: int) -> dict[str, Any]:
    args: dict[str, Any] = {"task_id": task_id}
    if intent.action == "update":
        args.update({k: v for k, v in (("title", intent.title), ("description", intent.description))
                     if v is not None})
    return args


# --- reading the input -----------------------------------------------------------------------

@dataclass
class _Turn:
    user_text: str
    calls: list[tuple[str, dict, dict]]
    # When the last answer asked "which one?": (the intent that asked, the ids offered, in order)
    asked_which: tuple[Intent, list[int]] | None

    @classmethod
    def read(cls, items: list[dict]) -> _Turn:
        last_user = max((i for i, it in enumerate(items) if _role(it) == "user"), default=-1)
        user_text = _text(items[last_user]) if last_user >= 0 else ""
        outputs = {it.get("call_id"): it.get("output") for it in items[last_user + 1:]
                   if it.get("type") == "function_call_output"}
        calls = [(it["name"], _loads(it.get("arguments")), _loads(outputs.get(it.get("call_id"))))
                 for it in items[last_user + 1:] if it.get("type") == "function_call"]
        return cls(user_text, calls, _asked_which(items[:last_user]) if last_user > 0 else None)


def _asked_which(earlier: list[dict]) -> tuple[Intent, list[int]] | None:
    texts = [(_role(it), _text(it)) for it in earlier if _role(it) in ("user", "assistant")]
    if len(texts) < 2 or texts[-1][0] != "assistant" or replies.WHICH_MARK not in texts[-1][1]:
        return None
    asking = parse(next(t for r, t in reversed(texts) if r == "user"))
    ids = [int(n) for n in re.findall(r"#(\d+)", texts[-1][1])]
    return (asking, ids) if asking.targets_task else None


_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "last": -1}


def _choice(text: str, offered: list[int]) -> int | None:
    low = text.lower()
    for word, index in _ORDINALS.items():
        if re.search(rf"\b{word}\b", low) and offered:
            return offered[index] if -len(offered) <= index < len(offered) else None
    return task_id_in(low)


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
