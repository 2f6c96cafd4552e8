"""Settings, read once from the environment and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Every knob of the app. Each field is read from the env var of the same name (upper case)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = PROJECT_ROOT / "data"
    # Empty means a SQLite file in data_dir.
    database_url: str = ""
    # Connection pool per backend worker. Database work runs in at most pool_size + max_overflow
    # worker threads, so a checkout waits only when another process shares the database; past
    # database_pool_timeout seconds the request answers 503 with Retry-After, never hangs.
    # Server databases: workers x (5 + 10) must stay under max_connections (PostgreSQL: 100).
    database_pool_size: int = 5
    database_max_overflow: int = 10
    database_pool_timeout: float = 5.0
    # Apply migrations when the app starts (each backend worker). `python -m todo_chat.serve`
    # migrates once before it starts the workers and turns this off for them.
    migrate_on_start: bool = True

    # JWT signing secret (the name the seeds use). Required in production.
    better_auth_secret: str = ""
    access_token_minutes: int = 60
    refresh_token_days: int = 14
    chatkit_session_minutes: int = 60

    # Model provider: none set -> the embedded offline model.
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4.1-mini"
    # How often the OpenAI client retries a request that failed on the way (connection errors,
    # 408/409/429/5xx), with backoff, before the turn fails.
    openai_max_retries: int = Field(default=2, ge=0)
    # Export traces of agent runs to OpenAI. Off unless asked for: an API key alone (say, next to
    # OPENAI_BASE_URL for a local server) never uploads anything.
    openai_tracing: bool = False
    # The model's context window in tokens (for llama.cpp: its --ctx-size per slot); 0 means
    # 8192 with OPENAI_BASE_URL, 128000 for OpenAI. The history the model sees is trimmed to fit
    # it; the database keeps everything.
    model_context_tokens: int = Field(default=0, ge=0)
    # The longest reply the model may write (`max_tokens`); reserved out of the window.
    model_max_output_tokens: int = Field(default=1024, ge=16)
    # Set with openai_api_key to use an OpenAI-hosted ChatKit workflow instead of our server.
    chatkit_workflow_id: str = ""

    # Origins (scheme://host[:port]) whose pages may call the API and open Reflex's websocket.
    # Listed explicitly: "*" is refused (Reflex answers CORS with credentials), "null" is dropped.
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://localhost:3000", "http://127.0.0.1:3000"]
    )
    # The pages' Content-Security-Policy; empty: the one built from these settings (see
    # api/security_headers.py: own origin, API_URL, ChatKit's CDN unless CHAT_UI=native).
    content_security_policy: str = ""
    # Which chat front end the page shows: ChatKit's web component, our native view, or
    # ChatKit with a fallback to the native view when its script cannot load.
    chat_ui: Literal["auto", "chatkit", "native"] = "auto"
    # Where the browser reaches the backend (the Reflex backend serves the API too).
    api_url: str = "http://localhost:8000"

    attachment_max_bytes: int = 5 * 1024 * 1024
    # The largest request body any route reads (413 beyond, before it is read into memory);
    # attachment uploads have their own bound, attachment_max_bytes (plus multipart framing).
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    attachment_types: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["image/png", "image/jpeg", "image/gif", "image/webp",
                                 "application/pdf", "text/plain", "text/markdown"]
    )
    # Agent runs one process runs at once; more turns wait their turn (their message is saved and
    # the SSE `start` event sent). The agent loop is CPU work on the shared event loop: a bound
    # keeps every other request (pages, REST, /docs) answering promptly under a burst.
    max_concurrent_turns: int = 8
    # The undo journal keeps, per user, the changes of the last N turns (and undos) younger than D days.
    undo_keep_turns: int = Field(default=50, ge=1)
    undo_keep_days: int = Field(default=30, ge=1)
    # A turn that waited this long for a free slot fails as retryable ("busy") instead.
    turn_queue_timeout_s: float = 30.0
    # Chat turns a user may start per minute (429 beyond).
    chat_turns_per_minute: int = 30
    # Login and signup throttling, in `limits` notation ("10/minute", "10 per 15 minutes",
    # several separated by ";"). Failed logins count per account (email) whatever the IP; every
    # login attempt and every signup counts per client IP. Beyond a limit: 429 with Retry-After.
    login_failures_per_account: str = "10/15 minutes"
    login_attempts_per_ip: str = "30/minute"
    signup_attempts_per_ip: str = "10/hour"
    # Anonymous client error reports (POST /api/errors) per client IP.
    error_reports_per_ip: str = "20/minute"
    # Where rate-limit counters live: memory:// (one process) or redis://host:port/db, which every
    # worker shares. Empty: REFLEX_REDIS_URL when Reflex runs on Redis, else memory://.
    rate_limit_storage_url: str = ""
    reflex_redis_url: str = ""

    # How our own agent reaches the task tools: in this process (the default, fastest), or
    # through our MCP server over HTTP (`mcp`, the Phase III spec's architecture).
    agent_tools: Literal["process", "mcp"] = "process"
    # Where the agent reaches that server; empty: API_URL + "/mcp".
    mcp_url: str = ""
    # Host headers the MCP endpoint answers (DNS-rebinding check; "host:*" for any port); empty:
    # API_URL's host, and loopback on any port.
    mcp_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # MCP tool calls per minute a personal access token's user may make (beyond: a tool error).
    mcp_calls_per_minute: int = Field(default=60, ge=1)

    # Operators and analytics (issue 22). /metrics answers only with this bearer token: empty, it
    # is a 404. Logs as one JSON object a line (with the request id) or as plain text.
    metrics_token: str = ""
    log_format: Literal["text", "json"] = "text"
    # Client usage events (POST /api/analytics/...) a user may send, in `limits` notation.
    analytics_events_per_user: str = "120/minute"
    # The chat's font (ChatKit's theme.typography.fontFamily and the native view), a CSS
    # font-family list such as "Inter, sans-serif"; empty: the theme's own.
    chat_font_family: str = Field(default="", max_length=200, pattern=r"^[\w\s,'\"-]*$")

    @field_validator("analytics_events_per_user")
    @classmethod
    def _analytics_rate(cls, value: str) -> str:
        from limits import parse_many

        parse_many(value)
        return value

    @field_validator("cors_origins", "attachment_types", "mcp_allowed_hosts", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _explicit_origins(cls, origins: list[str]) -> list[str]:
        if "*" in origins:
            raise ValueError("CORS_ORIGINS must list origins explicitly; '*' is not allowed")
        # `null` is what sandboxed iframes and file:// pages send: never a trusted origin.
        return [origin.rstrip("/") for origin in origins if origin.lower() != "null"]

    @field_validator("login_failures_per_account", "login_attempts_per_ip", "signup_attempts_per_ip",
                     "error_reports_per_ip")
    @classmethod
    def _rate(cls, value: str) -> str:
        from limits import parse_many

        parse_many(value)  # a typo is a startup error, not a limit silently off
        return value

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'todo_chat.db'}"

    @property
    def resolved_rate_limit_storage_url(self) -> str:
        return self.rate_limit_storage_url or self.reflex_redis_url or "memory://"

    @property
    def context_tokens(self) -> int:
        if self.model_context_tokens:
            return self.model_context_tokens
        return 8192 if self.openai_base_url else 128_000

    @property
    def api_origin(self) -> str:
        """scheme://host[:port] of api_url: the backend's own public origin."""
        parts = urlsplit(self.api_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    @property
    def allowed_origins(self) -> list[str]:
        """CORS_ORIGINS plus the backend's own origin (in production it serves the pages too)."""
        return list(dict.fromkeys([*self.cors_origins, *([self.api_origin] if self.api_origin else [])]))

    @property
    def resolved_mcp_url(self) -> str:
        return self.mcp_url or f"{self.api_url.rstrip('/')}/mcp"

    @property
    def resolved_mcp_hosts(self) -> list[str]:
        own = urlsplit(self.api_url).netloc
        return self.mcp_allowed_hosts or [*([own] if own else []), "127.0.0.1:*", "localhost:*", "[::1]:*"]

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"


@lru_cache
def get_settings() -> Settings:
    return Settings()
