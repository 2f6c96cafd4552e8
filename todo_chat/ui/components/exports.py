"""The Export menu: downloads of tasks and of the open chat; the calendar-feed link lives in settings."""

import reflex as rx

from todo_chat.ui.state.conversation import ConversationState
from todo_chat.ui.state.exports import ExportState


def _item(label: str, icon: str, on_click) -> rx.Component:
    return rx.menu.item(rx.icon(icon, size=14, aria_hidden="true"), label, on_click=on_click)


def export_menu() -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(rx.icon_button(rx.icon("download", size=14), size="1", variant="ghost",
                                       color_scheme="gray", aria_label="Export")),
        rx.menu.content(
            _item("Tasks as CSV", "sheet", ExportState.tasks_csv),
            _item("Tasks as iCalendar (.ics)", "calendar", ExportState.tasks_ics),
            _item("This chat as Markdown", "file-text", ExportState.conversation_md(ConversationState.open_id)),
            rx.menu.separator(),
            _item("Calendar feed link…", "link", rx.redirect("/settings#calendar-feed")),
            size="1",
        ),
    )
