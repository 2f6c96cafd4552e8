"""The FastAPI app: routers, error handlers, middleware. Reflex mounts it via api_transformer."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout

from todo_chat.api import auth, chat, conversations, errors, tasks
from todo_chat.api.chatkit import endpoint as chatkit
from todo_chat.core.config import get_settings
from todo_chat.services.errors import Conflict, Invalid, NotFound, ServiceError
from todo_chat.services.ratelimit import RateLimited

log = logging.getLogger(__name__)

_STATUS = {NotFound: status.HTTP_404_NOT_FOUND, Conflict: status.HTTP_409_CONFLICT,
           Invalid: status.HTTP_422_UNPROCESSABLE_CONTENT}


def _readable(exc: RequestValidationError) -> str:
    """One line a person can read: 'title: String should have at most 200 characters'."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        message = error.get("msg", "invalid").removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "Invalid request"


def create_app() -> FastAPI:
    app = FastAPI(title="todo-chat API", version="1.0.0", docs_url="/docs", openapi_url="/openapi.json")
    app.add_middleware(
        CORSMiddleware,
        allow_origins=get_settings().cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        code = next((c for kind, c in _STATUS.items() if isinstance(exc, kind)), 400)
        return JSONResponse({"detail": str(exc)}, status_code=code)

    @app.exception_handler(RateLimited)
    async def _rate_limited(_request: Request, exc: RateLimited) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                            headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(PoolTimeout)
    async def _busy(_request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every database connection stayed busy for DATABASE_POOL_TIMEOUT: shed load, never hang.
        log.warning("database pool exhausted: %s", exc)
        return JSONResponse({"detail": "The server is busy. Please retry in a moment."},
                            status_code=status.HTTP_503_SERVICE_UNAVAILABLE, headers={"Retry-After": "1"})

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {"detail": _readable(exc), "errors": _jsonable(exc)},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )

    @app.get("/api/health", tags=["meta"])
    async def health() -> dict:
        return {"status": "ok"}

    for router in (auth.router, tasks.router, chat.router, conversations.router, chatkit.router,
                   errors.router):
        app.include_router(router)
    return app


def _jsonable(exc: RequestValidationError) -> list[dict]:
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()]


app = create_app()
