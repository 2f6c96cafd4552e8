"""What the native chat offers around its messages: feedback, regenerate, edit, choices, `#`
mentions of tasks, and the list of keyboard shortcuts. The keyboard side (arrow keys in the
mention list, Esc, Ctrl/Cmd+K, `/`, `?`, arrow-up to edit) lives in assets/chat_keys.js."""

import reflex as rx

from todo_chat.ui.state.chat import ChatState
from todo_chat.ui.state.choices import ChoiceView
from todo_chat.ui.state.messages import ChatMessage
from todo_chat.ui.state.tasks import TaskPanelState, TaskView

SHORTCUTS = [
    ("Esc", "Stop the answer being written"),
    ("Ctrl+K / ⌘K", "Search conversations"),
    ("/", "Focus the message box"),
    ("↑ in an empty message box", "Edit your last message"),
    ("#", "Mention a task (↑ ↓ to pick, Enter to insert)"),
    ("?", "Show these shortcuts"),
]


def _feedback_button(message: ChatMessage, kind: str, icon: str, label: str) -> rx.Component:
    chosen = message.feedback == kind
    return rx.icon_button(
        rx.icon(icon, size=14), size="1", variant=rx.cond(chosen, "soft", "ghost"), color_scheme="gray",
        aria_label=label, aria_pressed=rx.cond(chosen, "true", "false"), class_name="feedback-button",
        on_click=ChatState.give_feedback(message.id, kind),
    )


def answer_actions(message: ChatMessage) -> rx.Component:
    """Under a saved answer: thumbs up / down; under the last one, Regenerate too."""
    return rx.cond(
        (message.role == "assistant") & (message.id > 0),
        rx.hstack(
            _feedback_button(message, "positive", "thumbs-up", "Good answer"),
            _feedback_button(message, "negative", "thumbs-down", "Bad answer"),
            rx.cond((ChatState.last_assistant_id == message.id) & ~ChatState.is_streaming,
                    rx.icon_button(rx.icon("refresh-cw", size=14), size="1", variant="ghost", color_scheme="gray",
                                   aria_label="Regenerate answer", on_click=ChatState.regenerate)),
            spacing="1", class_name="answer-actions",
        ),
    )


def edit_action(message: ChatMessage) -> rx.Component:
    return rx.cond(
        (message.role == "user") & (ChatState.last_user_id == message.id) & (message.id > 0)
        & ~ChatState.is_streaming & ~ChatState.editing,
        rx.icon_button(rx.icon("pencil", size=14), size="1", variant="ghost", color_scheme="gray",
                       aria_label="Edit your last message", on_click=ChatState.start_edit,
                       class_name="edit-last"),
    )


def _choice(choice: ChoiceView) -> rx.Component:
    return rx.button(choice.label, variant="surface", size="2", on_click=ChatState.choose(choice.message),
                     class_name="choice-button", disabled=ChatState.is_streaming)


def choices() -> rx.Component:
    """The choices the last answer offered, as buttons (a labelled group)."""
    return rx.cond(
        ChatState.choices.length() > 0,
        rx.flex(rx.foreach(ChatState.choices, _choice), wrap="wrap", gap="8px", role="group",
                aria_label=rx.cond(ChatState.choices_question != "", ChatState.choices_question, "Choices"),
                class_name="choices"),
    )


def editing_note() -> rx.Component:
    return rx.cond(
        ChatState.editing,
        rx.hstack(rx.text("Editing your last message: sending replaces it and the answer after it.",
                          size="1", color="var(--gray-11)"),
                  rx.button("Cancel edit", size="1", variant="soft", color_scheme="gray", type="button",
                            on_click=ChatState.cancel_edit, class_name="cancel-edit"),
                  align="center", spacing="2", wrap="wrap", width="100%", max_width="820px", margin_x="auto",
                  padding_x="12px", padding_top="8px"),
    )


def _option(task: TaskView) -> rx.Component:
    label = "#" + task.id.to_string() + " " + task.title
    return rx.el.li(label, id="mention-" + task.id.to_string(), role="option", aria_selected="false",
                    data_task_id=task.id, data_title=task.title, class_name="mention-option")


def mention_list() -> rx.Component:
    """The listbox `#` opens over the composer: the person's tasks, filtered as they type."""
    return rx.fragment(
        rx.el.ul(rx.foreach(TaskPanelState.tasks, _option), id="mention-list", role="listbox",
                 aria_label="Tasks to mention", class_name="mention-list", hidden=True),
        rx.el.div(id="mention-status", role="status", aria_live="polite", class_name="sr-only"),
    )


def shortcuts_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(rx.icon_button(rx.icon("keyboard", size=16), variant="ghost", color_scheme="gray",
                                         aria_label="Keyboard shortcuts", aria_keyshortcuts="?",
                                         class_name="shortcuts-button")),
        rx.dialog.content(
            rx.dialog.title("Keyboard shortcuts"),
            rx.dialog.description("Keys that work anywhere on the chat page.", size="2"),
            rx.el.dl(*[rx.fragment(rx.el.dt(rx.code(key)), rx.el.dd(what)) for key, what in SHORTCUTS],
                     class_name="shortcut-list"),
            rx.dialog.close(rx.button("Close", variant="soft", margin_top="12px")),
            max_width="440px",
        ),
    )
