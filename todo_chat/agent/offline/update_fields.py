"""The fields an update names beside or instead of a new title: a shift (an amount with a direction
word: "push it back a week"), a field part (only a date and/or priority with fillers: "and make it due
saturday"); a new title keeps what is left once they are taken off."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from todo_chat.agent.offline.field_words import LEVELS, level_of, take_shift
from todo_chat.agent.offline.lexicon import anywhere
from todo_chat.agent.offline.rich import take_when

_PARTS = re.compile(r"\s*(?:[,;]|\s-\s|\s–\s|\s—\s|\band\b)\s*", re.I)


def field_part(part: str, today: date) -> dict[str, Any] | None:
    """The changes a part says if it says nothing else ("make it due saturday"); else None."""
    rest, when = take_when(part, today)
    rest, shift = take_shift(rest)
    out: dict[str, Any] = {k: v for k, v in (("due_date", when.get("due_date")), ("shift_days", shift)) if v}
    low = rest.lower().strip(" .!?:")
    if level := level_of(low):
        out["priority"] = level
        for _, kind in LEVELS:
            low = anywhere(kind).sub(" ", low)
    leftover = anywhere("field_fillers").sub(" ", low)
    return out if out and not any(c.isalnum() for c in leftover) else None


def split_fields(value: str, today: date) -> tuple[str, dict[str, Any]]:
    """A new title less the field parts at its end: (title, changes); "" if only those ("urgent, due friday")."""
    seps = list(_PARTS.finditer(value))
    parts = list(zip([0, *(m.end() for m in seps)], [*(m.start() for m in seps), len(value)], strict=True))
    changes: dict[str, Any] = {}
    while parts and (found := field_part(value[parts[-1][0]:parts[-1][1]], today)) is not None:
        changes = {**found, **changes}
        parts.pop()
    return (value[:parts[-1][1]].strip(" ,;-") if parts else ""), changes
