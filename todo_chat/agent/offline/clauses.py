"""Clauses first: a message split into clauses, each with a mood and its negation.

A question or a negated clause never changes data: "is the violin lesson still open?" is
answered from the list, "the bins are done but the dishes are not" completes only the bins.
The words come from the lexicons (`lexicon.py`); the rules here name constructions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from todo_chat.agent.offline.lexicon import anywhere, lookup, starts

Mood = Literal["command", "statement", "question"]

# Words before the first real word that say nothing of the mood ("ok so, is ...").
_LEAD = re.compile(r"^(?:(?:ok(?:ay)?|so|hey|hi|hello|um+|uh+|erm|oh|well|and|but|also|btw|quick one"
    r"|just)\b[\s,.:;!-]*)+")
_CLAUSE_BREAK = re.compile(r"\s*(?:[;.!?]+\s+|\s-\s|,\s*(?:but|while|whereas|and|though)\s+|\s+(?:but|while|whereas"
    r"|though|"
                           r"although|however)\s+|,\s+|\s+and\s+(?=(?:the|my|i|we|it|that|this)\b))\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    text: str
    mood: Mood
    negated: bool


def plain(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return _LEAD.sub("", " ".join(text.split()))


def mood(text: str) -> Mood:
    """A question ends with '?' or starts with a question word; "can you ..." is a request, and
    so is a message with one ("X - can you add it?")."""
    parts = split(text)
    if len(parts) > 1:
        moods = [_clause_mood(p) for p in parts]
        return "command" if "command" in moods and any(_requested(p) for p in parts) else \
            "question" if "question" in moods else "command"
    return _clause_mood(text)


def _requested(text: str) -> bool:
    return bool(starts("request_starts").match(plain(text)))


def _clause_mood(text: str) -> Mood:
    low = plain(text)
    if starts("request_starts").match(low):
        return "command"
    if low.rstrip().endswith("?") or starts("question_starts").match(low):
        return "question"
    return "command"


@cache
def _negated_verb(kind: str) -> re.Pattern[str]:
    fillers = rf"(?:(?:{lookup('negation_fillers')})\s+)*"
    return re.compile(rf"(?<![\w'])(?:{lookup('negators')})\s+{fillers}(?:{lookup(kind)})\b"
                      rf"|(?:{lookup(kind)})\b[^,;.]*\b(?:not yet|yet to)\b")


def negates(text: str, kind: str) -> bool:
    """Is a verb of `kind` ('verbs_complete', 'verbs_delete', 'verbs_add') negated in `text`?"""
    low = anywhere("negation_idioms").sub(" ", plain(text)).strip(" .!?,;")
    return bool(_negated_verb(kind).search(low)) or _negated_state(low, kind) or bool(_elided(low))


@cache
def _elided_pattern() -> re.Pattern[str]:
    """"... but the report isn't", "not the report": the verb left out, the negation kept."""
    return re.compile(rf"(?:^|\s)(?:{lookup('negators')})(?:\s+(?:yet|either|really|so))?$|^not\s")


def _elided(low: str) -> bool:
    return bool(_elided_pattern().search(low))


_STATE_NEGATED = re.compile(r"\b(?:is|are|was|were|has|have)\s+not\s+(?:been\s+)?(?:\w+ed|done|paid|sent|bought)\b"
                            r"|\b(?:did|have|has|had)\s+not\s+(?:yet\s+)?\w+")


def _negated_state(low: str, kind: str) -> bool:
    """"the dishes are not done", "I have not rung the bank": nothing was finished."""
    return kind == "verbs_complete" and bool(_STATE_NEGATED.search(low)) and "after all" not in low


def split(text: str) -> list[str]:
    """The clauses of a message, in order (quotes are never split)."""
    masked = re.sub(r'"[^"]*"', lambda m: "_" * len(m.group(0)), text)
    parts, last = [], 0
    for match in _CLAUSE_BREAK.finditer(masked):
        parts.append(text[last:match.start()])
        last = match.end()
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip(" ,.;")]


def clauses(text: str, kind: str) -> list[Clause]:
    return [Clause(c, mood(c), negates(c, kind)) for c in split(text)]
