"""One chat turn, one runner, whichever door it enters by.

This is the only place that admits a turn (rate limit), loads its history, builds the agent and
picks the model, runs it with its limits, and handles cancellation. The Phase III endpoint (JSON
and SSE), the ChatKit server and the Reflex chat state each adapt the typed `TurnEvent`s to their
own wire format, and do nothing else.

Nothing lives in memory between turns: the database is the conversation. No session is held
across an `await`: each database step is its own short unit of work (`core.db.run_db`).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import Annotated, Any, Literal, cast
from weakref import WeakKeyDictionary

from agents import (
    Model,
    MultiProvider,
    RunConfig,
    RunItem,
    Runner,
    RunResult,
    RunResultStreaming,
    ToolCallItem,
    ToolCallOutputItem,
    TResponseInputItem,
)
from agents.stream_events import RawResponsesStreamEvent, RunItemStreamEvent
from openai.types.responses import ResponseFunctionToolCall, ResponseTextDeltaEvent
from pydantic import BaseModel, Field

from todo_chat.agent.assistant import build_agent
from todo_chat.agent.attachments import open_turn_with_files, user_items
from todo_chat.agent.budget import ContextFit
from todo_chat.agent.context import TodoContext, parse_arguments
from todo_chat.agent.mcp_door import close_door, open_door
from todo_chat.agent.providers import apply_tracing, get_model
from todo_chat.agent.stop import TurnStop, save_stopped
from todo_chat.agent.turn_failures import Busy, EmptyAnswer, context_overflow, explain, server_context_size
from todo_chat.agent.units import save_answer
from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.models import ToolCall, ToolCallStatus, User
from todo_chat.services import analytics, conversations
from todo_chat.services.conversations import MESSAGE_MAX, TurnInput, check_message, new_id
from todo_chat.services.ratelimit import check_chat_turn

log = logging.getLogger(__name__)
MAX_TURNS = 12
# A run's model is always a `Model` (`providers.get_model`), so its provider is never asked for one;
# one instance serves every run (a `RunConfig` otherwise builds a `MultiProvider` per turn).
_PROVIDER = MultiProvider()
__all__ = ["MESSAGE_MAX", "TurnEvent", "admit", "begin_saved_turn", "begin_turn", "run_turn"]


class TurnStarted(BaseModel):
    type: Literal["start"] = "start"
    conversation_id: int
    thread_id: str
    message_id: int
    # The id the answer will be saved under (ChatKit streams it before it exists).
    reply_item_id: str


class TextDelta(BaseModel):
    type: Literal["delta"] = "delta"
    delta: str


class ToolCallEvent(BaseModel):
    type: Literal["tool_call_started", "tool_call_finished"]
    call_id: str
    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    status: ToolCallStatus = ToolCallStatus.pending
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
    # Calls that ran (and changed data) before the failure: a retry will not run them again.
    tool_calls: list[ToolCallEvent] = Field(default_factory=list)


TurnMessage = TurnStarted | TextDelta | ToolCallEvent | TurnDone | TurnFailed
TurnEvent = Annotated[TurnMessage, Field(discriminator="type")]


def _result(output: Any) -> Any:
    try:
        return json.loads(output) if isinstance(output, str) else output
    except ValueError:
        return output


_slots: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = WeakKeyDictionary()


def _turn_slots() -> asyncio.Semaphore:
    """At most MAX_CONCURRENT_TURNS agent runs share this process's event loop at once."""
    loop = asyncio.get_running_loop()
    if loop not in _slots:
        _slots[loop] = asyncio.Semaphore(get_settings().max_concurrent_turns)
    return _slots[loop]


async def _acquire(slots: asyncio.Semaphore, timeout_s: float) -> None:
    """A free slot at once; else wait at most `timeout_s` (TimeoutError). `wait_for` makes a task
    and a timer, which a turn that finds a slot free does not need."""
    if not slots.locked():
        await slots.acquire()  # returns without suspending: a slot is free
        return
    await asyncio.wait_for(slots.acquire(), timeout_s)


async def admit(user: User, text: str | None) -> None:
    """Admit a turn, whichever door it comes by: its message within the one limit (None: a retry of a
    saved one), and the turn counted against the user's chat limit (raises Invalid, RateLimited)."""
    if text is not None:
        check_message(text)
    await check_chat_turn(user)


async def begin_turn(user: User, text: str | None, conversation_id: int | None = None,
                     retry: bool = False, attachment_ids: list[str] | None = None) -> TurnInput:
    """Admit the turn and save the user's message (with the files it names) before any model runs."""
    await admit(user, None if retry else text or "")
    await analytics.retry_requested(user, conversation_id, retry)
    return await run_db(open_turn_with_files, user, text, conversation_id, retry, attachment_ids or [])


async def begin_saved_turn(user: User, thread_id: str, item_id: str | None) -> TurnInput:
    """ChatKit's way in: its door admitted the turn (`admit`, before anything was saved), then
    ChatKit's server saved the user message itself; this opens the turn on that message."""
    return await run_db(conversations.open_saved_turn, user, thread_id, item_id)


def _replayed(call: ToolCall) -> list[dict[str, Any]]:
    """An earlier try's finished call, as the model would have seen it."""
    return [{"type": "function_call", "call_id": call.call_id, "name": call.name,
             "arguments": json.dumps(call.arguments)},
            {"type": "function_call_output", "call_id": call.call_id, "output": call.result}]


def _call_event(item: RunItem, calls: dict[str, ToolCallEvent], context: TodoContext) -> ToolCallEvent | None:
    """The badge event of a run item (a tool call started, or its output came), kept in `calls`
    under our own call id (`TodoContext.own_call_id`)."""
    if isinstance(item, ToolCallItem) and isinstance(raw := item.raw_item, ResponseFunctionToolCall):
        call = ToolCallEvent(type="tool_call_started", call_id=context.own_call_id(raw.call_id, "started"),
                             name=raw.name, arguments=parse_arguments(raw.arguments))
    elif isinstance(item, ToolCallOutputItem) \
            and (started := calls.get(context.own_call_id(_output_call_id(item), "answered"))):
        call = started.model_copy(update={
            "type": "tool_call_finished", "result": _result(item.output),
            "status": context.outcomes.get(started.call_id, ToolCallStatus.error)})
    else:
        return None
    calls[call.call_id] = call
    return call


def _output_call_id(item: ToolCallOutputItem) -> str:
    """The call id a tool output answers (our function tools' outputs are plain dicts)."""
    raw = item.raw_item
    call_id = raw.get("call_id") if isinstance(raw, dict) else getattr(raw, "call_id", None)
    return call_id if isinstance(call_id, str) else ""


async def _ran(user: User, message_id: int, calls: dict[str, ToolCallEvent]) -> list[ToolCall]:
    """The calls this message's tries finished, as saved; their events go into `calls`."""
    finished = await run_db(conversations.finished_tool_calls, user, message_id)
    calls |= {call.call_id: _finished_event(call) for call in finished}
    return finished


def _finished_event(call: ToolCall) -> ToolCallEvent:
    return ToolCallEvent(type="tool_call_finished", call_id=call.call_id, name=call.name,
                         arguments=call.arguments, status=call.status, result=_result(call.result))


# After a "context size exceeded" answer the turn tries again with at most half the history
# (in estimated tokens) that the refused request carried, then half of that, then none at all:
# each try strictly smaller, a few cheap refused requests at most, and the turn recovers whenever
# the message and its tool results fit at all. Only while no text has reached the person yet.
OVERFLOW_TRIES = 4


@analytics.observed
async def run_turn(user: User, turn: TurnInput, model: Model | None = None, stream: bool = True,
                   stop: TurnStop | None = None) -> AsyncGenerator[TurnMessage, None]:
    """The turn's events (see `_turn_events`) under the one cancel policy (`agent.stop`): closed
    before its end, the agent run is cancelled (no tool runs after the stop) and what was shown is
    saved as the reply, marked stopped (`stop.saved`)."""
    stop = stop or TurnStop()
    events = _turn_events(user, turn, model, stream)
    started: TurnStarted | None = None
    said: list[str] = []
    stopped = ended = False
    try:
        async for event in events:
            if isinstance(event, TurnStarted):
                started = event
            elif isinstance(event, TextDelta):
                said.append(event.delta)
            ended = isinstance(event, TurnDone | TurnFailed)
            yield event
    except (GeneratorExit, asyncio.CancelledError):
        stopped = not ended  # closed after its answer or its error: nothing was stopped
        raise
    finally:
        await events.aclose()  # cancels the agent run if it is still going
        if stopped and started is not None:
            shown = stop.shown if stop.shown is not None else "".join(said)
            stop.saved = await save_stopped(user, turn.conversation, shown, started.reply_item_id)


async def _turn_events(user: User, turn: TurnInput, model: Model | None = None,
                       stream: bool = True) -> AsyncGenerator[TurnMessage, None]:
    """Run the agent on a saved user message; yield TurnStarted ... TurnDone | TurnFailed.

    `stream=False` (a door that answers once, at the end) yields no TextDelta and each tool
    call's events when the run ends, not as it happens; everything else is the same."""
    settings = get_settings()
    conversation, message = turn.conversation, turn.message
    reply_item_id = new_id("msg")
    yield TurnStarted(conversation_id=conversation.id, thread_id=conversation.thread_id,
                      message_id=message.id, reply_item_id=reply_item_id)
    calls: dict[str, ToolCallEvent] = {}
    for call in turn.finished_calls:  # a retry: show what already happened, and don't redo it
        calls[call.call_id] = _finished_event(call)
        yield calls[call.call_id]
    finished = list(turn.finished_calls)
    fit = ContextFit(settings.context_tokens, settings.model_max_output_tokens)
    run_config = RunConfig(call_model_input_filter=fit, tracing_disabled=not apply_tracing(settings),
                           workflow_name="todo-chat turn", model_provider=_PROVIDER)
    asked = await user_items(user, message, fit.context_tokens)  # the message with its attachments
    streamed_text, slots = False, _turn_slots()
    try:
        await _acquire(slots, settings.turn_queue_timeout_s)
    except TimeoutError:
        log.warning("turn in conversation %s found no free agent slot", conversation.id)
        yield TurnFailed(conversation_id=conversation.id, message=explain(Busy()),
                         tool_calls=list(calls.values()))
        return
    try:
        for attempt in range(OVERFLOW_TRIES):
            context = TodoContext(user=user, conversation_id=conversation.id, message_id=message.id,
                                  earlier_calls=list(finished))
            replay = [item for call in finished for item in _replayed(call)]
            run = _AgentRun()
            try:
                model = model or get_model()
                agent = build_agent(model, settings.model_max_output_tokens, await open_door(context))
                items = cast(list[TResponseInputItem], [*turn.history, *asked, *replay])
                async with aclosing(run.events(agent, items, context, run_config, calls, stream)) as events:
                    async for event in events:
                        streamed_text = streamed_text or isinstance(event, TextDelta)
                        yield event
                reply = run.reply()
                break
            except Exception as exc:  # the model or the network failed: keep the message, offer retry
                overflow = context_overflow(exc)
                if overflow and not streamed_text and fit.history_sent and attempt + 1 < OVERFLOW_TRIES:
                    log.warning("conversation %s does not fit the model's context (%s of %s history "
                                "messages sent, MODEL_CONTEXT_TOKENS=%s): trying again with less",
                                conversation.id, fit.history_sent, fit.history_total, settings.context_tokens)
                    fit.history_cap = fit.history_tokens // 2 if attempt + 2 < OVERFLOW_TRIES else 0
                    # llama.cpp says how large its window really is: believe it over the setting.
                    fit.context_tokens = min(fit.context_tokens, server_context_size(exc) or fit.context_tokens)
                    # Tools that ran before the overflow are replayed, not run again.
                    finished = await _ran(user, message.id, calls)
                    analytics.retried("context_overflow")
                    continue
                analytics.model_failed(exc)
                log.warning("turn failed in conversation %s: %r", conversation.id, exc,
                            exc_info=not isinstance(exc, EmptyAnswer) and not overflow)
                if not stream:  # a plain run tells nothing until it ends: the database knows what ran
                    await _ran(user, message.id, calls)
                yield TurnFailed(conversation_id=conversation.id,
                                 message=explain(exc, overflow=overflow, history_sent=fit.history_sent),
                                 tool_calls=[c for c in calls.values() if c.type == "tool_call_finished"])
                return
            finally:
                # The consumer stopped early (the Stop button, a closed connection): stop the agent
                # too, so no tool runs after the person asked it to stop.
                run.cancel()
                await close_door(context)  # AGENT_TOOLS=mcp: the turn's connection to the MCP server
    finally:
        slots.release()
    records = analytics.answer_events()
    saved = await run_db(save_answer, user, conversation, reply, reply_item_id, records)
    analytics.answer_saved(records)
    yield TurnDone(conversation_id=conversation.id, message_id=saved.id, response=reply,
                   tool_calls=list(calls.values()))


class _AgentRun:
    """One run of the agent (streamed, or plain for a door that answers once), as turn events."""

    def __init__(self) -> None:
        self.result: RunResult | RunResultStreaming | None = None

    async def events(self, agent: Any, items: list[TResponseInputItem], context: TodoContext,
                     run_config: RunConfig, calls: dict[str, ToolCallEvent],
                     stream: bool) -> AsyncGenerator[TextDelta | ToolCallEvent, None]:
        if not stream:  # nobody watches the text arrive: the SDK's plain run is cheaper
            self.result = await Runner.run(agent, input=items, context=context, max_turns=MAX_TURNS,
                                           run_config=run_config)
            for item in self.result.new_items:
                if badge := _call_event(item, calls, context):
                    yield badge
            return
        self.result = streamed = Runner.run_streamed(agent, input=items, context=context, max_turns=MAX_TURNS,
                                                     run_config=run_config)
        async for event in streamed.stream_events():
            if isinstance(event, RawResponsesStreamEvent) and isinstance(event.data, ResponseTextDeltaEvent):
                yield TextDelta(delta=event.data.delta)
            elif isinstance(event, RunItemStreamEvent) and (badge := _call_event(event.item, calls, context)):
                yield badge

    def reply(self) -> str:
        reply = str(self.result.final_output or "").strip() if self.result else ""
        if not reply:
            raise EmptyAnswer("the model ended its answer without any text")
        return reply

    def cancel(self) -> None:
        """Stop a streamed run still going, so no tool runs after its consumer stopped."""
        if isinstance(self.result, RunResultStreaming) and not self.result.is_complete:
            self.result.cancel()
