"""Accounts over HTTP: signup, login, refresh, me."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from todo_chat.api.deps import CurrentUser, unauthorized
from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken, create_token, token_lifetime, user_id_from_token
from todo_chat.models import User
from todo_chat.services import accounts
from todo_chat.services.errors import Invalid

router = APIRouter(prefix="/api/auth", tags=["auth"])


class SignupBody(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=256)
    name: str = Field(default="", max_length=120)
    timezone: str = Field(default="UTC", max_length=64, description="IANA zone, e.g. Europe/Paris")


class LoginBody(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=256)
    # The browser's own zone: relative dates are read in it from then on.
    timezone: str | None = Field(default=None, max_length=64)


class ProfileBody(BaseModel):
    name: str | None = Field(default=None, max_length=120)
    timezone: str | None = Field(default=None, max_length=64)


class RefreshBody(BaseModel):
    refresh_token: str


class UserOut(BaseModel):
    id: int
    email: str
    name: str
    timezone: str


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
        user=UserOut.model_validate(user, from_attributes=True),
    )


@router.post("/signup", status_code=status.HTTP_201_CREATED)
async def signup(body: SignupBody) -> TokenOut:
    return issue_tokens(await accounts.register(body.email, body.password, body.name, body.timezone))


@router.post("/login")
async def login(body: LoginBody) -> TokenOut:
    user = await accounts.authenticate(body.email, body.password)
    if user is None:
        raise unauthorized("Incorrect email or password")
    if body.timezone and body.timezone != user.timezone:
        try:
            user = await run_db(accounts.update_profile, user, timezone=body.timezone)
        except Invalid:
            pass  # an unknown zone from a browser must not block logging in; the old one stays
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
    return UserOut.model_validate(user, from_attributes=True)


@router.patch("/me")
async def update_me(user: CurrentUser, body: ProfileBody) -> UserOut:
    """Change your name or time zone (an IANA name such as America/New_York)."""
    return UserOut.model_validate(await run_db(accounts.update_profile, user, body.name, body.timezone),
                                  from_attributes=True)
