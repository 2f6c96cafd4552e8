"""Stage 5: the words. Tool results in, short friendly text out; never a claim no tool made.

Every task an answer names is written `**Title** (#id ...)` or `- #id Title` so that the next turn
can tell which tasks "it", "that one" or "the third one" mean (`resolve.mentioned`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from todo_chat.agent.offline.rich import describe_rule
from todo_chat.services.tasks import due_phrase

# The words of a "which one?" question (what was offered is read from its offer_choices call).
WHICH_MARK = "Which one should I"
WHICH_TASK_MARK = "Which task should I"
NEW_TITLE_MARK = "say instead?"
ADD_WHAT_MARK = "What should I add?"

EXAMPLES = ("“Add a task to buy groceries tomorrow, high priority”, “What's pending?”, "
            "“Mark task 3 as complete” or “Delete the meeting task”")
VERB = {"complete": "mark as done", "delete": "delete", "update": "change", "reopen": "reopen"}


def _due(value: str | None) -> str:
    return f"due {date.fromisoformat(value):%a %b %-d}" if value else ""


def when(task: dict[str, Any]) -> str:
    """'Fri 4 Dec' or 'Fri 4 Dec, 5:00 pm', in the offset the tool's result carries."""
    due_at = task.get("due_at")
    if not due_at:
        return ""
    moment = datetime.fromisoformat(due_at)
    return due_phrase(moment, bool(task.get("all_day")), moment.tzinfo)  # type: ignore[arg-type]


def _reminder(task: dict[str, Any]) -> str:
    remind_at = task.get("remind_at")
    if not remind_at:
        return ""
    return "reminder " + due_phrase(datetime.fromisoformat(remind_at), False,
                                    datetime.fromisoformat(remind_at).tzinfo)  # type: ignore[arg-type]


def _extras(task: dict[str, Any]) -> list[str]:
    due = f"due {when(task)}" if task.get("due_at") else _due(task.get("due_date"))
    tags = " ".join(f"#{t}" for t in task.get("tags") or [])
    return [x for x in (task.get("priority") and f"{task['priority']} priority", due, tags,
                        describe_rule(task.get("recurrence")), _reminder(task)) if x]


def line(task: dict[str, Any], checkbox: bool = False) -> str:
    box = ("[x] " if task.get("completed") else "[ ] ") if checkbox else ""
    extras = _extras(task)
    tail = f" ({', '.join(extras)})" if extras else ""
    return f"- {box}#{task['id']} {task['title']}{tail}"


def _named(result: dict[str, Any]) -> str:
    extras = _extras(result)
    tail = f", {', '.join(extras)}" if extras else ""
    return f"**{result.get('title', '')}** (#{result.get('task_id', result.get('id'))}{tail})"


def error(result: dict[str, Any]) -> str:
    return f"Sorry, I couldn't do that: {result['error']}."


def added(results: list[dict[str, Any]]) -> str:
    done = [r for r in results if "error" not in r]
    failed = [r for r in results if "error" in r]
    lines = []
    if len(done) == 1:
        lines.append(f"Added {_named(done[0])} to your list.")
    elif done:
        lines.append(f"Added {len(done)} tasks to your list:")
        lines.extend(f"- {_named(r)}" for r in done)
    lines.extend(error(r) for r in failed)
    return "\n".join(lines)


def listed(result: dict[str, Any], priority: str | None = None) -> str:
    tasks, status = result.get("tasks", []), result.get("status", "all")
    if priority:
        chosen = [t for t in tasks if t.get("priority") == priority]
        if not chosen:
            return f"No {priority} priority tasks here. " + (listed(result) if tasks else "")
        tasks = chosen
        plural = "task" if len(tasks) == 1 else "tasks"
        return "\n".join([f"You have {len(tasks)} {priority} priority {plural}:",
                          *(line(t, checkbox=status == "all") for t in tasks)])
    if not tasks:
        return {"pending": "Nothing pending: you're all caught up! 🎉",
                "completed": "You haven't completed any tasks yet."}.get(
            status, "Your list is empty. Try “Add a task to buy groceries”.")
    n = len(tasks)
    plural = "task" if n == 1 else "tasks"
    if status == "pending":
        head = f"You have {n} pending {plural}:"
    elif status == "completed":
        head = f"You've completed {n} {plural}:"
    else:
        done = sum(1 for t in tasks if t.get("completed"))
        head = f"You have {n} {plural} ({n - done} pending, {done} completed):"
    return "\n".join([head, *(line(t, checkbox=status == "all") for t in tasks)])


_FILTER_WORDS = {"today": "due today", "tomorrow": "due tomorrow", "overdue": "overdue", "week": "due this week",
                 "none": "with no due date"}


def filtered(result: dict[str, Any], filters: dict[str, Any]) -> str:
    """A list the tool filtered or sorted: 'You have 2 tasks due this week:'."""
    tasks = result.get("tasks", [])
    what = []
    if filters.get("priority"):
        what.append(f"{filters['priority']} priority")
    noun = "task" if len(tasks) == 1 else "tasks"
    tail = []
    if filters.get("due"):
        tail.append(_FILTER_WORDS[filters["due"]])
    if filters.get("tag"):
        tail.append(f"tagged #{filters['tag']}")
    if filters.get("query"):
        tail.append(f"matching “{filters['query']}”")
    described = " ".join([*what, noun, *tail])
    if not tasks:
        return f"No {' '.join([*what, 'tasks', *tail])}." if (what or tail) else listed(result)
    order = ""
    if filters.get("sort"):
        order = {"due": " by due date", "priority": " by priority", "title": " by title",
                 "created": " by date added", "updated": " by last change"}[filters["sort"]]
    head = f"You have {len(tasks)} {described}{order}:" if (what or tail) else \
        f"Your {len(tasks)} {noun}{order}:"
    return "\n".join([head, *(line(t, checkbox=result.get("status") == "all") for t in tasks)])


def changed(results: list[dict[str, Any]], changes: dict[str, Any]) -> str:
    """'Updated **Dentist** (#3): due Tue 1 Dec, 5:00 pm.'"""
    lines = []
    for result in results:
        if "error" in result:
            lines.append(error(result))
            continue
        said = []
        if "due_date" in changes or "shift_days" in changes:
            said.append(f"due {when(result)}" if result.get("due_at") else "no due date now")
        if "priority" in changes:
            said.append(f"{result.get('priority')} priority")
        if "tags_add" in changes or "tags_remove" in changes:
            tags = result.get("tags") or []
            said.append("tags " + " ".join(f"#{t}" for t in tags) if tags else "no tags now")
        if "recurrence" in changes:
            said.append(describe_rule(result.get("recurrence")) or "doesn't repeat any more")
        if "remind_at" in changes:
            said.append(_reminder(result) or "no reminder now")
        title, task_id = result.get("title", ""), result.get("task_id", result.get("id"))
        lines.append(f"Updated **{title}** (#{task_id}): {', '.join(said)}.")
    return "\n".join(lines)


_DID = {"complete": "Marked {} as done.", "delete": "Deleted {} from your list.",
        "reopen": "Reopened {}: it's pending again."}


def acted(action: str, results: list[dict[str, Any]], change: dict[str, Any] | None = None) -> str:
    lines = []
    for result in results:
        if "error" in result:
            lines.append(error(result))
        elif action == "update":
            if change and "description" in change and "title" not in change:
                lines.append(f"Updated the description of {_named(result)}: “{change['description']}”.")
            else:
                lines.append(f"Updated task #{result.get('task_id')}: it's now **{result.get('title')}**.")
        else:
            lines.append(_DID[action].format(_named(result)))
            if result.get("next"):
                nxt = result["next"]
                lines[-1] += (f" It repeats: next one due {when(nxt)} (#{nxt.get('task_id', nxt.get('id'))})."
                              if nxt.get("due_at") else f" It repeats: next one is #{nxt.get('task_id')}.")
    if action == "complete" and any("error" not in r for r in results):
        lines[-1] += " Nice work!"
    return "\n".join(lines)


def already(action: str, task: dict[str, Any]) -> str:
    state = "done" if action == "complete" else "still pending"
    return f"**{task['title']}** (#{task['id']}) is already {state}: nothing to change."


def no_match(query: str, tasks: list[dict[str, Any]]) -> str:
    if not tasks:
        return f"I couldn't find a task matching “{query}”: your list is empty."
    return (f"I couldn't find a task matching “{query}”. Say “show my tasks” to see them all, "
            "or give me the task's number.")


def which_one(action: str, query: str, found: list[dict[str, Any]], weak: bool = False,
              unnamed: bool = False) -> tuple[str, str]:
    """(what was found, the question) for a "which task?" with choices."""
    if unnamed:
        return "", f"{WHICH_TASK_MARK} {VERB[action]}? Pick one, or give me its number or some words from its title."
    if weak:
        intro = f"I'm not sure which task “{query}” means."
        if len(found) == 1:
            return intro, f"Did you mean this one? Should I {VERB[action]} it?"
        return intro, f"Did you mean one of these? {WHICH_MARK} {VERB[action]}?"
    else:
        intro = f"I found {len(found)} tasks matching “{query}”." if query else ""
    return intro, f"{WHICH_MARK} {VERB[action]}? Reply with its number."


def not_sure_add(title: str) -> str:
    return f"{chat('unknown')}\nOr should I add “{title}” to your list?"


def ask_what_to_add() -> str:
    return f"{ADD_WHAT_MARK} Tell me the task, for example “Buy milk tomorrow”."


def status_of(query: str, tasks: list[dict[str, Any]]) -> str:
    """'Is the yoga one finished?' answered from the list."""
    if not tasks:
        return f"I couldn't find a task matching “{query}”."
    return "\n".join(f"**{t['title']}** (#{t['id']}) is " + ("done." if t.get("completed") else "not done yet.")
                     + (f" Notes: {t['description']}" if t.get("description") else "") for t in tasks)


def ask_which_task(action: str) -> str:
    return f"{WHICH_TASK_MARK} {VERB[action]}? Give me its number or some words from its title."


def ask_new_title(task_id: int | None) -> str:
    which = f"task #{task_id}" if task_id else "that task"
    return (f"What should {which} {NEW_TITLE_MARK} For example: "
            f"“Change task {task_id or 1} to Call mom tonight”.")


def unsupported_field() -> str:
    return ("I can change a task's title, description, due date, priority, tags or repeat. Try "
            "“move task 3 to friday”, “make the report urgent” or “tag task 2 with work”.")


def chat(action: str) -> str:
    if action == "greet":
        return f"Hi! I'm your task assistant. Try {EXAMPLES}."
    if action == "help":
        return ("I manage your todo list. I can:\n- add tasks (with a priority, a due date and time, #tags, "
                "a repeat like “every Monday at 9” or a reminder)\n"
                "- show all, pending or completed tasks, what's due today or this week, what's overdue, "
                "a #tag, or sorted by priority or due date\n- mark tasks done, or reopen them\n"
                "- rename tasks, change their description, due date, priority, tags or repeat\n- delete tasks\n"
                f"Refer to a task by its number or by words from its title. Try {EXAMPLES}.")
    if action == "cancel":
        return "OK, I've left everything as it was."
    if action == "thanks":
        return "You're welcome! Anything else on your list?"
    return ("Sorry, I'm not sure what you'd like me to do. I can only help with your todo list: adding, "
            f"listing, completing, updating and deleting tasks. Could you rephrase? For example: {EXAMPLES}.")
