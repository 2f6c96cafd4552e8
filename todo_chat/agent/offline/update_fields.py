"""The fields an update names beside or instead of a new title: a shift (an amount with a direction
word: "push it back a week"), a field part (only a date and/or priority with fillers: "and make it due
saturday"); a new title keeps what is left once they are taken off."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from todo_chat.agent.offline.lexicon import anywhere, table
from todo_chat.agent.offline.slots import PAST_FORMS

LEVELS = (("low", "priority_low"), ("medium", "priority_medium"), ("high", "priority_high"))
_AMOUNT = re.compile(r"(?<!\bin )(?<!\bevery )\b(?:by\s+)?(?P<n>\d{1,3}|[a-z]+)\s+(?:more\s+|extra\s+)?"
                     r"(?P<unit>days?|weeks?)\b", re.I)
_PARTS = re.compile(r"\s*(?:[,;]|\s-\s|\s–\s|\s—\s|\band\b)\s*", re.I)


def take_shift(text: str) -> tuple[str, int | None]:
    """('push the car tax back a week', ...) -> ('the car tax', 7); no amount and direction: None."""
    low = text.lower()
    found = _AMOUNT.search(low)
    word = found.group("n") if found else ""
    n = table("number_words").get(word) or (int(word) if word.isdigit() else 0)
    earlier, later = anywhere("shift_earlier").search(low), anywhere("shift_later").search(low)
    if not found or not n or not (earlier or later) or any(w in PAST_FORMS for w in low.split()):
        return text, None     # ("the ferry was pushed back a week": a report)
    days = n * (7 if found.group("unit").startswith("w") else 1) * (-1 if earlier else 1)
    kept = [*text[:found.start()], *" " * (found.end() - found.start()), *text[found.end():]]
    for kind in ("shift_earlier", "shift_later"):
        for word in anywhere(kind).finditer(low):
            kept[word.start():word.end()] = " " * (word.end() - word.start())
    return " ".join("".join(kept).split()), days


def level_of(words: str) -> str | None:
    """The level the longest priority phrase in `words` names ("not urgent" is low, not high)."""
    best = max(((len(m.group(0)), level) for level, kind in LEVELS
                if (m := anywhere(kind).search(words.lower()))), default=None)
    return best[1] if best else None


def field_part(part: str, today: date) -> dict[str, Any] | None:
    """The changes a part says if it says nothing else ("make it due saturday"); else None."""
    from todo_chat.agent.offline.rich import take_when
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
