"""ChatKit widgets: the task list that `list_tasks` answers with, with a button per action."""

from __future__ import annotations

from typing import Any

from chatkit.actions import ActionConfig
from chatkit.widgets import Badge, Button, Caption, ListView, ListViewItem, Row, Text

# Action types the widget sends back (server side) or the page handles itself (client side).
COMPLETE = "task.complete"
REOPEN = "task.reopen"
DELETE = "task.delete"
OPEN = "task.open"  # client-only: the page opens the task in its panel

PRIORITY_COLOR = {"high": "danger", "medium": "warning", "low": "secondary"}


def _task_row(task: dict[str, Any]) -> ListViewItem:
    done = bool(task.get("completed"))
    toggle = REOPEN if done else COMPLETE
    badges = [Badge(label=f"{task['priority']} priority", color=PRIORITY_COLOR.get(task["priority"], "secondary"),
                    variant="soft", size="sm")] if task.get("priority") else []
    return ListViewItem(
        key=f"task-{task['id']}",
        gap=3,
        align="center",
        onClickAction=ActionConfig(type=OPEN, payload={"task_id": task["id"]}, handler="client"),
        children=[
            Caption(value=f"#{task['id']}"),
            Text(value=task["title"], weight="medium", lineThrough=done or None,
                 color="secondary" if done else None),
            *badges,
            Row(gap=2, justify="end", flex=1, children=[
                Button(label="Reopen" if done else "Complete", size="sm", variant="outline",
                       iconStart="check", onClickAction=ActionConfig(type=toggle, payload={"task_id": task["id"]})),
                Button(label="Delete", size="sm", variant="outline", color="danger",
                       onClickAction=ActionConfig(type=DELETE, payload={"task_id": task["id"]})),
            ]),
        ],
    )


def task_list_widget(tasks: list[dict[str, Any]], status: str = "all") -> ListView:
    heading = {"pending": "Pending tasks", "completed": "Completed tasks"}.get(status, "Your tasks")
    rows = [_task_row(t) for t in tasks]
    if not rows:
        rows = [ListViewItem(children=[Text(value="No tasks here.", color="secondary")])]
    return ListView(key=f"tasks-{status}", status={"text": heading, "icon": "check-circle"}, children=rows)


CHOICE = "choice.pick"   # server side: the picked choice's message becomes the user's next message


def choices_widget(question: str, choices: list[dict[str, Any]]) -> ListView:
    """An `offer_choices` prompt: the question, and one button per choice."""
    buttons = [Button(label=c["label"], size="sm", variant="outline",
                      onClickAction=ActionConfig(type=CHOICE, payload={"message": c["message"]}))
               for c in choices]
    return ListView(key="choices", children=[
        ListViewItem(children=[Text(value=question, weight="medium")]),
        ListViewItem(children=[Row(gap=2, wrap="wrap", children=buttons)]),
    ])


def task_list_copy_text(tasks: list[dict[str, Any]]) -> str:
    return "\n".join(f"[{'x' if t.get('completed') else ' '}] #{t['id']} {t['title']}" for t in tasks)


__all__ = ["CHOICE", "COMPLETE", "DELETE", "OPEN", "REOPEN", "choices_widget", "task_list_copy_text",
           "task_list_widget"]
