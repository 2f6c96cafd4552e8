"""/chat: conversations on the left, the chat in the middle, the live task list on the right.
Below 768 px the two side panels become drawers. /tasks: the task list, with the chat as a
floating widget."""

import reflex as rx

from todo_chat.ui.components.chat_panel import chat_panel
from todo_chat.ui.components.layout import app_bar, drawer
from todo_chat.ui.components.sidebar import sidebar
from todo_chat.ui.components.task_panel import task_panel
from todo_chat.ui.state.auth import AuthState
from todo_chat.ui.state.layout import LayoutState

TOKEN_CHECK_MS = 60_000


def token_keeper() -> rx.Component:
    """Renews the access token before it expires, however long the page stays open."""
    return rx.moment(interval=TOKEN_CHECK_MS, on_change=lambda _v: AuthState.keep_fresh, display="none")


def keyboard() -> rx.Component:
    """Mentions, Esc, Ctrl/Cmd+K, `/`, `?` and arrow-up (assets/chat_keys.js)."""
    return rx.script(src="/chat_keys.js")

DESKTOP = ["none", "none", "flex"]


def chat_page() -> rx.Component:
    return rx.el.div(
        app_bar(),
        rx.hstack(
            rx.el.aside(sidebar(), width="260px", min_width="260px", height="100%", display=DESKTOP,
                        border_right="1px solid var(--gray-5)", class_name="sidebar-column"),
            rx.el.main(chat_panel(), flex="1", min_width="0", height="100%", display="flex"),
            rx.el.aside(task_panel(), width="320px", min_width="320px", height="100%", display=DESKTOP,
                        border_left="1px solid var(--gray-5)", class_name="tasks-column"),
            spacing="0", width="100%", height="calc(100dvh - 53px)", align="stretch",
        ),
        drawer(sidebar(), LayoutState.conversations_open, LayoutState.set_conversations_open,
               "left", "Conversations"),
        drawer(task_panel(), LayoutState.tasks_open, LayoutState.set_tasks_open, "right", "Tasks"),
        token_keeper(),
        keyboard(),
        class_name="chat-page",
        height="100dvh",
        overflow="hidden",
    )


def floating_chat() -> rx.Component:
    """The chat as a widget: a button bottom-right that opens it as a panel."""
    return rx.fragment(
        rx.cond(
            LayoutState.widget_open,
            rx.box(
                rx.hstack(rx.text("Todo assistant", weight="bold"), rx.spacer(),
                          rx.icon_button(rx.icon("x", size=16), variant="ghost", aria_label="Close chat",
                                         on_click=LayoutState.toggle_widget),
                          padding="8px 12px", border_bottom="1px solid var(--gray-5)", width="100%"),
                rx.box(chat_panel(), height="calc(100% - 49px)"),
                class_name="floating-chat-panel", role="dialog", aria_label="Chat",
            ),
        ),
        rx.cond(~LayoutState.widget_open,
                rx.icon_button(rx.icon("message-circle", size=22), size="4", radius="full",
                               aria_label="Open chat", on_click=LayoutState.toggle_widget,
                               class_name="floating-chat-button")),
    )


def tasks_page() -> rx.Component:
    return rx.el.div(
        app_bar(drawers=False),
        rx.el.main(rx.box(task_panel(), max_width="720px", margin_x="auto", height="calc(100dvh - 53px)"),
                   width="100%"),
        floating_chat(),
        token_keeper(),
        keyboard(),
        class_name="tasks-page",
    )
