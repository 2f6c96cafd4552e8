"""Adding: the titles (and dates, priorities, tags) of the tasks a message adds."""

from __future__ import annotations

import re
from datetime import date
from re import IGNORECASE as I

from todo_chat.agent.offline import rich, slots
from todo_chat.agent.offline.lexicon import lookup
from todo_chat.agent.offline.normalise import Norm
from todo_chat.agent.offline.resolve import STOPWORDS
from todo_chat.agent.offline.slots import TASK_VERBS

MAX_ITEMS = 10  # the agent loop allows 12 model calls a turn


# --- adding ------------------------------------------------------------------------------------

# Verbs that only ever mean "put this on the list" ("write", "note" alone may start a title).
_ADD_VERB = rf"(?:{lookup('add_verbs')})"
_TASK_NOUN = rf"(?:{lookup('add_objects')})"
_COUNT = rf"(?:\d+|{lookup('add_counts')})"
_LIST_PLACE = (r"(?:to|on|onto|in|into|for)\s+(?:my|the|our)\s+(?:todo\s+|to do\s+|task\s+|tasks\s+|shopping\s+)?"
               r"(?:list|tasks?|todos?|todo list|to do list|task list)\b")
_ADD_LEAD = re.compile(
    rf"^(?:{_ADD_VERB}\b\s*(?:me\s+)?(?:{_COUNT}\s+)?(?:{_TASK_NOUN}\b\s*)?(?:{_LIST_PLACE}\s*)?"
    r"|(?:make|create|set up|schedule|set)\s+(?:me\s+)?(?:a|an|one)\s+(?:new\s+)?(?:task|todo|reminder|note|item)\b\s*)"
    rf"(?:(?::|-|\b(?:{lookup('title_intros')})\b)\s*)?", I)
_REMIND_LEAD = re.compile(
    rf"^(?:{lookup('remind_leads')}|i (?:(?:{lookup('intensifiers')})\s+)?"
    r"(?:need|have|want|got|ought|am going|will need|would like) to"
    r"|(?:new\s+)?(?:todo|task|reminder|note|memo|to do)\s*[:\-])(?:\b|(?<=[:\-]))\s*"
    rf"(?:(?:{lookup('intensifiers')})\s+)?", I)
_ADD_TRAIL = re.compile(
    r"(?:\s*[,;.!?]+\s*|\s+-\s+|\s+)(?:and\s+|so\s+|then\s+|ok\s+)?(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?"
    rf"(?:{_ADD_VERB}|make)\s+(?:that|it|this|them|these|those)(?:\s+(?:down|in|on|to|onto|into|as)\b.*)?\s*[.!?]*$", I)
_PLACE_ANYWHERE = re.compile(rf"\s*\b{_LIST_PLACE}(?:\s+(?:as\s+a\s+)?(?:new\s+)?(?:task|todo|item))?", I)
_DESCRIPTION = re.compile(
    r"(?:\s*[,;]\s*|\s+)(?:with\s+(?:a\s+|the\s+)?(?:description|details|notes?|comment)\s*[:=-]?"
    r"|(?:description|details|notes?|desc)\s*[:=])\s*(.+)$"
    r"|\s+-\s+(.+)$", I)
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|then\s+)?|;\s*|\s+and\s+(?:then\s+|also\s+)?|\s+&\s+|\s+plus\s+"
    r"|\s+then\s+)\s*", I)


def _strip_lead(text: str) -> str:
    """'Could you add a task to remind me to X' -> 'X': each kind of lead once, never the title's verb."""
    text = re.sub(rf"^(?:{lookup('add_leads')})\s+", "", text, count=1, flags=I)
    text = _ADD_LEAD.sub("", text, count=1)
    text = _REMIND_LEAD.sub("", text, count=1)
    return re.sub(rf"^(?:{lookup('add_leads')})\s+", "", text, count=1, flags=I)


def _clean_title(text: str, exact: bool = False) -> str:
    text = re.sub(r"[(\[]\s*[,;:\s]*[)\]]", " ", text)          # brackets emptied by taking a date out
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
    text = text.strip(" \t,;:.!?-\"'")
    if not exact:
        text = re.sub(r"^(?:to|that|about|for|of)\s+", "", text, flags=I)
        text = re.sub(r"^the\s+(?=\w)", "", text, flags=I)
    text = re.sub(r"\s+(?:task|todo|item|reminder|on it|please|too|as well|also)$", "", text, flags=I)
    text = re.sub(r"^by\s+(?=\w)", "buy ", text, flags=I)   # "to by X": a typo of buy
    text = re.sub(r"\s+", " ", text).strip(" \t,;:.!?-\"'")
    return text[:1].upper() + text[1:] if text else ""


def _split_items(text: str) -> list[str]:
    parts = [p for p in _SPLIT.split(text) if p and p.strip(" ,.")]
    if len(parts) < 2:
        return [text]
    first_words = [p.split()[0].lower() for p in parts]
    if all(w in TASK_VERBS for w in first_words):
        return parts
    if "," in text and len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return parts  # a list of short nouns: "x, y and z"
    return [text]


def add_items(norm: Norm, today: date) -> list[dict]:
    text = norm.text
    quotes = [q for q in norm.quotes if q.strip()]
    text = _ADD_TRAIL.sub("", text)
    text = _PLACE_ANYWHERE.sub(" ", text)
    text = " ".join(text.split())
    if quotes:
        # The quoted words are the title(s), exactly; the rest may say when and how urgent.
        rest = re.sub(r'"[^"]*"|(?<![\w])\'[^\']*\'(?![\w])', " ", text)
        rest, priority = slots.take_priority(rest)
        rest, due = slots.take_due_date(rest, today)
        titles = [q.strip() for q in quotes]   # byte for byte: no typo rule, no capital
        return [_item(t, "", priority, due) for t in titles if t][:MAX_ITEMS]
    remind = bool(re.match(r"^(?:please\s+)?remind me\b", text, I))
    text, tags = rich.take_tags(text)
    text = _strip_lead(text)
    text, priority = slots.take_priority(text)
    text, when = rich.take_when(text, today)
    due = when.get("due_date")
    text, priority2 = slots.take_priority(text) if priority is None else (text, None)
    priority = priority or priority2
    text = _strip_lead(text)
    description = ""
    if match := _DESCRIPTION.search(text):
        description = (match.group(1) or match.group(2) or "").strip().strip("\"'")
        text = text[: match.start()]
    # ("add X as a task", "these three: X, Y": the span tagger's titles, weighed in `add_reading`)
    titles = [_clean_title(p) for p in _split_items(text)]
    titles = [t for t in titles if t and t.lower() not in STOPWORDS]
    extra: dict = {k: v for k, v in (("tags", tags), ("recurrence", when.get("recurrence"))) if v}
    if remind and due and "T" in due:
        extra["remind_at"] = due
    if len(titles) > 1:
        return [{**_item(t, "", priority, due), **extra} for t in titles][:MAX_ITEMS]
    return [{**_item(t, description, priority, due), **extra} for t in titles]


def _item(title: str, description: str, priority: str | None, due: date | str | None) -> dict:
    return {"title": title[:200], "description": description, "priority": priority,
            "due_date": due.isoformat() if isinstance(due, date) else due}
