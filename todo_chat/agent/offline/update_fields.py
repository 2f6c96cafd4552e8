"""The fields an update names beside (or instead of) a new title: constructions, not sentences.

- a shift: an amount of days or weeks with a direction word ("push it back a week", "bring it
  forward two days", "can slip 2 days"): days added to the task's own due date, sign kept;
- a field part: a part of the message (between commas, "and", dashes) that says only a date, a
  priority level or both, with filler words ("and make it due saturday", "urgent, due friday");
- a note part: a part led by a note marker ("and add a note: left hinge only").
A new title read by the rules or the tagger keeps what is left once its trailing field and note
parts are taken off; one made only of them is no title.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from todo_chat.agent.offline.lexicon import anywhere, starts, table
from todo_chat.agent.offline.slots import PAST_FORMS

LEVELS = (("low", "priority_low"), ("medium", "priority_medium"), ("high", "priority_high"))
_AMOUNT = re.compile(r"(?<!\bin )(?<!\bevery )\b(?:by\s+)?(?P<n>\d{1,3}|[a-z]+)\s+(?:more\s+|extra\s+)?"
                     r"(?P<unit>days?|weeks?)\b", re.I)
_PARTS = re.compile(r"\s*(?:[,;]|\s-\s|\s–\s|\s—\s|\band\b)\s*", re.I)


def take_shift(text: str) -> tuple[str, int | None]:
    """('push the car tax back a week', ...) -> ('push the car tax', 7); (text, None) without
    both an amount and a direction word."""
    low = text.lower()
    found = _AMOUNT.search(low)
    n = found and (table("number_words").get(found.group("n")) or (int(found.group("n")) if
                                                                   found.group("n").isdigit() else None))
    earlier, later = anywhere("shift_earlier").search(low), anywhere("shift_later").search(low)
    if not found or not n or not (earlier or later):
        return text, None
    if any(word in PAST_FORMS for word in low.split()):
        return text, None     # "the ferry was pushed back a week": a report
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
    """The changes a part says when it says nothing else ("make it due saturday" -> due_date);
    None when other words are left."""
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


def note_part(part: str) -> str | None:
    """"add a note: left hinge only" -> "left hinge only"."""
    text = part.strip()
    for lead in ("and ", "also ", "then "):
        text = text[len(lead):] if text.lower().startswith(lead) else text
    marker = starts("note_markers").match(text.lower())
    return (text[marker.end():].strip(" :-,") or None) if marker else None


def split_fields(value: str, today: date) -> tuple[str, dict[str, Any], str | None]:
    """A new title less the field and note parts at its end: (title, changes, note); the title
    is "" when the value was only such parts ("urgent, due friday")."""
    seps = list(_PARTS.finditer(value))
    parts = list(zip([0, *(m.end() for m in seps)], [*(m.start() for m in seps), len(value)], strict=True))
    note, keep = None, len(parts)
    for i, (begin, _) in enumerate(parts):
        if (said := note_part(value[begin:])) is not None:
            note, keep = said, i
            break
    changes: dict[str, Any] = {}
    while keep and (found := field_part(value[parts[keep - 1][0]:parts[keep - 1][1]], today)) is not None:
        changes, keep = {**found, **changes}, keep - 1
    return (value[:parts[keep - 1][1]].strip(" ,;-") if keep else ""), changes, note


def leading_fields(text: str, today: date) -> tuple[str, dict[str, Any]]:
    """"to monday please - the domain renewal": the field parts before the words that name the
    task, and those words; ("", {}) when the message does not open with a field part."""
    changes: dict[str, Any] = {}
    at = 0
    for sep in _PARTS.finditer(text):
        if (found := field_part(text[at:sep.start()], today)) is None:
            break
        changes, at = {**changes, **found}, sep.end()
    rest = text[at:].strip(" .!")
    named = starts("target_leads").match(rest.lower()) or anywhere("task_nouns").search(rest.lower())
    return (rest, changes) if changes and rest and named else ("", {})
