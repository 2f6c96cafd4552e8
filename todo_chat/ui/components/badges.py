"""A tool-call badge: names the tool and says its status in words, not colour alone."""

import reflex as rx

from todo_chat.ui.state.badges import Badge, BadgeState
from todo_chat.ui.state.conversation import ConversationState

# Radix step 12 text on step 3 background: WCAG AA in light and dark mode alike.
_COLOR = {"pending": "gray", "success": "green", "error": "red"}
_ICON = {"success": "circle-check", "error": "circle-x"}


def undo_button(badge: Badge) -> rx.Component:
    """Undo what the call changed; once undone, Redo puts it back."""
    word = rx.cond(badge.undo == "redo", "Redo", "Undo")
    return rx.cond(badge.undo != "", rx.button(
        rx.icon(rx.cond(badge.undo == "redo", "redo-2", "undo-2"), size=12, aria_hidden="true"), word,
        size="1", variant="soft", color_scheme="gray", class_name="badge-undo",
        aria_label=word + " " + badge.name + " (" + badge.summary + ")",
        on_click=BadgeState.undo_call(ConversationState.open_id, badge.call_id)))


def tool_badge(badge: Badge) -> rx.Component:
    return rx.fragment(status_pill(badge), undo_button(badge))


def status_pill(badge: Badge) -> rx.Component:
    label = badge.label
    return rx.hstack(
        rx.match(
            badge.status,
            ("pending", rx.spinner(size="1")),
            ("success", rx.icon(_ICON["success"], size=14, aria_hidden="true")),
            rx.icon(_ICON["error"], size=14, aria_hidden="true"),
        ),
        rx.text(label, size="1", weight="medium"),
        rx.cond(badge.summary != "", rx.text(badge.summary, size="1", class_name="badge-args", trunc=True)),
        role="status",
        aria_label=label,
        title=badge.summary,
        data_status=badge.status,
        class_name="tool-badge",
        align="center",
        spacing="1",
        padding_x="8px",
        padding_y="3px",
        border_radius="999px",
        max_width="100%",
        background=rx.match(badge.status, ("success", "var(--green-3)"), ("error", "var(--red-3)"), "var(--gray-3)"),
        color=rx.match(badge.status, ("success", "var(--green-12)"), ("error", "var(--red-12)"), "var(--gray-12)"),
        border=rx.match(badge.status, ("success", "1px solid var(--green-7)"), ("error", "1px solid var(--red-7)"),
                        "1px solid var(--gray-7)"),
    )


def badge_row(badges) -> rx.Component:
    return rx.flex(rx.foreach(badges, tool_badge), wrap="wrap", gap="6px", class_name="tool-badges")
