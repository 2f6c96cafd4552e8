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


def test_a_burst_that_raced_past_a_full_minute_is_refused_once_counted(client, alice, session, monkeypatch):
    """The minute is checked before the session is read and counted after: a request that passed
    the check while others filled the minute is refused when counted (429), its message kept as an
    unanswered one (retryable), and no model runs for it."""
    from sqlmodel import select

    from todo_chat.agent import units
    from todo_chat.models import ItemRole, Message

    async def passed(_user_id: int) -> None:  # as if the check ran before another request counted
        return None

    monkeypatch.setenv("CHAT_TURNS_PER_MINUTE", "1")
    config.get_settings.cache_clear()
    monkeypatch.setattr(units, "check_chat_turn_open_of", passed)
    try:
        assert client.post(f"/api/{alice.id}/chat", json={"message": "hi"}, headers=alice.headers).status_code == 200
        raced = client.post(f"/api/{alice.id}/chat", json={"message": "and again"}, headers=alice.headers)
        assert raced.status_code == 429 and int(raced.headers["retry-after"]) >= 1
        kept = session.exec(select(Message).where(Message.content == "and again")).all()
        assert [m.role for m in kept] == [ItemRole.user]
        answers = session.exec(select(Message).where(Message.role == ItemRole.assistant)).all()
        assert len(answers) == 1  # only the first turn's
    finally:
        monkeypatch.delenv("CHAT_TURNS_PER_MINUTE")
        config.get_settings.cache_clear()
