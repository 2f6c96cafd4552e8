"""Personal access tokens over HTTP: /api/tokens (for MCP clients; see README "MCP")."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from pydantic import BaseModel

from todo_chat.api.deps import NO_STORE, CurrentUser
from todo_chat.api.responses import errors
from todo_chat.core.db import ID_MAX, run_db
from todo_chat.models import AccessToken, TokenScope
from todo_chat.services import access_tokens
from todo_chat.services.access_tokens import TokenCreate

TokenId = Annotated[int, Path(ge=1, le=ID_MAX)]
router = APIRouter(prefix="/api/tokens", tags=["tokens"], responses=errors(401))


class TokenOut(BaseModel):
    id: int
    name: str
    scope: TokenScope
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None

    @classmethod
    def of(cls, row: AccessToken) -> TokenOut:
        return cls.model_validate(row, from_attributes=True)


class NewToken(TokenOut):
    token: str  # the secret: shown this once, never again


@router.post("", status_code=status.HTTP_201_CREATED, responses=errors(409, 422))
async def create_token(user: CurrentUser, body: TokenCreate, response: Response) -> NewToken:
    """Make a token for an MCP client. `token` is in this answer only: copy it now."""
    row, secret = await run_db(access_tokens.create, user, body)
    response.headers.update(NO_STORE)
    return NewToken(**TokenOut.of(row).model_dump(), token=secret)


@router.get("")
async def list_tokens(user: CurrentUser) -> list[TokenOut]:
    return [TokenOut.of(row) for row in await run_db(access_tokens.list_tokens, user)]


@router.delete("/{token_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(404, 422))
async def revoke_token(user: CurrentUser, token_id: TokenId) -> None:
    """The token stops working at once."""
    await run_db(access_tokens.revoke, user, token_id)
