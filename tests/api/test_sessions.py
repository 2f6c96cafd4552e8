"""Tokens belong to revocable login sessions: logout, refresh rotation with reuse detection,
password change and account deletion cut them off; token answers are never cached."""

from __future__ import annotations

from sqlmodel import select

from todo_chat.core.security import create_token
from todo_chat.models import Attachment, AuthSession, Conversation, Message, Task, ToolCall, User


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def refresh(client, token: str):
    return client.post("/api/auth/refresh", json={"refresh_token": token})


def test_logout_revokes_the_access_and_refresh_token_at_once(client, alice):
    other = client.post("/api/auth/login", json={"email": alice.email, "password": alice.password}).json()
    assert client.post("/api/auth/logout", headers=alice.headers).status_code == 204
    after = client.get("/api/auth/me", headers=alice.headers)
    assert after.status_code == 401 and after.json() == {"detail": "Session has ended: log in again"}
    assert client.get(f"/api/{alice.id}/tasks", headers=alice.headers).status_code == 401
    assert refresh(client, alice.refresh_token).status_code == 401
    assert client.post("/api/chatkit/session", headers=alice.headers).status_code == 401
    # Another login (another device) is another session: it still works.
    assert client.get("/api/auth/me", headers=bearer(other["access_token"])).status_code == 200


def test_a_chatkit_client_secret_ends_with_its_session(client, alice):
    secret = client.post("/api/chatkit/session", headers=alice.headers).json()["client_secret"]
    listing = {"type": "threads.list", "params": {}}
    assert client.post("/api/chatkit", json=listing, headers=bearer(secret)).status_code == 200
    client.post("/api/auth/logout", headers=alice.headers)
    assert client.post("/api/chatkit", json=listing, headers=bearer(secret)).status_code == 401


def test_refresh_rotates_and_a_reused_refresh_token_revokes_its_whole_family(client, alice):
    first = refresh(client, alice.refresh_token)
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refresh_token"] != alice.refresh_token
    second = refresh(client, rotated["refresh_token"]).json()  # the newest one works, once
    # Someone replays the first refresh token: the session is closed for everybody.
    replay = refresh(client, alice.refresh_token)
    assert replay.status_code == 401 and "already used" in replay.json()["detail"]
    assert client.get("/api/auth/me", headers=bearer(second["access_token"])).status_code == 401
    assert refresh(client, second["refresh_token"]).status_code == 401
    assert client.get("/api/auth/me", headers=alice.headers).status_code == 401


def test_tokens_without_a_session_or_with_a_forged_one_are_refused(client, alice, session):
    legacy = create_token(alice.id, "access")  # made before sessions existed: cannot be revoked
    assert client.get("/api/auth/me", headers=bearer(legacy)).status_code == 401
    bob_session = session.exec(select(AuthSession)).first().id
    forged = create_token(alice.id + 1, "access", session_id=bob_session)  # someone else's sid
    assert client.get("/api/auth/me", headers=bearer(forged)).status_code == 401


def test_password_change_cuts_off_every_session_and_answers_fresh_tokens(client, alice):
    elsewhere = client.post("/api/auth/login", json={"email": alice.email, "password": alice.password}).json()
    wrong = client.post("/api/auth/password", headers=alice.headers,
                        json={"current_password": "not-it-at-all", "new_password": "brand-new-pass"})
    assert wrong.status_code == 403 and wrong.json() == {"detail": "Current password is incorrect"}
    weak = client.post("/api/auth/password", headers=alice.headers,
                       json={"current_password": alice.password, "new_password": "short"})
    assert weak.status_code == 422
    changed = client.post("/api/auth/password", headers=alice.headers,
                          json={"current_password": alice.password, "new_password": "brand-new-pass"})
    assert changed.status_code == 200 and changed.headers["cache-control"] == "no-store"
    fresh = changed.json()
    for token in (alice.token, elsewhere["access_token"]):
        assert client.get("/api/auth/me", headers=bearer(token)).status_code == 401
    for token in (alice.refresh_token, elsewhere["refresh_token"]):
        assert refresh(client, token).status_code == 401
    assert client.get("/api/auth/me", headers=bearer(fresh["access_token"])).status_code == 200
    old = client.post("/api/auth/login", json={"email": alice.email, "password": alice.password})
    assert old.status_code == 401
    assert client.post("/api/auth/login", json={"email": alice.email, "password": "brand-new-pass"}).status_code == 200


def test_deleting_the_account_removes_everything_it_owns(client, alice, bob, session, data_dir):
    client.post(f"/api/{alice.id}/tasks", json={"title": "mine"}, headers=alice.headers)
    client.post(f"/api/{bob.id}/tasks", json={"title": "bob's"}, headers=bob.headers)
    assert client.post(f"/api/{alice.id}/chat", json={"message": "add a task to call mum"},
                       headers=alice.headers).status_code == 200
    created = client.post("/api/chatkit", headers=alice.headers, json={
        "type": "attachments.create", "params": {"name": "a.png", "size": 4, "mime_type": "image/png"}}).json()
    upload = created["upload_descriptor"]
    assert client.put(upload["url"], content=b"\x89PNG", headers=upload["headers"]).status_code == 204
    files = data_dir / "attachments" / str(alice.id)
    assert files.exists()

    refused = client.request("DELETE", "/api/auth/me", headers=alice.headers, json={"password": "wrong-one"})
    assert refused.status_code == 403
    deleted = client.request("DELETE", "/api/auth/me", headers=alice.headers, json={"password": alice.password})
    assert deleted.status_code == 204

    session.expire_all()
    for model in (Task, Conversation, Message, ToolCall, Attachment, AuthSession):
        assert session.exec(select(model).where(model.user_id == alice.id)).all() == [], model
    assert session.get(User, alice.id) is None
    assert not files.exists()
    assert client.get("/api/auth/me", headers=alice.headers).status_code == 401
    assert client.post("/api/auth/login", json={"email": alice.email, "password": alice.password}).status_code == 401
    # Bob is untouched.
    assert client.get(f"/api/{bob.id}/tasks", headers=bob.headers).json()["total"] == 1


def test_token_answers_are_not_cached(client, alice):
    answers = [
        client.post("/api/auth/signup", json={"email": "cache@example.com", "password": "long-enough"}),
        client.post("/api/auth/login", json={"email": alice.email, "password": alice.password}),
        refresh(client, alice.refresh_token),
        client.post("/api/chatkit/session", headers=bearer(
            client.post("/api/auth/login", json={"email": alice.email, "password": alice.password})
            .json()["access_token"])),
    ]
    for answer in answers:
        assert answer.status_code in (200, 201), answer.text
        assert answer.headers["cache-control"] == "no-store" and answer.headers["pragma"] == "no-cache"


def test_reflex_login_flow_uses_the_same_revocable_sessions(data_dir):
    """The Reflex page issues its tokens through services.tokens too: logout there revokes."""
    import asyncio

    from todo_chat.core.security import InvalidToken
    from todo_chat.services import accounts, tokens

    async def flow():
        user = await accounts.register("ui@example.com", "long-enough-1")
        issued = await tokens.start_session(user)
        assert (await tokens.user_from_token(issued.access_token))[0].id == user.id
        renewed = await tokens.refresh(issued.refresh_token)
        await tokens.end_session_of(renewed.access_token)
        for token, kinds in ((renewed.access_token, ("access",)), (renewed.refresh_token, ("refresh",))):
            try:
                await tokens.user_from_token(token, kinds)
            except InvalidToken:
                continue
            raise AssertionError("a token outlived its session")

    asyncio.run(flow())
