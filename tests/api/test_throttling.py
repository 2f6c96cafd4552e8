"""Login and signup are throttled per account and per client IP (429 + Retry-After); the limits
come from settings (tests/conftest.py sets generous ones: here they are low)."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import Account
from todo_chat.core import config


@pytest.fixture
def limits(monkeypatch):
    def set_limits(**rates: str) -> None:
        for name, rate in rates.items():
            monkeypatch.setenv(name.upper(), rate)
        config.get_settings.cache_clear()

    yield set_limits
    config.get_settings.cache_clear()


def login(client, email: str, password: str):
    return client.post("/api/auth/login", json={"email": email, "password": password})


def test_wrong_passwords_lock_the_account_whatever_the_password(client, alice, limits):
    limits(login_failures_per_account="5/15 minutes")
    for _ in range(5):
        assert login(client, alice.email, "wrong-password").status_code == 401
    # The sixth try is refused before any hash is checked: even the right password.
    locked = login(client, alice.email, alice.password)
    assert locked.status_code == 429
    assert "Too many login attempts" in locked.json()["detail"]
    assert int(locked.headers["retry-after"]) >= 1
    # Per account, whatever the capitalisation.
    assert login(client, alice.email.upper(), alice.password).status_code == 429


def test_successful_logins_do_not_count_against_the_account(client, alice, limits):
    limits(login_failures_per_account="3/15 minutes")
    for _ in range(6):
        assert login(client, alice.email, alice.password).status_code == 200


def test_unknown_emails_are_throttled_the_same_way(client, limits):
    limits(login_failures_per_account="2/15 minutes")
    for _ in range(2):
        assert login(client, "ghost@example.com", "whatever-1").status_code == 401
    assert login(client, "ghost@example.com", "whatever-1").status_code == 429


def test_login_attempts_per_ip(client, alice, bob, limits):
    limits(login_attempts_per_ip="3/minute")
    for account in (alice, bob, alice):
        assert login(client, account.email, account.password).status_code == 200
    limited = login(client, bob.email, bob.password)
    assert limited.status_code == 429 and "retry-after" in limited.headers
    # Another address is counted on its own.
    from fastapi.testclient import TestClient

    from todo_chat.api.app import create_app

    with TestClient(create_app(), client=("203.0.113.7", 50000)) as elsewhere:
        assert login(elsewhere, bob.email, bob.password).status_code == 200


def test_signups_per_ip(client, limits):
    limits(signup_attempts_per_ip="2/hour")
    Account(client, "one@example.com")
    Account(client, "two@example.com")
    third = client.post("/api/auth/signup", json={"email": "three@example.com", "password": "long-enough"})
    assert third.status_code == 429 and "Too many sign-ups" in third.json()["detail"]
    assert int(third.headers["retry-after"]) > 60


def test_password_confirmation_counts_as_a_login_failure(client, alice, limits):
    """A stolen access token cannot be used to guess the password through /password."""
    limits(login_failures_per_account="3/15 minutes")
    body = {"current_password": "guess-guess", "new_password": "brand-new-pass"}
    for _ in range(3):
        assert client.post("/api/auth/password", json=body, headers=alice.headers).status_code == 403
    assert client.post("/api/auth/password", json=body, headers=alice.headers).status_code == 429


def test_limits_are_validated_at_startup(monkeypatch):
    monkeypatch.setenv("LOGIN_ATTEMPTS_PER_IP", "lots")
    config.get_settings.cache_clear()
    with pytest.raises(ValueError):
        config.get_settings()
    monkeypatch.delenv("LOGIN_ATTEMPTS_PER_IP")
    config.get_settings.cache_clear()


def test_error_reports_are_rate_limited_per_ip_and_logged_on_one_line(client, limits, caplog):
    limits(error_reports_per_ip="3/minute")
    forged = {"message": "boom\nERROR forged log line\r\n\x1b[31mred", "stack": "at a\nat b",
              "url": "http://localhost:3000/chat\n"}
    with caplog.at_level(logging.ERROR, logger="todo_chat.client"):
        assert client.post("/api/errors", json=forged).status_code == 202
    record = [r for r in caplog.records if r.name == "todo_chat.client"][-1].getMessage()
    assert "\n" not in record and "\r" not in record and "\x1b" not in record
    assert "boom | ERROR forged log line" in record and "at a | at b" in record
    for _ in range(2):
        assert client.post("/api/errors", json={"message": "x"}).status_code == 202
    limited = client.post("/api/errors", json={"message": "x"})
    assert limited.status_code == 429 and "retry-after" in limited.headers
