"""The Reflex app: pages plus the FastAPI app (the one place that wires everything)."""

import gc

import reflex as rx

from todo_chat.api.app import app as api_app
from todo_chat.api.app import with_reflex_inside
from todo_chat.core.config import get_settings
from todo_chat.core.db import migrate
from todo_chat.mcp.http import lifespan_task as mcp_lifespan_task
from todo_chat.ui.pages.auth import login_page, signup_page
from todo_chat.ui.pages.chat import chat_page, tasks_page
from todo_chat.ui.pages.settings import settings_page
from todo_chat.ui.pages.stats import stats_page
from todo_chat.ui.state.auth import AuthState
from todo_chat.ui.state.conversation import ConversationState
from todo_chat.ui.state.exports import ExportState
from todo_chat.ui.state.stats import StatsState
from todo_chat.ui.state.tasks import TaskPanelState
from todo_chat.ui.state.tokens import TokensState


def chat_font_style(font_family: str) -> list[rx.Component]:
    """CHAT_FONT_FAMILY for the native chat (ChatKit gets it as theme.typography.fontFamily).
    The setting only holds font-list characters (core/config.py), so it cannot close the rule."""
    if not font_family:
        return []
    rule = f"--default-font-family: {font_family}; font-family: {font_family};"
    return [rx.el.style(f".chat-panel, .floating-chat-panel {{ {rule} }}")]


def index() -> rx.Component:
    return rx.center(rx.spinner(), height="100vh")


async def _migrate_on_start():
    if get_settings().migrate_on_start:  # off when `python -m todo_chat.serve` migrated already
        migrate()


async def _freeze_start_up_objects():
    """What start-up loaded (modules, the app, its schemas) lives as long as the process: move
    it out of the garbage collector's sight, so a collection during a request scans only what
    requests made (the use `gc.freeze` is documented for)."""
    gc.collect()
    gc.freeze()


app = rx.App(
    api_transformer=with_reflex_inside(api_app),
    stylesheets=["/styles.css"],
    head_components=[rx.el.meta(name="color-scheme", content="light dark"), rx.script(src="/browser.js"),
                     *chat_font_style(get_settings().chat_font_family)],
)
app.register_lifespan_task(_migrate_on_start)
app.register_lifespan_task(_freeze_start_up_objects)
app.register_lifespan_task(mcp_lifespan_task(api_app))  # the MCP server's session manager (/mcp)

PRIVATE = [AuthState.require_login, ConversationState.load, TaskPanelState.load, TaskPanelState.check_reminders]
app.add_page(index, route="/", title="todo-chat", on_load=AuthState.skip_if_logged_in)
app.add_page(login_page, route="/login", title="Log in · todo-chat", on_load=AuthState.skip_if_logged_in)
app.add_page(signup_page, route="/signup", title="Sign up · todo-chat", on_load=AuthState.skip_if_logged_in)
app.add_page(chat_page, route="/chat", title="Chat · todo-chat", on_load=PRIVATE)
app.add_page(tasks_page, route="/tasks", title="Tasks · todo-chat", on_load=PRIVATE)
app.add_page(settings_page, route="/settings", title="Settings · todo-chat",
             on_load=[AuthState.require_login, TokensState.load, ExportState.load_feed])
app.add_page(stats_page, route="/stats", title="Stats · todo-chat",
             on_load=[AuthState.require_login, StatsState.load, TaskPanelState.check_reminders])
