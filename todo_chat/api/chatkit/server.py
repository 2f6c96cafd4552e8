"""The ChatKit server: a ChatKit door onto the one turn runner.

`respond` runs `agent.turn.run_turn` on the user message ChatKit saved, and only translates its
`TurnEvent`s into ChatKit thread events: the answer as an assistant message streamed part by
part, each tool call as a task item (`name: pending`, then `name: success|error`), and the result
of `list_tasks` as a task-list widget.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from agents import Model
from chatkit.server import ChatKitServer, stream_widget
from chatkit.store import Store
from chatkit.types import (
    Action,
    AssistantMessageContent,
    AssistantMessageContentPartAdded,
    AssistantMessageContentPartDone,
    AssistantMessageContentPartTextDelta,
    AssistantMessageItem,
    CustomTask,
    ErrorEvent,
    FeedbackKind,
    InferenceOptions,
    NoticeEvent,
    TaskItem,
    ThreadItem,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemReplacedEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    UserMessageTextContent,
    WidgetItem,
)
from sqlmodel import Session

from todo_chat.agent.choices import OFFER_CHOICES
from todo_chat.agent.tools import task_summary
from todo_chat.agent.turn import TextDelta, ToolCallEvent, TurnDone, TurnFailed, TurnStarted, begin_saved_turn, run_turn
from todo_chat.api.chatkit import changes, widgets
from todo_chat.api.chatkit.store import FileAttachmentStore, RequestContext, SQLStore
from todo_chat.core.db import run_db
from todo_chat.models import ToolCallStatus, User
from todo_chat.services import conversations, tasks
from todo_chat.services.badge_text import arguments_summary, badge_label
from todo_chat.services.errors import ServiceError

log = logging.getLogger(__name__)


def task_item(event: ToolCallEvent, thread_id: str) -> TaskItem:
    pending = event.status == ToolCallStatus.pending
    icon = "bolt" if pending else "check-circle-filled" if event.status == ToolCallStatus.success else "info"
    return TaskItem(id=conversations.tool_item_id(event.call_id), thread_id=thread_id, created_at=datetime.now(),
                    task=CustomTask(title=badge_label(event.name, event.status), icon=icon,
                                    status_indicator="loading" if pending else "complete",
                                    content=arguments_summary(event.arguments) or "no arguments"))


def undo_notice(event: ToolCallEvent) -> NoticeEvent | None:
    """An undo in chat is announced above the thread: what was undone (or redone), or why not."""
    if event.type != "tool_call_finished" or event.name != "undo_last_turn" or not isinstance(event.result, dict):
        return None
    if event.status != ToolCallStatus.success:
        return NoticeEvent(level="warning", title="Nothing undone", message=str(event.result.get("error", "")))
    title = "Redone" if event.result.get("status") == "redone" else "Undone"
    return NoticeEvent(level="info", title=title, message=str(event.result.get("summary", "")))


class ThreadEvents:
    """Translates one turn's events into ChatKit thread events."""

    def __init__(self, thread: ThreadMetadata, store: Store[RequestContext], context: RequestContext) -> None:
        self.thread, self.store, self.context = thread, store, context
        self.reply: AssistantMessageItem | None = None
        self.reply_id = ""
        self.message_id = 0  # the user message's: its turn's changes are one journal batch

    def _reply_started(self) -> list[ThreadStreamEvent]:
        self.reply = AssistantMessageItem(id=self.reply_id, thread_id=self.thread.id,
                                          created_at=datetime.now(), content=[])
        part = AssistantMessageContent(text="")
        return [ThreadItemAddedEvent(item=self.reply),
                ThreadItemUpdatedEvent(item_id=self.reply_id,
                                       update=AssistantMessageContentPartAdded(content_index=0, content=part))]

    async def translate(self, event) -> AsyncIterator[ThreadStreamEvent]:
        if isinstance(event, TurnStarted):
            self.reply_id, self.message_id = event.reply_item_id, event.message_id
        elif isinstance(event, TextDelta):
            if self.reply is None:
                for started in self._reply_started():
                    yield started
            yield ThreadItemUpdatedEvent(item_id=self.reply_id, update=AssistantMessageContentPartTextDelta(
                content_index=0, delta=event.delta))
        elif isinstance(event, ToolCallEvent):
            item = task_item(event, self.thread.id)
            opened = event.type == "tool_call_started"
            yield ThreadItemAddedEvent(item=item) if opened else ThreadItemDoneEvent(item=item)
            if event.type == "tool_call_finished" and event.name == "list_tasks" \
                    and event.status == ToolCallStatus.success:
                async for shown in self._task_list(event.result):
                    yield shown
            if notice := undo_notice(event):
                yield notice
            if event.type == "tool_call_finished" and event.name == OFFER_CHOICES \
                    and event.status == ToolCallStatus.success and isinstance(event.result, dict):
                async for shown in self._choices(event.result):
                    yield shown
            if question := changes.asks(event):  # a bulk deletion asks first, with the same buttons
                async for shown in self._choices(question):
                    yield shown
        elif isinstance(event, TurnDone):
            text = AssistantMessageContent(text=event.response)
            if self.reply is not None:
                yield ThreadItemUpdatedEvent(item_id=self.reply_id, update=AssistantMessageContentPartDone(
                    content_index=0, content=text))
            yield ThreadItemDoneEvent(item=AssistantMessageItem(
                id=self.reply_id, thread_id=self.thread.id, created_at=datetime.now(), content=[text]))
            if changes.changed(event.tool_calls):  # Undo for what this turn changed
                async for shown in self._widget(changes.turn_widget(self.message_id, event.tool_calls), "Undo"):
                    yield shown
        elif isinstance(event, TurnFailed):
            yield ErrorEvent(code="custom", message=event.message, allow_retry=event.retryable)

    def _choices(self, prompt: dict[str, Any]) -> AsyncIterator[ThreadStreamEvent]:
        return self._widget(widgets.choices_widget(prompt["question"], prompt["choices"]), prompt["question"])

    def _widget(self, widget, copy_text: str) -> AsyncIterator[ThreadStreamEvent]:
        return stream_widget(self.thread, widget, copy_text,
                             lambda kind: self.store.generate_item_id(kind, self.thread, self.context))

    def _task_list(self, listed: dict[str, Any]) -> AsyncIterator[ThreadStreamEvent]:
        return stream_widget(self.thread, widgets.task_list_widget(listed["tasks"], listed["status"]),
                             widgets.task_list_copy_text(listed["tasks"]),
                             lambda kind: self.store.generate_item_id(kind, self.thread, self.context))


def _widget_action(session: Session, user: User, kind: str, task_id: int) -> None:
    handlers = {widgets.COMPLETE: lambda: tasks.set_completed(session, user, task_id, True),
                widgets.REOPEN: lambda: tasks.set_completed(session, user, task_id, False),
                widgets.DELETE: lambda: tasks.delete_task(session, user, task_id)}
    handlers[kind]()


def _feedback(session: Session, user: User, thread_id: str, item_ids: list[str], feedback: str) -> int:
    conversation = conversations.get_by_thread_id(session, user, thread_id)
    return conversations.set_feedback(session, user, conversation, item_ids, feedback)


class TodoChatKitServer(ChatKitServer[RequestContext]):
    def __init__(self, model: Model | None = None) -> None:
        super().__init__(store=SQLStore(), attachment_store=FileAttachmentStore())
        self.model = model

    async def handle_stream_cancelled(self, thread: ThreadMetadata, pending_items: list[ThreadItem],
                                      context: RequestContext) -> None:
        """The runner's cancel policy already saved what was shown, marked stopped (`agent.stop`):
        not ChatKit's default (its own copy of the pending answer and a hidden context item)."""

    async def respond(self, thread: ThreadMetadata, input_user_message: UserMessageItem | None,
                      context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
        user = context.user
        turn = await begin_saved_turn(user, thread.id, input_user_message.id if input_user_message else None)
        # Name a new thread after its first message (saving it titled the conversation).
        if not thread.title and turn.conversation.title != conversations.DEFAULT_TITLE:
            thread.title = turn.conversation.title
        events = ThreadEvents(thread, self.store, context)
        async for event in run_turn(user, turn, self.model):
            async for translated in events.translate(event):
                yield translated

    async def action(self, thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None,
                     context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
        """Complete / reopen / delete from the task-list widget, then redraw that widget; a picked
        choice is sent as the user's next message."""
        if action.type == widgets.CHOICE:
            async for event in self._picked(thread, str((action.payload or {}).get("message", "")), context):
                yield event
            return
        if action.type == changes.UNDO:
            async for event in self._undo(thread, str((action.payload or {}).get("batch", "")), sender, context):
                yield event
            return
        if action.type not in (widgets.COMPLETE, widgets.REOPEN, widgets.DELETE):
            raise ValueError(f"Unknown action {action.type}")
        try:
            task_id = int((action.payload or {}).get("task_id", 0))
            await run_db(_widget_action, context.user, action.type, task_id)
        except (ServiceError, ValueError, TypeError) as exc:
            log.info("widget action %s failed: %s", action.type, exc)
        if sender is not None:
            widget = await self._redraw(sender, context)
            yield ThreadItemReplacedEvent(item=sender.model_copy(update={"widget": widget}))

    async def _picked(self, thread: ThreadMetadata, message: str,
                      context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
        if not message.strip():
            raise ValueError("A choice without a message")
        item = UserMessageItem(id=self.store.generate_item_id("message", thread, context), thread_id=thread.id,
                               created_at=datetime.now(), content=[UserMessageTextContent(text=message)],
                               attachments=[], inference_options=InferenceOptions())
        await self.store.add_thread_item(thread.id, item, context)
        yield ThreadItemDoneEvent(item=item)
        async for event in self.respond(thread, item, context):
            yield event

    @staticmethod
    async def _undo(thread: ThreadMetadata, batch: str, sender: WidgetItem | None,
                    context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
        """The Undo (or Redo) button: revert the batch, then show what was done in its place, or
        say why nothing changed."""
        try:
            done = await run_db(changes.undo_batch, context.user, thread.id, batch)
        except ServiceError as exc:
            yield NoticeEvent(level="warning", title="Nothing undone", message=str(exc))
            return
        yield NoticeEvent(level="info", title="Redone" if done.redo else "Undone", message=done.summary())
        if sender is not None:
            yield ThreadItemReplacedEvent(item=sender.model_copy(update={"widget": changes.result_widget(done)}))

    @staticmethod
    async def _redraw(sender: WidgetItem, context: RequestContext):
        status = (sender.widget.key or "tasks-all").removeprefix("tasks-")
        status = status if status in ("all", "pending", "completed") else "all"
        page = await run_db(tasks.list_tasks, context.user, status)
        return widgets.task_list_widget([task_summary(t, context.user) for t in page.items], status)

    async def add_feedback(self, thread_id: str, item_ids: list[str], feedback: FeedbackKind,
                           context: RequestContext) -> None:
        await run_db(_feedback, context.user, thread_id, item_ids, feedback)
