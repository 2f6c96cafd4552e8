"""Request dependencies: the authenticated user, bounded ids.

There is deliberately no request-wide database session: a session held for a whole request (or a
stream) is how a pool runs dry. Each handler runs its database work as short units of work
through `core.db.run_db`, in a worker thread.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from todo_chat.core.db import ID_MAX, run_db
from todo_chat.core.security import InvalidToken, TokenKind
from todo_chat.models import User
from todo_chat.services import tokens

bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]

# Ids and offsets from outside are bounded by what the database holds: 2**63 is a 422, not a 500.
UserId = Annotated[int, Path(ge=1, le=ID_MAX, description="your own user id")]
TaskId = Annotated[int, Path(ge=1, le=ID_MAX)]
ConversationId = Annotated[int, Path(ge=1, le=ID_MAX)]
Offset = Annotated[int, Query(ge=0, le=ID_MAX)]

# Server-Sent Events must reach the client as they are written: no caching, no proxy buffering.
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}
# Answers that carry tokens or secrets: never stored by a browser or a proxy.
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def user_from_bearer(credentials: HTTPAuthorizationCredentials | None,
                           kinds: tuple[TokenKind, ...], request: Request | None = None) -> User:
    """The user of a valid bearer token of a live session (`request.state.session_id` is set)."""
    if credentials is None:
        raise unauthorized("Not authenticated")
    try:
        user, session_id = await tokens.user_from_token(credentials.credentials[:4096], kinds)
    except InvalidToken as exc:
        raise unauthorized(str(exc)) from exc
    if request is not None:
        request.state.session_id = session_id
    return user


def claims_from_bearer(credentials: HTTPAuthorizationCredentials | None,
                       kinds: tuple[TokenKind, ...]) -> tokens.SessionClaims:
    """A bearer token checked without the database (its session is checked by the caller's first
    unit of work, `tokens.authenticate`)."""
    if credentials is None:
        raise unauthorized("Not authenticated")
    try:
        return tokens.session_claims(credentials.credentials[:4096], kinds)
    except InvalidToken as exc:
        raise unauthorized(str(exc)) from exc


async def live_user(claims: tokens.SessionClaims, request: Request | None = None) -> User:
    """The user of checked claims whose session is still live (one unit of work of its own)."""
    try:
        user = await run_db(tokens.authenticate, claims)
    except InvalidToken as exc:
        raise unauthorized(str(exc)) from exc
    if request is not None:
        request.state.session_id = claims.session_id
    return user


async def current_user(request: Request, credentials: Credentials) -> User:
    return await user_from_bearer(credentials, ("access",), request)


CurrentUser = Annotated[User, Depends(current_user)]


def session_id(request: Request) -> str:
    """The login session of the request's token (after `current_user` ran)."""
    return request.state.session_id


def own_path(user_id: int, user: User) -> User:
    """The `{user_id}` in the path must be the token's user."""
    if user_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="You can only access your own data")
    return user


async def path_user(user_id: UserId, user: CurrentUser) -> User:  # async: FastAPI runs a sync one in a thread
    return own_path(user_id, user)


PathUser = Annotated[User, Depends(path_user)]


def client_ip(request: Request) -> str | None:
    """The peer's address as the server saw it (behind a proxy, run uvicorn with
    --proxy-headers and --forwarded-allow-ips so this is the client's, not the proxy's)."""
    return request.client.host if request.client else None
