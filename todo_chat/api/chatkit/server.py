"""The ChatKit server: ChatKit threads answered by our agent, each tool call shown as a task item."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from agents import Model, Runner
from agents.models.fake_id import FAKE_RESPONSES_ID
from chatkit.agents import AgentContext, stream_agent_response
from chatkit.server import ChatKitServer
from chatkit.types import (
    Action,
    CustomTask,
    FeedbackKind,
    TaskItem,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemReplacedEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    WidgetItem,
)
from sqlmodel import select

from todo_chat.agent.assistant import build_agent
from todo_chat.agent.providers import get_model
from todo_chat.agent.recorder import ToolCallRecorder, parse_arguments
from todo_chat.agent.tools import task_summary, tool_status
from todo_chat.api.chatkit import widgets
from todo_chat.api.chatkit.store import FileAttachmentStore, RequestContext, SQLStore
from todo_chat.core.db import session_scope
from todo_chat.models import Message
from todo_chat.services import conversations, tasks
from todo_chat.services.conversations import HISTORY_LIMIT
from todo_chat.services.errors import ServiceError

log = logging.getLogger(__name__)


class TodoAgentContext(AgentContext[RequestContext]):
    """ChatKit's run context plus what our tools and recorder read (see agent.context)."""

    user: Any
    conversation_id: int | None = None
    message_id: int | None = None


def badge_title(name: str, status: str) -> str:
    """The badge text names the tool and its status, never colour alone."""
    return f"{name}: {status}"


def arguments_summary(arguments: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in arguments.items() if v not in (None, "")) or "no arguments"


class TaskItemRecorder(ToolCallRecorder):
    """Saves tool calls (as every door does) and shows each as a ChatKit task item: a badge
    that is added as `name: pending` and completed as `name: success` or `name: error`."""

    def __init__(self) -> None:
        self._items: dict[str, TaskItem] = {}

    async def on_tool_start(self, context, agent, tool) -> None:
        await super().on_tool_start(context, agent, tool)
        ctx: TodoAgentContext = context.context
        item = TaskItem(id=conversations.tool_item_id(context.tool_call_id), thread_id=ctx.thread.id,
                        created_at=datetime.now(),
                        task=CustomTask(title=badge_title(context.tool_name, "pending"), icon="bolt",
                                        status_indicator="loading",
                                        content=arguments_summary(parse_arguments(context.tool_arguments))))
        self._items[context.tool_call_id] = item
        await ctx.stream(ThreadItemAddedEvent(item=item))

    async def on_tool_end(self, context, agent, tool, result) -> None:
        await super().on_tool_end(context, agent, tool, result)
        ctx: TodoAgentContext = context.context
        status = tool_status(result)
        started = self._items.pop(context.tool_call_id, None)
        if started is not None:
            task = started.task.model_copy(update={
                "title": badge_title(context.tool_name, status), "status_indicator": "complete",
                "icon": "check-circle-filled" if status == "success" else "info"})
            await ctx.stream(ThreadItemDoneEvent(item=started.model_copy(update={"task": task})))
        if context.tool_name == "list_tasks" and status == "success":
            listed = json.loads(str(result))
            await ctx.stream_widget(widgets.task_list_widget(listed["tasks"], listed["status"]),
                                    copy_text=widgets.task_list_copy_text(listed["tasks"]))


def _fresh_ids(events: AsyncIterator[ThreadStreamEvent], store: SQLStore, thread: ThreadMetadata,
               context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
    """Chat-completions models give every message the same fake id: give each its own."""

    async def renamed() -> AsyncIterator[ThreadStreamEvent]:
        current: str | None = None
        async for event in events:
            if isinstance(event, (ThreadItemAddedEvent, ThreadItemDoneEvent)) and event.item.id == FAKE_RESPONSES_ID:
                current = current or store.generate_item_id("message", thread, context)
                event = event.model_copy(update={"item": event.item.model_copy(update={"id": current})})
                if isinstance(event, ThreadItemDoneEvent):
                    current = None
            elif isinstance(event, ThreadItemUpdatedEvent) and event.item_id == FAKE_RESPONSES_ID:
                current = current or store.generate_item_id("message", thread, context)
                event = event.model_copy(update={"item_id": current})
            yield event

    return renamed()


class TodoChatKitServer(ChatKitServer[RequestContext]):
    def __init__(self, model: Model | None = None) -> None:
        super().__init__(store=SQLStore(), attachment_store=FileAttachmentStore())
        self.model = model

    async def respond(self, thread: ThreadMetadata, input_user_message: UserMessageItem | None,
                      context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
        with session_scope() as session:
            conversation = conversations.get_by_thread_id(session, context.user, thread.id)
            history = conversations.history(session, context.user, conversation.id, HISTORY_LIMIT)
            message_id = None
            if input_user_message is not None:
                message_id = conversations.get_message(session, context.user, input_user_message.id).id
        agent_context = TodoAgentContext(thread=thread, store=self.store, request_context=context,
                                         user=context.user, conversation_id=conversation.id,
                                         message_id=message_id)
        result = Runner.run_streamed(build_agent(self.model or get_model()), input=history,
                                     context=agent_context, hooks=TaskItemRecorder(), max_turns=12)
        async for event in _fresh_ids(stream_agent_response(agent_context, result), self.store,
                                      thread, context):
            yield event
        # Name a new thread after its first message, as the sidebar does.
        if not thread.title:
            with session_scope() as session:
                thread.title = conversations.get_conversation(session, context.user, conversation.id).title

    async def action(self, thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None,
                     context: RequestContext) -> AsyncIterator[ThreadStreamEvent]:
        """Complete / reopen / delete from the task-list widget, then redraw that widget."""
        task_id = int((action.payload or {}).get("task_id", 0))
        handlers = {widgets.COMPLETE: lambda s: tasks.set_completed(s, context.user, task_id, True),
                    widgets.REOPEN: lambda s: tasks.set_completed(s, context.user, task_id, False),
                    widgets.DELETE: lambda s: tasks.delete_task(s, context.user, task_id)}
        if action.type not in handlers:
            raise ValueError(f"Unknown action {action.type}")
        try:
            with session_scope() as session:
                handlers[action.type](session)
        except ServiceError as exc:
            log.info("widget action %s failed: %s", action.type, exc)
        if sender is not None:
            yield ThreadItemReplacedEvent(item=sender.model_copy(update={"widget": self._redraw(sender, context)}))

    @staticmethod
    def _redraw(sender: WidgetItem, context: RequestContext):
        status = (sender.widget.key or "tasks-all").removeprefix("tasks-")
        status = status if status in ("all", "pending", "completed") else "all"
        with session_scope() as session:
            page = tasks.list_tasks(session, context.user, status)
        return widgets.task_list_widget([task_summary(t) for t in page.items], status)

    async def add_feedback(self, thread_id: str, item_ids: list[str], feedback: FeedbackKind,
                           context: RequestContext) -> None:
        with session_scope() as session:
            conversation = conversations.get_by_thread_id(session, context.user, thread_id)
            rows = session.exec(select(Message).where(
                Message.conversation_id == conversation.id, Message.user_id == context.user.id,
                Message.item_id.in_(item_ids))).all()
            for row in rows:
                row.feedback = feedback
                session.add(row)
