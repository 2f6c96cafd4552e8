"""The Reflex-native chat: the same features as ChatKit, for when its script cannot load."""

import reflex as rx

from todo_chat.ui.components.badges import badge_row
from todo_chat.ui.components.chat_actions import answer_actions, choices, edit_action, editing_note, mention_list
from todo_chat.ui.components.composer_files import attach_button, attached_files
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.chat import ChatState
from todo_chat.ui.state.messages import ChatMessage

GREETING = "What's on your list today?"
PROMPTS = [
    {"label": "Add a task", "prompt": "Add a task to buy groceries tomorrow, high priority", "icon": "plus"},
    {"label": "What's pending?", "prompt": "What's pending?", "icon": "list-todo"},
    {"label": "Complete a task", "prompt": "Mark task 1 as complete", "icon": "check"},
    {"label": "What can you do?", "prompt": "What can you do?", "icon": "circle-help"},
]
PLACEHOLDER = "Message… e.g. “Add a task to call mom”"


def _saved_badges(message: ChatMessage) -> rx.Component:
    """A past turn's badges: in `by_message` or, for a turn since, in `recent` (`BadgeState`)."""
    key = message.id.to_string()
    return rx.cond(BadgeState.by_message.contains(key), badge_row(BadgeState.by_message[key]),
                   rx.cond(BadgeState.recent.contains(key), badge_row(BadgeState.recent[key])))


def _bubble(message: ChatMessage) -> rx.Component:
    return _message(message, _saved_badges(message))


def _live_bubble(message: ChatMessage) -> rx.Component:
    """The turn in flight's message, with the turn's own badges."""
    return _message(message, badge_row(BadgeState.live))


def _message(message: ChatMessage, badges: rx.Component) -> rx.Component:
    mine = message.role == "user"
    return rx.vstack(
        rx.box(
            rx.cond(mine, rx.text(message.content, white_space="pre-wrap"),
                    rx.markdown(message.content, class_name="assistant-markdown")),
            class_name=rx.cond(mine, "bubble bubble-user", "bubble bubble-assistant"),
            opacity=rx.cond(message.pending, "0.7", "1"),
        ),
        rx.cond(message.files != "",
                rx.hstack(rx.icon("paperclip", size=12, aria_hidden="true"),
                          rx.text(message.files, size="1", color="var(--gray-11)"),
                          spacing="1", align="center", class_name="message-files")),
        rx.hstack(
            rx.text(rx.cond(message.pending, "Sending…", message.time), size="1", color="var(--gray-11)",
                    class_name="message-time"),
            edit_action(message), answer_actions(message),
            align="center", spacing="2",
        ),
        rx.cond(mine, badges),
        align=rx.cond(mine, "end", "start"),
        spacing="1",
        width="100%",
        class_name=rx.cond(mine, "message message-user", "message message-assistant"),
    )


def _start_screen() -> rx.Component:
    return rx.vstack(
        rx.icon("list-checks", size=36, color="var(--accent-9)"),
        rx.heading(GREETING, size="6", text_align="center"),
        rx.text("Tell me what to add, finish or forget. I'll keep your list.", color="var(--gray-11)",
                text_align="center"),
        rx.flex(
            *[rx.button(rx.icon(p["icon"], size=14), p["label"], variant="surface", size="2",
                        on_click=ChatState.send_prompt(p["prompt"]), class_name="suggested-prompt")
              for p in PROMPTS],
            wrap="wrap", gap="8px", justify="center",
        ),
        align="center", justify="center", spacing="3", height="100%", padding="24px",
        class_name="start-screen",
    )


def _banners() -> rx.Component:
    return rx.vstack(
        rx.cond(ChatState.rate_limited != "",
                rx.callout(ChatState.rate_limited, icon="timer", color_scheme="amber", size="1",
                           role="alert", width="100%")),
        rx.cond(
            ChatState.error != "",
            rx.callout(
                rx.hstack(
                    rx.text(ChatState.error),
                    rx.cond(ChatState.can_retry,
                            rx.button("Retry", size="1", on_click=ChatState.retry, disabled=ChatState.is_streaming)),
                    align="center", spacing="3", wrap="wrap",
                ),
                icon="triangle-alert", color_scheme="red", size="1", role="alert", width="100%",
                class_name="error-banner",
            ),
        ),
        rx.cond(ChatState.retry_note != "", rx.text(ChatState.retry_note, size="1", color="var(--gray-11)")),
        width="100%", spacing="2",
    )


def _transcript() -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.foreach(ChatState.messages, _bubble),  # the transcript's three parts (state/transcript.py)
            rx.foreach(ChatState.recent, _bubble),
            rx.foreach(ChatState.live, _live_bubble),
            rx.cond(
                ChatState.is_streaming,
                rx.vstack(
                    rx.cond(ChatState.thinking,
                            rx.hstack(rx.spinner(size="1"), rx.text("Thinking…", size="2"),
                                      class_name="thinking", role="status"),
                            rx.box(rx.markdown(ChatState.streaming_text, class_name="assistant-markdown"),
                                   class_name="bubble bubble-assistant streaming")),
                    align="start", width="100%",
                ),
            ),
            choices(),
            _banners(),
            spacing="4", width="100%", padding="16px", max_width="820px", margin_x="auto",
        ),
        role="log", aria_live="polite", aria_label="Conversation",
        flex="1", overflow_y="auto", width="100%", class_name="transcript", id="transcript",
    )


def composer() -> rx.Component:
    return rx.form(
        editing_note(),
        mention_list(),
        attached_files(),
        rx.hstack(
            attach_button(),
            rx.text_area(
                name="message", id="composer", placeholder=PLACEHOLDER, aria_label="Message",
                enter_key_submit=True, auto_height=True, rows="1", max_length=4000,
                disabled=ChatState.is_streaming, flex="1", size="3", class_name="composer-input",
            ),
            rx.cond(
                ChatState.is_streaming,
                rx.icon_button(rx.icon("square", size=16), type="button", on_click=ChatState.stop,
                               aria_label="Stop", aria_keyshortcuts="Escape", size="3", color_scheme="gray"),
                rx.icon_button(rx.icon("arrow-up", size=18), type="submit", aria_label="Send message", size="3"),
            ),
            align="end", spacing="2", width="100%", max_width="820px", margin_x="auto",
        ),
        on_submit=ChatState.send, reset_on_submit=True, width="100%", padding="12px",
        class_name="composer", position="relative",
    )


def native_chat() -> rx.Component:
    return rx.vstack(
        rx.cond((ChatState.messages.length() == 0) & (ChatState.recent.length() == 0)
                & (ChatState.live.length() == 0) & ~ChatState.is_streaming,
                rx.box(_start_screen(), flex="1"), _transcript()),
        composer(),
        spacing="0", height="100%", width="100%", class_name="native-chat",
    )
