"""The offline model's words: tool results turned into friendly answers."""

from __future__ import annotations

from datetime import date
from typing import Any

from todo_chat.agent.language import Intent

# Every "which one?" question carries this, so the next message can answer it with a number.
WHICH_MARK = "Which one should I"

EXAMPLES = ("“Add a task to buy groceries tomorrow, high priority”, “What's pending?”, "
            "“Mark task 3 as complete” or “Delete the meeting task”")
_VERB = {"complete": "mark as complete", "delete": "delete", "update": "change"}


def _failed(result: dict[str, Any]) -> str | None:
    return f"Sorry, I couldn't do that: {result['error']}." if "error" in result else None


def _due(value: str | None) -> str:
    return f"due {date.fromisoformat(value):%a %b %-d}" if value else ""


def _line(task: dict[str, Any], checkbox: bool = False) -> str:
    extras = [x for x in (task.get("priority") and f"{task['priority']} priority",
                          _due(task.get("due_date"))) if x]
    box = ("[x] " if task.get("completed") else "[ ] ") if checkbox else ""
    tail = f" ({', '.join(extras)})" if extras else ""
    return f"- {box}#{task['id']} {task['title']}{tail}"


def added(result: dict[str, Any]) -> str:
    if failed := _failed(result):
        return failed
    extras = [x for x in (result.get("priority") and f"{result['priority']} priority",
                          _due(result.get("due_date"))) if x]
    tail = f", {', '.join(extras)}" if extras else ""
    return f"Added **{result['title']}** to your list (task #{result['task_id']}{tail})."


def listed(result: dict[str, Any]) -> str:
    tasks, status = result.get("tasks", []), result.get("status", "all")
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
    return "\n".join([head, *(_line(t, checkbox=status == "all") for t in tasks)])


def acted(action: str, result: dict[str, Any]) -> str:
    if failed := _failed(result):
        return failed
    title, task_id = result.get("title", ""), result.get("task_id")
    if action == "complete":
        return f"Marked **{title}** (#{task_id}) as complete. Nice work!"
    if action == "delete":
        return f"Deleted **{title}** (#{task_id}) from your list."
    return f"Updated task #{task_id}: it's now **{title}**."


def no_match(intent: Intent) -> str:
    return (f"I couldn't find a task matching “{intent.query}”. "
            "Say “show my tasks” to see them all.")


def which_one(intent: Intent, found: list[dict[str, Any]]) -> str:
    options = "\n".join(_line(t) for t in found)
    return (f"I found {len(found)} tasks matching “{intent.query}”:\n{options}\n"
            f"{WHICH_MARK} {_VERB[intent.action]}? Reply with its number.")


def ask_which_task(action: str) -> str:
    return f"Which task should I {_VERB[action]}? Give me its number or some words from its title."


def ask_new_title(intent: Intent) -> str:
    which = f"task #{intent.task_id}" if intent.task_id else "that task"
    return f"What should I change {which} to? For example: “Change task 1 to Call mom tonight”."


def chat(action: str) -> str:
    if action == "greet":
        return f"Hi! I'm your task assistant. Try {EXAMPLES}."
    if action == "help":
        return ("I manage your todo list. I can:\n- add tasks (with a priority or a due date)\n"
                "- show all, pending or completed tasks\n- mark tasks complete\n"
                "- rename or update tasks\n- delete tasks\n"
                f"Refer to a task by its number or by words from its title. Try {EXAMPLES}.")
    if action == "thanks":
        return "You're welcome! Anything else on your list?"
    return ("Sorry, I can only help with your todo list: adding, listing, completing, updating and "
            f"deleting tasks. I can't do other things like send messages or browse the web. Try {EXAMPLES}.")
