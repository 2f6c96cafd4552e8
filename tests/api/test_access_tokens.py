"""Personal access tokens over REST: made, named, scoped, shown once, stored hashed, revoked."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlmodel import select

from todo_chat.core.db import run_db
from todo_chat.core.time import utcnow
from todo_chat.models import AccessToken, TokenScope, User
from todo_chat.services import access_tokens


def make(client, account, **body):
    return client.post("/api/tokens", json={"name": "Claude Desktop", **body}, headers=account.headers)


def test_a_token_is_shown_once_and_only_its_hash_is_kept(client, alice, session):
    made = make(client, alice, scope="write")
    assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
    body = made.json()
    assert body["token"].startswith("tc_pat_") and len(body["token"]) > 40
    assert (body["name"], body["scope"], body["hint"]) == ("Claude Desktop", "write", body["token"][:11])
    listed = client.get("/api/tokens", headers=alice.headers).json()
    assert [t["id"] for t in listed] == [body["id"]] and "token" not in listed[0]
    row = session.exec(select(AccessToken)).one()
    assert row.token_hash == hashlib.sha256(body["token"].encode()).hexdigest()
    assert body["token"] not in str(row.model_dump())


def test_scope_defaults_to_read_and_names_are_checked(client, alice):
    assert make(client, alice).json()["scope"] == "read"
    assert make(client, alice, name="  two   words ").json()["name"] == "two words"
    for bad in ({"name": "   "}, {"name": "x" * 81}, {"scope": "admin"}, {"expires_in_days": 0}):
        answer = make(client, alice, **bad)
        assert answer.status_code == 422 and answer.json()["detail"], bad


def test_each_user_sees_and_revokes_only_their_own(client, alice, bob):
    mine = make(client, alice).json()
    assert client.get("/api/tokens", headers=bob.headers).json() == []
    assert client.delete(f"/api/tokens/{mine['id']}", headers=bob.headers).status_code == 404
    assert client.delete(f"/api/tokens/{mine['id']}", headers=alice.headers).status_code == 204
    assert client.get("/api/tokens", headers=alice.headers).json() == []
    assert client.delete(f"/api/tokens/{mine['id']}", headers=alice.headers).status_code == 404
    assert client.get("/api/tokens").status_code == 401
    assert client.delete("/api/tokens/99999999999", headers=alice.headers).status_code == 422


async def test_who_a_token_acts_for_until_it_expires_or_is_revoked(client, alice, session):
    made = make(client, alice, scope="write", expires_in_days=30).json()
    principal = await access_tokens.verify(made["token"])
    assert principal is not None and principal.user.id == alice.id and principal.scope == TokenScope.write
    assert client.get("/api/tokens", headers=alice.headers).json()[0]["last_used_at"] is not None
    assert await access_tokens.verify(made["token"] + "x") is None
    assert await access_tokens.verify(made["token"].removeprefix("tc_pat_")) is None

    def expire(s):
        s.get(AccessToken, made["id"]).expires_at = utcnow() - timedelta(seconds=1)
    await run_db(expire)
    assert await access_tokens.verify(made["token"]) is None


async def test_a_login_token_is_no_mcp_token_and_a_turn_token_names_its_turn(client, alice):
    assert await access_tokens.verify(alice.token) is None
    user = await run_db(lambda s: s.get(User, alice.id))
    principal = await access_tokens.verify(access_tokens.turn_token(user, 7, 8))
    assert principal is not None and (principal.conversation_id, principal.message_id) == (7, 8)
    assert principal.token_id is None  # not counted against the MCP limit: the turn was admitted


def test_a_user_has_at_most_fifty_tokens(client, alice, monkeypatch):
    monkeypatch.setattr(access_tokens, "TOKENS_MAX", 2)
    assert [make(client, alice).status_code for _ in range(3)] == [201, 201, 409]


def test_the_mcp_endpoint_serves_each_time_the_app_starts(data_dir):
    """The SDK's session manager runs once per instance: a second start gets a fresh one."""
    from fastapi.testclient import TestClient

    from todo_chat.api.app import create_app

    app = create_app()
    for _ in range(2):
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            answer = client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                                 headers={"Accept": "application/json, text/event-stream"})
            assert answer.status_code == 401 and answer.json()["error"] == "invalid_token"
