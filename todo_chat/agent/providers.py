"""Which model answers: chosen in one place, from the settings."""

from __future__ import annotations

from functools import lru_cache

from agents import Model, OpenAIChatCompletionsModel, OpenAIResponsesModel, set_tracing_disabled
from openai import AsyncOpenAI

from todo_chat.agent import agent_identity, fast_json
from todo_chat.agent.lean_client import LeanAsyncOpenAI
from todo_chat.agent.offline_model import OfflineModel
from todo_chat.agent.tracing import quiet_provider
from todo_chat.core.config import Settings, get_settings


def describe(settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    if settings.openai_base_url:
        return f"openai-compatible:{settings.openai_model}"
    if settings.openai_api_key:
        return f"openai:{settings.openai_model}"
    return "offline"


def apply_tracing(settings: Settings | None = None) -> bool:
    """Trace export is on only with OPENAI_TRACING=1: never because an API key happens to be set
    (the SDK would otherwise upload traces of a local setup to OpenAI). Returns whether it is on."""
    settings = settings or get_settings()
    quiet_provider(settings.openai_tracing)
    set_tracing_disabled(not settings.openai_tracing)
    return settings.openai_tracing


@lru_cache
def _client(base_url: str, api_key: str, max_retries: int = 2) -> AsyncOpenAI:
    """One client (and connection pool) per server, reused by every turn. For an
    OpenAI-compatible server (chat completions) a lean one: see `agent.lean_client`."""
    client = LeanAsyncOpenAI if base_url else AsyncOpenAI
    return client(base_url=base_url or None, api_key=api_key, max_retries=max_retries)


@lru_cache
def _remote_model(base_url: str, api_key: str, model: str, max_retries: int) -> Model:
    """Stateless over its client, so one serves every turn (and the agent built on it is reused)."""
    fast_json.install()
    agent_identity.install()
    if base_url:
        # Ollama, vLLM, LM Studio, llama.cpp speak chat completions, not the Responses API.
        return OpenAIChatCompletionsModel(model=model, openai_client=_client(base_url, api_key, max_retries))
    return OpenAIResponsesModel(model=model, openai_client=_client("", api_key, max_retries))


def get_model(settings: Settings | None = None) -> Model:
    """OPENAI_BASE_URL: any OpenAI-compatible server; OPENAI_API_KEY: OpenAI; else offline."""
    settings = settings or get_settings()
    apply_tracing(settings)
    if settings.openai_base_url or settings.openai_api_key:
        api_key = settings.openai_api_key or "not-needed"
        return _remote_model(settings.openai_base_url, api_key, settings.openai_model,
                             settings.openai_max_retries)
    return _offline_model()


@lru_cache
def _offline_model() -> OfflineModel:
    """Stateless, so one serves every turn. Instant: typing speed is presentation, and no
    answer (JSON or a test) ever waits for it."""
    fast_json.install()
    agent_identity.install()
    return OfflineModel()
