"""Asking instead of refusing: the choices the model offers, and reading the answer to them.

A choice's `message` is a plain command the pipeline understands on its own ("delete task 4"),
so picking it (a button, "yes", "2", "the second") is the same as typing it. What was offered is
read from the `offer_choices` call in the history (typed data), never from the reply's prose.
"""

from __future__ import annotations

import re
from typing import Any

from todo_chat.agent.choices import MAX_CHOICES, MESSAGE_MAX, Choice, ChoicePrompt, as_text
from todo_chat.agent.offline import replies
from todo_chat.agent.offline.adding import _item, add_items
from todo_chat.agent.offline.clauses import mood, negates, plain
from todo_chat.agent.offline.lexicon import lookup, starts, table
from todo_chat.agent.offline.resolve import match_tasks
from todo_chat.agent.offline.slots import task_ids
from todo_chat.models.task import TASK_TITLE_MAX

NEVER_MIND = "never mind"

_COMMAND = {"complete": "mark task {id} as done", "delete": "delete task {id}", "reopen": "reopen task {id}"}


def task_command(action: str, task_id: int, *, title: str | None = None, description: str | None = None,
                 text: str = "", target: str = "") -> str:
    """The unambiguous command for `action` on task `task_id`."""
    if action in _COMMAND:
        return _COMMAND[action].format(id=task_id)
    if title is not None:
        return f'rename task {task_id} to "{title}"'
    if description is not None:
        return f'set the description of task {task_id} to "{description}"'
    if text and target and target in text:   # a field change: the same words, the task by number
        return text.replace(target, f"task {task_id}", 1)
    return f"edit task {task_id}"


def _label(task: dict[str, Any]) -> str:
    return f"{task.get('title') or 'Task'} (#{task['id']})"[:120]


def which(question: str, tasks: list[dict[str, Any]], command) -> ChoicePrompt:
    """One choice per task (at most six); a single candidate gets a "No" beside it."""
    choices = [Choice(label=_label(t), message=command(t["id"])) for t in tasks[:MAX_CHOICES]]
    if len(choices) == 1:
        choices.append(Choice(label="No", message=NEVER_MIND))
    return ChoicePrompt(question=question, choices=choices)


SHOWN_TITLE_MAX = 120   # characters of a title quoted in a question (a choice's label holds as many)


def add_offer(title: str, message: str = "") -> ChoicePrompt | None:
    """"Or should I add “title”?" with Yes / No, or None when no task can hold the title."""
    if len(title) > TASK_TITLE_MAX:
        return None
    shown = title if len(title) <= SHOWN_TITLE_MAX else title[:SHOWN_TITLE_MAX - 1].rstrip() + "…"
    return add_this(replies.not_sure_add(shown), title, message)


def add_this(question: str, title: str, message: str = "") -> ChoicePrompt:
    quoted = title.replace('"', "'")
    return ChoicePrompt(question=question, choices=[
        Choice(label=f"Add “{title}”"[:120], message=message if 0 < len(message) <= MESSAGE_MAX
               else f'add a task called "{quoted}"'),
        Choice(label="No", message=NEVER_MIND)])


def title_guess(request) -> str:
    """A short message no rule understood, read as a task to add ("need: envelopes"); '' if it
    does not read like one (a question, a negation, a long sentence, nothing left)."""
    norm = request.norm
    if asks_the_assistant(norm.raw) or not norm.text or mood(norm.raw) == "question" or len(norm.text.split()) > 8 \
            or negates(norm.text, "verbs_add") or not re.search(r"[a-zA-Z]{2}", norm.text):
        return ""
    items = add_items(norm, request.today)
    return items[0]["title"] if len(items) == 1 else ""


def asks_the_assistant(raw: str) -> bool:
    """"can you sing", "book me a flight": the assistant asked to do it, not a task."""
    low = plain(raw)
    return bool(starts("request_starts").match(low) or re.match(r"^\w+\s+(?:me|us)\b", low))


def certain_add(request) -> list[dict]:
    """A bare phrase said politely ("light bulbs pls"): the task to add without asking; [] when
    asking is the right answer. (A list of things, "oat milk + bread", is the tagger's spans.)"""
    title = title_guess(request) if request.norm.polite else ""
    return [_item(title, "", None, None)] if title else []


def text_of(prompt: ChoicePrompt, intro: str = "") -> str:
    return "\n".join(p for p in (intro, as_text(prompt)) if p)


# --- reading the answer ------------------------------------------------------------------------

def _is(text: str, kind: str) -> bool:
    return bool(re.fullmatch(rf"(?:{lookup(kind)})(?:\s+(?:please|thanks|thank you))?", text))


def pick(answer: str, prompt: ChoicePrompt) -> Choice | str | None:
    """The choice an answer picks; "cancel" for a no; None when it picks nothing (a new message)."""
    text = re.sub(r"[^\w#' ]+", " ", answer.lower())
    text = " ".join(text.split())
    real = [c for c in prompt.choices if c.message != NEVER_MIND]
    if _is(text, "no"):
        return "cancel"
    if _is(text, "yes"):
        return real[0] if len(real) == 1 else None
    ids_in = [task_ids(c.message) for c in prompt.choices]
    numbers = task_ids(text)
    if len(numbers) == 1:
        n = numbers[0]
        by_id = [c for c, ids in zip(prompt.choices, ids_in, strict=False) if ids == [n]]
        if by_id:
            return by_id[0]
        if 1 <= n <= len(prompt.choices) and not re.search(r"#|\btask\b", text):
            return prompt.choices[n - 1]
        return None
    for word, index in sorted(table("ordinals").items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(word)}\b", text):
            return prompt.choices[index] if -len(prompt.choices) <= index < len(prompt.choices) else None
    labelled = [{"id": i, "title": re.sub(r"\s*\(#\d+\)$", "", c.label)} for i, c in enumerate(real)]
    found = match_tasks(text, labelled)
    if found.kind == "one":
        return real[found.tasks[0]["id"]]
    return None


def every(answer: str) -> bool:
    return bool(re.search(rf"\b(?:{lookup('all_words')})\b", answer.lower()))

