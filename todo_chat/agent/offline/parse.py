"""Stages 1-3 together: a message in, a `Request` out (what to do, and with which pieces)."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from re import IGNORECASE as I

from todo_chat.agent.offline import clauses, extensions, frames, rich, slots
from todo_chat.agent.offline.add_reading import arbitrate, doubted
from todo_chat.agent.offline.adding import MAX_ITEMS, _clean_title, _item, add_items
from todo_chat.agent.offline.intent import Action, classify
from todo_chat.agent.offline.learned.arbiter import decide
from todo_chat.agent.offline.learned.inference import predict
from todo_chat.agent.offline.lexicon import anywhere, starts
from todo_chat.agent.offline.normalise import Norm, normalise
from todo_chat.agent.offline.resolve import STOPWORDS
from todo_chat.agent.offline.slots import Reference, Status
from todo_chat.agent.offline.tagged import bare_content, tagged_task, tagged_update
from todo_chat.agent.offline.update_fields import split_fields


@dataclass
class Request:
    action: Action
    norm: Norm
    score: float = 0.0
    ids: list[int] = field(default_factory=list)
    query: str = ""
    ref: Reference = field(default_factory=Reference)
    items: list[dict] = field(default_factory=list)   # add: {title, description, priority, due_date}
    new_title: str | None = None
    new_description: str | None = None
    status: Status = "all"
    unsupported: str | None = None
    query_parts: list[str] = field(default_factory=list)  # "the email task and the shelf task"
    priority: str | None = None       # list: only tasks of this priority
    filters: dict = field(default_factory=dict)   # list: due / tag / sort / order / query
    changes: dict = field(default_factory=dict)   # update: due_date, priority, tags_add, recurrence, ...
    today: date | None = None
    target_text: str = ""
    confirm: bool = False             # act only after the user says yes
    note_mode: str = "replace"        # update: "append" adds the new description to the old one
    correction: tuple[str, str] | None = None   # update: (wrong words, right words) in a title
    tagged: bool = False              # update: the span tagger read its target and content, not the rules

    @property
    def on_tasks(self) -> bool:
        return self.action in ("complete", "reopen", "delete", "update")


def understand(text: str, today: date | None = None) -> Request:
    """What `text` asks for. A turn reads its message at every model step (before the tool call
    and after it): the reading is kept, and each caller gets its own copy."""
    return _own_copy(_understand(text, today or date.today()))


# A kept reading's values of these types are never changed in place (frozen dataclasses of
# strings and tuples, scalars, dates): a copy shares them. Its lists and dicts are copied whole.
_SHARED = frozenset({str, int, float, bool, type(None), date, Norm, Reference})


def _own_copy(reading: Request) -> Request:
    """A copy of `reading` that shares nothing its holder could change (a deep copy of the
    dataclass took ~40 us, four times a turn; this is a few)."""
    fields: dict = {}
    for name, value in vars(reading).items():
        kind = type(value)
        if kind in _SHARED:
            fields[name] = value
        elif not value and (kind is list or kind is dict):
            fields[name] = kind()
        else:
            fields[name] = deepcopy(value)
    mine = object.__new__(Request)
    vars(mine).update(fields)
    return mine


@lru_cache(maxsize=256)
def _understand(text: str, today: date) -> Request:
    return _guarded(_read(text, today))


_VERBS = {"complete": "verbs_complete", "delete": "verbs_delete", "add": "verbs_add"}


def _guarded(request: Request, again: bool = True) -> Request:
    """Safety as a rule of the grammar: a question asks, a negated clause does not act."""
    norm = request.norm
    if request.action in ("add", "complete", "reopen", "delete", "update") and clauses.mood(norm.raw) == "question":
        asked = Request("list", norm, request.score, today=request.today)
        asked.query = target_query(_quoted_or(norm))
        asked.status = "all" if asked.query else slots.list_status(norm.low)
        return asked
    if request.action == "reopen" and not anywhere("reopen_explicit").search(norm.low):
        request.confirm = True     # "the rent is not paid": plausible, not certain; ask first
    kind = _VERBS.get(request.action, "verbs_complete")
    if request.action not in _VERBS and not request.confirm:
        return request
    parts = clauses.clauses(norm.text, kind)
    kept = [c.text for c in parts if not c.negated]
    if not kept and request.action == "complete" and predict(norm.raw).intent == "reopen":
        # "the gutters aren't finished, I ticked them by mistake": the classifier reads a reopen
        request.action, request.confirm = "reopen", not anywhere("reopen_explicit").search(norm.low)
        return request
    if not kept:
        return request if request.action == "reopen" else Request("cancel", norm, request.score, today=request.today)
    if len(kept) < len(parts) and again and request.action != "add":
        # "the bins are done but the dishes are not": only what was affirmed, read again.
        return _guarded(_read(" and ".join(kept), request.today or date.today()), again=False)
    return request


def _from_frame(frame: frames.Frame, norm: Norm, today: date) -> Request | None:
    if frame.kind in ("add", "add_exact"):
        items: list[dict] = []
        exact = iter(norm.quotes)   # a quoted part is the title as typed (norm.quotes), byte for byte
        for part in frame.items:
            if frame.kind == "add_exact" and re.fullmatch(r'\s*"[^"]*"\s*', part):
                items.append(_item(next(exact, part.strip().strip('"')), "", None, None))
                continue
            items += [_framed_item(part, frame.extra[0], today)] if frame.kind == "add_exact" \
                else add_items(normalise("add " + part), today)
        items = arbitrate([i for i in items if i["title"]], norm, today)
        return Request("add", norm, 5.0, items=items[:MAX_ITEMS], today=today) if items else None
    request = Request("update", norm, 5.0, today=today)
    if frame.kind == "correct":
        request.correction = (frame.old, frame.new)
        return request
    if frame.kind == "rename":
        quoted = [q for q in norm.quotes if q == frame.content.strip("'\"")]
        request.new_title = quoted[0] if quoted else frame.content[:1].upper() + frame.content[1:]
        target_quotes = [q for q in norm.quotes if q == frame.target.strip("'\"")]
        _fill_target(request, frame.target, target_quotes)
        return _field_instead(request) if (request.ids or request.query or request.ref.pronoun) else None
    request.new_description, request.note_mode = frame.content, frame.mode
    _fill_target(request, frame.target, [])
    return request if (request.ids or request.query or request.ref.pronoun) else None


def _framed_item(part: str, when_words: str, today: date) -> dict:
    """An item after a head ("need: X"): the title as written, less its tags, priority and date."""
    if (quoted := re.fullmatch(r'\s*"([^"]+)"\s*', part)) is not None:
        return _item(quoted.group(1), "", None, None)
    text, tags = rich.take_tags(part)
    text, priority = slots.take_priority(text)
    text, when = rich.take_when(text, today)
    due = when.get("due_date") or rich.take_when(when_words, today)[1].get("due_date")
    item = _item(_clean_title(text), "", priority, due)
    return {**item, **({"tags": tags} if tags else {})}


def _quoted_or(norm: Norm) -> str:
    return norm.quotes[0] if norm.quotes else norm.text


def _read(text: str, today: date) -> Request:
    norm = normalise(text)
    frame = frames.read(text, norm.text)
    if frame is not None and (framed := _from_frame(frame, norm, today)) is not None:
        return framed
    scored = classify(_mask_quotes(norm.low), _mask_quotes(norm.raw.lower()))   # a quoted title is no command
    verdict = decide(scored.action, norm.raw)
    request = Request(verdict.action, norm, scored.score, today=today, confirm=verdict.confirm)  # type: ignore[arg-type]
    listing = request.action == "list" and bool(re.match(
        r"^(?:show|list|display|view|see|what|which|how|any|anything|is|are|do|sort|search|find|give|tell)\b",
        norm.low))
    rest, extra = split_fields(norm.text, today)    # "move X to monday and make it urgent"
    if not listing and (found := rich.field_changes(rest or norm.text, today)) is not None:
        request.action = "update"
        request.changes, target = {**(extra if rest else {}), **found[0]}, found[1]
        request.target_text = target
        _fill_target(request, target)
        return request
    if verdict.action in extensions.HOOKED_INTENTS:
        return extensions.handled(verdict.action, norm.raw) or Request("unknown", norm, scored.score, today=today)
    if request.action == "add" and request.confirm and _tagged_instead(request):
        return request
    if request.action == "add":
        request.items = arbitrate(add_items(norm, today), norm, today)   # none: the model asks what to add
        request.confirm = request.confirm or doubted(request.items, norm)
    elif request.action == "list":
        request.status = slots.list_status(norm.low)
        request.priority = slots.list_priority(norm.low)
        request.filters = rich.list_filters(norm.raw.lower())
        if request.filters.get("sort") == "priority" and request.priority == "high" and \
                not re.search(r"\bhigh\b|\burgent\b|\bimportant\b", norm.low):
            request.priority = None
        if re.match(r"^(?:is|are|did|have|has|was|were)\b", norm.low) and not re.search(
                r"\b(?:anything|any|something|everything|tasks|todos|items|left|pending|list)\b", norm.low):
            request.query = target_query(norm.text)
            request.status = "all" if request.query else request.status
    elif request.action == "update":
        if scored.action == "unknown" and not anywhere("note_replace").search(norm.low):
            request.note_mode = "append"    # a note no rule read: keep what the task already says
        _fill_update(request)
        if request.confirm and _tagger_agrees(request):
            request.confirm = False
        _field_instead(request)
    elif request.action in ("complete", "reopen", "delete"):
        _fill_target(request, norm.text)
    return request


# --- acting on a task -----------------------------------------------------------------------------

_TARGET_NOISE = [
    r"\b(?:task|one|item|todo|thing)\s+(?:called|named|titled|about|for|that says|saying)\b",
    r"\b(?:as|to)\s+(?:not\s+)?(?:done|complete|completed|finished|pending|open|undone|incomplete|unfinished)\b",
    r"\b(?:from|off|on|in|out of|onto|to)\s+(?:my|the|our)\s+(?:todo\s+|to do\s+|task\s+)?(?:list|tasks|todos)\b",
    r"\bafter all\b|\bget rid of\b|\btake care of\b|\btaken care of\b|\bdealt with\b|\bover with\b",
    r"\bput\s+(?:it|that|this)?\s*back\b|\bbring\s+(?:it|that|this)?\s*back\b",
    r"\b(?:by mistake|accidentally|by accident|for good|for now|right now|anymore|any more)\b",
    r"\b(?:you can|you could|can you|could you|i think|i guess|go ahead and|go ahead)\b",
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|top|bottom|1st|2nd|3rd|4th|5th)(?:\s+(?:two|three|four|five|[2-5]))?"
    r"(?:\s+(?:ones?|tasks?|items?))?(?=\s*$|\s+(?:ones?|tasks?|items?|on|in|from|of)\b)",
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?:one|task)\b",
]
_NOISE = [re.compile(p, I) for p in _TARGET_NOISE]


def target_query(text: str) -> str:
    """The words that name a task: 'I am finished with the tax forms' -> 'tax forms'."""
    text = slots.strip_ids(text)
    for pattern in _NOISE:
        text = pattern.sub(" ", text)
    kept = [w for w in slots.words(text) if w.lower() not in STOPWORDS and not w.isdigit()]
    return " ".join(kept)


def _fill_target(request: Request, text: str, quotes: list[str] | tuple[str, ...] | None = None) -> None:
    quotes = request.norm.quotes if quotes is None else quotes
    request.ids = slots.task_ids(text)
    request.ref = slots.reference(text)
    if quotes:
        request.query = quotes[0]
        request.query_parts = list(quotes) if len(quotes) > 1 else []
    elif not request.ids:
        request.query = target_query(text)
        parts = [target_query(p) for p in re.split(r"\s*(?:,|&|\band\b|\bplus\b)\s*", text, flags=I)]
        parts = [p for p in parts if p]
        request.query_parts = parts if len(parts) > 1 else []


# --- updating ---------------------------------------------------------------------------------------

# "task 3: X" / "edit #3 - X", and the generic TARGET (to|as|into|:|=) NEW; the rest of an
# update's constructions are read by the span tagger (`_from_tagger`).
_UPDATE_PATTERNS = [
    re.compile(r"^(?:(?:edit|change|update|rename|modify|set)\s+)?(?:task\s*)?#?(?P<id>\d{1,9})\s*(?:[:=]|\s-\s)\s*"
               r"(?P<new>.+)$", I),
    re.compile(r"^(?P<target>.+?)(?:\s+(?:\bso (?:that )?it (?:says|reads)\b|\bto say\b|\bto read\b|\binto\b|\bto\b|"
               r"\bas\b|\bwith\b)|\s*[:=])\s*(?P<new>.+)$", I),
]


_UPDATE_VERBS = re.compile(
    r"^\s*(?:change|rename|update|edit|modify|retitle|fix|correct|amend|adjust|reword|alter|revise|tweak|replace|"
    r"set|make)\b\s*(?:the\s+)?(?:typo|spelling|title|name|wording|text|mistake)?\s*(?:in|of|on|for)?\s*", I)
_FIELD_DESCRIPTION = re.compile(r"\b(?:description|details|notes?|desc|comment)\b", I)


def _mask_quotes(text: str) -> str:
    """The text with quoted words blanked (same length), so "to" inside a quote never splits."""
    return re.sub(r'"[^"]*"|(?<![\w])\'[^\']*\'(?![\w])', lambda m: m.group(0)[0] + "_" * (len(m.group(0)) - 2)
                  + m.group(0)[-1], text)


def _fill_update(request: Request) -> None:
    norm = request.norm
    if (starts("field_leads").match(norm.low) or anywhere("field_nouns").search(norm.low)) and not any(
            anywhere(kind).search(norm.low) for kind in ("note_nouns", "rename_words")):
        request.unsupported = "field"    # a date or priority the field rules could not read: never a title
        _fill_target(request, norm.text)
        _from_tagger(request)
        return
    text = norm.text
    masked = _mask_quotes(text)
    quotes = list(norm.quotes)
    for pattern in _UPDATE_PATTERNS:
        found = pattern.search(masked)
        if not found:
            continue
        groups = {k: text[found.start(k):found.end(k)] if v is not None else None for k, v in found.groupdict().items()}
        target = groups.get("target") or ""
        new = groups["new"] or ""
        if groups.get("id"):
            target = f"#{groups['id']}"
        elif any(word in slots.PAST_FORMS for word in target.lower().split()):
            continue    # "the insurance renewal went up to £90": a report, no new title
        target_text = _UPDATE_VERBS.sub("", target)
        is_description = bool(_FIELD_DESCRIPTION.search(target_text))
        target_text = _FIELD_DESCRIPTION.sub(" ", target_text)
        target_text = re.sub(r"\b(?:title|name)\b|'s\b", " ", target_text, flags=I)
        # A quote is the value only when it is all the value ("Read 'Dune Messiah'" stays whole).
        bare_target = _UPDATE_VERBS.sub("", target).strip(" '\"")
        target_quotes = [q for q in quotes if q in target and len(q) >= len(bare_target) - 12]
        new_quotes = [q for q in quotes if q == new.strip(" '\".!?,")]
        _fill_target(request, target_text, target_quotes)
        value = new_quotes[0] if new_quotes else bare_content(new)
        if marker := starts("note_markers").match(value.lower()):   # "X: add a note the paint is in the shed"
            value, is_description, request.note_mode = bare_content(value[marker.end():]), True, "append"
        if not value:
            continue
        if is_description:
            request.new_description = value
        else:
            request.new_title = value[:1].upper() + value[1:]
        return
    if len(quotes) >= 2:
        _fill_target(request, text, quotes[:1])
        request.new_title = quotes[1][:1].upper() + quotes[1][1:]
        return
    if len(quotes) == 1 and slots.task_ids(masked):
        # "rename task 5 'Unload the dishwasher'", "call task 3 'Phone the plumber' instead"
        _fill_target(request, masked, [])
        request.new_title = quotes[0][:1].upper() + quotes[0][1:]
        return
    # "edit task 3" with nothing to change it to: the tagger's reading, else ask.
    _fill_target(request, _UPDATE_VERBS.sub("", text))
    _from_tagger(request)


def _field_instead(request: Request) -> Request:
    """A "new title" that names a status, or ends in (or is only) dates and priorities
    (`split_fields`) is those fields: "the gutters task should be open" reopens, "X: urgent, due
    friday" ranks and dates it, "rename X to Y and make it due saturday" does both; "rename it to
    Friday" is a title."""
    said, renamed = request.new_title or "", bool(anywhere("rename_words").search(request.norm.low))
    if said and not renamed and anywhere("bulk_pending").fullmatch(said.lower()):
        request.action, request.new_title = "reopen", None
    title, changes = split_fields(said, request.today or date.today())
    if said and changes and (title or not renamed):
        request.changes = {**request.changes, **changes, **({"title": title[:1].upper() + title[1:]} if title else {})}
        request.new_title = None
    return request


def _tagger_agrees(request: Request) -> bool:
    """An update the classifier was unsure of, whose content the rules cut, and whose task words
    are the tagger's target: read twice the same way, it need not be asked about."""
    if request.tagged or not (request.new_title or request.new_description or request.changes):
        return False
    targets = tagged_task(request.norm.raw, "update").targets
    named = set(target_query(targets[0]).lower().split()) if len(targets) == 1 else set()
    return bool(named) and named <= set(request.query.lower().split())


def _tagged_instead(request: Request) -> bool:
    """The rules read an add, the classifier confidently an update ("I want to change the name of
    the X task into Y"): the update, when the tagger reads one."""
    if predict(request.norm.raw).intent != "update":
        return False
    request.action = "update"
    if _from_tagger(request):
        return True
    request.action = "add"
    return False


def _from_tagger(request: Request) -> bool:
    """An update the rules cut no content from, read from the span tagger (`tagged_update`):
    its target words and its new title, note, due date or priority. A target, a link and the
    content is an update however sure the classifier was: no need to ask first (a date or a
    priority word beside a task's name may be a statement: "the dry cleaning closes at 6")."""
    found = tagged_update(request.norm.raw, request.today or date.today())
    if found is None:
        return False
    read = Request("update", request.norm, request.score, today=request.today)
    _fill_target(read, found.target, [])
    if not (read.ids or read.query):
        return False
    request.confirm, request.tagged = request.confirm and not found.linked, True
    request.ids, request.query, request.query_parts = read.ids, read.query, read.query_parts
    request.ref, request.target_text = read.ref, found.target
    request.unsupported = None
    request.changes = dict(found.changes)
    request.new_title = found.new_title[:1].upper() + found.new_title[1:] if found.new_title else None
    request.new_description, request.note_mode = found.note, found.note_mode
    return True
