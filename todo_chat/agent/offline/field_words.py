"""The words of a field: priority levels ("not urgent" is low) and date shifts with their direction
("push it back a week" is +7 days). Plain lexicon readers, shared by the update readers and `rich`."""

from __future__ import annotations

import re

from todo_chat.agent.offline.lexicon import anywhere, table
from todo_chat.agent.offline.slots import PAST_FORMS

LEVELS = (("low", "priority_low"), ("medium", "priority_medium"), ("high", "priority_high"))
_AMOUNT = re.compile(r"(?<!\bin )(?<!\bevery )\b(?:by\s+)?(?P<n>\d{1,3}|[a-z]+)\s+(?:more\s+|extra\s+)?"
                     r"(?P<unit>days?|weeks?)\b", re.I)


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
