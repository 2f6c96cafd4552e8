"""The app bar and the page frame shared by the signed-in pages."""

import reflex as rx

from todo_chat.ui.components.chat_actions import shortcuts_dialog
from todo_chat.ui.components.task_panel import reminder_toasts
from todo_chat.ui.state.auth import AuthState
from todo_chat.ui.state.layout import LayoutState


def theme_toggle() -> rx.Component:
    return rx.icon_button(
        rx.color_mode_cond(light=rx.icon("moon", size=16), dark=rx.icon("sun", size=16)),
        on_click=rx.toggle_color_mode, variant="ghost", color_scheme="gray",
        aria_label="Toggle dark mode",
    )


def brand() -> rx.Component:
    return rx.link(rx.hstack(rx.icon("list-checks", size=20, color="var(--accent-9)"),
                             rx.heading("todo-chat", size="4"), align="center", spacing="2"),
                   href="/chat", underline="none", color="inherit")


def app_bar(drawers: bool = True) -> rx.Component:
    mobile_only = ["flex", "flex", "none"]
    return rx.el.header(
        rx.hstack(
            rx.icon_button(rx.icon("panel-left", size=16), variant="ghost", color_scheme="gray",
                           aria_label="Conversations", display=mobile_only,
                           on_click=LayoutState.set_conversations_open(True)) if drawers else rx.fragment(),
            brand(),
            rx.spacer(),
            rx.link("Tasks", href="/tasks", size="2", display=["none", "none", "block"]),
            rx.link("Chat", href="/chat", size="2", display=["none", "none", "block"]),
            rx.icon_button(rx.icon("list-todo", size=16), variant="ghost", color_scheme="gray",
                           aria_label="Tasks", display=mobile_only,
                           on_click=LayoutState.set_tasks_open(True)) if drawers else rx.fragment(),
            shortcuts_dialog(),
            theme_toggle(),
            rx.link(rx.icon("settings", size=16), href="/settings", aria_label="Settings", color="var(--gray-11)",
                    display="flex"),
            rx.text(AuthState.user_name, size="2", color="var(--gray-11)", display=["none", "none", "block"]),
            rx.button(rx.icon("log-out", size=14), rx.text("Log out", display=["none", "none", "inline"]),
                      on_click=AuthState.logout, variant="soft", color_scheme="gray", size="2",
                      aria_label="Log out"),
            align="center", spacing="3", width="100%", padding_x="12px", height="52px",
        ),
        reminder_toasts(),
        border_bottom="1px solid var(--gray-5)", width="100%", class_name="app-bar",
    )


def drawer(content: rx.Component, open_var, on_open_change, side: str, label: str) -> rx.Component:
    """A side panel for narrow screens (the desktop columns become these below 768 px)."""
    return rx.drawer.root(
        rx.drawer.overlay(z_index="40"),
        rx.drawer.portal(
            rx.drawer.content(
                rx.vstack(
                    rx.hstack(
                        rx.drawer.title(label, class_name="sr-only"),
                        rx.spacer(),
                        rx.drawer.close(rx.icon_button(rx.icon("x", size=16), variant="ghost",
                                                       aria_label="Close " + label)),
                        width="100%", padding="8px 12px 0",
                    ),
                    content, height="100%", width="100%", spacing="0",
                ),
                class_name=f"side-drawer side-drawer-{side}",
                aria_label=label,
            ),
        ),
        open=open_var, on_open_change=on_open_change, direction=side,
    )
