"""OpenAI-hosted ChatKit: with CHATKIT_WORKFLOW_ID and OPENAI_API_KEY, sessions come from OpenAI."""

from __future__ import annotations

import time

import httpx2  # the HTTP client the openai package is built on (httpx's successor)
from openai import AsyncOpenAI

from todo_chat.core.config import get_settings
from todo_chat.models import User

# Tests swap in an httpx transport here; nothing else should.
http_transport: httpx2.AsyncBaseTransport | None = None


async def create_hosted_session(user: User) -> tuple[str, int]:
    settings = get_settings()
    http_client = httpx2.AsyncClient(transport=http_transport) if http_transport else None
    client = AsyncOpenAI(api_key=settings.openai_api_key, http_client=http_client)
    session = await client.beta.chatkit.sessions.create(
        user=str(user.id), workflow={"id": settings.chatkit_workflow_id})
    return session.client_secret, max(0, int(session.expires_at - time.time()))
