"""The chat area: ChatKit when its script loads, else the native view (with a small notice)."""

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.ui.components.chatkit import chatkit_bridge
from todo_chat.ui.components.native_chat import GREETING, PLACEHOLDER, PROMPTS, native_chat
from todo_chat.ui.state.auth import AuthState
from todo_chat.ui.state.chatkit import ChatKitState

ACCENT = "#4f46e5"


def _chatkit() -> rx.Component:
    return chatkit_bridge(
        api_base=get_settings().api_url,
        token=AuthState.token,
        domain_key="local",
        load_timeout_ms=4000,
        color_scheme=rx.color_mode_cond(light="light", dark="dark"),
        accent=ACCENT,
        radius="round",
        density="normal",
        font_family=get_settings().chat_font_family,
        greeting=GREETING,
        prompts=[{"label": p["label"], "prompt": p["prompt"], "icon": "sparkle"} for p in PROMPTS],
        placeholder=PLACEHOLDER,
        attachments=True,
        title="Todo assistant",
        thread_id=ChatKitState.thread_id,
        command=ChatKitState.command,
        on_ready=ChatKitState.on_ready,
        on_error=ChatKitState.on_error,
        on_response_start=ChatKitState.on_response_start,
        on_response_end=ChatKitState.on_response_end,
        on_thread_change=ChatKitState.on_thread_change,
        on_log=ChatKitState.on_log,
        on_unavailable=ChatKitState.on_unavailable,
        on_client_action=ChatKitState.on_client_action,
        on_header_action=ChatKitState.on_header_action,
    )


def _prompt_menu() -> rx.Component:
    """Suggested prompts, sent into ChatKit from Python (sendUserMessage)."""
    return rx.menu.root(
        rx.menu.trigger(rx.button(rx.icon("sparkles", size=14), "Suggestions", variant="ghost", size="1",
                                  aria_label="Suggested prompts")),
        rx.menu.content(*[rx.menu.item(p["label"], on_click=ChatKitState.send_prompt(p["prompt"]))
                          for p in PROMPTS]),
    )


def _chatkit_chrome() -> rx.Component:
    """What the seeds ask around ChatKit: a thinking indicator and error / rate-limit banners."""
    return rx.vstack(
        rx.hstack(_prompt_menu(), rx.spacer(), width="100%", padding_top="4px"),
        rx.cond(ChatKitState.responding,
                rx.hstack(rx.spinner(size="1"), rx.text("Thinking…", size="2"), role="status",
                          class_name="thinking")),
        rx.cond(ChatKitState.rate_limited != "",
                rx.callout(ChatKitState.rate_limited, icon="timer", color_scheme="amber", size="1", role="alert")),
        rx.cond(ChatKitState.error != "",
                rx.callout(ChatKitState.error, icon="triangle-alert", color_scheme="red", size="1", role="alert")),
        width="100%", spacing="1", padding_x="12px",
    )


def chat_panel() -> rx.Component:
    return rx.vstack(
        rx.cond(ChatKitState.try_chatkit,
                rx.box(_chatkit(), _chatkit_chrome(), class_name="chatkit-host", width="100%",
                       flex=rx.cond(ChatKitState.status == "ready", "1", "0"),
                       data_status=ChatKitState.status, data_last_event=ChatKitState.last_event)),
        rx.cond(ChatKitState.status == "loading",
                rx.cond(ChatKitState.mode != "native",
                        rx.center(rx.spinner(), rx.text(" Connecting…", size="2"), flex="1", width="100%"))),
        rx.cond(
            ChatKitState.use_native,
            rx.vstack(
                rx.cond(ChatKitState.mode == "auto",
                        rx.text("ChatKit could not load, so you're using the built-in chat.",
                                size="1", color="var(--gray-11)", class_name="fallback-notice",
                                padding_x="16px", padding_top="6px")),
                native_chat(),
                width="100%", height="100%", spacing="0",
            ),
        ),
        height="100%", width="100%", spacing="0", class_name="chat-panel",
    )
