"""Settings, read once from the environment and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

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
    # Connections per backend worker (server databases; SQLite ignores them): at most
    # pool_size + max_overflow each, so workers x (5 + 10) must stay under the server's
    # max_connections (PostgreSQL: 100 by default).
    database_pool_size: int = 5
    database_max_overflow: int = 10
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
    # Set with openai_api_key to use an OpenAI-hosted ChatKit workflow instead of our server.
    chatkit_workflow_id: str = ""

    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://localhost:3000", "http://127.0.0.1:3000"]
    )
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

    @field_validator("cors_origins", "attachment_types", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'todo_chat.db'}"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"


@lru_cache
def get_settings() -> Settings:
    return Settings()
