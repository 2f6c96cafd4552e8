"""Rate limits, on the `limits` library, in storage every worker shares.

The storage comes from settings: `memory://` for one process (`reflex run`), Redis when several
backend workers serve the app (RATE_LIMIT_STORAGE_URL, or REFLEX_REDIS_URL). The async API is used
so that a Redis round trip never blocks the event loop. In one process the windows are kept by
`core.moving_window` (exact, no thread hand-off per hit), not by `limits`' memory storage.
"""

from __future__ import annotations

import math
import time
from functools import lru_cache

from limits import RateLimitItem, RateLimitItemPerMinute, parse_many
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from todo_chat.core.config import get_settings
from todo_chat.core.moving_window import LocalMovingWindow
from todo_chat.models import User
from todo_chat.services.errors import ServiceError


class RateLimited(ServiceError):
    def __init__(self, retry_after: int, message: str = ""):
        super().__init__(message or f"You're sending messages too fast. Try again in {retry_after} s.")
        self.retry_after = retry_after


def async_storage_url(url: str) -> str:
    """`limits` names its asyncio storages `async+<scheme>://`."""
    return url if url.startswith("async+") else f"async+{url}"


Limiter = MovingWindowRateLimiter | LocalMovingWindow


@lru_cache
def _limiter(url: str) -> Limiter:
    if url.removeprefix("async+") == "memory://":
        return LocalMovingWindow()
    # Redis through redis-py (already a Reflex dependency), not limits' default coredis client.
    options = {"implementation": "redispy"} if url.startswith(("redis", "rediss", "async+redis")) else {}
    storage = storage_from_string(async_storage_url(url), **options)
    if not isinstance(storage, Storage):  # an `async+` url always names an asyncio storage
        raise TypeError(f"{url} is not an asyncio rate-limit storage")
    return MovingWindowRateLimiter(storage)


def limiter() -> Limiter:
    return _limiter(get_settings().resolved_rate_limit_storage_url)


async def hit(rate: RateLimitItem, *key: str, message: str = "") -> None:
    """Count one hit against `rate` for `key`, or raise RateLimited (with seconds to wait)."""
    strategy = limiter()
    if await strategy.hit(rate, *key):
        return
    stats = await strategy.get_window_stats(rate, *key)
    retry_after = max(1, math.ceil(stats.reset_time - time.time()))
    raise RateLimited(retry_after, message.format(retry_after=retry_after) if message else "")


async def check_chat_turn(user: User) -> None:
    """Count one chat turn for `user`, or raise RateLimited when the minute is full."""
    await check_chat_turn_of(user.id or 0)


async def check_chat_turn_of(user_id: int) -> None:
    """`check_chat_turn` by the id a verified token names (before its session is read)."""
    await hit(RateLimitItemPerMinute(get_settings().chat_turns_per_minute), "chat-turn", str(user_id))


async def check_chat_turn_open_of(user_id: int) -> None:
    """RateLimited if the user's chat minute is full, without counting a turn (a door checks this
    before it knows the token's session is live; only a live session's turn is then counted)."""
    rate = RateLimitItemPerMinute(get_settings().chat_turns_per_minute)
    if not await limiter().test(rate, "chat-turn", str(user_id)):
        stats = await limiter().get_window_stats(rate, "chat-turn", str(user_id))
        raise RateLimited(max(1, math.ceil(stats.reset_time - time.time())))


def reset() -> None:
    """Start from fresh storage (tests: in-memory counters are dropped)."""
    _limiter.cache_clear()


# --- logins, signups, error reports ------------------------------------------------------------
# Limits are strings in `limits` notation from settings ("10/15 minutes", several with ";").

LOGIN_MESSAGE = "Too many login attempts. Try again in {retry_after} s."
SIGNUP_MESSAGE = "Too many sign-ups from your network. Try again in {retry_after} s."
REPORT_MESSAGE = "Too many error reports. Try again in {retry_after} s."


async def hit_each(rates: str, *key: str, message: str = "") -> None:
    """`hit` for every limit in `rates`."""
    for rate in parse_many(rates):
        await hit(rate, *key, message=message)


async def check_each(rates: str, *key: str, message: str = "") -> None:
    """Raise RateLimited if one more hit would exceed a limit in `rates`, without counting one."""
    strategy = limiter()
    for rate in parse_many(rates):
        if not await strategy.test(rate, *key):
            stats = await strategy.get_window_stats(rate, *key)
            retry_after = max(1, math.ceil(stats.reset_time - time.time()))
            raise RateLimited(retry_after, message.format(retry_after=retry_after) if message else "")


async def count_each(rates: str, *key: str) -> None:
    """Count one hit against every limit in `rates`, whatever the outcome."""
    strategy = limiter()
    for rate in parse_many(rates):
        await strategy.hit(rate, *key)


def _account_key(email: str) -> str:
    return email.strip().lower()[:320]


async def check_login(email: str, client_ip: str | None) -> None:
    """Before a password is checked: every attempt counts per IP; an account that failed too
    often is refused whatever the IP (and whatever the password, right or wrong)."""
    settings = get_settings()
    if client_ip:
        await hit_each(settings.login_attempts_per_ip, "login-ip", client_ip, message=LOGIN_MESSAGE)
    await check_each(settings.login_failures_per_account, "login-fail", _account_key(email),
                     message=LOGIN_MESSAGE)


async def count_login_failure(email: str) -> None:
    await count_each(get_settings().login_failures_per_account, "login-fail", _account_key(email))


async def check_signup(client_ip: str | None) -> None:
    if client_ip:
        await hit_each(get_settings().signup_attempts_per_ip, "signup-ip", client_ip, message=SIGNUP_MESSAGE)


async def check_error_report(client_ip: str | None) -> None:
    await hit_each(get_settings().error_reports_per_ip, "error-report", client_ip or "unknown",
                   message=REPORT_MESSAGE)
