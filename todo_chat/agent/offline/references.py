"""The less direct references: positions over the whole list, a task's notes, corrections of a
title ("I meant X, not Y"), and the span tagger's target words ("the shower thing"), resolved by
number, place or age, title and notes where the rules' words fit none, several or only weakly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

from todo_chat.agent.choices import OFFER_CHOICES
from todo_chat.agent.offline import asking, force, replies
from todo_chat.agent.offline.lexicon import anywhere, entries, table
from todo_chat.agent.offline.normalise import normalise
from todo_chat.agent.offline.parse import Request, target_query
from todo_chat.agent.offline.resolve import best_fit, content_words, match_tasks, title_words, word_on
from todo_chat.agent.offline.slots import reference, task_ids, words
from todo_chat.agent.offline.tagged import tagged_task

Task = dict[str, Any]
Prefer = Literal["pending", "completed"] | None


class Script(Protocol):
    """What these resolvers need of `dialogue.Script` (named here, so the two never import each other)."""

    def call(self, tool: str, arguments: dict[str, Any]) -> dict[str, Any]: ...


def by_notes(query: str, tasks: list[dict[str, Any]]):
    """"the task whose notes mention the locksmith": the query against the descriptions."""
    noted = [{**t, "title": t["description"], "real": t} for t in tasks if t.get("description")]
    found = match_tasks(query, noted)
    return type(found)(found.kind, [t["real"] for t in found.tasks])


def correct(request: Request, script: Script) -> str:
    """"I meant X, not Y": Y becomes X in the one title that has Y (ask when several have it)."""
    old, new = request.correction or ("", "")
    tasks = script.call("list_tasks", {"status": "all"}).get("tasks", [])
    wrong = _as_words(old)
    having = [t for t in tasks if wrong.search(t.get("title", ""))]
    if not having and (bare := _less_article(old)) != old:    # "the cat" of "Order cat litter"
        wrong, new = _as_words(bare), _less_article(new)
        having = [t for t in tasks if wrong.search(t.get("title", ""))]
    if not having:
        return replies.no_match(old, tasks)
    if len(having) > 1:
        request = replace(request, correction=None, new_title=None)
        prompt = asking.which(f"Which one should I change “{old}” to “{new}” in?", having,
                              lambda task_id: asking.task_command("update", task_id, title=swapped(
                                  wrong, new, next(t["title"] for t in having if t["id"] == task_id))))
        script.call(OFFER_CHOICES, prompt.model_dump())
        return asking.text_of(prompt)
    task = having[0]
    result = script.call("update_task", {"task_id": task["id"], "title": swapped(wrong, new, task["title"])})
    return replies.acted("update", [result], {"title": result.get("title")})


def _as_words(text: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(text)}\b", re.IGNORECASE)


def _less_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest.lstrip() if rest and first.lower() in _ARTICLES else text


_ARTICLES = frozenset({"the", "my", "a", "an"})


def swapped(wrong: re.Pattern[str], new: str, title: str) -> str:
    """The title with its first `wrong` words replaced by `new`, keeping a capital the title had
    there ("Buy printer ink", "buy" -> "order": "Order printer ink")."""
    def keep_case(found: re.Match[str]) -> str:
        return new[:1].upper() + new[1:] if found.group(0)[:1].isupper() and new[:1].islower() else new
    return wrong.sub(keep_case, title, count=1)


# --- the tagger's target words ------------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """The tasks target words pick: act on them (`sure`), or ask which (`words` for the question)."""

    tasks: list[Task]
    sure: bool
    words: str


def span_ids(span: str) -> list[int]:
    """"task four", "no. 4", "#4": the numbers a span names as ids (a bare "3" may be a count:
    "I finished 3 of them"; the rules read bare numbers, with their own checks)."""
    return task_ids(normalise(span).text, allow_bare=False)


def span_place(span: str) -> int | None:
    """"the task I added last" -> -1, "my oldest one" -> 0: a place in the whole list, in the order
    added. "The second one" alone counts over what the last answer named; the dialogue reads that
    first, so a bare ordinal that reaches here (nothing named, or out of its range) is a place in
    the whole list too. None when the span says more than a place ("the second dentist one")."""
    low = " ".join(words(span.lower()))
    if found := anywhere("recency").search(low):
        return table("recency")[" ".join(found.group(0).split())]
    ordinals = reference(low).ordinals
    if len(ordinals) != 1:
        return None
    if anywhere("age_words").search(low) or _only_a_place(low):
        return ordinals[0]
    return None


def _only_a_place(low: str) -> bool:
    """"the third one", "the last task": an ordinal and nothing that names a task."""
    rest = anywhere("ordinals").sub(" ", low)
    return not [w for w in words(rest) if w not in _PLACE_FILLERS]


_PLACE_FILLERS = frozenset({"the", "my", "a", *entries("task_nouns")})


def span_query(span: str) -> str:
    """The words of a span that name a task ("the one I added about the vet" -> "vet")."""
    return " ".join(w for w in target_query(anywhere("age_words").sub(" ", span.lower())).split())


def at_place(place: int, tasks: list[Task]) -> Task | None:
    ordered = sorted(tasks, key=lambda t: t["id"])
    return ordered[place] if -len(ordered) <= place < len(ordered) else None


def _span_reading(span: str, tasks: list[Task], prefer: Prefer) -> Reading | None:
    if ids := span_ids(span):
        known = [t for t in tasks if t["id"] in ids]
        return Reading(known, True, span) if len(known) == len(ids) else None
    if (place := span_place(span)) is not None:
        task = at_place(place, tasks)
        return Reading([task], True, span) if task else None
    query = span_query(span)
    if not query:
        return None
    found = match_tasks(query, tasks, prefer)
    if found.kind == "none":
        found = by_notes(query, tasks)
    return Reading(found.tasks, found.kind == "one", query) if found.tasks else None


def tagged_reading(request: Request, tasks: list[Task], prefer: Prefer = None) -> Reading | None:
    """The tasks the tagger's target spans name; None when no span names any."""
    readings = [r for span in tagged_task(request.norm.raw, request.action).targets
                if (r := _span_reading(span, tasks, prefer)) is not None]
    if len(readings) == 1 and not readings[0].sure and request.action == "complete":
        # "called the vet" of "Call the vet" and "Pay the vet bill": the one whose own verb was said
        own = [t for t in readings[0].tasks if force.inflected(request.norm.text, t, past=True)]
        return Reading(own, True, readings[0].words) if len(own) == 1 else readings[0]
    if len(readings) <= 1:
        return readings[0] if readings else None
    picked = list({t["id"]: t for r in readings for t in r.tasks}.values())
    return Reading(picked, all(r.sure for r in readings), " and ".join(r.words for r in readings))


def tagged_names(task: Task, request: Request, tasks: dict[int, Task], gone: list[Task]) -> bool:
    """For the guard: one of the tagger's target spans names this task: its number, its place in
    the list, or words that fit it better than any other task (`best_fit`)."""
    for span in tagged_task(request.norm.raw, request.action).targets:
        if ids := span_ids(span):
            if task["id"] in ids:
                return True
        elif (place := span_place(span)) is not None:
            if at_place(place, list(tasks.values())) is task:
                return True
        elif best_fit(span_query(span), task, tasks.values(), gone):
            return True
    return False


def _only_its_verb(part: str, task: Task) -> bool:
    """A part of the query that is only the task's own verb said as done ("bought" of "Buy ...")."""
    said = words(part.lower())
    return bool(said) and all(force.inflected(w, task, past=True) for w in said)


# --- plausible made sure: when the data settle what the words left open ------------------------------

STRONG_REOPEN = 4.0    # a reopen verb, "ticked X by mistake", "put X back", "mark X as not done" (intent.CUES)


def settled(request: Request, task: Task, tasks: list[Task]) -> bool:
    """A reading the pipeline would ask about that the task settles: an open task said done with
    its own verb in a past form and only its words ("ink ordered" of "Order printer ink"), or a
    finished one reopened in so many words ("untick", "by mistake"). The guard still checks force."""
    said = content_words(anywhere("report_adverbs").sub(" ", request.query.lower()))
    on_task = title_words(task.get("title", "")) + title_words(task.get("description") or "")
    parts = [p for p in request.query_parts if not _only_its_verb(p, task)]   # "X, bought it": one part
    if "title" not in task or len(parts) > 1 or not best_fit(" ".join(said), task, tasks, []):
        return False
    if request.action == "reopen":
        return bool(task.get("completed")) and request.score >= STRONG_REOPEN
    return request.action == "complete" and not task.get("completed") and all(word_on(w, on_task) for w in said) \
        and force.inflected(request.norm.text, task, past=True)   # a word not on the task: something else?

