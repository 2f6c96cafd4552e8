"""Intents the offline model recognises but another module acts on: "undo" and "delete all
completed / clear my list" (`bulk_delete`). The undo module (issue 20) hooks in here at merge;
until then `handled` answers None ("not handled"), and the pipeline asks instead of acting."""

from __future__ import annotations

from typing import Any

HOOKED_INTENTS = ("undo", "bulk_delete")


def handled(intent: str, text: str) -> Any | None:
    """The request for `intent` read from `text`, or None: nothing here acts on it yet."""
    return None
