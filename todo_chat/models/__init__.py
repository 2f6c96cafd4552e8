"""SQLModel tables. Every row that belongs to a person carries an indexed `user_id`."""

from todo_chat.models.conversation import Attachment, Conversation, ItemRole, Message, ToolCall, ToolCallStatus
from todo_chat.models.task import Priority, Task
from todo_chat.models.user import AuthSession, User

__all__ = ["Attachment", "AuthSession", "Conversation", "ItemRole", "Message", "Priority", "Task", "ToolCall",
           "ToolCallStatus", "User"]

from todo_chat.models.event import AnalyticsEvent, EventKind, EventSource  # noqa: E402

__all__ += ["AnalyticsEvent", "EventKind", "EventSource"]
