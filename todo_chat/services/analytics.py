"""Usage events: the client's (the seeds' analytics endpoints, the native view) and the server's
own record of each chat turn, in one table, plus the operators' metrics of the same moments.

Client events are the user's own: a thread they name must be theirs, and nothing is stored when
they turned analytics off. A turn's server events are kept in memory while it runs and written
in one unit of work when it ends, so watching a turn costs it no extra database round trip.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import anyio
from sqlmodel import Session, col, delete, select

from todo_chat.core import metrics
from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.core.logs import new_request_id, request_id
from todo_chat.core.time import utcnow
from todo_chat.models import AnalyticsEvent, EventKind, EventSource, User
from todo_chat.models.event import CLIENT_KINDS, NAME_MAX, STATUS_MAX
from todo_chat.services import conversations, ratelimit
from todo_chat.services.errors import NotFound, ServiceError
from todo_chat.services.rows import insert_rows

log = logging.getLogger(__name__)
RATE_MESSAGE = "Too many analytics events. Try again in {retry_after} s."


def owner(user: User) -> int:
    if user.id is None:
        raise ValueError("the user is not saved")
    return user.id


# --- client events -------------------------------------------------------------------------------

def record_client_event(session: Session, user: User, kind: EventKind, source: EventSource,
                        thread_id: str | None = None, data: dict[str, Any] | None = None) -> AnalyticsEvent | None:
    """Store one client event of `user`; None when they turned analytics off. A thread that is
    not theirs is a NotFound, like any other user's data."""
    if kind not in CLIENT_KINDS or source == EventSource.server:
        raise ValueError(f"{kind.value} from {source.value} is not a client event")
    row = session.get(User, user.id)
    if row is None or not row.analytics_enabled:
        return None
    if thread_id:
        conversations.get_by_thread_id(session, user, thread_id)
    event = AnalyticsEvent(user_id=owner(user), kind=kind, source=source, thread_id=thread_id,
                           request_id=request_id.get() or None, data=data or {})
    session.add(event)
    session.flush()
    return event


async def track(user: User, kind: EventKind, source: EventSource, thread_id: str | None = None,
                **data: Any) -> AnalyticsEvent | None:
    """One client event from any door: rate limited per user (ANALYTICS_EVENTS_PER_USER)."""
    await ratelimit.hit_each(get_settings().analytics_events_per_user, "analytics", str(user.id),
                             message=RATE_MESSAGE)
    return await run_db(record_client_event, user, kind, source, thread_id, data)


async def _quietly(user: User, kind: EventKind, thread_id: str | None = None,
                   conversation_id: int | None = None, **data: Any) -> None:
    """A native-view event: the same rules as the endpoints', but a refusal (rate limit, a
    conversation deleted meanwhile) never gets in the way of the chat."""
    try:
        if conversation_id is not None:
            thread_id = (await run_db(conversations.get_conversation, user, conversation_id)).thread_id
        await track(user, kind, EventSource.native, thread_id, **data)
    except ServiceError as exc:
        log.info("native %s event not recorded: %s", kind.value, exc)


async def native_message(user: User, thread_id: str, text: str | None) -> None:
    """The native view sent a message (None: a retry, no new message)."""
    if text is not None:
        await _quietly(user, EventKind.message_sent, thread_id, length=len(text))


async def native_thread(user: User, conversation_id: int) -> None:
    """The native view opened a conversation."""
    await _quietly(user, EventKind.thread_change, conversation_id=conversation_id)


def set_enabled(session: Session, user: User, enabled: bool) -> User:
    """Turn the user's client analytics on or off; off also forgets what the client reported."""
    row = session.get(User, user.id)
    if row is None:
        raise NotFound("No such user")
    row.analytics_enabled = enabled
    session.add(row)
    if not enabled:
        session.execute(delete(AnalyticsEvent).where(
            col(AnalyticsEvent.user_id) == user.id, col(AnalyticsEvent.source) != EventSource.server))
    session.flush()
    return row


def list_events(session: Session, user: User, kinds: set[EventKind] | None = None,
                limit: int = 100) -> list[AnalyticsEvent]:
    """The user's newest events (their own only), newest first."""
    query = select(AnalyticsEvent).where(col(AnalyticsEvent.user_id) == user.id)
    if kinds:
        query = query.where(col(AnalyticsEvent.kind).in_(kinds))
    return list(session.exec(query.order_by(col(AnalyticsEvent.id).desc()).limit(limit)).all())


# --- the server's own events and metrics of a chat turn ------------------------------------------

# A server event is a plain row (the table's columns), written with one INSERT of many rows: the
# ORM's objects and flush cost a turn more than the statement (and its RETURNING of new ids).
Row = dict[str, Any]


def server_row(user: User, kind: EventKind, *, thread_id: str | None = None, name: str | None = None,
               status: str | None = None, duration_ms: int | None = None, request_id: str | None = None,
               data: dict[str, Any] | None = None, created_at: datetime | None = None) -> Row:
    """One server event of `user`, every column given (rows of one INSERT share their keys)."""
    return {"user_id": owner(user), "kind": kind, "source": EventSource.server, "thread_id": thread_id,
            "name": name, "status": status, "duration_ms": duration_ms, "request_id": request_id or None,
            "data": data or {}, "created_at": created_at or utcnow()}


def _save_server_events(session: Session, user: User, rows: list[Row]) -> None:
    insert_rows(session, AnalyticsEvent, [row | {"user_id": owner(user)} for row in rows])


@dataclass
class TurnWatch:
    """What one turn did, seen from its events; `close()` writes it down and counts it."""

    user: User
    thread_id: str | None = None
    skip_calls: set[str] = field(default_factory=set)  # a retry's replayed calls ran earlier
    started: float = field(default_factory=time.monotonic)
    started_at: datetime = field(default_factory=utcnow)
    outcome: str = "stopped"  # until the turn says it is done or failed
    first_token: float | None = None
    request_id: str = ""
    rows: list[Row] = field(default_factory=list)
    ended: bool = False  # the turn said its last word (done or error)
    closed: bool = False
    saved: bool = False  # written in the unit of work that saved the answer (`with_answer`)

    def _event(self, kind: EventKind, **fields: Any) -> None:
        self.rows.append(server_row(self.user, kind, thread_id=self.thread_id, request_id=self.request_id,
                                    **fields))

    def see(self, event: Any) -> None:
        """One event of the turn's stream (`TurnEvent`, told apart by its `type`)."""
        kind = getattr(event, "type", "")
        if kind == "start":
            self.thread_id = event.thread_id
            self._event(EventKind.turn_started, created_at=self.started_at)
        elif kind == "delta" and self.first_token is None:
            self.first_token = time.monotonic() - self.started
            metrics.FIRST_TOKEN_SECONDS.observe(self.first_token)
        elif kind == "tool_call_finished":
            self.tool_call(event)
        elif kind == "done":
            self.outcome, self.ended = "ok", True
        elif kind == "error":
            self.outcome, self.ended = "error", True
            for call in event.tool_calls:  # a plain run reports its calls only with the failure
                self.tool_call(call)

    def tool_call(self, call: Any) -> None:
        if call.call_id in self.skip_calls:
            return
        self.skip_calls.add(call.call_id)
        status = getattr(call.status, "value", str(call.status))
        metrics.TOOL_CALLS.labels(metrics.label(call.name), status).inc()
        self._event(EventKind.tool_call, name=call.name[:NAME_MAX], status=status[:STATUS_MAX])

    def model_error(self, exc: BaseException) -> None:
        kind = type(exc).__name__
        metrics.MODEL_ERRORS.labels(metrics.label(kind)).inc()
        self._event(EventKind.model_error, name=kind[:NAME_MAX])

    def retry(self, reason: str) -> None:
        metrics.TURN_RETRIES.labels(reason).inc()
        self._event(EventKind.retry, status=reason[:STATUS_MAX])

    def finished(self, outcome: str) -> Row:
        elapsed = time.monotonic() - self.started
        return server_row(self.user, EventKind.turn_finished, thread_id=self.thread_id, request_id=self.request_id,
                          status=outcome, duration_ms=round(elapsed * 1000),
                          data={"first_token_ms": round(self.first_token * 1000)} if self.first_token else {},
                          created_at=self.started_at + timedelta(seconds=elapsed))

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        metrics.ACTIVE_STREAMS.dec()
        elapsed = time.monotonic() - self.started
        metrics.TURN_SECONDS.observe(elapsed)
        metrics.TURNS.labels(self.outcome).inc()
        log.info("turn %s in %.0f ms (%d tool calls)", self.outcome, elapsed * 1000,
                 sum(r["kind"] == EventKind.tool_call for r in self.rows))
        if self.saved:  # written with the answer, in the turn's last unit of work
            return
        self.rows.append(self.finished(self.outcome))
        try:
            with anyio.CancelScope(shield=True):  # a closed connection must not lose the record
                await run_db(_save_server_events, self.user, self.rows)
        except Exception:  # the record must never break a turn
            log.warning("could not save the turn's events", exc_info=True)


_watch: ContextVar[TurnWatch | None] = ContextVar("turn_watch", default=None)


def observed(run: Callable[..., AsyncIterator[Any]]) -> Callable[..., AsyncGenerator[Any, None]]:
    """Wraps `agent.turn.run_turn`: the turn gets a request id (the HTTP request's, else its
    own) that its logs and tool calls carry, its events are recorded, its metrics counted."""

    @functools.wraps(run)
    async def watched(user: User, turn: Any, *args: Any, **kwargs: Any) -> AsyncGenerator[Any, None]:
        turn_id = request_id.get() or new_request_id()
        id_token = request_id.set(turn_id)
        watch = TurnWatch(user, request_id=turn_id,
                          skip_calls={c.call_id for c in getattr(turn, "finished_calls", [])})
        watch_token = _watch.set(watch)
        metrics.ACTIVE_STREAMS.inc()
        events = run(user, turn, *args, **kwargs)
        try:
            async for event in events:
                watch.see(event)
                if watch.ended:  # written before the last event: a door may stop listening there
                    await watch.close()
                yield event
        except Exception:
            watch.outcome = "error"
            raise
        finally:
            if isinstance(events, AsyncGenerator):  # closing it cancels the agent run (Stop)
                await events.aclose()
            await watch.close()
            _reset(_watch, watch_token, None)
            _reset(request_id, id_token, "")

    return watched


def _reset(var: ContextVar, token: Any, empty: Any) -> None:
    try:
        var.reset(token)
    except ValueError:  # closed from another context (an abandoned generator's finaliser)
        var.set(empty)


def answer_events() -> list[Row]:
    """The running turn's events as they stand when its answer is saved, ending in a finished
    `ok`: the turn writes them in the unit of work that saves the answer (`save_with_answer`),
    one commit and one thread hand-off fewer a turn than a unit of their own. [] unobserved."""
    watch = _watch.get()
    return [] if watch is None or watch.saved else [*watch.rows, watch.finished("ok")]


def save_with_answer(session: Session, user: User, rows: list[Row]) -> None:
    """Write `answer_events()` in the caller's unit of work (the one that saves the answer)."""
    if rows:
        _save_server_events(session, user, rows)


def answer_saved(rows: list[Row]) -> None:
    """The unit of work that held `rows` committed: the turn's close writes nothing more."""
    if rows and (watch := _watch.get()) is not None:
        watch.saved = True


def model_failed(exc: BaseException) -> None:
    """The running turn's model (or network) failed with `exc`."""
    if (watch := _watch.get()) is not None:
        watch.model_error(exc)


def retried(reason: str) -> None:
    """The running turn tries the model again (e.g. `context_overflow`)."""
    if (watch := _watch.get()) is not None:
        watch.retry(reason)


async def retry_requested(user: User, conversation_id: int | None, retry: bool) -> None:
    """A person asked to run a failed turn again (before the turn itself starts)."""
    if not retry:
        return
    metrics.TURN_RETRIES.labels("user").inc()
    row = server_row(user, EventKind.retry, status="user", request_id=request_id.get(),
                     data={"conversation_id": conversation_id} if conversation_id else {})
    await run_db(_save_server_events, user, [row])
