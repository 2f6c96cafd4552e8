"""The conversation sidebar: New chat, search, and per row select / rename / delete."""

import reflex as rx

from todo_chat.ui.state.conversation import ConversationState, ConversationView
from todo_chat.ui.state.sidebar import SidebarState


def _rename_form(conversation: ConversationView) -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.input(name="title", default_value=conversation.title, aria_label="New title",
                     auto_focus=True, size="1", width="100%", max_length=120),
            rx.icon_button(rx.icon("check", size=14), type="submit", size="1", aria_label="Save title"),
            rx.icon_button(rx.icon("x", size=14), type="button", size="1", variant="soft",
                           aria_label="Cancel rename", on_click=SidebarState.cancel_rename),
            spacing="1", width="100%",
        ),
        on_submit=SidebarState.save_rename,
        width="100%",
    )


def _row(conversation: ConversationView) -> rx.Component:
    selected = ConversationState.open_id == conversation.id
    return rx.cond(
        SidebarState.editing_id == conversation.id,
        _rename_form(conversation),
        rx.hstack(
            rx.button(
                rx.text(conversation.title, trunc=True, size="2"),
                on_click=SidebarState.select(conversation.id),
                variant=rx.cond(selected, "soft", "ghost"),
                aria_current=rx.cond(selected, "page", "false"),
                class_name="conversation-row",
                justify="start",
                flex="1",
                min_width="0",
                color_scheme=rx.cond(selected, "indigo", "gray"),
            ),
            rx.menu.root(
                rx.menu.trigger(rx.icon_button(rx.icon("ellipsis", size=14), variant="ghost", size="1",
                                               aria_label="Actions for " + conversation.title)),
                rx.menu.content(
                    rx.menu.item("Rename", on_click=SidebarState.start_rename(conversation.id)),
                    rx.menu.item("Delete", color="red", on_click=SidebarState.delete(conversation.id)),
                ),
            ),
            width="100%", spacing="1", align="center",
        ),
    )


def sidebar() -> rx.Component:
    return rx.el.nav(
        rx.vstack(
            rx.button(rx.icon("square-pen", size=16), "New chat", on_click=SidebarState.new_chat,
                      width="100%", variant="surface"),
            rx.input(rx.input.slot(rx.icon("search", size=14)), placeholder="Search chats",
                     aria_label="Search conversations", value=ConversationState.search,
                     on_change=ConversationState.set_search.debounce(250), width="100%", size="2",
                     class_name="conversation-search", aria_keyshortcuts="Control+K Meta+K"),
            rx.cond(SidebarState.error != "", rx.callout(SidebarState.error, color_scheme="red", size="1")),
            rx.cond(ConversationState.conversations.length() == 0,
                    rx.text("No conversations yet.", size="2", color="var(--gray-11)")),
            rx.vstack(rx.foreach(ConversationState.conversations, _row), width="100%", spacing="1",
                      overflow_y="auto", flex="1"),
            spacing="3", height="100%", width="100%", padding="12px",
        ),
        aria_label="Conversations",
        class_name="conversation-sidebar",
        height="100%",
        width="100%",
    )
