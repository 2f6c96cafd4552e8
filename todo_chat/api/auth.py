"""Accounts over HTTP: signup, login, refresh (rotating), logout, password change, me.

Tokens come from `services.tokens` (one login session per login, revocable); answers that carry
tokens are sent with `Cache-Control: no-store`.
"""

from __future__ import annotations

import contextlib
from typing import Annotated
from zoneinfo import available_timezones

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from todo_chat.api.deps import NO_STORE, CurrentUser, client_ip, session_id, unauthorized
from todo_chat.api.responses import errors
from todo_chat.core.db import run_db
from todo_chat.core.security import InvalidToken
from todo_chat.core.text import NOT_BLANK_PATTERN
from todo_chat.services import accounts, tokens
from todo_chat.services.errors import Invalid

router = APIRouter(prefix="/api/auth", tags=["auth"])
# The zones the server knows, published so clients (and the schema fuzzer) see what is accepted.
Zone = Annotated[str, Field(min_length=1, max_length=64, description="IANA zone, e.g. Europe/Paris",
                            json_schema_extra={"enum": sorted(available_timezones())})]


# Published in the schema; the service checks the same with a readable message.
EMAIL_PATTERN = accounts.EMAIL_PATTERN
NOT_BLANK = NOT_BLANK_PATTERN


def new_password(**kwargs) -> str:
    return Field(min_length=accounts.PASSWORD_MIN, max_length=accounts.PASSWORD_MAX,
                 json_schema_extra={"pattern": NOT_BLANK}, **kwargs)


class SignupBody(BaseModel):
    email: str = Field(max_length=320, json_schema_extra={"pattern": EMAIL_PATTERN})
    password: str = new_password()
    name: str = Field(default="", max_length=120)
    timezone: Zone = "UTC"


class LoginBody(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=256)
    # The browser's own zone: relative dates are read in it from then on.
    timezone: Zone | None = None


class ProfileBody(BaseModel):
    name: str | None = Field(default=None, max_length=120)
    timezone: Zone | None = None


class RefreshBody(BaseModel):
    refresh_token: str = Field(max_length=4096)


class PasswordBody(BaseModel):
    current_password: str = Field(max_length=256)
    new_password: str = new_password()


class DeleteAccountBody(BaseModel):
    password: str = Field(max_length=256, description="the current password, to confirm")


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


def token_response(issued: tokens.Tokens, status_code: int = status.HTTP_200_OK) -> JSONResponse:
    body = TokenOut(access_token=issued.access_token, expires_in=issued.expires_in,
                    refresh_token=issued.refresh_token,
                    user=UserOut.model_validate(issued.user, from_attributes=True))
    return JSONResponse(body.model_dump(), status_code=status_code, headers=NO_STORE)


@router.post("/signup", status_code=status.HTTP_201_CREATED, response_model=TokenOut,
             responses=errors(409, 422, 429))
async def signup(body: SignupBody, request: Request) -> JSONResponse:
    user = await accounts.register(body.email, body.password, body.name, client_ip(request), body.timezone)
    return token_response(await tokens.start_session(user), status.HTTP_201_CREATED)


@router.post("/login", response_model=TokenOut, responses=errors(401, 422, 429))
async def login(body: LoginBody, request: Request) -> JSONResponse:
    user = await accounts.authenticate(body.email, body.password, client_ip(request))
    if user is None:
        raise unauthorized("Incorrect email or password")
    if body.timezone and body.timezone != user.timezone:
        # an unknown zone from a browser must not block logging in; the old one stays
        with contextlib.suppress(Invalid):
            user = await run_db(accounts.update_profile, user, timezone=body.timezone)
    return token_response(await tokens.start_session(user))


@router.post("/refresh", response_model=TokenOut, responses=errors(401, 422))
async def refresh(body: RefreshBody) -> JSONResponse:
    """Trade a refresh token for new tokens. Each refresh token works once: the answer carries
    the next one. Using one again closes its session (every token of it stops working)."""
    try:
        issued = await tokens.refresh(body.refresh_token)
    except InvalidToken as exc:
        detail = str(exc)
        raise unauthorized(detail if "log in again" in detail else f"{detail}: log in again") from exc
    return token_response(issued)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401))
async def logout(user: CurrentUser, request: Request) -> Response:
    """End this login session: its access and refresh tokens stop working at once."""
    await tokens.end_session(user, session_id(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/password", response_model=TokenOut, responses=errors(401, 403, 422, 429))
async def change_password(body: PasswordBody, user: CurrentUser) -> JSONResponse:
    """Change the password: every session of the account ends (a stolen token is cut off);
    the answer carries fresh tokens for this client."""
    return token_response(await accounts.change_password(user, body.current_password, body.new_password))


@router.get("/me", responses=errors(401))
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user, from_attributes=True)


@router.patch("/me", responses=errors(401, 422))
async def update_me(user: CurrentUser, body: ProfileBody) -> UserOut:
    """Change your name or time zone (an IANA name such as America/New_York)."""
    return UserOut.model_validate(await run_db(accounts.update_profile, user, body.name, body.timezone),
                                  from_attributes=True)


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401, 403, 422, 429))
async def delete_me(body: DeleteAccountBody, user: CurrentUser) -> Response:
    """Delete the account and everything it owns: tasks, conversations, messages, tool calls,
    attachments (rows and files), sessions. Needs the current password."""
    await accounts.delete_account(user, body.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
