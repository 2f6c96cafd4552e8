"""Request dependencies: the database session and the authenticated user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from todo_chat.core.db import get_engine
from todo_chat.core.security import InvalidToken, TokenKind, user_id_from_token
from todo_chat.models import User
from todo_chat.services import accounts

bearer = HTTPBearer(auto_error=False)

# Server-Sent Events must reach the client as they are written: no caching, no proxy buffering.
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}


def get_session() -> Iterator[Session]:
    with Session(get_engine(), expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


def user_from_bearer(
    session: Session, credentials: HTTPAuthorizationCredentials | None, kinds: tuple[TokenKind, ...]
) -> User:
    if credentials is None:
        raise unauthorized("Not authenticated")
    try:
        user_id = user_id_from_token(credentials.credentials, kinds)
    except InvalidToken as exc:
        raise unauthorized(str(exc)) from exc
    user = accounts.get_user(session, user_id)
    if user is None:
        raise unauthorized("Invalid token")
    return user


def current_user(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> User:
    return user_from_bearer(session, credentials, ("access",))


CurrentUser = Annotated[User, Depends(current_user)]


def own_path(user_id: int, user: User) -> User:
    """The `{user_id}` in the path must be the token's user."""
    if user_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="You can only access your own data")
    return user


def path_user(user_id: Annotated[int, Path()], user: CurrentUser) -> User:
    return own_path(user_id, user)


PathUser = Annotated[User, Depends(path_user)]
