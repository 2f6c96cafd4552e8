"""The FastAPI app: routers, error handlers, middleware. Reflex mounts it via api_transformer.

Reflex mounts its own routes (pages in production, the websocket, uploads) *inside* this app, so
its middleware (security headers) covers them too; the `/api/...` catch-all keeps unknown API
routes and wrong methods JSON without reaching Reflex's HTML 404.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp

from todo_chat.api import access_tokens, analytics, auth, chat, conversations, errors, exports, tasks, undo
from todo_chat.api.chatkit import endpoint as chatkit
from todo_chat.api.door import Door
from todo_chat.api.responses import errors as error_responses
from todo_chat.core.config import Settings, get_settings
from todo_chat.mcp import http as mcp_http
from todo_chat.services.accounts import WrongPassword
from todo_chat.services.errors import Conflict, Invalid, NotFound, ServiceError
from todo_chat.services.ratelimit import RateLimited

log = logging.getLogger(__name__)

_STATUS = {NotFound: status.HTTP_404_NOT_FOUND, Conflict: status.HTTP_409_CONFLICT,
           Invalid: status.HTTP_422_UNPROCESSABLE_CONTENT, WrongPassword: status.HTTP_403_FORBIDDEN}
_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def _readable(exc: RequestValidationError) -> str:
    """One line a person can read: 'title: String should have at most 200 characters'."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        message = error.get("msg", "invalid").removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "Invalid request"


def _error(code: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=code, headers=headers)


class AnyPath(PathConvertor):
    """Like Starlette's `path`, newlines too (an encoded %0A in a path must not slip past the
    catch-all to a plain-text 404)."""

    regex = "(?s:.*)"


register_url_convertor("any", AnyPath())


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(title="todo-chat API", version="1.0.0", docs_url="/docs", openapi_url="/openapi.json",
                  lifespan=mcp_http.lifespan)
    _add_middleware(app, settings)
    _add_error_handlers(app)
    _add_routes(app)
    _add_api_catch_all(app)  # last among the API's routes
    mcp_http.mount(app)  # the MCP server at /mcp (see todo_chat/mcp)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    # One pure-ASGI layer (request id, body limits, security headers) with CORS inside it.
    app.add_middleware(Door, settings=settings)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        code = next((c for kind, c in _STATUS.items() if isinstance(exc, kind)), 400)
        return _error(code, str(exc))

    @app.exception_handler(RateLimited)
    async def _rate_limited(_request: Request, exc: RateLimited) -> JSONResponse:
        return _error(status.HTTP_429_TOO_MANY_REQUESTS, str(exc), {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return _error(exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(PoolTimeout)
    async def _busy(_request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every database connection stayed busy for DATABASE_POOL_TIMEOUT: shed load, never hang.
        log.warning("database pool exhausted: %s", exc)
        return _error(status.HTTP_503_SERVICE_UNAVAILABLE, "The server is busy. Please retry in a moment.",
                      {"Retry-After": "1"})

    @app.exception_handler(OperationalError)
    async def _locked(request: Request, exc: OperationalError) -> JSONResponse:
        if "locked" not in str(exc.orig).lower():  # SQLite's busy_timeout ran out
            return await _unexpected(request, exc)
        log.warning("database locked: %s", exc)
        return _error(status.HTTP_503_SERVICE_UNAVAILABLE, "The server is busy. Please retry in a moment.",
                      {"Retry-After": "1"})

    @app.exception_handler(StaleDataError)
    @app.exception_handler(ObjectDeletedError)
    async def _gone(_request: Request, _exc: Exception) -> JSONResponse:
        # Another request deleted the row while this one changed it: it is gone, a 404.
        return _error(status.HTTP_404_NOT_FOUND, "Not found: it was deleted meanwhile")

    @app.exception_handler(DataError)
    async def _unstorable(_request: Request, exc: DataError) -> JSONResponse:
        # A value the database cannot hold (PostgreSQL refuses NUL characters in text): bad input.
        log.info("value refused by the database: %s", exc.orig)
        return _error(status.HTTP_422_UNPROCESSABLE_CONTENT, "A value contains characters that cannot be stored")

    @app.exception_handler(RecursionError)
    async def _too_deep(_request: Request, _exc: RecursionError) -> JSONResponse:
        return _error(status.HTTP_400_BAD_REQUEST, "Request nests too deeply")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug: logged with its traceback; the client still gets JSON, never text/plain.
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(status.HTTP_500_INTERNAL_SERVER_ERROR, "Internal server error")

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {"detail": _readable(exc), "errors": _jsonable(exc)},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )


def _add_routes(app: FastAPI) -> None:
    @app.get("/api/health", tags=["meta"], responses=error_responses())
    async def health() -> dict:
        return {"status": "ok"}

    for router in (auth.router, tasks.router, chat.router, conversations.router, chatkit.router,
                   errors.router, access_tokens.router, undo.router, exports.router):
        app.include_router(router)
    analytics.install(app)


def _add_api_catch_all(app: FastAPI) -> None:
    route_methods: list[tuple[re.Pattern[str], set[str]]] = []

    def methods_for(path: str) -> set[str]:
        """The methods the API serves at `path`, from the published schema's path templates."""
        if not route_methods:
            for template, operations in app.openapi()["paths"].items():
                regex, _fmt, _convertors = compile_path(template)
                route_methods.append((regex, {m.upper() for m in operations}))
        return {m for regex, methods in route_methods if regex.match(path) for m in methods}

    @app.api_route("/api/{path:any}", methods=_METHODS, include_in_schema=False)
    async def _no_such_route(request: Request) -> JSONResponse:
        """Last among the API's routes, before what Reflex mounts: an unknown `/api/...` path is
        a JSON 404, a known one with the wrong method a JSON 405 with `Allow`."""
        allowed = methods_for(request.url.path)
        if allowed:
            return _error(status.HTTP_405_METHOD_NOT_ALLOWED, "Method not allowed",
                          {"Allow": ", ".join(sorted(allowed))})
        return _error(status.HTTP_404_NOT_FOUND, "Not found")


def with_reflex_inside(api: FastAPI) -> Callable[[ASGIApp], ASGIApp]:
    """Reflex's `api_transformer` as a function: Reflex's own routes (pages, websocket, uploads)
    mounted inside the API app, as Reflex does with an app it is handed, but without the copy of
    its CORS layer it would add to it (its outer app runs the same one first): a layer fewer
    on every request."""
    def transform(reflex_routes: ASGIApp) -> ASGIApp:
        api.mount("", reflex_routes)
        return api

    return transform


def _jsonable(exc: RequestValidationError) -> list[dict]:
    return [{"loc": [p if isinstance(p, int) else str(p) for p in e.get("loc", ())],
             "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()]


app = create_app()
