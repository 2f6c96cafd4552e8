"""The span tagger's reading of a message, where the rules read it poorly.

- An add the classifier reads below its act threshold, or whose title no reading cut: only
  *offered* ("Or should I add “sort the spare key”?"), made after a "yes"; due and priority words
  ride along in the offered command (an add both models are sure of is made: `add_reading`).
- A message about existing tasks (`tagged_task`): the words that name the task (`target`), and of
  an update its new title, note, due and priority words. `references` resolves the target against
  the user's tasks; the guard still grounds every change on those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from todo_chat.agent.offline.field_words import level_of
from todo_chat.agent.offline.learned.arbiter import thresholds
from todo_chat.agent.offline.learned.inference import predict
from todo_chat.agent.offline.learned.tagger import spans
from todo_chat.agent.offline.lexicon import anywhere, starts
from todo_chat.agent.offline.update_fields import field_part

ADD_SLOTS = ("title", "due", "priority")
UPDATE_SLOTS = ("target", "new_title", "note", "due", "priority")


@dataclass(frozen=True)
class TaggedAdd:
    title: str
    when_words: str     # the due and priority spans as typed ("friday urgent"); "" if none


def tagged_add(text: str, *, classifier_must_agree: bool) -> TaggedAdd | None:
    """One title span in `text`, cleaned; None if the tagger finds none or several, or (when
    `classifier_must_agree`) the classifier does not confidently read an add."""
    from todo_chat.agent.offline.adding import _clean_title
    from todo_chat.agent.offline.asking import asks_the_assistant
    from todo_chat.agent.offline.clauses import mood

    if asks_the_assistant(text) or mood(text) == "question":
        return None
    if classifier_must_agree:
        guess = predict(text)
        if guess.intent != "add" or guess.probability < thresholds()[0]:
            return None
    found = spans(text, "add", ADD_SLOTS)
    titles = found.get("title", [])
    if len(titles) != 1:
        return None
    title = _clean_title(titles[0])
    if not re.search(r"[^\W\d_]{2}", title):
        return None
    extra = [*found.get("due", [])[:1], *found.get("priority", [])[:1]]
    return TaggedAdd(title, " ".join(extra))


def offer_command(tagged: TaggedAdd) -> str:
    """The command a "yes" sends: the title quoted (taken byte for byte), the time words after it."""
    quoted = tagged.title.replace('"', "'")
    return f'add a task called "{quoted}" {tagged.when_words}'.strip()


@dataclass(frozen=True)
class TaggedTask:
    """The tagger's spans of a message about existing tasks, as typed."""

    targets: tuple[str, ...] = ()       # one per task named ("done with 2 and 5": two)
    new_title: str | None = None
    note: str | None = None
    due: str | None = None
    priority: str | None = None


@lru_cache(maxsize=512)
def tagged_task(text: str, action: str) -> TaggedTask:
    """`text` read as an `action` on existing tasks: its target spans, and an update's content
    spans (only the slots the model knows are found; the others stay None)."""
    found = spans(text, action, UPDATE_SLOTS if action == "update" else ("target",))
    targets = tuple(_whole(text, t) for t in found.get("target", []) if re.search(r"[^\W_]", t))

    def first(slot: str) -> str | None:
        return next(iter(found.get(slot, [])), None)

    return TaggedTask(targets, first("new_title"), first("note"), first("due"), first("priority"))


def _whole(text: str, target: str) -> str:
    """A target that is a bare task noun ("printer ink task -> ...": the tagger took only "task")
    with the words before it in its clause."""
    if not anywhere("task_nouns").fullmatch(target.lower()):
        return target
    at = text.find(target)
    start = max(text.rfind(p, 0, at) for p in ",;:.!?\n") + 1
    return text[start:at + len(target)].strip() or target


@dataclass(frozen=True)
class TaggedUpdate:
    """An update read from the tagger's spans: the task's words, and what changes."""

    target: str
    new_title: str | None = None
    note: str | None = None
    note_mode: str = "append"
    changes: tuple[tuple[str, str], ...] = ()      # ("priority", "high"), ("due_date", "2026-11-27")
    linked: bool = False      # the content follows the target behind a link: an update said as one


_PUNCT_LINK = re.compile(r"^\s*(?:->|=>|→|[:=,;\-–—]+)\s*")


def tagged_update(text: str, today: date) -> TaggedUpdate | None:
    """An update of one task whose content the rules cut nothing from: the tagger's target span,
    its new title, note, priority and due spans, or else the words after the target behind a link
    ("the compost one -> buy bark", "..., note that the gate sticks"), or else priority and date
    words beside the target ("the compost is not urgent anymore")."""
    found = tagged_task(text, "update")
    if not found.targets and (found.due or found.priority):    # "lawn is urgent": the rest names the task
        rest = text.replace(found.due or "\0", " ").replace(found.priority or "\0", " ")
        found = TaggedTask((rest,), None, None, found.due, found.priority)
    if len(found.targets) != 1:
        return None
    target = found.targets[0]
    title = found.new_title if _asked_for(text, target, found.new_title, _TITLE_CUES) else None
    note = found.note if _asked_for(text, target, found.note, _NOTE_CUES) else None
    changes, said = _changes(found.priority, found.due, text, today)
    if title is None and note is None and not changes:
        title, note = _after_target(text, target)
    if title is None and note is None and not changes:     # "the compost is not urgent anymore"
        rest = text.replace(target, " ")       # (other words beside them: a statement, asked about)
        fields = field_part(rest, today)
        changes, said = (list(fields.items()), True) if fields else (_changes(rest, rest, rest, today)[0], False)
    if title is None and note is None and not changes:
        return None
    mode = "replace" if note is not None and anywhere("note_overwrite").search(text.lower()) else "append"
    named = anywhere("note_nouns").sub(" ", re.sub(r"(?i)'s\b|\b(?:title|name)\b", " ", target))
    return TaggedUpdate(" ".join(named.split()), title, note, mode, tuple(changes),
                        said or title is not None or note is not None)


def _changes(priority: str | None, due: str | None, text: str, today: date) -> tuple[list[tuple[str, str]], bool]:
    """The priority and due date the words name, and whether they are said as a change: a
    priority word is; a date needs a due word before it ("due friday", not "came today")."""
    from todo_chat.agent.offline.rich import take_when

    level = level_of(priority or "")
    day = take_when(due, today)[1].get("due_date") if due else None
    changes = [(key, value) for key, value in (("priority", level), ("due_date", day)) if value]
    return changes, bool(level) or bool(day and due and _cued(text, due))


def _cued(text: str, span: str) -> bool:
    """A due word in the date span or among the two words before it ("due friday", "to monday")."""
    at = text.find(span)
    before = " ".join(text[:max(at, 0)].lower().split()[-2:])
    return bool(anywhere("due_cues").search(f"{before} {span.lower()}"))


_TITLE_CUES = ("content_links", "content_leads", "rename_words")
_NOTE_CUES = ("note_markers", "note_nouns")


def _asked_for(text: str, target: str, span: str | None, cues: tuple[str, ...]) -> bool:
    """Whether the message asks for `span` as new content: a link or a cue word of `cues`
    outside the span ("oat milk is nicer than normal milk" tags a new title, and asks for none)."""
    if not span:
        return False
    rest = text.replace(span, " ", 1).replace(target, " ", 1).lower()
    return any(mark in rest for mark in ("->", "=>", "→", ":")) or any(anywhere(kind).search(rest) for kind in cues)


def _after_target(text: str, target: str) -> tuple[str | None, str | None]:
    """(new title, note) from the words after the target: behind a link they are the new title,
    behind a note marker a note; (None, None) when nothing links them."""
    at = text.find(target)
    before, rest = text[:at].lower(), text[at + len(target):]
    noted = bool(anywhere("note_nouns").search(before + " " + target.lower()))
    rest = _PUNCT_LINK.sub("", rest, count=1) if (punct := _PUNCT_LINK.match(rest)) else rest.lstrip()
    marker = anywhere("note_markers").search(rest.lower())
    if marker and (marker.start() == 0 or not punct and marker.start() < len(rest) // 2):
        content = bare_content(rest[marker.end():])
        return (None, content) if content else (None, None)
    link = starts("content_links").match(rest.lower()) or starts("content_leads").match(rest.lower())
    if not (link or punct):
        return None, None
    content = bare_content(rest[link.end():] if link else rest)
    if not content:
        return None, None
    return (None, content) if noted else (content, None)


def bare_content(content: str) -> str:
    """A new title or note less the punctuation and words that lead to it ("change to", ": ")
    and the stops after it; a quote round all of it goes, one inside stays."""
    content = _PUNCT_LINK.sub("", content.strip(), count=1)
    if lead := starts("content_leads").match(content.lower()):
        content = content[lead.end():]
    content = _PUNCT_LINK.sub("", content.strip(), count=1).strip(" .!?,")
    if len(content) >= 2 and content[0] == content[-1] and content[0] in "'\"":
        content = content[1:-1]
    return content.strip()
