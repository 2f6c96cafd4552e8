"""The live task list: a labelled region beside the chat."""

import reflex as rx

from todo_chat.ui.components.exports import export_menu
from todo_chat.ui.state.tasks import REMINDER_CHECK_MS, TaskPanelState, TaskView


def _due_marker(task: TaskView) -> rx.Component:
    """Due and overdue said in words (and a border), never by colour alone."""
    return rx.match(
        task.due_state,
        ("overdue", rx.text("Overdue", size="1", weight="bold", color="var(--red-11)", class_name="due-marker",
                            border="1px solid var(--red-8)", border_radius="4px", padding_x="4px")),
        ("today", rx.text("Due today", size="1", weight="bold", color="var(--amber-11)", class_name="due-marker",
                          border="1px solid var(--amber-8)", border_radius="4px", padding_x="4px")),
        rx.fragment(),
    )


def _view(label: str, value: str) -> rx.Component:
    return rx.segmented_control.item(label + " " + TaskPanelState.view_counts[value].to_string(), value=value)


def _in_view(task: TaskView) -> rx.Var:
    """Whether the row shows in the chosen view, decided in the browser (as `state.tasks.views_of`):
    a change of view sends no list, and a changed task list is sent once, not again as a view of it."""
    due = task.due_state
    return rx.match(TaskPanelState.filter,
                    ("pending", ~task.completed), ("completed", task.completed),
                    ("today", (due == "today") | (due == "overdue")),
                    ("upcoming", due == "upcoming"), ("overdue", due == "overdue"), True)


def _task(task: TaskView) -> rx.Component:
    return rx.hstack(
        rx.checkbox(checked=task.completed, on_change=lambda _v: TaskPanelState.toggle(task.id),
                    aria_label=rx.cond(task.completed, "Reopen ", "Complete ") + task.title),
        rx.vstack(
            rx.link(rx.text(task.title, size="2", weight="medium",
                            text_decoration=rx.cond(task.completed, "line-through", "none"),
                            color=rx.cond(task.completed, "var(--gray-11)", "var(--gray-12)")),
                    on_click=TaskPanelState.open_task(task.id), href="#", underline="none"),
            rx.hstack(
                rx.text("#" + task.id.to_string(), size="1", color="var(--gray-11)"),
                rx.text(task.priority + " priority", size="1", color="var(--gray-11)"),
                rx.cond(task.due != "", rx.text("due " + task.due, size="1", color="var(--gray-11)")),
                _due_marker(task),
                rx.cond(task.repeats, rx.text("repeats", size="1", color="var(--gray-11)")),
                rx.foreach(task.tags, lambda tag: rx.text("#" + tag, size="1", color="var(--accent-11)")),
                spacing="2", wrap="wrap",
            ),
            spacing="0", flex="1", min_width="0",
        ),
        rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="gray", size="1",
                       aria_label="Delete " + task.title, on_click=TaskPanelState.remove(task.id)),
        width="100%", align="start", padding_y="6px", class_name="task-row",
        border_bottom="1px solid var(--gray-4)",
    )


def _detail() -> rx.Component:
    task = TaskPanelState.selected
    return rx.cond(
        TaskPanelState.selected_id != 0,
        rx.card(
            rx.vstack(
                rx.hstack(rx.heading("Task #" + TaskPanelState.selected_id.to_string(), size="3"),
                          rx.spacer(),
                          rx.icon_button(rx.icon("x", size=14), size="1", variant="ghost",
                                         aria_label="Close task details", on_click=TaskPanelState.close_task),
                          width="100%"),
                rx.text(task.title, weight="medium"),
                rx.text(rx.cond(task.description != "", task.description, "No description."), size="2",
                        color="var(--gray-11)"),
                spacing="2",
            ),
            width="100%", class_name="task-detail",
        ),
    )


def reminder_toasts() -> rx.Component:
    """Reminders that fell due, top right under the app bar: clear of the composer and Send."""
    return rx.vstack(
        rx.foreach(TaskPanelState.reminders, lambda reminder: rx.callout.root(
            rx.hstack(
                rx.callout.icon(rx.icon("bell-ring", size=16)),
                rx.callout.text(reminder.text),
                rx.icon_button(rx.icon("x", size=14), size="1", variant="ghost", color_scheme="gray",
                               aria_label="Dismiss " + reminder.text,
                               on_click=TaskPanelState.dismiss_reminder(reminder.task_id)),
                align="center", spacing="2"),
            color_scheme="blue", size="1", variant="surface", class_name="reminder-toast")),
        role="status", aria_live="polite", aria_label="Reminders",
        position="fixed", top="60px", right="12px", z_index="50", max_width="min(360px, calc(100vw - 24px))",
        spacing="2",
    )


def task_panel() -> rx.Component:
    return rx.el.section(
        rx.vstack(
            rx.hstack(
                rx.heading("Tasks", size="4", id="tasks-heading"),
                rx.hstack(
                    rx.badge(TaskPanelState.pending_count.to_string() + " pending", variant="soft",
                             color_scheme="gray"),
                    rx.icon_button(rx.icon("bell", size=14), size="1", variant="ghost", color_scheme="gray",
                                   aria_label="Notify me of reminders",
                                   on_click=rx.call_script("window.todoChatAskNotify && window.todoChatAskNotify()")),
                    export_menu(),
                    spacing="2", align="center",
                ),
                align="center", justify="between", width="100%",
            ),
            rx.segmented_control.root(
                _view("All", "all"), _view("Pending", "pending"), _view("Done", "completed"),
                value=TaskPanelState.filter, on_change=TaskPanelState.set_filter, size="1", width="100%",
                aria_label="Filter tasks",
            ),
            rx.segmented_control.root(
                _view("Today", "today"), _view("Upcoming", "upcoming"), _view("Overdue", "overdue"),
                value=TaskPanelState.filter, on_change=TaskPanelState.set_filter, size="1", width="100%",
                aria_label="Task views by due date",
            ),
            rx.moment(interval=REMINDER_CHECK_MS, on_change=lambda _v: TaskPanelState.check_reminders,
                      display="none"),
            rx.form(
                rx.hstack(
                    rx.input(name="title", id="new-task-title", placeholder="Add a task…",
                             aria_label="New task title", size="2", flex="1", max_length=200),
                    rx.icon_button(rx.icon("plus", size=16), type="submit", aria_label="Add task", size="2"),
                    width="100%", spacing="2",
                ),
                on_submit=TaskPanelState.add, reset_on_submit=True, width="100%",
            ),
            rx.cond(TaskPanelState.error != "", rx.callout(TaskPanelState.error, color_scheme="red", size="1")),
            _detail(),
            rx.cond(TaskPanelState.view_counts[TaskPanelState.filter] == 0,
                    rx.text("Nothing here yet. Ask the assistant to add a task.", size="2",
                            color="var(--gray-11)")),
            rx.vstack(rx.foreach(TaskPanelState.tasks, lambda task: rx.cond(_in_view(task), _task(task))),
                      width="100%", spacing="0",
                      overflow_y="auto", flex="1"),
            spacing="3", height="100%", width="100%", padding="12px",
        ),
        aria_labelledby="tasks-heading",
        role="region",
        class_name="task-panel",
        height="100%",
        width="100%",
    )
