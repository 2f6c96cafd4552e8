"""Plain-language understanding for the offline model: what does this message ask for?

Deterministic and small on purpose: rules over the words people use for a todo list. It maps a
message to an `Intent`; `offline_model` turns intents into tool calls and tool results into words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

Action = Literal["add", "list", "complete", "delete", "update", "greet", "help", "thanks", "unknown"]
Status = Literal["all", "pending", "completed"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
STOPWORDS = {
    "the", "a", "an", "my", "task", "tasks", "todo", "to-do", "item", "one", "called", "named",
    "titled", "about", "for", "that", "this", "please", "list", "from", "on", "of", "it", "as",
    "and", "with", "me", "i", "is", "off", "out",
}


@dataclass(frozen=True)
class Intent:
    action: Action
    task_id: int | None = None
    query: str = ""            # words that name a task when no id is given
    title: str | None = None   # new title (add / update)
    description: str | None = None
    status: Status = "all"
    priority: str | None = None
    due_date: date | None = None

    @property
    def targets_task(self) -> bool:
        return self.action in ("complete", "delete", "update")


# --- recognising the action ------------------------------------------------------------------

_GREETING = re.compile(r"^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|greetings)\b")
_THANKS = re.compile(r"^(thanks|thank you|thx|cheers|great|awesome|perfect)\b")
_HELP = re.compile(r"\b(help|what can you do|how does this work|how do i use|what do you do)\b")
_ADD = re.compile(
    r"^(please\s+)?(add|create|new|make|put|schedule|remind me|i need to remember|remember to|"
    r"don'?t let me forget|i (need|have|want|gotta|must) to|todo:|to-?do:)\b"
)
_COMPLETE = re.compile(
    r"\b(mark|set|check off|tick off|cross off|complete|finish|finished|done with|i (did|finished|completed))\b"
)
_DONE_WORD = re.compile(r"\b(complete|completed|done|finished)\b")
_DELETE = re.compile(r"^(please\s+)?(delete|remove|erase|drop|cancel|get rid of|trash|forget)\b")
_UPDATE = re.compile(r"^(please\s+)?(change|rename|update|edit|modify|retitle)\b")
_LIST = re.compile(
    r"\b(show|list|display|see|view|what('?s| is| are| do| have)|which|how many|anything|give me|tell me)\b"
)
_LIST_NOUN = re.compile(
    r"\b(tasks?|todos?|to-?dos?|list|pending|left|remaining|open|outstanding|completed|done|finished|"
    r"agenda|plate|to do)\b"
)


def parse(text: str, today: date | None = None) -> Intent:
    today = today or date.today()
    clean = " ".join(text.strip().split())
    low = clean.lower().rstrip("?!. ")
    if not low:
        return Intent("unknown")
    if _UPDATE.search(low):
        return _parse_update(clean, low)
    if _DELETE.search(low):
        return _target("delete", low)
    if _ADD.search(low) and not _LIST.match(low):
        return _parse_add(clean, today)
    if _is_complete(low):
        return _target("complete", low)
    if _LIST.search(low) and _LIST_NOUN.search(low):
        return Intent("list", status=_status_of(low))
    if _HELP.search(low):
        return Intent("help")
    if _GREETING.match(low):
        return Intent("greet")
    if _THANKS.match(low):
        return Intent("thanks")
    return Intent("unknown")


def _is_complete(low: str) -> bool:
    if re.match(r"^(complete|finish|check off|tick off|cross off)\b", low):
        return True
    if re.match(r"^(mark|set)\b", low) and _DONE_WORD.search(low):
        return True
    return bool(re.match(r"^(i )?(did|finished|completed|done with)\b", low))


def _status_of(low: str) -> Status:
    if re.search(r"\b(pending|left|remaining|open|outstanding|incomplete|not done|unfinished|"
                 r"to do|still|need to do|have to do)\b", low):
        return "pending"
    if re.search(r"\b(completed|done|finished|accomplished)\b", low):
        return "completed"
    return "all"


# --- finding the task a message is about -------------------------------------------------------

_ID = re.compile(r"(?:\btask\s*(?:number|no\.?|#)?\s*|#|\bnumber\s+)(\d+)\b|^\D*?\b(\d+)\b\s*$")


def task_id_in(text: str) -> int | None:
    match = _ID.search(text)
    if not match:
        return None
    return int(match.group(1) or match.group(2))


def _target(action: Action, low: str) -> Intent:
    task_id = task_id_in(low)
    if task_id is not None:
        return Intent(action, task_id=task_id)
    return Intent(action, query=_query_words(low, action))


_VERBS = {
    "delete": r"^(please\s+)?(delete|remove|erase|drop|cancel|get rid of|trash|forget( about)?)\b",
    "complete": r"^(please\s+)?(i\s+)?(mark|set|check off|tick off|cross off|complete|finish|finished|"
                r"completed|did|done with)\b",
}


def _query_words(low: str, action: Action) -> str:
    text = re.sub(_VERBS.get(action, r"^$"), " ", low)
    text = re.sub(r"\b(as|to)\s+(complete|completed|done|finished)\b", " ", text)
    text = re.sub(r"\b(from|off|on) my (list|tasks?|todos?)\b", " ", text)
    words = [w for w in re.findall(r"[\w'-]+", text) if w not in STOPWORDS]
    return " ".join(words)


def matching_tasks(query: str, tasks: list[dict]) -> list[dict]:
    """Tasks whose titles contain every word of the query (plural-insensitive)."""
    words = [_stem(w) for w in query.lower().split() if w not in STOPWORDS]
    if not words:
        return []

    def title_words(task: dict) -> set[str]:
        return {_stem(w) for w in re.findall(r"[\w'-]+", task["title"].lower())}

    full = [t for t in tasks if all(w in title_words(t) for w in words)]
    if full:
        return full
    # Exact title typed in full, or one word that is unique enough.
    return [t for t in tasks if query.lower() in t["title"].lower()]


def _stem(word: str) -> str:
    """Crude but enough for titles: 'meetings' ~ 'meeting', 'buying' ~ 'buy'."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:-3] if len(word) > 5 and word.endswith("ing") else word


# --- add -------------------------------------------------------------------------------------

_ADD_LEAD = re.compile(
    r"^(?:please\s+)?(?:can you\s+|could you\s+)?"
    r"(?:add|create|make|put|schedule|new)?\s*(?:a\s+|an\s+|the\s+|one\s+)?(?:new\s+)?"
    r"(?:task|todo|to-?do|item|reminder|note)?\s*(?:to\s+my\s+(?:list|tasks|todos?)\s*)?"
    r"(?::|to\s+|called\s+|named\s+|titled\s+|for\s+|that\s+says\s+)?",
    re.IGNORECASE,
)
_REMIND_LEAD = re.compile(
    r"^(?:please\s+)?(?:remind me to|i need to remember to|remember to|don'?t let me forget to|"
    r"i (?:need|have|want|gotta|must) to|todo:|to-?do:)\s*",
    re.IGNORECASE,
)
_PRIORITY = re.compile(
    r"[,;]?\s*(?:with\s+|at\s+|as\s+)?(?:a\s+)?\b(high|low|medium|urgent|top|normal)\b[\s-]*(?:priority|prio)?"
    r"|[,;]?\s*\b(urgent|important|asap)\b|[,;]?\s*\bpriority\s*[:=]?\s*(high|low|medium)\b",
    re.IGNORECASE,
)
# "..., with description X", "... notes: X", "... - X" (not "add meeting notes")
_DESCRIPTION = re.compile(
    r"(?:\s*[,;]\s*|\s+)(?:with\s+(?:a\s+|the\s+)?(?:description|details|notes?)\s*[:=-]?"
    r"|(?:description|details|notes?)\s*[:=])\s*(.+)$"
    r"|\s+-\s+(.+)$",
    re.IGNORECASE,
)


def _parse_add(clean: str, today: date) -> Intent:
    text = _REMIND_LEAD.sub("", clean, count=1)
    if text == clean:
        text = _ADD_LEAD.sub("", clean, count=1)
    description = None
    if match := _DESCRIPTION.search(text):
        description = (match.group(1) or match.group(2)).strip().strip("\"'")
        text = text[: match.start()]
    priority = None
    if match := _PRIORITY.search(text):
        word = next(g for g in match.groups() if g).lower()
        priority = {"urgent": "high", "top": "high", "important": "high", "asap": "high",
                    "normal": "medium"}.get(word, word)
        text = text[: match.start()] + text[match.end():]
    text, due = _take_due_date(text, today)
    title = re.sub(r"\s+(task|todo|to-do|item)$", "", text.strip(" ,.;:!?\"'"), flags=re.IGNORECASE)
    if not title:
        return Intent("unknown")
    return Intent("add", title=title[0].upper() + title[1:], description=description,
                  priority=priority, due_date=due)


def _take_due_date(text: str, today: date) -> tuple[str, date | None]:
    patterns: list[tuple[str, object]] = [
        (r"\b(?:by |on |for |due )?(?:the )?day after tomorrow\b", lambda m: today + timedelta(days=2)),
        (r"\b(?:by |on |for |due )?tomorrow\b", lambda m: today + timedelta(days=1)),
        (r"\b(?:by |for |due )?(?:today|tonight|this evening)\b", lambda m: today),
        (r"\b(?:by |for |due )?next week\b", lambda m: today + timedelta(days=7)),
        (r"\bin (\d{1,3}) days?\b", lambda m: today + timedelta(days=int(m.group(1)))),
        (r"\b(?:by |on |for |due |this |next )?(" + "|".join(WEEKDAYS) + r")\b",
         lambda m: _next_weekday(today, WEEKDAYS.index(m.group(1).lower()))),
        (r"\b(?:by |on |due )?(\d{4}-\d{2}-\d{2})\b", lambda m: date.fromisoformat(m.group(1))),
    ]
    for pattern, to_date in patterns:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            try:
                due = to_date(match)
            except ValueError:
                continue
            return (text[: match.start()] + text[match.end():]).replace("  ", " "), due
    return text, None


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


# --- update ----------------------------------------------------------------------------------

_UPDATE_SPLIT = re.compile(
    r"^(?:please\s+)?(?:change|rename|update|edit|modify|retitle)\s+(?P<target>.+?)\s+"
    r"(?:to|into|as|so it says|so that it says)\s+(?P<new>.+)$",
    re.IGNORECASE,
)


def _parse_update(clean: str, low: str) -> Intent:
    match = _UPDATE_SPLIT.match(clean)
    if not match:
        return replace(_target("update", low), title=None)
    target, new = match.group("target"), match.group("new").strip().strip("\"'“”‘’ ")
    is_description = re.search(r"\b(description|details|notes?)\b", target, re.IGNORECASE)
    target = re.sub(r"(?:'s)?\s*\b(title|name|description|details|notes?)\b", " ", target,
                    flags=re.IGNORECASE)
    intent = _target("update", target.lower())
    if is_description:
        return replace(intent, description=new)
    return replace(intent, title=new[0].upper() + new[1:] if new else None)
