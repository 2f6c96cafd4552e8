"""Rate limiting of chat turns, and client error reports."""

import logging

from chatkit.types import ThreadListParams, ThreadsListReq

from todo_chat.core import config


def test_chat_turns_beyond_the_limit_get_429_with_retry_after(client, alice, monkeypatch):
    monkeypatch.setenv("CHAT_TURNS_PER_MINUTE", "2")
    config.get_settings.cache_clear()
    try:
        for _ in range(2):
            response = client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=alice.headers)
            assert response.status_code == 200
        limited = client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=alice.headers)
        assert limited.status_code == 429
        assert "too fast" in limited.json()["detail"] and int(limited.headers["retry-after"]) >= 1
        # Reading is not a turn: the ChatKit thread list still answers.
        listed = client.post("/api/chatkit", content=ThreadsListReq(params=ThreadListParams()).model_dump_json(),
                             headers=alice.headers)
        assert listed.status_code == 200
    finally:
        monkeypatch.delenv("CHAT_TURNS_PER_MINUTE")
        config.get_settings.cache_clear()


def test_client_errors_are_logged(client, caplog):
    with caplog.at_level(logging.ERROR, logger="todo_chat.client"):
        response = client.post("/api/errors", json={"message": "ChatKit exploded", "stack": "at x",
                                                    "url": "http://localhost:3000/chat"})
    assert response.status_code == 202
    assert "ChatKit exploded" in caplog.text and "/chat" in caplog.text
    assert client.post("/api/errors", json={"message": "x" * 3000}).status_code == 422


def test_a_revoked_token_is_refused_before_it_counts_against_the_chat_limit(client, alice, monkeypatch):
    """A token whose session ended (logout) but which has not expired yet: every chat request with
    it is a 401, and none of them uses the user's chat turns; a new login still has them all."""
    monkeypatch.setenv("CHAT_TURNS_PER_MINUTE", "2")
    config.get_settings.cache_clear()
    try:
        assert client.post("/api/auth/logout", headers=alice.headers).status_code == 204
        for _ in range(4):
            refused = client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=alice.headers)
            assert refused.status_code == 401, refused.text
        again = client.post("/api/auth/login", json={"email": alice.email, "password": alice.password}).json()
        headers = {"Authorization": f"Bearer {again['access_token']}"}
        for _ in range(2):
            assert client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=headers).status_code == 200
        assert client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=headers).status_code == 429
    finally:
        monkeypatch.delenv("CHAT_TURNS_PER_MINUTE")
        config.get_settings.cache_clear()
