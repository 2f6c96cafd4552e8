"""SQLModel tables. Every row that belongs to a person carries an indexed `user_id`."""

from todo_chat.models.access_token import AccessToken, TokenScope
from todo_chat.models.calendar_feed import CalendarFeed
from todo_chat.models.conversation import Attachment, Conversation, ItemRole, Message, ToolCall, ToolCallStatus
from todo_chat.models.journal import ChangeKind, JournalEntry
from todo_chat.models.task import Priority, Task
from todo_chat.models.user import AuthSession, User

__all__ = ["AccessToken", "Attachment", "AuthSession", "CalendarFeed", "ChangeKind", "Conversation", "ItemRole",
           "JournalEntry", "Message", "Priority", "Task", "TokenScope", "ToolCall", "ToolCallStatus", "User"]

from todo_chat.models.event import AnalyticsEvent, EventKind, EventSource  # noqa: E402

__all__ += ["AnalyticsEvent", "EventKind", "EventSource"]
