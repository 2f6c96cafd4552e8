"""Why a turn failed, as the person is told it: the model's errors sorted into what to say and
whether a retry can help, and the one failure that a turn recovers from by itself (a prompt too
long for the model's context window: `context_overflow`, `server_context_size`)."""

from __future__ import annotations

import json

from openai import APIStatusError, NotFoundError


class Busy(Exception):
    """No agent slot came free in time: the turn fails as retryable, its message kept."""


class EmptyAnswer(Exception):
    """The model answered with nothing: a failed, retryable turn, never a saved empty reply."""


# How servers say a prompt does not fit: llama.cpp ("exceeds the available context size",
# type exceed_context_size_error), OpenAI and vLLM ("maximum context length",
# context_length_exceeded), and a few other spellings.
_OVERFLOW_SIGNS = ("exceed_context_size", "exceeds the available context", "context_length_exceeded",
                   "maximum context length", "context window", "context size", "too many tokens",
                   "prompt is too long", "input is too long")


def context_overflow(exc: BaseException) -> bool:
    """Whether the model server refused the request because the prompt is too long for it."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, APIStatusError) and current.status_code in (400, 413, 422):
            text = f"{current.message} {json.dumps(current.body, default=str)}".lower()
            if any(sign in text for sign in _OVERFLOW_SIGNS):
                return True
        current = current.__cause__ or current.__context__
    return False


def server_context_size(exc: BaseException) -> int | None:
    """The window size a server reported with its refusal (llama.cpp's `n_ctx`), if any."""
    body = getattr(exc, "body", None)
    body = body.get("error", body) if isinstance(body, dict) else None
    size = body.get("n_ctx") if isinstance(body, dict) else None
    return size if isinstance(size, int) and size > 0 else None


def explain(exc: Exception, overflow: bool = False, history_sent: int = 0) -> str:
    name = type(exc).__name__
    if isinstance(exc, Busy):
        return "The assistant is busy with other people's messages. Yours is saved: retry in a moment."
    if overflow and history_sent:
        return ("The conversation is too long for the model's context window. Your message is saved: "
                "retry, and older messages will be left out.")
    if overflow:
        return ("This message and its tool results do not fit the model's context window, even without "
                "the earlier conversation. Your message is saved: shorten it or start a new chat.")
    if isinstance(exc, EmptyAnswer):
        return "The assistant returned an empty answer. Your message is saved: retry when ready."
    if "RateLimit" in name:
        return "The model is busy (rate limited). Please retry in a moment."
    if "Authentication" in name or "PermissionDenied" in name:
        return "The model provider rejected our API key. Check OPENAI_API_KEY."
    if "Connection" in name or "Timeout" in name:
        return "Could not reach the model. Check your connection and retry."
    if isinstance(exc, NotFoundError):
        return "The model server does not know this model or endpoint. Check OPENAI_BASE_URL and OPENAI_MODEL."
    if isinstance(exc, APIStatusError) and exc.status_code >= 500:
        return "The model server had an error. Your message is saved: retry when ready."
    return "The assistant failed to answer. Your message is saved: retry when ready."
