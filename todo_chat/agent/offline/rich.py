"""Stage 3, richer tasks: tags, times of day, repeats, reminders, list filters, and field changes.

Plain functions over the normalised text, like `slots`: each takes what it understands out of
the text and returns the rest with the value, so the title is what remains.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from re import IGNORECASE as I
from typing import Any

from todo_chat.agent.offline import slots
from todo_chat.agent.offline.field_words import LEVELS, level_of, take_shift
from todo_chat.agent.offline.lexicon import lookup, pairs, starts, table

_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY_WORD = r"(?:mon(?:day)?s?|tue(?:s(?:day)?)?s?|wed(?:nesday)?s?|thu(?:rs(?:day)?)?s?|fri(?:day)?s?|" \
                r"sat(?:urday)?s?|sun(?:day)?s?)"
_NUMBER_WORDS = table("number_words")


def _weekday_index(word: str) -> int:
    return ["mo", "tu", "we", "th", "fr", "sa", "su"].index(word.lower()[:2])


# --- tags ------------------------------------------------------------------------------------------

_HASHTAG = re.compile(r"(?<![\w#&])#([a-z][\w-]{0,31})\b", I)
_TAGGED_WITH = re.compile(r"\s*,?\s*\b(?:tagged|with (?:the )?tags?|tags?:?)\s+([a-z][\w-]*(?:\s*(?:,"
    r"|and)\s*[a-z][\w-]*)*)\s*$", I)


def take_tags(text: str) -> tuple[str, list[str]]:
    """('File taxes #finance #home', ...) -> ('File taxes', ['finance', 'home'])."""
    tags = [m.group(1).lower() for m in _HASHTAG.finditer(text)]
    text = _HASHTAG.sub(" ", text)
    if m := _TAGGED_WITH.search(text):
        tags += [t.lower() for t in re.split(r"\s*(?:,|\band\b)\s*", m.group(1)) if t]
        text = text[: m.start()]
    return " ".join(text.split()), list(dict.fromkeys(tags))


# --- times of day ----------------------------------------------------------------------------------

_TIME = re.compile(
    r"(?:\s*,?\s*\b(?:at|by|@|around|from)\s+)?\b(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>am|pm|a\.m\.?|p\.m\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d{2})|(?P<word>noon|midday|midnight))\b"
    r"|\s*,?\s*\bat\s+(?P<bare>\d{1,2})(?:\s*o'?clock)?\b(?![:/.\d]|\s*(?:%|days?|weeks?|st|nd|rd|th))", I)


def take_time(text: str) -> tuple[str, tuple[int, int] | None]:
    """('Call the vet at 10am', ...) -> ('Call the vet', (10, 0)); a bare 'at 3' is in the afternoon."""
    m = _TIME.search(text)
    if not m:
        return text, None
    if m.group("h"):
        hour, minute = int(m.group("h")) % 12, int(m.group("m") or 0)
        if m.group("ap").lower().startswith("p"):
            hour += 12
    elif m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    elif m.group("word"):
        hour, minute = (0, 0) if m.group("word").lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(m.group("bare")), 0
        if hour > 23:
            return text, None
        if 1 <= hour <= 6:
            hour += 12
    if hour > 23 or minute > 59:
        return text, None
    rest = text[: m.start()] + " " + text[m.end():]
    return " ".join(rest.split()), (hour, minute)


_TONIGHT = re.compile(r"\btonight\b", I)


# --- repeats ---------------------------------------------------------------------------------------

_EVERY = r"(?:every|each)"
_RECUR = re.compile(
    rf"\s*,?\s*\b(?:(?:and\s+)?(?:repeat(?:ing|s)?|recurring)\s+)?(?:"
    rf"(?P<daily>daily|every\s*day|each\s+day|every\s+morning|every\s+evening|every\s+night)"
    rf"|(?P<weekdays>{_EVERY}\s+(?:week\s*day|work\s*day)s?|on\s+weekdays|weekdays)"
    rf"|(?P<weekends>{_EVERY}\s+weekends?|on\s+weekends)"
    rf"|{_EVERY}\s+(?P<n>\d{{1,2}}|two|three|four|five|six|other)\s+(?P<unit>days?|weeks?|months?|years?)"
    rf"(?:\s+on\s+(?P<nday>{_WEEKDAY_WORD}))?"
    rf"|(?:{_EVERY}\s+|on\s+)(?P<days>{_WEEKDAY_WORD}(?:\s*(?:,|and|&)\s*{_WEEKDAY_WORD})*)(?!\s+(?:next|week))(?:\s+(?:morning|afternoon|evening|night|lunchtime)s?)?"
    rf"|(?P<weekly>weekly|every\s+week|each\s+week|once\s+a\s+week)(?:\s+on\s+(?P<wday>{_WEEKDAY_WORD}))?"
    rf"|(?P<monthly>monthly|every\s+month|each\s+month|once\s+a\s+month)"
    rf"(?:\s+on\s+the\s+(?P<mday>\d{{1,2}})(?:st|nd|rd|th)?)?"
    rf"|{_EVERY}\s+(?P<mday2>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+(?:the|every|each)\s+month)"
    rf"|on\s+the\s+(?P<mday3>\d{{1,2}})(?:st|nd|rd|th)\s+of\s+(?:every|each)\s+month"
    rf"|(?P<yearly>yearly|annually|every\s+year|each\s+year|once\s+a\s+year)"
    rf")\b", I)
# "on mondays" alone (no every) counts only in the plural; "on monday" is a date.
_PLURAL_DAY = re.compile(r"s$", I)


def take_recurrence(text: str) -> tuple[str, str | None]:
    """('Water the plants every monday', ...) -> ('Water the plants', 'FREQ=WEEKLY;BYDAY=MO')."""
    for m in _RECUR.finditer(text):
        g = m.groupdict()
        rule = None
        if g["daily"]:
            rule = "FREQ=DAILY"
        elif g["weekdays"]:
            rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        elif g["weekends"]:
            rule = "FREQ=WEEKLY;BYDAY=SA,SU"
        elif g["n"]:
            n = _NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
            unit = g["unit"].lower().rstrip("s")
            freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[unit]
            rule = f"FREQ={freq}" + (f";INTERVAL={n}" if n > 1 else "")
            if g["nday"] and freq == "WEEKLY":
                rule += f";BYDAY={_DAYS[_weekday_index(g['nday'])]}"
        elif g["days"]:
            names = re.split(r"\s*(?:,|and|&)\s*", g["days"])
            if m.group(0).strip().lower().startswith("on") and not all(_PLURAL_DAY.search(n) for n in names):
                continue
            rule = "FREQ=WEEKLY;BYDAY=" + ",".join(dict.fromkeys(_DAYS[_weekday_index(n)] for n in names))
        elif g["weekly"]:
            rule = "FREQ=WEEKLY" + (f";BYDAY={_DAYS[_weekday_index(g['wday'])]}" if g["wday"] else "")
        elif g["monthly"] or g["mday2"] or g["mday3"]:
            mday = g["mday"] or g["mday2"] or g["mday3"]
            rule = "FREQ=MONTHLY" + (f";BYMONTHDAY={int(mday)}" if mday and 1 <= int(mday) <= 31 else "")
        elif g["yearly"]:
            rule = "FREQ=YEARLY"
        if rule:
            rest = text[: m.start()] + " " + text[m.end():]
            return " ".join(rest.split()), rule
    return text, None


def first_occurrence(rule: str, today: date) -> date:
    """The first day on or after `today` that a rule falls on."""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    if "BYDAY" in parts:
        days = [_DAYS.index(d) for d in parts["BYDAY"].split(",")]
        return min(today + timedelta(days=(d - today.weekday()) % 7) for d in days)
    if "BYMONTHDAY" in parts:
        day = int(parts["BYMONTHDAY"])
        year, month = today.year, today.month
        for _ in range(3):
            if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= today:
                return date(year, month, day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return today


def describe_rule(rule: str | None) -> str:
    """'FREQ=WEEKLY;BYDAY=MO' -> 'repeats every Monday'."""
    if not rule:
        return ""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq, n = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1") or 1)
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}.get(freq, "time")
    if "BYDAY" in parts:
        days = parts["BYDAY"].split(",")
        names = [_DAY_NAMES[_DAYS.index(d[-2:])] for d in days if d[-2:] in _DAYS]
        if set(days) == {"MO", "TU", "WE", "TH", "FR"}:
            text = "every weekday"
        elif set(days) == {"SA", "SU"}:
            text = "every weekend"
        else:
            text = "every " + (" and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0])
        if n > 1:
            text = f"every {n} weeks on " + text[6:]
        return "repeats " + text
    text = f"every {n} {unit}s" if n > 1 else {"day": "every day", "week": "every week", "month": "every month",
                                               "year": "every year"}.get(unit, "regularly")
    if "BYMONTHDAY" in parts:
        day = int(parts["BYMONTHDAY"])
        suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        text += f" on the {day}{suffix}"
    return "repeats " + text


# --- when: date + time + repeat, together --------------------------------------------------------

def take_when(text: str, today: date) -> tuple[str, dict[str, Any]]:
    """The when-words of a message: {'due_date': 'YYYY-MM-DD[THH:MM]', 'recurrence': ...} and the rest."""
    out: dict[str, Any] = {}
    text, rule = take_recurrence(text)
    text, clock = take_time(text)
    tonight = bool(_TONIGHT.search(text))
    text, due = slots.take_due_date(text, today)
    # "in 2 hours": the model knows no clock time; such words stay in the text.
    if rule:
        out["recurrence"] = rule
        if due is None:
            due = first_occurrence(rule, today)
    if clock and due is None:
        due = today
    if clock is None and tonight and due == today and rule is None:
        clock = None  # "tonight" stays a date, as it always has
    if due is not None:
        out["due_date"] = due.isoformat() + (f"T{clock[0]:02d}:{clock[1]:02d}" if clock else "")
    return text, out


# --- listing filters -------------------------------------------------------------------------------

def list_filters(low: str) -> dict[str, Any]:
    """'what's due this week, by priority?' -> {'due': 'week', 'sort': 'priority', 'order': 'desc'}."""
    out: dict[str, Any] = {}
    if re.search(rf"\b(?:{lookup('overdue_words')})\b", low):
        out["due"] = "overdue"
    elif re.search(r"\bdue\b[\w\s]*\btoday\b|\btoday'?s tasks\b|\b(?:tasks?|anything) (?:for|due) today\b", low):
        out["due"] = "today"
    elif re.search(r"\bdue\b[\w\s]*\btomorrow\b|\b(?:tasks?|anything) (?:for|due) tomorrow\b", low):
        out["due"] = "tomorrow"   # no such filter in list_tasks: the model picks them from the list
    elif re.search(r"\b(?:this|the|next|coming)\s+(?:\d+\s+days|week)\b|\bweek'?s tasks\b", low) and \
            re.search(r"\b(?:due|this week|coming up|upcoming|next 7 days)\b", low):
        out["due"] = "week"
    elif re.search(r"\b(?:no|without(?: a)?|undated|missing)\s+(?:due )?dates?\b|\bnot due\b", low):
        out["due"] = "none"
    tag = re.search(r"(?<![\w&])#([a-z][\w-]*)", low) or re.search(
        r"\b(?:tagged|tag|labell?ed|label)\s+(?:with\s+|as\s+)?['\"]?([a-z][\w-]*)", low) or re.search(
        r"\b([a-z][\w-]*)\s+(?:tag|label)\b(?!\s+(?:to|with))", low)
    if tag and tag.group(1) not in ("with", "the", "a", "my", "as", "any"):
        out["tag"] = tag.group(1)
    if m := re.search(r"\b(?:sort(?:ed)?|order(?:ed)?|arrange[d]?|group(?:ed)?|rank(?:ed)?)?\s*\bby\s+(?:the\s+)?"
                      rf"({lookup('sort_keys')})\b", low):
        if re.search(r"\b(?:sort|order|arrange|rank|group)", m.group(0)) or re.match(
                r"^(?:show|list|display|view|see|give me|get me|tasks|my tasks|all tasks)\b", low):
            out["sort"], out["order"] = pairs("sort_keys")[" ".join(m.group(1).split())].split()
    elif re.search(r"\balphabetical(?:ly)?\b|\bA to Z\b|\ba-z\b", low):
        out["sort"], out["order"] = "title", "asc"
    if m := re.search(r"\b(?:search(?: for)?|look(?:ing)? for|find (?=tasks?|anything)|grep|anything (?:about|with"
        r"|mentioning)|"
                      r"tasks? (?:about|mentioning|containing|with the words?)|(?:that|which) mentions?)\s+"
                      r"['\"]?(?:tasks? (?:about|for|with)\s+)?(?:the\s+"
                          r"|my\s+)?([\w' -]+?)['\"]?\s*(?:tasks?)?[?.!]*$", low):
        words = m.group(1).strip()
        if words and words not in ("tasks", "my tasks", "everything", "anything"):
            out["query"] = words
    return out


# --- changes to a task -----------------------------------------------------------------------------

_MOVE = re.compile(rf"^(?:{lookup('verbs_move')}|(?:change|set)\s+the\s+(?:due\s+)?date\s+of|make)\s+", I)


def field_changes(text: str, today: date) -> tuple[dict[str, Any], str] | None:
    """('move the optician to next friday', ...) -> ({'due_date': ...}, 'the optician'); None: no field change.

    The keys: due_date ('' removes), shift_days, priority, tags_add, tags_remove, recurrence
    ('' stops), remind_at. The text returned names the task."""
    t = text
    # Removing the due date.
    if m := re.search(rf"\b(?:{lookup('verbs_clear')})\s+(?:the\s+)?(?:due\s+date|deadline|"
                      r"date)\s+(?:from|of|on|for|off)\s+(.+)$|^(?:remove|clear|drop|unset)\s+(.+?)'?s?\s+(?:due\s+date|deadline)$"
                      r"|^make\s+(.+?)\s+(?:undated|have no (?:due )?date)$", t, I):
        return {"due_date": ""}, next(g for g in m.groups() if g)
    # Repeats.
    if m := re.search(rf"^(?:{lookup('verbs_stop')})\s+(?:repeating|recurring|the repeat(?:s|ing)? (?:of|on|for)|"
                      r"the recurrence (?:of|on|for))\s+(.+)$|^(?:make|set)\s+(.+?)\s+(?:not repeat|one[\s-]off|"
                      r"non[\s-]recurring|stop repeating)$|^(.+?)\s+(?:should )?(?:stop|no longer) repeat(?:ing|s)?$"
                      r"|^(?:do not|don't)\s+repeat\s+(.+)$", t, I):
        return {"recurrence": ""}, next(g for g in m.groups() if g)
    if m := re.search(r"^(?:make|set|have|let)\s+(.+?)\s+(?:repeat|recur|happen|come (?:back|up))\s+(.+)$"
                      r"|^(?:repeat)\s+(.+?)\s+((?:every|each|daily|weekly|monthly|yearly)\b.*)$", t, I):
        target, when = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        _, rule = take_recurrence(when)
        if rule:
            return {"recurrence": rule}, target
    # Tags.
    if m := re.search(r"^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(.+)$|^add\s+(?:the\s+)?(?:tags?|labels?)\s+(.+?)\s+"
                      r"(?:to|on)\s+(.+)$|^add\s+(#\S+(?:\s*(?:,|and)?\s*#\S+)*)\s+(?:to|on)\s+(.+)$", t, I):
        if m.group(1):
            target, tags = m.group(1), m.group(2)
        else:
            tags, target = (m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6))
        words = [w.lstrip("#").lower() for w in re.split(r"[\s,]+|\band\b", tags) if w.strip("# ")]
        words = [w for w in words if w not in ("tag", "tags", "the", "a")]
        if words:
            return {"tags_add": words}, target
    if m := re.search(r"^(?:untag|unlabel)\s+(.+?)(?:\s+(?:from|as|with)\s+(.+))?$|^remove\s+(?:the\s+)?(#?\w+)\s+"
                      r"(?:tag|label)\s+from\s+(.+)$"
                      r"|^remove\s+(?:the\s+)?(?:tags?|labels?)\s+(.+?)\s+from\s+(.+)$", t, I):
        if m.group(1):
            target, tags = m.group(1), m.group(2) or ""
            if not tags:
                target, tags = re.subn(r"\s+#(\w+)\s*$", "", target)[0], " ".join(re.findall(r"#(\w+)", target))
        else:
            tags, target = (m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6))
        words = [w.lstrip("#").lower() for w in re.split(r"[\s,]+|\band\b", tags) if w.strip("# ")]
        return {"tags_remove": words or ["*"]}, target
    # Priority.
    verbs = f"{lookup('priority_down_verbs')}|{lookup('priority_up_verbs')}"
    if m := re.search(rf"^({verbs})\s+(?:the\s+)?(?:priority\s+(?:of|on|for)\s+)?(.+?)(?:'s\s+priority)?"
                      r"(?:\s+priority)?(?:\s+up)?$", t, I):
        return {"priority": "low" if starts("priority_down_verbs").match(m.group(1).lower()) else "high"}, m.group(2)
    if re.match(r"^(?:make|set|put|give)\s+(?:a|an|me|new)\b", t, I):
        return None
    levels = "|".join(lookup(kind) for _, kind in LEVELS)
    if m := re.search(rf"^(?:make|mark|set|flag|change|put|give|switch)\s+(.+?)\s+(?:as\s+|to\s+|at\s+|on\s+)?(?:a\s+"
                      rf"|the\s+)?({levels})(?:\s+(?:priority|prio))?$", t, I) or re.search(
            rf"^(?:change|set|make)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(.+?)\s+(?:to|as)\s+({levels})$", t, I):
        return {"priority": level_of(m.group(2))}, m.group(1)
    # Reminders on a task: "remind me about the optician on friday at 9".
    if m := re.search(r"^(?:remind me (?:about|of)|set a reminder (?:for|on))\s+(.+)$", t, I):
        rest, clock = take_time(m.group(1))
        rest, due = slots.take_due_date(rest, today)
        if clock or due:
            when = (due or today).isoformat() + (f"T{clock[0]:02d}:{clock[1]:02d}" if clock else "T09:00")
            return {"remind_at": when}, rest
        return None
    # Due dates.
    rest, shift = take_shift(t)
    if shift and not starts("verbs_add").match(t.lower()) and not starts("remind_leads").match(t.lower()):
        return {"shift_days": shift}, _MOVE.sub("", rest)
    if m := _MOVE.match(t):
        rest = t[m.end():]
        making = m.group(0).lower().startswith("make")    # ("make a/an/me/new ..." returned above)
        split = re.search(r"\s+(?:due)\s+(?=\S)" if making else
                          r"\s+(?:to|till|until|for|on|back to|forward to)\s+(?=\S)", rest, I)
        if split:
            target, when = rest[: split.start()], rest[split.end():]
            when_rest, found = take_when(when, today)
            if found.get("due_date") and not when_rest.strip(" .!?"):
                return {"due_date": found["due_date"]}, target
        # "move the dentist friday": the date right after the words
        when_rest, found = take_when(rest, today)
        if found.get("due_date") and not m.group(0).lower().startswith(("make", "set")):
            return {"due_date": found["due_date"]}, when_rest
    if m := re.search(r"^(?:set|change|make)\s+(?:the\s+)?(?:due\s+date|deadline)\s+(?:of|for|on)\s+(.+?)\s+(?:to"
        r"|as)\s+(.+)$"
                      r"|^(?:make)\s+(.+?)\s+due\s+(.+)$|^(.+?)\s+(?:is|should be)\s+(?:now\s+)?due\s+(.+)$", t, I):
        target, when = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
        when_rest, found = take_when(when, today)
        if found.get("due_date"):
            return {"due_date": found["due_date"]}, target
    return None
