"""Request dependencies: the authenticated user.

There is deliberately no request-wide database session: a session held for a whole request (or a
stream) is how a pool runs dry. Each handler runs its database work as short units of work
through `core.db.run_db`, in a worker thread.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken, TokenKind, user_id_from_token
from todo_chat.models import User
from todo_chat.services import accounts

bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]

# Server-Sent Events must reach the client as they are written: no caching, no proxy buffering.
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def user_from_bearer(credentials: HTTPAuthorizationCredentials | None,
                           kinds: tuple[TokenKind, ...]) -> User:
    if credentials is None:
        raise unauthorized("Not authenticated")
    try:
        user_id = user_id_from_token(credentials.credentials, kinds)
    except InvalidToken as exc:
        raise unauthorized(str(exc)) from exc
    user = await run_db(accounts.get_user, user_id)
    if user is None:
        raise unauthorized("Invalid token")
    return user


async def current_user(credentials: Credentials) -> User:
    return await user_from_bearer(credentials, ("access",))


CurrentUser = Annotated[User, Depends(current_user)]


def own_path(user_id: int, user: User) -> User:
    """The `{user_id}` in the path must be the token's user."""
    if user_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="You can only access your own data")
    return user


def path_user(user_id: Annotated[int, Path()], user: CurrentUser) -> User:
    return own_path(user_id, user)


PathUser = Annotated[User, Depends(path_user)]
