"""/settings: access tokens for MCP clients (Claude Desktop, Cursor, the MCP inspector), and the
secret calendar feed link."""

import reflex as rx

from todo_chat.ui.components.calendar_feed import calendar_feed_section
from todo_chat.ui.components.layout import app_bar
from todo_chat.ui.state.tokens import TokensState, TokenView


def _new_secret() -> rx.Component:
    # A plain bordered box, not a tinted callout: tinted text on a tint fails WCAG AA contrast.
    return rx.box(
        rx.vstack(
            rx.text("Copy this token now: it is shown only once.", weight="bold"),
            rx.hstack(
                rx.input(value=TokensState.new_secret, read_only=True, aria_label="New token", width="100%",
                         class_name="new-token"),
                rx.icon_button(rx.icon("copy", size=16), aria_label="Copy token", variant="surface",
                               color_scheme="gray", on_click=rx.set_clipboard(TokensState.new_secret)),
                width="100%",
            ),
            rx.button("Done", on_click=TokensState.dismiss_secret, size="1"),
            spacing="2", width="100%",
        ),
        role="status", width="100%", padding="12px", border="1px solid var(--green-8)", border_radius="8px",
    )


def _create_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label("Token name", html_for="token-name", class_name="field-label"),
            rx.input(id="token-name", name="name", placeholder="e.g. Claude Desktop", required=True,
                     max_length=80, width="100%"),
            rx.el.fieldset(
                rx.el.legend("Access", class_name="field-label"),
                rx.radio_group.root(
                    rx.hstack(
                        rx.el.label(rx.radio_group.item(value="read"), "Read only (list tasks)",
                                    class_name="radio-choice", display="flex", gap="6px", align_items="center"),
                        rx.el.label(rx.radio_group.item(value="write"), "Read and write",
                                    class_name="radio-choice", display="flex", gap="6px", align_items="center"),
                        spacing="4", wrap="wrap",
                    ),
                    name="scope", default_value="read",
                ),
                border="none", padding="0", margin="0",
            ),
            rx.button("Create token", type="submit"),
            spacing="2", width="100%", align="start",
        ),
        on_submit=TokensState.create, reset_on_submit=True, width="100%",
    )


def _token_row(token: TokenView) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.vstack(
                rx.text(token.name, weight="bold"),
                rx.text(token.access, " · ", token.hint, size="1", color="var(--gray-11)"),
                rx.text("Made ", token.created, " · last used ", token.last_used, size="1", color="var(--gray-11)"),
                spacing="0", min_width="0",
            ),
            rx.spacer(),
            rx.button("Revoke", color_scheme="red", variant="soft", size="1",
                      aria_label="Revoke " + token.name, on_click=TokensState.revoke(token.id)),
            width="100%", align="center",
        ),
        class_name="token-row", padding="8px 0", border_bottom="1px solid var(--gray-4)",
    )


def settings_page() -> rx.Component:
    return rx.el.div(
        app_bar(drawers=False),
        rx.el.main(
            rx.vstack(
                rx.heading("Settings", size="6", as_="h1"),
                rx.el.section(
                    rx.vstack(
                        rx.heading("Access tokens", size="4", as_="h2", id="tokens-heading"),
                        rx.text("An access token lets an MCP client (Claude Desktop, Cursor, the MCP inspector) "
                                "reach your tasks at ", rx.code(TokensState.mcp_url),
                                ". Revoke a token to cut its client off at once.", size="2"),
                        rx.cond(TokensState.error != "",
                                rx.callout(TokensState.error, icon="triangle-alert", color_scheme="red",
                                           role="alert", width="100%")),
                        rx.cond(TokensState.new_secret != "", _new_secret()),
                        _create_form(),
                        rx.cond(TokensState.tokens.length() > 0,
                                rx.el.ul(rx.foreach(TokensState.tokens, _token_row), list_style="none",
                                         padding="0", margin="0", width="100%", aria_label="Your tokens"),
                                rx.text("No tokens yet.", size="2", color="var(--gray-11)")),
                        spacing="3", width="100%",
                    ),
                    aria_labelledby="tokens-heading", width="100%",
                ),
                calendar_feed_section(),
                spacing="4", width="100%", max_width="640px", margin_x="auto", padding="16px",
            ),
            width="100%",
        ),
        class_name="settings-page",
    )
