"""Page chrome: the mobile drawers and the floating chat widget."""

import reflex as rx


class LayoutState(rx.State):
    conversations_open: bool = False
    tasks_open: bool = False
    widget_open: bool = False

    @rx.event
    def set_conversations_open(self, value: bool):
        self.conversations_open = value

    @rx.event
    def set_tasks_open(self, value: bool):
        self.tasks_open = value

    @rx.event
    def toggle_widget(self):
        self.widget_open = not self.widget_open
