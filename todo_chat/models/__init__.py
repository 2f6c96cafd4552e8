"""SQLModel tables. Every row that belongs to a person carries an indexed `user_id`."""

from todo_chat.models.conversation import Attachment, Conversation, Message, ToolCall
from todo_chat.models.task import Priority, Task
from todo_chat.models.user import User

__all__ = ["Attachment", "Conversation", "Message", "Priority", "Task", "ToolCall", "User"]
