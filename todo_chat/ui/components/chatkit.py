"""ChatKit (@openai/chatkit-react) as a Reflex custom component, through assets/chatkit_bridge.jsx."""

from __future__ import annotations

import reflex as rx
from reflex.event import passthrough_event_spec

CHATKIT_REACT = "@openai/chatkit-react@1.6.1"
CHATKIT_SCRIPT = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js"


class ChatKitBridge(rx.NoSSRComponent):
    """Props are Python values; every ChatKit event reaches a Reflex event handler."""

    library = "$/public/chatkit_bridge.jsx"
    tag = "ChatKitBridge"
    lib_dependencies: list[str] = [CHATKIT_REACT]

    api_base: rx.Var[str]
    token: rx.Var[str]
    domain_key: rx.Var[str]
    script_src: rx.Var[str] = rx.Var.create(CHATKIT_SCRIPT)
    load_timeout_ms: rx.Var[int]
    # theme
    color_scheme: rx.Var[str]
    accent: rx.Var[str]
    radius: rx.Var[str]
    density: rx.Var[str]
    font_family: rx.Var[str]  # CHAT_FONT_FAMILY: theme.typography.fontFamily
    # start screen, composer, header
    greeting: rx.Var[str]
    prompts: rx.Var[list[dict]]
    placeholder: rx.Var[str]
    attachments: rx.Var[bool]
    title: rx.Var[str]
    # control from Python
    thread_id: rx.Var[str]
    command: rx.Var[dict]

    on_ready: rx.EventHandler[passthrough_event_spec(dict)]
    on_error: rx.EventHandler[passthrough_event_spec(dict)]
    on_response_start: rx.EventHandler[passthrough_event_spec(dict)]
    on_response_end: rx.EventHandler[passthrough_event_spec(dict)]
    on_thread_change: rx.EventHandler[passthrough_event_spec(dict)]
    on_log: rx.EventHandler[passthrough_event_spec(dict)]
    on_unavailable: rx.EventHandler[passthrough_event_spec(dict)]
    on_client_action: rx.EventHandler[passthrough_event_spec(dict)]
    on_header_action: rx.EventHandler[passthrough_event_spec(dict)]


chatkit_bridge = ChatKitBridge.create
