"""Stage 3: the pieces of a message: titles, task numbers, references, priority, due date, status.

Every function takes the normalised text (`normalise.Norm.text`) and returns plain values; none
knows about tools or the conversation.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from todo_chat.agent.offline.lexicon import entries, lookup, table

Priority = Literal["low", "medium", "high"]
Status = Literal["all", "pending", "completed"]
DEFAULT_PRIORITY: Priority = "medium"

# Verbs a task usually starts with: two parts that both start with one are two tasks.
TASK_VERBS = frozenset(entries("task_verbs"))
# Those of them that also give a command to the assistant do not make a bare message a new task.
BARE_ADD_VERBS = TASK_VERBS - frozenset(entries("assistant_verbs"))

# --- task numbers ------------------------------------------------------------------------------

_ID_MARKED = re.compile(rf"(?:#\s*|\b(?:{lookup('id_nouns')})\s*(?:number\s+|no\.?\s*|#\s*)?)(\d{{1,9}})\b",
                        re.IGNORECASE)
_ID_LIST_TAIL = re.compile(r"^(?:\s*(?:,|and|&|or|\+)\s*#?\s*(\d{1,9})\b)+", re.IGNORECASE)
# A bare number that is not a time, a date, an amount or a count of things.
_BARE = re.compile(rf"(?<![\w#:/.$£€-])(\d{{1,9}})(?![\w:/%.,]\d|\s*(?:{lookup('number_units')})\b)")
_BARE_BEFORE_BLOCK = re.compile(rf"\b(?:{lookup('number_blockers')})\s*$", re.IGNORECASE)


def task_ids(text: str, allow_bare: bool = True) -> list[int]:
    """Task numbers the message names: '#7', 'task 7', 'number 7', 'tasks 2, 4 and 5', bare '7'."""
    ids: list[int] = []
    for match in _ID_MARKED.finditer(text):
        ids.append(int(match.group(1)))
        tail = _ID_LIST_TAIL.match(text[match.end():])
        if tail:
            ids.extend(int(n) for n in re.findall(r"\d+", tail.group(0)))
    if not ids and allow_bare:
        for match in _BARE.finditer(text):
            if not _BARE_BEFORE_BLOCK.search(text[: match.start()]):
                ids.append(int(match.group(1)))
    return list(dict.fromkeys(ids))


def strip_ids(text: str) -> str:
    text = _ID_MARKED.sub(" ", text)
    return re.sub(r"(?<![\w])#?\d{1,9}(?![\w:/])", " ", text)


# --- references to tasks named earlier -----------------------------------------------------------

_ORDINALS = table("ordinals")
_ORDINAL = re.compile(rf"\b(?:the\s+)?({lookup('ordinals')})(?:\s+(?:one|task|item|todo|on the list))?\b",
                      re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|that|this|them|those|these|both|that one|this one|the one|same one|"
                      r"that task|this task|the task|all of them|all 3|all three|both of them)\b", re.IGNORECASE)
_ALL = re.compile(r"\b(?:them|those|these|both|all of them|all 3|all three|both of them|all those|all these)\b",
                  re.IGNORECASE)


_RUN = re.compile(r"\b(?:the\s+)?(first|last|top|bottom)\s+(two|three|four|five|2|3|4|5)\b(?!\s*(?:days?|weeks?))",
                  re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    ordinals: tuple[int, ...] = ()   # indexes into the tasks the conversation named last (-1: the last)
    pronoun: bool = False            # "it", "that one"
    every: bool = False              # "them", "both"

    @property
    def ordinal(self) -> int | None:
        return self.ordinals[0] if self.ordinals else None


def reference(text: str) -> Reference:
    ordinals: list[int] = []
    if run := _RUN.search(text):
        n = table("number_words").get(run.group(2).lower()) or int(run.group(2))
        ordinals = list(range(n)) if run.group(1).lower() in ("first", "top") else list(range(-n, 0))
    else:
        ordinals = [_ORDINALS[" ".join(m.group(1).lower().split())] for m in _ORDINAL.finditer(text)]
    return Reference(tuple(dict.fromkeys(ordinals)), pronoun=bool(_PRONOUN.search(text)),
                     every=bool(_ALL.search(text)))


# --- priority ------------------------------------------------------------------------------------

_PRIORITY_WORDS: list[tuple[str, Priority]] = [
    (lookup("priority_low"), "low"), (lookup("priority_medium"), "medium"), (lookup("priority_high"), "high")]
# The priority words count only at the edges of what is left, after a comma/dash, in brackets,
# or with the word "priority": "Read important email" keeps its title.
_PRIORITY_GLUE_LEFT = (r"(?:[\s,;:(\[-]*(?:and\s+|but\s+)?(?:(?:it\s+is|this\s+is|that\s+is|is|it|this|make\s+it"
    r"|mark\s+it|"
                       r"pretty|quite|fairly|rather|kind\s+of|kinda|somewhat|a\s+bit|very|really|super|extremely|"
                       r"set\s+it|set|flag\s+it|flag|with|at|as|a|an|of|give\s+it|put\s+it\s+(?:at|as)|"
                       r"(?:the\s+)?priority(?:\s+(?:is|of|to|as|at))?)\s+)*)")
_PRIORITY_GLUE_RIGHT = r"(?:\s*(?:priority|prio|pri)\b)?(?:\s+(?:task|item|one|thing))?[\s)\]]*"


@lru_cache(maxsize=1)
def _priority_patterns() -> list[tuple[re.Pattern, re.Pattern, Priority]]:
    out = []
    for words, level in _PRIORITY_WORDS:
        edge = re.compile(rf"(?:^|[,;:(\[]|\s-\s|\s){_PRIORITY_GLUE_LEFT}\b(?:{words})\b{_PRIORITY_GLUE_RIGHT}"
                          r"(?=$|[,;.!?)\]]|\s-\s)", re.IGNORECASE)
        lead = re.compile(rf"^\s*(?:{words})\b{_PRIORITY_GLUE_RIGHT}\s*(?:[:,-]\s*|\s+)", re.IGNORECASE)
        out.append((edge, lead, level))
    return out


def take_priority(text: str) -> tuple[str, Priority | None]:
    """('Call the bank asap', ...) -> ('Call the bank', 'high')."""
    for edge, lead, level in _priority_patterns():
        match = lead.match(text)
        if match and text[match.end():].strip():
            return text[match.end():], level
        match = edge.search(text)
        if match and text[: match.start()].strip(" ,;:-"):
            return (text[: match.start()] + " " + text[match.end():]).strip(), level
    return text, None


# --- due dates -------------------------------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Full names (and the unambiguous short forms): "sun cream" and "sat nav" are not dates.
_WEEKDAY = r"(?:monday|tuesday|tues|wednesday|thursday|thurs|friday|fri|saturday|sunday)"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_PART = r"(?:\s+(?:morning|afternoon|evening|night|lunchtime|noon))?"
_DATE_CORE = (
    rf"(?:the\s+)?day\s+after\s+tomorrow|today|tonight|this\s+(?:morning|afternoon|evening)|tomorrow{_PART}"
    rf"|(?:this|next|the|coming)?\s*week\s?end"
    rf"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|week|month|year)|eod|eow|eom"
    rf"|(?:this|next|coming|the\s+coming)?\s*{_WEEKDAY}{_PART}(?:\s+next\s+week)?"
    rf"|(?:next|the\s+following)\s+(?:week|month|year)"
    rf"|in\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}}|a\s+couple\s+of|a\s+few|couple\s+of)\s+"
    rf"(?:days?|weeks?|months?)|(?:a|one|two|\d{{1,2}})\s+weeks?\s+from\s+(?:today|now)"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|the\s+\d{{1,2}}(?:st|nd|rd|th)"
)
_DATE_LEAD = (r"(?:(?:,|;|-)\s*)?(?:\b(?:and\s+)?(?:it\s+is\s+|is\s+)?(?:by|on|before|for|due(?:\s+(?:on|by|date))?|"
              r"until|till|no\s+later\s+than|deadline(?:\s+is)?|at\s+the\s+latest|sometime|some\s+time)\s*:?\s+)?")
_DATE = re.compile(rf"{_DATE_LEAD}\b(?:{_DATE_CORE})\b(?:\s+at\s+the\s+latest)?", re.IGNORECASE)


@lru_cache(maxsize=8)
def _date_parser(today: date):
    """One parser per `today` (dateparser is slow to import and to set up: only when needed)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": datetime(today.year, today.month, today.day)})


def resolve_date(phrase: str, today: date) -> date | None:
    """'next monday' -> a date, relative to `today`; simple forms by hand, the rest by dateparser."""
    low = " ".join(phrase.lower().split())
    if low in ("today", "tonight", "eod", "end of day", "end of the day", "this morning", "this afternoon",
               "this evening"):
        return today
    low = re.sub(r"\s+(?:morning|afternoon|evening|night|lunchtime|noon)$", "", low)
    if low == "tomorrow":
        return today + timedelta(days=1)
    if re.fullmatch(r"(?:the )?day after tomorrow", low):
        return today + timedelta(days=2)
    if re.fullmatch(r"(?:this |next |the |coming )?week ?end", low):
        days = (5 - today.weekday()) % 7
        return today + timedelta(days=days + (7 if low.startswith("next") and days else 0))
    if m := re.fullmatch(r"(?:the )?end of (?:the |this |next )?(day|week|month|year)|(eow|eom)", low):
        unit = m.group(1) or {"eow": "week", "eom": "month"}[m.group(2)]
        nxt = " next " in f" {low} "
        if unit == "week":
            return today + timedelta(days=(4 - today.weekday()) % 7 + (7 if nxt else 0))
        if unit == "month":
            year, month = today.year, today.month + (1 if nxt else 0)
            year, month = (year + 1, 1) if month > 12 else (year, month)
            return date(year, month, calendar.monthrange(year, month)[1])
        if unit == "year":
            return date(today.year + (1 if nxt else 0), 12, 31)
        return today
    if m := re.fullmatch(rf"(this |next |coming |the coming )?({_WEEKDAY})( next week)?", low):
        weekday = next(i for i, d in enumerate(_WEEKDAYS) if d.startswith(m.group(2)[:3]))
        ahead = (weekday - today.weekday()) % 7
        if ahead == 0 and not (m.group(1) or "").startswith("this"):
            ahead = 7
        if m.group(3):
            ahead += 7
        return today + timedelta(days=ahead)
    if m := re.fullmatch(r"the (\d{1,2})(?:st|nd|rd|th)", low):
        day = int(m.group(1))
        for months_on in range(0, 3):
            year, month = today.year + (today.month + months_on - 1) // 12, (today.month + months_on - 1) % 12 + 1
            if day <= calendar.monthrange(year, month)[1]:
                candidate = date(year, month, day)
                if candidate >= today:
                    return candidate
        return None
    found = _date_parser(today).get_date_data(re.sub(r"^the following ", "next ", low)).date_obj
    if found is None:
        return None
    result = found.date()
    if result < today and re.search(_MONTH, low) and not re.search(r"\d{4}", low):
        result = result.replace(year=result.year + 1)
    return result


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


def list_priority(low: str) -> Priority | None:
    """'show me the urgent ones' -> 'high'."""
    if re.search(r"\b(?:high|top)[\s-]*priority|\burgent\b|\bimportant\b|\bcritical\b", low):
        return "high"
    if re.search(r"\blow[\s-]*priority|\bnot urgent\b|\bunimportant\b", low):
        return "low"
    if re.search(r"\bmedium[\s-]*priority|\bnormal[\s-]*priority", low):
        return "medium"
    return None


def take_due_date(text: str, today: date) -> tuple[str, date | None]:
    """('Renew my licence by Monday', ...) -> ('Renew my licence', <Monday>)."""
    for match in _DATE.finditer(text):
        phrase = re.sub(rf"^{_DATE_LEAD}", "", match.group(0), flags=re.IGNORECASE).strip()
        phrase = re.sub(r"\s+at the latest$", "", phrase, flags=re.IGNORECASE)
        due = resolve_date(phrase, today)
        if due is not None:
            rest = (text[: match.start()] + " " + text[match.end():])
            return " ".join(rest.split()), due
    return text, None


# --- list status ------------------------------------------------------------------------------

_INCLUSIVE = re.compile(r"\b(?:including|include|included|even|done or not|as well|too|both|whether|or not|"
                        r"and (?:the )?(?:completed|done|finished)|plus (?:the )?(?:completed|done|finished))\b")
_BY_ME = re.compile(r"\b(?:i|we) (?:have |had )?(?:already )?(?:finished|done|completed|ticked off|checked off|"
                    r"crossed off|got done|did)\b")
_PENDING = re.compile(
    r"\b(?:pending|left|remaining|open|outstanding|incomplete|not done|not finished|unfinished|not completed|"
    r"to do(?! list)|still|need to do|have to do|undone|due|upcoming|yet to|next|not yet|active|current|"
    r"on my plate|unticked|unchecked|waiting|(?:need|have|got) to (?:get )?(?:do|done)|to get done|needs? doing|"
    r"for today|today|this week|tomorrow)\b")
_COMPLETED = re.compile(r"\b(?:completed|done|finished|accomplished|ticked|checked|crossed|closed|achieved|"
                        r"complete ones|got done|did i (?:do|finish|complete|tick|check|get done))\b")
_EVERYTHING = re.compile(r"\b(?:all|everything|every|whole|entire|full|complete list)\b")


def list_status(low: str) -> Status:
    """all / pending / completed, from the words of a listing request."""
    if _INCLUSIVE.search(low):
        return "all"
    if _BY_ME.search(low) and not re.search(r"\bnot\b|\byet\b", low):
        return "completed"
    if _PENDING.search(low):
        return "pending"
    if _EVERYTHING.search(low):
        return "all"
    if _COMPLETED.search(low):
        return "completed"
    return "all"


# --- words ------------------------------------------------------------------------------------------

_IRREGULAR = {"paid": "pay", "bought": "buy", "sent": "send", "did": "do", "done": "do", "went": "go",
              "made": "make", "got": "get", "took": "take", "wrote": "write", "fed": "feed", "ran": "run",
              "met": "meet", "read": "read", "gave": "give", "brought": "bring", "rang": "ring",
              "sold": "sell", "found": "find", "told": "tell", "drove": "drive", "swept": "sweep",
              "hung": "hang", "left": "leave", "sat": "sit", "spoke": "speak", "threw": "throw",
              "children": "child", "kids": "kid", "groceries": "grocery", "dishes": "dish",
              "boxes": "box", "taxes": "tax", "batteries": "battery", "glasses": "glass",
              "mum": "mom", "mummy": "mom", "mother": "mom", "dad": "dad", "emailed": "email", "texted": "text"}


# Past forms of verbs ("the window cleaner came"): a report, not a task.
PAST_FORMS = frozenset({"paid", "bought", "sent", "did", "went", "made", "took", "wrote", "fed", "ran", "met", "gave",
                        "brought", "rang", "sold", "found", "told", "drove", "swept", "threw", "came", "was", "were",
                        "broke", "fell", "forgot", "saw", "spoke", "arrived", "happened", "turned up", "showed up"})


def stem(word: str) -> str:
    """Crude but enough for titles: 'meetings' ~ 'meeting', 'paid' ~ 'pay', 'booked' ~ 'book'."""
    word = word.lower().strip("'")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    if len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
        if len(word) > 3 and word[-1] == word[-2]:
            return word[:-1]
        return word
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


WORD = re.compile(r"[\w][\w'&+.-]*\w|\w")


def words(text: str) -> list[str]:
    return WORD.findall(text)
