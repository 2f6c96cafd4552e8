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
    # Connection pool per process. Database work runs in at most pool_size + max_overflow
    # worker threads, so a checkout waits only when another process shares the database;
    # past db_pool_timeout seconds the request answers 503 with Retry-After, never hangs.
    db_pool_size: int = 5
    db_max_overflow: int = 10
    db_pool_timeout: float = 5.0

    # JWT signing secret (the name the seeds use). Required in production.
    better_auth_secret: str = ""
    access_token_minutes: int = 60
    refresh_token_days: int = 14
    chatkit_session_minutes: int = 60

    # Model provider: none set -> the embedded offline model.
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4.1-mini"
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
    attachment_types: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["image/png", "image/jpeg", "image/gif", "image/webp",
                                 "application/pdf", "text/plain", "text/markdown"]
    )
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

    @field_validator("cors_origins", "attachment_types", mode="before")
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
    def api_origin(self) -> str:
        """scheme://host[:port] of api_url: the backend's own public origin."""
        parts = urlsplit(self.api_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    @property
    def allowed_origins(self) -> list[str]:
        """CORS_ORIGINS plus the backend's own origin (in production it serves the pages too)."""
        return list(dict.fromkeys([*self.cors_origins, *([self.api_origin] if self.api_origin else [])]))

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"


@lru_cache
def get_settings() -> Settings:
    return Settings()
