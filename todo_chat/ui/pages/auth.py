"""/login and /signup: one card, clear inline errors, redirect after success."""

import reflex as rx

from todo_chat.ui.components.layout import brand, theme_toggle
from todo_chat.ui.state.auth import AuthState


def _field(label: str, name: str, kind: str = "text", required: bool = True, **props) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=name, class_name="field-label"),
        rx.input(id=name, name=name, type=kind, required=required, size="3", width="100%", **props),
        spacing="1", width="100%",
    )


def _card(title: str, form: rx.Component, footer: rx.Component) -> rx.Component:
    return rx.box(
        rx.hstack(brand(), rx.spacer(), theme_toggle(), width="100%", padding="12px"),
        rx.center(
            rx.card(
                rx.vstack(
                    rx.heading(title, size="6", as_="h1"),
                    rx.cond(AuthState.notice != "",
                            rx.callout(AuthState.notice, icon="info", size="1", width="100%", role="status")),
                    rx.cond(AuthState.error != "",
                            rx.callout(AuthState.error, icon="triangle-alert", color_scheme="red", size="1",
                                       width="100%", role="alert", class_name="auth-error")),
                    form, footer,
                    spacing="4", width="100%",
                ),
                width="min(92vw, 400px)", size="4",
            ),
            padding_top="8vh",
        ),
        min_height="100vh",
        class_name="auth-page",
    )


def login_page() -> rx.Component:
    form = rx.form(
        rx.vstack(
            _field("Email", "email", "email", auto_complete="email", placeholder="you@example.com"),
            _field("Password", "password", "password", auto_complete="current-password"),
            rx.button("Log in", type="submit", size="3", width="100%"),
            spacing="3", width="100%",
        ),
        rx.el.input(type="hidden", name="timezone"),  # filled by assets/browser.js on submit
        on_submit=AuthState.login, width="100%",
    )
    footer = rx.text("New here? ", rx.link("Create an account", href="/signup", underline="always"), size="2")
    return rx.el.main(_card("Log in", form, footer))


def signup_page() -> rx.Component:
    form = rx.form(
        rx.vstack(
            _field("Name", "name", auto_complete="name", placeholder="Your name", required=False),
            _field("Email", "email", "email", auto_complete="email", placeholder="you@example.com"),
            _field("Password", "password", "password", auto_complete="new-password", min_length=8,
                   placeholder="At least 8 characters"),
            rx.button("Create account", type="submit", size="3", width="100%"),
            spacing="3", width="100%",
        ),
        rx.el.input(type="hidden", name="timezone"),  # filled by assets/browser.js on submit
        on_submit=AuthState.signup, width="100%",
    )
    footer = rx.text("Already have an account? ", rx.link("Log in", href="/login", underline="always"), size="2")
    return rx.el.main(_card("Create your account", form, footer))
