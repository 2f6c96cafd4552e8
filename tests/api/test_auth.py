"""Accounts over HTTP: every status the issue names."""

from datetime import timedelta

from tests.conftest import Account
from todo_chat.core.security import create_token


def test_signup_answers_token_and_user(client):
    response = client.post(
        "/api/auth/signup", json={"email": "New@Example.com", "password": "long-enough", "name": "New"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["token_type"] == "bearer" and body["access_token"] and body["refresh_token"]
    assert body["user"] == {"id": body["user"]["id"], "email": "new@example.com", "name": "New", "timezone": "UTC",
                            "analytics_enabled": True}


def test_duplicate_email_is_409_case_insensitive(client, alice):
    response = client.post("/api/auth/signup", json={"email": "ALICE@example.com", "password": "whatever-123"})
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_weak_password_and_bad_email_are_422_with_message(client):
    weak = client.post("/api/auth/signup", json={"email": "c@example.com", "password": "short"})
    assert weak.status_code == 422 and "at least 8 characters" in weak.json()["detail"]
    blank = client.post("/api/auth/signup", json={"email": "c@example.com", "password": " " * 10})
    assert blank.status_code == 422
    bad_email = client.post("/api/auth/signup", json={"email": "not-an-email", "password": "long-enough"})
    assert bad_email.status_code == 422 and "valid email" in bad_email.json()["detail"]
    missing = client.post("/api/auth/signup", json={"email": "c@example.com"})
    assert missing.status_code == 422 and "password" in missing.json()["detail"]


def test_login_and_bad_credentials_share_one_message(client, alice):
    ok = client.post("/api/auth/login", json={"email": "Alice@example.com", "password": alice.password})
    assert ok.status_code == 200 and ok.json()["user"]["id"] == alice.id
    wrong_password = client.post("/api/auth/login", json={"email": alice.email, "password": "nope-nope-1"})
    unknown_email = client.post("/api/auth/login", json={"email": "ghost@example.com", "password": "nope-nope-1"})
    assert wrong_password.status_code == unknown_email.status_code == 401
    assert wrong_password.json() == unknown_email.json() == {"detail": "Incorrect email or password"}


def test_me_requires_a_valid_token(client, alice):
    assert client.get("/api/auth/me", headers=alice.headers).json()["email"] == alice.email
    assert client.get("/api/auth/me").status_code == 401
    assert client.get("/api/auth/me", headers={"Authorization": "Bearer garbage"}).status_code == 401
    expired = create_token(alice.id, "access", lifetime=timedelta(seconds=-1))
    response = client.get("/api/auth/me", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401 and "expired" in response.json()["detail"]


def test_refresh_issues_new_access_token_and_rejects_access_tokens(client, alice):
    response = client.post("/api/auth/refresh", json={"refresh_token": alice.refresh_token})
    assert response.status_code == 200
    fresh = response.json()["access_token"]
    assert client.get("/api/auth/me", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
    # An access token is not a refresh token, and a refresh token is not an access token.
    assert client.post("/api/auth/refresh", json={"refresh_token": alice.token}).status_code == 401
    headers = {"Authorization": f"Bearer {alice.refresh_token}"}
    assert client.get("/api/auth/me", headers=headers).status_code == 401


def test_refresh_token_expired_means_log_in_again(client, alice):
    expired = create_token(alice.id, "refresh", lifetime=timedelta(seconds=-1))
    response = client.post("/api/auth/refresh", json={"refresh_token": expired})
    assert response.status_code == 401 and "log in again" in response.json()["detail"]


def test_logout_and_openapi_docs(client, alice):
    assert client.post("/api/auth/logout", headers=alice.headers).status_code == 204
    assert client.get("/docs").status_code == 200
    assert "/api/{user_id}/tasks" in client.get("/openapi.json").json()["paths"]


def test_password_is_stored_hashed_with_argon2(client, session):
    Account(client, "hash@example.com", "my-secret-pass")
    from sqlmodel import select

    from todo_chat.models import User

    user = session.exec(select(User).where(User.email == "hash@example.com")).one()
    assert user.password_hash.startswith("$argon2") and "my-secret-pass" not in user.password_hash
