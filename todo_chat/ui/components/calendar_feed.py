"""The settings page's calendar feed: a secret link calendar apps subscribe to (shown once, as
an access token is), made anew (the old link stops working) or revoked."""

import reflex as rx

from todo_chat.ui.state.exports import ExportState


def _new_link() -> rx.Component:
    # A plain bordered box, as for a new token: tinted text on a tint fails WCAG AA contrast.
    return rx.box(
        rx.vstack(
            rx.text("Copy this link now: it is shown only once.", weight="bold"),
            rx.hstack(
                rx.input(value=ExportState.feed_url, read_only=True, aria_label="Calendar feed link",
                         width="100%", class_name="feed-url"),
                rx.icon_button(rx.icon("copy", size=16), aria_label="Copy calendar feed link", variant="surface",
                               color_scheme="gray", on_click=rx.set_clipboard(ExportState.feed_url)),
                width="100%",
            ),
            spacing="2", width="100%",
        ),
        role="status", width="100%", padding="12px", border="1px solid var(--green-8)", border_radius="8px",
    )


def calendar_feed_section() -> rx.Component:
    return rx.el.section(
        rx.vstack(
            rx.heading("Calendar feed", size="4", as_="h2", id="calendar-feed"),
            rx.text("Subscribe to your dated tasks from Google Calendar, Apple Calendar, Outlook or "
                    "Thunderbird with a secret link. Anyone with the link can read those tasks: "
                    "revoke it, or make a new one, when it may have leaked.", size="2"),
            rx.cond(ExportState.feed_error != "",
                    rx.callout(ExportState.feed_error, icon="triangle-alert", color_scheme="red",
                               role="alert", width="100%")),
            rx.text(rx.cond(ExportState.feed_active, "A feed link is active.", "No feed link is active."),
                    size="2", weight="medium", class_name="feed-status"),
            rx.cond(ExportState.feed_url != "", _new_link()),
            rx.hstack(
                rx.button(rx.cond(ExportState.feed_active, "Make a new feed link", "Make a feed link"),
                          on_click=ExportState.new_feed),
                rx.cond(ExportState.feed_active,
                        rx.button("Revoke feed link", color_scheme="red", variant="soft",
                                  on_click=ExportState.revoke_feed)),
                spacing="2", wrap="wrap",
            ),
            spacing="3", width="100%",
        ),
        aria_labelledby="calendar-feed", width="100%",
    )
