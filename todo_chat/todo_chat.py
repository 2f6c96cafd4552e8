"""The Reflex app: pages plus the FastAPI app (the one place that wires everything)."""

import reflex as rx

from todo_chat.api.app import app as api_app
from todo_chat.core.db import migrate


def index() -> rx.Component:
    return rx.center(rx.heading("todo-chat"), height="100vh")


async def _migrate_on_start():
    migrate()


app = rx.App(api_transformer=api_app)
app.register_lifespan_task(_migrate_on_start)
app.add_page(index, route="/", title="todo-chat")
