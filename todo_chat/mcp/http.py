"""The MCP server over Streamable HTTP at `/mcp`, in the same app as the REST API.

Stateless (a fresh transport per request, answers as plain JSON): any worker behind the URL can
serve any request, nothing lives in one process. Each request sends `Authorization: Bearer` with
a personal access token (`/api/tokens`) or a chat turn's own token; the SDK's bearer middleware
refuses anything else with 401 before a tool runs. Host headers outside MCP_ALLOWED_HOSTS are
refused (the SDK's DNS-rebinding check).

The SDK's session manager must run for the app's lifetime: `lifespan` (the FastAPI app's own,
for `uvicorn todo_chat.api.app:app`) or `lifespan_task` (registered with Reflex, which mounts the
FastAPI app and runs only its own lifespan tasks).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from todo_chat.core.config import get_settings
from todo_chat.mcp.server import build_server
from todo_chat.services import access_tokens
from todo_chat.services.access_tokens import Principal

PATH = "/mcp"
LOOPBACK_ORIGINS = ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]


class TokenVerifier:
    """The SDK's `TokenVerifier`: a bearer token -> who it acts for (None: 401)."""

    async def verify_token(self, token: str) -> AccessToken | None:
        principal = await access_tokens.verify(token)
        if principal is None:
            return None
        client = f"pat:{principal.token_id}" if principal.token_id is not None else "todo-chat-agent"
        return AccessToken(token=token, client_id=client, scopes=[principal.scope.value],
                           subject=str(principal.user.id), claims={"principal": principal})


async def request_principal() -> Principal | None:
    """Who the current HTTP request acts for (the verifier found it)."""
    token = get_access_token()
    principal = (token.claims or {}).get("principal") if token else None
    return principal if isinstance(principal, Principal) else None


def _build() -> tuple[Starlette, StreamableHTTPSessionManager]:
    settings = get_settings()
    server = build_server(
        request_principal, TokenVerifier(),
        # A resource server only: there is no OAuth authorization server to point clients at, so no
        # RFC 9728 metadata is published (a client would try to register there and fail).
        AuthSettings(issuer_url=settings.api_origin or "http://localhost", resource_server_url=None))
    security = TransportSecuritySettings(allowed_hosts=settings.resolved_mcp_hosts,
                                         allowed_origins=[*settings.allowed_origins, *LOOPBACK_ORIGINS])
    app = server.streamable_http_app(streamable_http_path=PATH, stateless_http=True, json_response=True,
                                     transport_security=security)
    return app, server.session_manager


class McpEndpoint:
    """The MCP app, as an ASGI endpoint whose session manager runs while the host app does.

    The SDK's session manager runs once per instance; an app whose lifespan starts again (tests
    enter one app's lifespan several times) gets a fresh server the second time."""

    def __init__(self) -> None:
        self.app, self.manager = _build()
        self.used = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        if self.used:
            self.app, self.manager = _build()
        self.used = True
        async with self.manager.run():
            yield


def mount(app: Starlette) -> None:
    """Serve the MCP server at `/mcp` in `app`; `app.state.mcp` keeps it (for the lifespan)."""
    endpoint = McpEndpoint()
    # The exact path (a Mount would answer `/mcp` with a redirect to `/mcp/`), before Reflex's routes.
    app.router.routes.append(Route(PATH, endpoint=endpoint))
    app.state.mcp = endpoint


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Run the MCP session manager while `app` serves (`FastAPI(lifespan=...)`)."""
    async with app.state.mcp.running():
        yield


def lifespan_task(app: Any) -> Callable[[], AbstractAsyncContextManager[None]]:
    """The same, as a Reflex lifespan task (`rx.App.register_lifespan_task`)."""
    @asynccontextmanager
    async def mcp_session_manager() -> AsyncIterator[None]:
        async with lifespan(app):
            yield

    return mcp_session_manager
