"""Kept for imports: the offline model lives in `todo_chat.agent.offline`."""

from todo_chat.agent.offline.model import MODEL_NAME, OfflineModel

__all__ = ["MODEL_NAME", "OfflineModel"]
