"""Constructions read before the intent scores: each names a shape of message, not a sentence.

- a list of items (numbered, bulleted, or "HEAD: a; b; c") is several tasks to add;
- "HEAD: what" / "HEAD - what" with an add head ("need", "errands", "memo to self") is a task;
- "X, then Y it" is two tasks, "it" being X's object ("add X. also Y" is the tagger's: `add_reading`);
- a topic-fronted note: PREP <the X task> , NOTE-VERB <content> (appends), or
  <the note on X> should say <content> (replaces);
- a correction: "I meant X, not Y" / "not Y, I meant X" / "it's X, not Y".
The words of each slot come from the lexicons; the pipeline (`parse`) turns a frame into a Request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal

from todo_chat.agent.offline.lexicon import anywhere, lookup, starts
from todo_chat.agent.offline.slots import BARE_ADD_VERBS, TASK_VERBS


@dataclass(frozen=True)
class Frame:
    kind: Literal["add", "add_exact", "note", "correct", "rename"]
    items: tuple[str, ...] = ()           # add: the texts of the tasks
    target: str = ""                      # note: the words that name the task
    content: str = ""                     # note: the words of the note
    mode: Literal["append", "replace"] = "append"
    old: str = ""                         # correct: what was wrong ...
    new: str = ""                         # ... and what it should be
    extra: tuple[str, ...] = field(default=())  # add: words of the head that still count (a date)


def read(typed: str, text: str) -> Frame | None:
    """`typed`: the message as sent (its line breaks); `text`: the normalised one."""
    for construction in (lambda: _listed(typed), lambda: _correction(text), lambda: _note(text),
                         lambda: _headed(text), lambda: _sequence(text),
                         lambda: _fix_it(text), lambda: _needs_doing(text), lambda: _renamed(text)):
        if (frame := construction()) is not None:
            return frame
    return None


# --- several items -----------------------------------------------------------------------------

_MARKER = re.compile(r"(?:^|\n|\s)(?:\d{1,2}[.)]|[-*•])\s+")


def _listed(typed: str) -> Frame | None:
    """"1. a 2. b", "- a\\n- b": one task an item, after an optional add head."""
    if len(_MARKER.findall(typed)) < 2:
        return None
    head, *items = _MARKER.split(typed)
    head = head.strip().rstrip(":-").strip().lower()
    items = [i.strip(" ,;.") for i in items if i.strip(" ,;.")]
    if len(items) < 2 or (head and not _is_head(head)):
        return None
    return Frame("add", tuple(items))


# --- HEAD: what ----------------------------------------------------------------------------------

@cache
def _heads() -> re.Pattern[str]:
    return re.compile(rf"^(?:please\s+)?(?:{lookup('add_heads')})(?:\s+(?:for|on|by|due)\s+(?P<when>.+))?$")


def _is_head(head: str) -> bool:
    return bool(_heads().match(" ".join(head.lower().split())))


_HEAD_SPLIT = re.compile(r"\s*:\s*|\s+-\s+|\s*->\s*")


def _headed(text: str) -> Frame | None:
    masked = re.sub(r'"[^"]*"', lambda m: "_" * len(m.group(0)), text)
    comma = re.match(rf"^(?:{lookup('add_heads_comma')})\s*,\s*", masked, re.I)
    if comma and text[comma.end():].strip():
        return Frame("add_exact", (text[comma.end():].strip(" ."),), extra=("",))
    split = _HEAD_SPLIT.search(masked)
    if not split or split.start() == 0:
        return None
    head, rest = text[:split.start()].strip().lower(), text[split.end():].strip()
    found = _heads().match(" ".join(head.split()))
    if not found or not rest or re.fullmatch(rf"(?:{lookup('verbs_complete')})[.!]*", rest.lower()):
        return None   # "errands: finished" reports a task done
    parts = [rest] if '"' in rest else [p.strip() for p in re.split(r"\s*;\s*", rest) if p.strip()]
    if len(parts) == 1 and '"' not in rest:
        commas = [p.strip() for p in rest.split(",") if p.strip()]
        if len(commas) > 1 and all(p.split()[0].lower() in TASK_VERBS for p in commas):
            parts = commas
    return Frame("add_exact", tuple(parts), extra=(found.group("when") or "",))


# --- X, then Y it --------------------------------------------------------------------------------

_THEN = re.compile(r"^(?P<a>.+?)\s*(?:,\s*|\s+)(?:and\s+)?then\s+(?P<b>.+)$", re.I)
PRONOUN = re.compile(r"\b(?:it|them)\b", re.I)


def _sequence(text: str) -> Frame | None:
    m = _THEN.match(text)
    if not m:
        return None
    a, b = m.group("a").strip(), m.group("b").strip(" .")
    first_a, first_b = a.split()[0].lower(), b.split()[0].lower()
    if first_b not in TASK_VERBS or not (first_a in BARE_ADD_VERBS or PRONOUN.search(b)) \
            or any(starts(kind).match(first_a) for kind in ("verbs_delete", "verbs_complete", "verbs_add")):
        return None
    thing = a.split(None, 1)[1] if len(a.split()) > 1 else ""
    b = PRONOUN.sub(thing, b, count=1) if thing else b
    return Frame("add", (a, b))


# --- "the hedge needs trimming" ----------------------------------------------------------------

_NEEDS_DOING = re.compile(r"^(?!.*\b(?:again|task|one)\b)(?P<all>\S.*\s(?:needs?|wants?)\s+\w+ing)[.!]*$", re.I)


def _needs_doing(text: str) -> Frame | None:
    """"the hedge needs trimming": that is the task."""
    m = _NEEDS_DOING.match(text)
    return Frame("add_exact", (m.group("all"),), extra=("",)) if m else None


_FIX_IT = re.compile(r"^(?:the\s+|my\s+)?(?P<thing>.+?)\s+(?:is|are|was|were|has|have|keeps?)\b[^,;.]*[,;.]\s*"
                     r"(?:so\s+)?(?:i\s+|we\s+)?(?:need|have|got|must|should)\s+to\s+(?P<verb>\w+)\s+(?:it|them)\b"
                     r"(?P<rest>.*)$", re.I)


def _fix_it(text: str) -> Frame | None:
    """"the shed door is stuck, need to oil it": a task, its object the thing the statement is about."""
    m = _FIX_IT.match(text)
    if not m:
        return None
    return Frame("add", (f"{m.group('verb')} the {m.group('thing')}{m.group('rest')}".strip(),))


_RENAME_VERB = re.compile(r"^(?:edit|change|rename|update|retitle|make)\s+", re.I)


@cache
def _rename_patterns() -> list[re.Pattern[str]]:
    noun = lookup("task_nouns")
    plainly = rf"(?P<target>\"[^\"]+\"|'[^']+'|#?\d+|task\s+\d+|.+?\s(?:{noun}))"   # quoted, a number, "the X task"
    return [
        # the task named plainly: "swap the sheets for clean ones" stays a task
        re.compile(rf"^(?:swap|replace|switch)\s+{plainly}\s+(?:for|with)\s+(?P<new>\S.*)$", re.I),
        # "call the gate task 'X' from now on", "call it X": a task named plainly, or a pronoun
        re.compile(rf"^(?:call|name|title|retitle|rename)\s+(?P<target>it|that|this|that\s+one|.+?\s(?:{noun}|\d+))\s+(?:as\s+|to\s+)?"
                   r"(?P<new>(?!an?\s)\S.*?)(?:\s+(?:instead|from\s+now\s+on))?$", re.I),
        # "the X one -> Y": an arrow after a task named plainly
        re.compile(rf"^{plainly}\s*(?:{lookup('arrows')})\s*(?P<new>\S.*)$", re.I),
        re.compile(r"^new\s+(?:name|title)\s+for\s+(?P<target>.+?)\s*[:=-]\s*(?P<new>\S.*)$", re.I),
        re.compile(rf"^(?P<target>.+?\s(?:{noun}|\d+))[\s,;:-]+new\s+(?:name|title)\s*[:=-]?\s*(?P<new>\S.*)$", re.I),
    ]


def _renamed(text: str) -> Frame | None:
    """"X -> Y", "swap X for Y", "call the X task Y instead": the task X gets the title Y."""
    masked = re.sub(r'"[^"]*"', lambda q: '"' + "_" * (len(q.group(0)) - 2) + '"', text)   # never inside a quote
    for pattern in _rename_patterns():
        if m := pattern.match(masked):
            target = _RENAME_VERB.sub("", text[m.start("target"):m.end("target")]).strip()
            new = text[m.start("new"):m.end("new")].strip(" .!")
            if target and new:
                return Frame("rename", target=target, content=new)
    return None


# --- notes on a task ---------------------------------------------------------------------------------

@cache
def _note_patterns() -> list[tuple[re.Pattern[str], str]]:
    prep, noun, verb = lookup("topic_preps"), lookup("task_nouns"), lookup("note_verbs")
    notes, replace = lookup("note_nouns"), lookup("note_replace")
    target = rf"(?P<target>(?:(?:{lookup('id_nouns')})\s*#?\d+|#\d+)|.+?\s(?:{noun}))"
    spoken = target.replace("(?P<target>", "(?P<target>it|that|this|")   # "put a note on it": a note noun said
    sep = r"\s*(?:[,;:]|\s-)?\s*(?:also\s+|and\s+|please\s+|can you\s+)?"
    content = r"\s*(?:that\s+|:\s*|-\s*|saying\s+|to say\s+)?(?P<content>\S.*)$"
    # "the note on X is wrong, it should be ...": a note said wrong is replaced
    said_wrong = rf"(?:{lookup('said_wrong')})\s*[,;:-]?\s*(?:(?:{lookup('should_be')})\b|:)"
    return [
        (re.compile(rf"^(?:the\s+)?(?:{notes})\s+(?:on|of|for|in)\s+(?:the\s+|my\s+)?(?P<target>.+?)\s+"
                    rf"(?:{replace}|{said_wrong})\s*:?\s*(?P<content>\S.*)$", re.I), "replace"),
        (re.compile(rf"^(?:replace|change|update|set|rewrite|overwrite)\s+(?:the\s+)?(?:{notes})\s+(?:on|of|for|in)\s+"
                    rf"{target}\s+(?:with|to|as)\s*:?\s*(?P<content>\S.*)$", re.I), "replace"),
        (re.compile(rf"^(?:{verb})\s+(?:a\s+|the\s+|this\s+)?(?:{notes})\s+(?:on|to|for|under)\s+{spoken}"
                    rf"\s*(?:saying|that says|which says|:|-|,)\s*(?P<content>\S.*)$", re.I), "append"),
        (re.compile(rf"^(?:{notes})\s+(?:on|for|to)\s+{target}{content}", re.I), "append"),
        (re.compile(rf"^(?:{verb})\s+(?:to|on|under)\s+(?:the\s+(?:{notes})\s+(?:of|on|for)\s+)?(?:the\s+|my\s+)?{target}"
                    r"\s*(?:that\s+|:\s*|-\s*)(?P<content>\S.*)$", re.I), "append"),
        (re.compile(rf"^(?:{prep})\s+(?:the\s+|my\s+)?{target}{sep}(?:{verb})\b{content}", re.I), "append"),
    ]


def _note(text: str) -> Frame | None:
    for pattern, mode in _note_patterns():
        if m := pattern.match(text):
            content = m.group("content").strip().strip("\"'")
            if content:
                return Frame("note", target=m.group("target"), content=content, mode=mode)  # type: ignore[arg-type]
    return None


# --- corrections -------------------------------------------------------------------------------------

_MEANT = lookup("correction_meant")
_CORRECTIONS = [
    re.compile(rf"(?:^|[,;:]\s*|\s-\s|\b)(?:{_MEANT})\s+(?P<new>.+?)\s*,?\s+not\s+(?P<old>.+?)[.!]?$", re.I),
    re.compile(rf"^not\s+(?P<old>.+?)\s*[,;]?\s+(?:{_MEANT}|but)\s+(?P<new>.+?)[.!]?$", re.I),
]


# Words of a title swapped: "replace A with B in the X task" (or the task said first: "in the X
# task, swap A for B"), "change the X one from A to B".
_SWAP = rf"(?:{lookup('swap_verbs')})\s+(?P<old>.+?)\s+(?:{lookup('swap_links')})\s+(?P<new>.+?)"
_IN_TASK = rf"(?:{lookup('task_preps')})\s+(?:the\s+|my\s+)?.*?\b(?:{lookup('task_nouns')})"
_SWAPS = [re.compile(rf"^{_SWAP}\s+{_IN_TASK}$", re.I),
          re.compile(rf"^{_IN_TASK}\s*[,:;-]?\s+{_SWAP}[.!]?$", re.I),
          re.compile(r"^(?:change|edit|update|rename)\s+.+?\s+from\s+(?P<old>.+?)\s+(?:to|into)\s+(?P<new>.+?)[.!]?$",
                     re.I)]
# "oops — euros should be dollars": a correction only after a word that says one is coming
_SAID_WRONG = re.compile(r"^(?P<old>.+?)\s+(?:should\s+(?:be|say|read)|->|→)\s+(?P<new>.+?)[.!]?$", re.I)


def _correction(text: str) -> Frame | None:
    from todo_chat.agent.offline.update_fields import field_part

    bare = text.strip()
    while lead := starts("correction_leads").match(bare.lower()):
        bare = bare[lead.end():].lstrip(" ,.:;!—–-")
    negated = anywhere("negators").search(text.lower()) is not None
    for pattern in [*(_CORRECTIONS if negated else []), *_SWAPS, *([_SAID_WRONG] if bare != text.strip() else [])]:
        if m := pattern.search(bare):
            old, new = m.group("old").strip(" ,."), m.group("new").strip(" ,.")
            if old and new and max(len(old.split()), len(new.split())) <= 8 and not field_part(new, date.today()):
                return Frame("correct", old=old, new=new)
    return None
