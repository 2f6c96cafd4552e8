"""The turn: from a `Request`, the conversation so far and this turn's tool results, the next step.

The model is stateless, so each call replays the plan from the start over the tool results
already in the input (`Script.call` returns a result that is there, or stops with that call as
the next step). Tasks named by words are found by listing first, then matching. What the
conversation before tells us, and answers to our own questions, are read in `follow_up.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from todo_chat.agent.choices import OFFER_CHOICES
from todo_chat.agent.offline import asking, clauses, force, references, replies, slots
from todo_chat.agent.offline.add_reading import in_force, learned_items
from todo_chat.agent.offline.follow_up import Context, follow_up
from todo_chat.agent.offline.intent import THRESHOLD
from todo_chat.agent.offline.learned.arbiter import leads
from todo_chat.agent.offline.lexicon import anywhere, starts
from todo_chat.agent.offline.parse import Request, understand
from todo_chat.agent.offline.resolve import best_fit, content_words, match_tasks, word_score
from todo_chat.agent.offline.slots import DEFAULT_PRIORITY
from todo_chat.agent.offline.tagged import TaggedAdd, offer_command, tagged_add

TOOL = {"complete": "complete_task", "delete": "delete_task", "update": "update_task",
        "reopen": "reopen_task"}


@dataclass
class Step:
    """What the model says next: one tool call, or the final text."""

    tool: str | None = None
    arguments: dict[str, Any] | None = None
    text: str = ""


Call = tuple[str, dict, dict]   # (tool name, arguments, result)


class _Next(Exception):
    def __init__(self, step: Step):
        self.step = step


class Script:
    """Replays this turn's tool calls; the first call not yet made becomes the next step."""

    def __init__(self, calls: list[Call], can_offer: bool = True):
        self.calls, self.i, self.can_offer = calls, 0, can_offer

    def call(self, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
        if tool == OFFER_CHOICES and not self.can_offer:
            return arguments    # an agent without the tool: the choices go as text only
        if self.i < len(self.calls):
            result = self.calls[self.i][2]
            self.i += 1
            return result
        raise _Next(Step(tool, arguments))


def next_step(request: Request, context: Context, calls: list[Call], can_offer: bool = True) -> Step:
    script = Script(calls, can_offer)
    try:
        return Step(text=_plan(follow_up(request, context), context, script))
    except _Next as nxt:
        return nxt.step


def _buried(request: Request) -> Request:
    """A message that reads as no command as a whole (a greeting first, a story around it) with
    exactly one clause the rules read as a plain command: that clause ("Morning. The gutters
    overflow and I keep forgetting, so please add a task to phone the window cleaner.")."""
    if request.action not in ("unknown", "greet", "thanks") or request.today is None:
        return request
    parts = clauses.split(request.norm.raw)
    read = [understand(part, request.today) for part in parts] if len(parts) > 1 else []
    plain = [r for r in read if r.action in TOOL.keys() | {"add"} and r.score >= THRESHOLD and not r.confirm]
    if len(plain) != 1 or any(_qualifying(part) for part in parts):
        return request
    return plain[0]


def _qualifying(part: str) -> bool:
    """A clause that bears on the others: someone else's words, a hypothesis or a condition ("my
    wife says", "if it rains"), or the topic they are about ("for the Henderson invoice, ...")."""
    low = clauses.plain(part)
    return bool(anywhere("guard_reported").search(low)) or force.hypothetical(low) \
        or any(starts(kind).match(low) for kind in ("guard_conditions", "topic_preps"))


# --- the plan ------------------------------------------------------------------------------------

def _plan(request: Request, context: Context, script: Script) -> str:
    if request.action == "add":
        if not request.items:
            tagged = tagged_add(request.norm.raw, classifier_must_agree=False)
            return _offer_tagged(tagged, script) if tagged else replies.ask_what_to_add()
        if request.confirm:    # the rules read an add, the classifier something else: ask first
            return _offer_add(request.items[0]["title"], script)
        results = []
        for item in request.items:
            args = {**item, "priority": item["priority"] or DEFAULT_PRIORITY}
            args = {k: v for k, v in args.items() if v not in (None, "") or k == "title"}
            results.append(script.call("add_task", args))
        return replies.added(results)
    if request.action == "list":
        filters = dict(request.filters)
        if request.priority:
            filters["priority"] = request.priority
        status = request.status
        if (filters.get("sort") or filters.get("due") == "none") and re.search(r"\bdue\b", request.norm.low):
            status = slots.list_status(re.sub(r"\b(?:no |without )?due(?: dates?)?\b", " ", request.norm.low))
        if filters.get("due") in ("overdue", "today", "week", "tomorrow"):
            status = "pending"
        # list_tasks reads due="none" as no filter at all (tools._word): undated tasks are picked here.
        sent = {k: v for k, v in filters.items() if not (k == "due" and v in ("none", "tomorrow"))}
        listed = script.call("list_tasks", {"status": status, **sent})
        if filters.get("due") == "tomorrow":
            tomorrow = ((request.today or date.today()) + timedelta(days=1)).isoformat()
            listed = {**listed, "tasks": [t for t in listed.get("tasks", []) if t.get("due_date") == tomorrow]}
        if filters.get("due") == "none":
            listed = {**listed, "tasks": [t for t in listed.get("tasks", []) if not t.get("due_at")
                                          and not t.get("due_date")]}
        if filters:
            return replies.filtered(listed, filters)
        if request.query:
            found = match_tasks(request.query, listed.get("tasks", []))
            if found.kind in ("one", "several"):
                return replies.status_of(request.query, found.tasks)
        return replies.listed(listed, request.priority)
    if request.on_tasks:
        return _act(request, context, script)
    if request.action == "unknown" and (items := asking.certain_add(request)):
        return _plan(replace(request, action="add", items=items), context, script)
    if request.action == "unknown" and (items := learned_items(request.norm, request.today or date.today())):
        return _plan(replace(request, action="add", items=items), context, script)   # both models read an add
    if (buried := _buried(request)) is not request:    # the whole reads as nothing: one clause, a command
        return _plan(buried, context, script)
    if request.action == "unknown" and (title := asking.title_guess(request)):
        return _offer_add(title, script)
    if request.action == "unknown" and (tagged := tagged_add(request.norm.raw, classifier_must_agree=True)):
        return _offer_tagged(tagged, script)
    return replies.chat(request.action)


def _offer_tagged(tagged: TaggedAdd, script: Script) -> str:
    return _offer_add(tagged.title, script, offer_command(tagged))


def _offer_add(title: str, script: Script, message: str = "") -> str:
    prompt = asking.add_offer(title, message)
    if prompt is None:      # no task can hold the title: not a reading worth offering
        return replies.chat("unknown")
    script.call(OFFER_CHOICES, prompt.model_dump())
    return asking.text_of(prompt)


def _act(request: Request, context: Context, script: Script) -> str:
    action = request.action
    if action == "update" and request.changes:
        return _change_fields(request, context, script)
    if action == "update" and request.correction:
        return references.correct(request, script)
    if action == "update":
        if request.unsupported:
            return replies.unsupported_field()
        if request.new_title is None and request.new_description is None:
            ids = request.ids or ([t["id"] for t in context.named] if request.ref.pronoun and
                                  len(context.named) == 1 else [])
            return replies.ask_new_title(ids[0] if ids else None)
    targets = _targets(request, context, script)
    if isinstance(targets, str):
        return targets
    listed = (script_listed(script) or {}).get("tasks", [])
    if request.confirm and len(targets) == 1 and targets[0].get("title") and \
            not references.settled(request, targets[0], listed) and not _clear(request, targets[0], listed):
        question = f"Should I {replies.VERB[action]} “{targets[0]['title']}”?"
        return _ask_which(request, script, targets, question=question)
    results = []
    change: dict[str, Any] = {}
    for task in targets:
        if task.get("completed") is not None and action in ("complete", "reopen") \
                and bool(task["completed"]) == (action == "complete") and len(targets) == 1:
            return replies.already(action, task)
        args: dict[str, Any] = {"task_id": task["id"]}
        if action == "update":
            change = {k: v for k, v in (("title", request.new_title),
                                        ("description", request.new_description)) if v is not None}
            if request.note_mode == "append" and "description" in change:
                change["description"] = _appended(_current(task, script).get("description"), change["description"])
            args.update(change)
        results.append(script.call(TOOL[action], args))
    return replies.acted(action, results, change)


def _clear(request: Request, task: dict[str, Any], tasks: list[dict[str, Any]]) -> bool:
    """Asked, but clear: the classifier likely reads this action, the message is in force with no
    rank word ("X isn't that important now" ranks it), and the tagger's target words or the rules'
    fit this task only. (A reopen said as a state, "X should be open", stays asked: `parse._guarded`.)"""
    if request.action == "reopen" or not leads(request.norm.raw, request.action, likely=True):
        return False
    ranked = any(anywhere(f"priority_{level}").search(request.norm.low) for level in ("low", "high"))
    return not ranked and not _by_someone_else(request.norm.raw) and in_force(request.norm) and (
        references.tagged_names(task, request, {t["id"]: t for t in tasks}, [])
        or best_fit(telling_words(request.query, tasks), task, tasks, []))


def _by_someone_else(text: str) -> bool:
    """Someone else is the subject ("my boss submitted her claim"), not their possession ("my dad's
    eye test is booked"): what they did is news, not a task of the user's said done."""
    low = clauses.plain(text)
    said = starts("third_parties").match(low)
    return said is not None and not low[said.end():].startswith("'")


def telling_words(query: str, tasks: list[dict[str, Any]]) -> str:
    """The query's words that are on some listed task: the rest ("wondering whether possibly",
    "carer here") tell no task apart, and would only dilute the words that do."""
    return " ".join(w for w in content_words(query) if any(word_score([w], t)[0] for t in tasks))


def _current(task: dict[str, Any], script: Script) -> dict[str, Any]:
    """The task as list_tasks shows it (a task named by number has only its id so far)."""
    if "title" in task:
        return task
    listed = script_listed(script) or script.call("list_tasks", {"status": "all"})
    return next((t for t in listed.get("tasks", []) if t["id"] == task["id"]), task)


def _appended(old: str | None, note: str) -> str:
    return f"{old}\n{note}" if old else note


def _change_fields(request: Request, context: Context, script: Script) -> str:
    """Due date, priority, tags, repeat or reminder of one or more tasks."""
    changes = request.changes
    dated = bool(changes.get("due_date")) and "T" not in changes["due_date"]
    needs_current = dated or any(k in changes for k in ("tags_add", "tags_remove", "shift_days"))
    targets = _targets(request, context, script)
    if request.confirm and request.tagged and not isinstance(targets, str) and len(targets) == 1 \
            and targets[0].get("title"):
        what = ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in changes.items())
        return _ask_which(request, script, targets, question=f"Should I change “{targets[0]['title']}”: {what}?")
    if isinstance(targets, str):
        if set(changes) == {"remind_at"} and request.query and not request.ids:
            # "remind me about the dentist tomorrow at 8" with no such task: a new one.
            title = request.query[:1].upper() + request.query[1:]
            return replies.added([script.call("add_task", {"title": title, "priority": DEFAULT_PRIORITY,
                                                           "remind_at": changes["remind_at"]})])
        return targets
    current: dict[int, dict[str, Any]] = {}
    if needs_current:
        listed = script_listed(script) or {}
        if any("title" not in t for t in targets) or not listed:
            listed = script.call("list_tasks", {"status": "all"})
        current = {t["id"]: t for t in listed.get("tasks", [])}
    results = []
    for task in targets:
        now = current.get(task["id"], task)
        args: dict[str, Any] = {"task_id": task["id"], **{k: v for k, v in changes.items() if k in (
            "due_date", "priority", "recurrence", "remind_at", "title")}}
        if "tags_add" in changes or "tags_remove" in changes:
            tags = list(now.get("tags") or [])
            tags += [t for t in changes.get("tags_add", []) if t not in tags]
            removing = changes.get("tags_remove", [])
            tags = [] if "*" in removing else [t for t in tags if t not in removing]
            args["tags"] = tags
        if dated and now.get("due_at") and not now.get("all_day", True):
            # "push the dentist to tuesday": a task with a time keeps its time of day
            args["due_date"] += "T" + now["due_at"][11:16]
        if "shift_days" in changes:
            args["due_date"] = _shifted(now, changes["shift_days"], request.today or date.today())
        results.append(script.call("update_task", args))
    return replies.changed(results, changes)


def script_listed(script: Script) -> dict[str, Any] | None:
    """The last list_tasks result this turn already has."""
    for name, _, result in reversed(script.calls[: script.i]):
        if name == "list_tasks":
            return result
    return None


def _shifted(task: dict[str, Any], days: int, today: date) -> str:
    from datetime import datetime, timedelta

    due_at = task.get("due_at")
    if not due_at:
        return (today + timedelta(days=days)).isoformat()
    moved = datetime.fromisoformat(due_at) + timedelta(days=days)
    if task.get("all_day", True):
        return moved.date().isoformat()
    return moved.strftime("%Y-%m-%dT%H:%M")


def _targets(request: Request, context: Context, script: Script) -> list[dict[str, Any]] | str:
    """The tasks meant, or the text to answer with instead (a question, or 'no such task')."""
    action = request.action
    if request.ids:
        return [{"id": i} for i in request.ids]
    named = context.named
    ref = request.ref
    if request.query:
        listed = script.call("list_tasks", {"status": "all"})
        tasks = listed.get("tasks", [])
        prefer: references.Prefer = "pending" if action == "complete" else "completed" if action == "reopen" else None
        found = match_tasks(request.query, tasks, prefer)
        if found.kind == "none":
            found = references.by_notes(request.query, tasks)
        if request.query_parts:
            # "tick off the eggs and the bins": each part names one task of its own.
            each = [match_tasks(part, tasks, prefer) for part in request.query_parts]
            ids = [m.tasks[0]["id"] for m in each if m.kind == "one"]
            if len(ids) == len(each) and len(set(ids)) == len(ids):
                return [m.tasks[0] for m in each]
        if found.kind != "one" and (tagged := references.tagged_reading(request, tasks, prefer)) is not None:
            # the rules' words fit none, several or weakly: the tagger's target words, if they fit
            return tagged.tasks if tagged.sure else _ask_which(request, script, tagged.tasks, tagged.words)
        if found.kind == "one":
            return found.tasks
        if found.kind == "several":
            if action != "delete" and ref.every:
                return found.tasks
            return _ask_which(request, script, found.tasks, request.query)
        if found.kind == "weak":
            return _ask_which(request, script, found.tasks, request.query, weak=True)
        if not (ref.pronoun and named):
            return _no_match(request, tasks, script)
    if ref.ordinals and named:
        picked = [named[i] for i in ref.ordinals if -len(named) <= i < len(named)]
        if picked:
            return list({t["id"]: t for t in picked}.values())
    if named and (ref.every or ref.pronoun):
        if len(named) == 1 or ref.every:
            return named
        return _ask_which(request, script, named)
    listed = script.call("list_tasks", {"status": {"complete": "pending", "reopen": "completed"}.get(action, "all")})
    if (tagged := references.tagged_reading(request, listed.get("tasks", []))) is not None:
        return tagged.tasks if tagged.sure else _ask_which(request, script, tagged.tasks, tagged.words)
    if not listed.get("tasks"):
        return replies.ask_which_task(action)
    return _ask_which(request, script, listed["tasks"], unnamed=True)


def _no_match(request: Request, tasks: list[dict[str, Any]], script: Script) -> str:
    """No task has the words. Where the classifier likely reads an add instead ("+ buy bin bags",
    which "bin" made a deletion), that add is offered: a question, not a dead end."""
    if leads(request.norm.raw, "add", likely=True) and \
            (tagged := tagged_add(request.norm.raw, classifier_must_agree=True)) is not None:
        return _offer_tagged(tagged, script)
    return replies.no_match(request.query, tasks)


def _ask_which(request: Request, script: Script, tasks: list[dict[str, Any]], query: str = "",
               weak: bool = False, unnamed: bool = False, question: str = "") -> str:
    """Which task: the candidates as choices (offer_choices), and as numbered text."""
    intro, asked = replies.which_one(request.action, query, tasks, weak, unnamed)
    intro, question = ("", question) if question else (intro, asked)
    prompt = asking.which(question, tasks, lambda task_id: _command(request, task_id))
    script.call(OFFER_CHOICES, prompt.model_dump())
    return asking.text_of(prompt, intro)


def _command(request: Request, task_id: int) -> str:
    """The command a choice sends: `request` on task `task_id`, in words the rules read whole."""
    changes, note = request.changes, request.new_description
    if request.action == "update" and len(changes) == 1 and "priority" in changes:
        return f"make task {task_id} {changes['priority']} priority"
    if request.action == "update" and len(changes) == 1 and "due_date" in changes:
        day, _, clock = str(changes["due_date"]).partition("T")
        return f"move task {task_id} to {day}" + (f" at {clock}" if clock else "")
    if request.action == "update" and note is not None and request.new_title is None and request.note_mode == "append":
        return f"add a note to task {task_id}: {note}"
    return asking.task_command(request.action, task_id, title=request.new_title, description=note,
                               text=request.norm.text, target=request.target_text)
