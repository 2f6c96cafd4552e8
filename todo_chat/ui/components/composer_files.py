"""The native composer's files: a paperclip button (or a drop on it) and the chips of the files
that will go with the next message, each removable."""

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.ui.state.chat import ChatState
from todo_chat.ui.state.composer_files import FILES_MAX, UPLOAD_ID, AttachedFile, ComposerFilesState


def attach_button() -> rx.Component:
    settings = get_settings()
    # The label names the drop zone's file input for screen readers (the button beside it is
    # what people use; a label does not activate on a click on a button inside it).
    return rx.el.label(rx.el.span("Attach files", class_name="sr-only"), rx.upload.root(
        rx.icon_button(rx.icon("paperclip", size=18), type="button", aria_label="Attach files", size="3",
                       variant="soft", color_scheme="gray", disabled=ChatState.is_streaming),
        id=UPLOAD_ID, multiple=True, max_files=FILES_MAX, max_size=settings.attachment_max_bytes,
        accept={mime: [] for mime in settings.attachment_types},
        # The button is the control: the drop zone around it takes no focus of its own.
        no_keyboard=True, disabled=ChatState.is_streaming,
        on_drop=ComposerFilesState.attach(rx.upload_files_chunk(upload_id=UPLOAD_ID)),
        border="none", padding="0",
    ), class_name="composer-attach")


def _chip(file: AttachedFile) -> rx.Component:
    return rx.el.li(
        rx.badge(
            rx.icon("paperclip", size=12, aria_hidden="true"), file.name,
            rx.icon_button(rx.icon("x", size=12), type="button", size="1", variant="ghost", color_scheme="gray",
                           aria_label="Remove " + file.name, on_click=ComposerFilesState.remove(file.id)),
            variant="surface", color_scheme="gray", size="2", max_width="100%",
        ),
        list_style="none",
    )


def attached_files() -> rx.Component:
    return rx.vstack(
        rx.cond(ComposerFilesState.error != "",
                rx.text(ComposerFilesState.error, role="alert", size="1", color="var(--red-11)")),
        rx.cond(ComposerFilesState.files.length() > 0,
                rx.el.ul(rx.foreach(ComposerFilesState.files, _chip), aria_label="Attached files",
                         display="flex", flex_wrap="wrap", gap="6px", padding="0", margin="0")),
        spacing="1", width="100%", max_width="820px", margin_x="auto",
    )
