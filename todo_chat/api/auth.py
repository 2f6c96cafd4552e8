"""Accounts over HTTP: signup, login, refresh, me."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from todo_chat.api.deps import CurrentUser, unauthorized
from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken, create_token, token_lifetime, user_id_from_token
from todo_chat.models import User
from todo_chat.services import accounts

router = APIRouter(prefix="/api/auth", tags=["auth"])


class SignupBody(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=256)
    name: str = Field(default="", max_length=120)


class LoginBody(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=256)


class RefreshBody(BaseModel):
    refresh_token: str


class UserOut(BaseModel):
    id: int
    email: str
    name: str


class TokenOut(BaseModel):
    """The shape the seeds' front-end code reads: `access_token` and `user`."""

    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str
    user: UserOut


def issue_tokens(user: User) -> TokenOut:
    return TokenOut(
        access_token=create_token(user.id, "access"),
        expires_in=int(token_lifetime("access").total_seconds()),
        refresh_token=create_token(user.id, "refresh"),
        user=UserOut(id=user.id, email=user.email, name=user.name),
    )


@router.post("/signup", status_code=status.HTTP_201_CREATED)
async def signup(body: SignupBody) -> TokenOut:
    return issue_tokens(await accounts.register(body.email, body.password, body.name))


@router.post("/login")
async def login(body: LoginBody) -> TokenOut:
    user = await accounts.authenticate(body.email, body.password)
    if user is None:
        raise unauthorized("Incorrect email or password")
    return issue_tokens(user)


@router.post("/refresh")
async def refresh(body: RefreshBody) -> TokenOut:
    try:
        user_id = user_id_from_token(body.refresh_token, ("refresh",))
    except InvalidToken as exc:
        raise unauthorized(f"{exc}: log in again") from exc
    user = await run_db(accounts.get_user, user_id)
    if user is None:
        raise unauthorized("Invalid token: log in again")
    return issue_tokens(user)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(_user: CurrentUser) -> None:
    """Tokens are stateless: the client forgets them. Kept so clients have one place to call."""


@router.get("/me")
async def me(user: CurrentUser) -> UserOut:
    return UserOut(id=user.id, email=user.email, name=user.name)
