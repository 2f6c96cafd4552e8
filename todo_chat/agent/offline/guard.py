"""The safety gate: the last look before the offline model changes data.

A data-changing call goes out only when it is *grounded* (its task named by id, picked from our
choices, meant by "it" / "the second one" after an answer that named it, or named by words that
fit it and no other task, nor one gone since) and *in force* (`force.in_force`); else it becomes a
question (`offer_choices`). The model is stateless: each step replays the turn, and a call the
plan did not ask for at that point was the gate's own (a list before an add, its question).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from todo_chat.agent.choices import OFFER_CHOICES, Choice, ChoicePrompt, prompt_of
from todo_chat.agent.offline import asking, clauses, references, replies
from todo_chat.agent.offline.dialogue import Call, Step
from todo_chat.agent.offline.follow_up import Context
from todo_chat.agent.offline.force import Said, clause_of, in_force, taken_back
from todo_chat.agent.offline.lexicon import anywhere
from todo_chat.agent.offline.parse import Request, understand
from todo_chat.agent.offline.resolve import best_fit, content_words, mentioned, word_score
from todo_chat.agent.offline.slots import PAST_FORMS, TASK_VERBS, task_ids, words

# Words a real title does not end on: a reading of a statement that stopped mid-phrase.
DANGLING = frozenset({"is", "are", "was", "were", "be", "been", "am", "the", "a", "an", "to", "of", "and", "or",
                      "my", "your", "with", "for", "at"})

Task = dict[str, Any]
Plan = Callable[[list[Call]], Step]


ACTION = {"complete_task": "complete", "reopen_task": "reopen", "delete_task": "delete", "update_task": "update"}
CHANGING = frozenset({*ACTION, "add_task"})
MOSTLY = 0.67            # an add said without "add" is about an open task when this much of it is that task's


def gated(plan: Plan, text: str, today: date, context: Context, calls: list[Call],
          earlier: list[tuple[str, str]], can_offer: bool = True) -> Step:
    """The pipeline's next step (`plan` over the pipeline's own calls), let through or replaced.
    `text`: the user's message as typed (the pipeline's reading may have dropped clauses)."""
    own: list[Call] = []
    gate_listed = False
    for call in calls:
        wanted = plan(own)
        if wanted.tool == call[0] and (wanted.arguments or {}) == call[1]:
            own.append(call)
        elif call[0] == OFFER_CHOICES:      # the gate's question: the turn ends on it
            prompt = prompt_of(call[1])
            return Step(text=asking.text_of(prompt) if prompt else "")
        elif call[0] == "list_tasks":
            gate_listed = True
        else:
            own.append(call)
    step = plan(own)
    if step.tool not in CHANGING:
        return step
    tasks = listed_tasks(calls)
    said = Said(text, understand(text, today))
    if not tasks and not gate_listed and _needs_the_list(step, said):
        return Step("list_tasks", {"status": "all"})
    prompt = check(step, said, context, tasks, gone_tasks(earlier, tasks, calls))
    if prompt is None:
        return step
    if not can_offer:
        return Step(text=asking.text_of(prompt))
    return Step(OFFER_CHOICES, prompt.model_dump())


def _needs_the_list(step: Step, said: Said) -> bool:
    """An add read from a statement (is it on the list already?), or a bare number beside other
    words (do they name that task?): the gate looks at the list first."""
    if step.tool == "add_task":
        return not explicit_add(said.text)   # (after "what should I add?" the list is checked too: cheap)
    task_id = (step.arguments or {}).get("task_id")
    return task_id in said.request.ids and task_id not in task_ids(said.text, allow_bare=False) \
        and bool(content_words(said.request.norm.text))


def check(step: Step, said: Said, context: Context, tasks: dict[int, Task],
          gone: list[Task]) -> ChoicePrompt | None:
    """None when the change may go ahead; else the question to ask instead."""
    request = said.request
    args = step.arguments or {}
    tool = step.tool or ""
    if tool == "add_task":
        return _check_add(args, said.text, context, tasks)
    task_id = args.get("task_id")
    if not isinstance(task_id, int):
        return None
    task = tasks.get(task_id, {"id": task_id})
    if _picked(task_id, context):
        return None
    rivals = {i: t for i, t in tasks.items() if i == task_id or _may_be_meant(tool, t)}
    if grounded(task_id, request, context, rivals, gone) and in_force(tool, said, task, args):
        return None
    # The words may fit another task better ("the school 1"): offer that one first.
    naming = _less_content(request.norm.text, request)
    others = [t for i, t in rivals.items() if i != task_id and best_fit(naming, t, rivals.values(), gone)]
    return _confirm(tool, [*others[:1], task], args, request)


# --- grounding: is this the task the words meant? ----------------------------------------------------

def _may_be_meant(tool: str, task: Task) -> bool:
    """A finished task is no rival for "done", an open one none for "reopen" (as resolve.py prefers)."""
    done = bool(task.get("completed"))
    return not (tool == "complete_task" and done or tool == "reopen_task" and not done)


def _picked(task_id: int, context: Context) -> bool:
    """The user answered our choices, and this task was one of them."""
    offered = context.offered
    return offered is not None and any(task_id in task_ids(c.message) for c in offered.choices)


def grounded(task_id: int, request: Request, context: Context, tasks: dict[int, Task], gone: list[Task]) -> bool:
    if task_id in request.ids:
        return _id_fits(task_id, request, tasks)
    named = {t["id"] for t in context.named}
    ref = request.ref
    if task_id in named and (ref.pronoun or ref.ordinals or ref.every):
        return True
    if context.asked is not None and task_id in {*context.asked.ids, *named}:
        return True
    queries = [q for q in (request.query, *request.query_parts, *(request.correction or ())[:1]) if q]
    task = tasks.get(task_id)
    return task is not None and (any(best_fit(q, task, tasks.values(), gone) for q in queries)
                                 or references.tagged_names(task, request, tasks, gone))


def _id_fits(task_id: int, request: Request, tasks: dict[int, Task]) -> bool:
    """A number written as an id ("#4", "task 4") is the id; a bare one ("the school 1") only when
    the message's other words do not point at a different task."""
    if task_id in task_ids(request.norm.raw, allow_bare=False) or task_id not in tasks:
        return True
    words = content_words(_less_content(request.norm.text, request))
    if not words:
        return True
    scores = {i: word_score(words, t) for i, t in tasks.items()}
    if scores[task_id][0]:
        return True
    return not any(hits for hits, _ in scores.values())


def _less_content(text: str, request: Request) -> str:
    """The message without the new title or note it carries (those words name no task)."""
    for content in (request.new_title, request.new_description):
        if content:
            text = text.replace(content, " ").replace(content.lower(), " ")
    return text


# --- adds --------------------------------------------------------------------------------------------

def explicit_add(text: str) -> bool:
    """"add X", "put X on my list": an add asked in so many words (a duplicate then meant), not "put X for fri"."""
    low = clauses.plain(text)
    return any(anywhere(kind).search(low) for kind in ("verbs_add_explicit", "add_leads", "guard_add_requests"))


def _check_add(args: dict[str, Any], text: str, context: Context, tasks: dict[int, Task]) -> ChoicePrompt | None:
    """An add read from a statement whose title is already an open task, or one taken back later."""
    title = str(args.get("title", ""))
    if context.offered is not None and any(title.casefold() in c.message.casefold() for c in context.offered.choices):
        return None      # "add it anyway" was picked
    same = [t for t in tasks.values() if _plain(t.get("title", "")) == _plain(title) and not t.get("completed")]
    if explicit_add(text):
        same = []
    parts = clauses.split(text) or [text]
    about = [] if same else _meant(title, text, tasks)
    if not same and not about and not taken_back(parts, clause_of(parts, {"title": title})) \
            and (explicit_add(text) or not (_cut_short(title) or _reported(title)
                                            or anywhere("guard_conditions").search(clauses.plain(text)))):
        return None
    if same:
        return asking.add_this(f"“{same[0]['title']}” is already on your list (#{same[0]['id']}). Add it again?", title)
    if about:
        task = about[0]
        note = Choice(label=f"Note on “{task['title']}”"[:120], message=f"add a note to task {task['id']}: {title}")
        offer = asking.add_this(f"Is this about “{task['title']}” (#{task['id']})?", title)
        return ChoicePrompt(question=offer.question, choices=[note, *offer.choices])
    return asking.add_this(f"Should I add “{title}”?", title)


def _reported(title: str) -> bool:
    """A title read out of a report of something past ("Window cleaner came"): not a task to do.
    (One that starts with a verb is a task: "Get the boiler serviced".)"""
    said = words(title.lower())
    if not said or said[0] in TASK_VERBS:
        return False
    return any(w in PAST_FORMS or (w.endswith("ed") and len(w) > 4 and before not in _PARTICIPLE_LEADS)
               for before, w in zip(said, said[1:], strict=False))


# Words before a past participle that make it part of a task ("get the car serviced", "be fixed").
_PARTICIPLE_LEADS = frozenset({"be", "been", "being", "is", "are", "get", "got", "getting", "have", "has", "had",
                               "it", "them"})


def _cut_short(title: str) -> bool:
    """A title read out of a statement that stops mid-phrase ("Mum's birthday is"): not a task."""
    last = title.lower().split()[-1:] or [""]
    return last[0] in DANGLING


def _meant(title: str, text: str, tasks: dict[int, Task]) -> list[Task]:
    """The open task a new title seems to be about: it names a task ("the scooter one ...") or,
    said without "add", most of its words are that task's (its one word, when it has one)."""
    words = list(dict.fromkeys(content_words(title)))
    pending = [t for t in tasks.values() if not t.get("completed")]
    if not words or not pending:
        return []
    fits = [t for t in pending if best_fit(title, t, pending, [])]
    if len(fits) != 1:
        return []
    if anywhere("task_nouns").search(clauses.plain(title)):
        return fits
    hits, _ = word_score(words, fits[0])
    return fits if not explicit_add(text) and hits >= min(2, len(words)) and hits / len(words) >= MOSTLY else []


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


# --- what the turn knows -------------------------------------------------------------------------------

def listed_tasks(calls: list[Call]) -> dict[int, Task]:
    """Every task this turn's list_tasks results showed, by id."""
    found: dict[int, Task] = {}
    for name, _, result in calls:
        if name == "list_tasks":
            found.update({t["id"]: t for t in result.get("tasks", []) if "id" in t})
    return found


def gone_tasks(earlier: list[tuple[str, str]], tasks: dict[int, Task], calls: list[Call]) -> list[Task]:
    """Tasks earlier answers named that a full listing this turn no longer has (deleted since)."""
    full = any(name == "list_tasks" and args.get("status", "all") == "all" and len(args) <= 1
               for name, args, _ in calls)
    if not full:
        return []
    named = {t["id"]: t for role, text in earlier if role == "assistant" for t in mentioned(text) if t["title"]}
    return [t for i, t in named.items() if i not in tasks]


def _confirm(tool: str, tasks: list[Task], args: dict[str, Any], request: Request) -> ChoicePrompt:
    action = ACTION[tool]
    task = tasks[0]
    name = f"“{task['title']}”" if task.get("title") else f"task #{task['id']}"
    question = f"Just checking: should I {replies.VERB[action]} {name}?" if len(tasks) == 1 \
        else f"Which one should I {replies.VERB[action]}?"
    return asking.which(question, tasks, lambda task_id: asking.task_command(
        action, task_id, title=args.get("title"), description=args.get("description"),
        text=request.norm.text, target=request.target_text))
