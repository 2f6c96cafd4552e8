"""A message sent from the page opens its turn in one unit of work (issue 19: the page's path):
the session checked, the message saved and the native `message_sent` event recorded with one
commit, under the same rules as the separate steps were."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event
from sqlmodel import select

from todo_chat.core import db
from todo_chat.core.security import InvalidToken
from todo_chat.models import AnalyticsEvent, EventKind, EventSource, Message, User
from todo_chat.services import accounts, tokens
from todo_chat.services.errors import Invalid
from todo_chat.ui.state.turn_open import open_sent_turn


def _user(email: str, analytics: bool = True) -> tuple[User, str]:
    with db.session_scope() as session:
        user = accounts.create_user(session, email, "hash")
        user.analytics_enabled = analytics
        session.add(user)
    return user, asyncio.run(tokens.start_session(user)).access_token


def _saved(user: User) -> tuple[list[str], list[tuple[EventKind, EventSource, int]]]:
    with db.session_scope() as session:
        texts = [m.content for m in session.exec(select(Message).where(Message.user_id == user.id))]
        events = [(e.kind, e.source, e.data.get("length")) for e in session.exec(
            select(AnalyticsEvent).where(AnalyticsEvent.user_id == user.id))]
    return texts, events


def test_a_new_message_is_saved_with_its_event_in_one_commit(data_dir):
    user, token = _user("page@example.com")
    commits: list[object] = []
    count = commits.append
    event.listen(db.get_engine(), "commit", count)
    try:
        opened, turn = asyncio.run(open_sent_turn(token, " Add a task to buy milk ", None, []))
    finally:
        event.remove(db.get_engine(), "commit", count)
    assert opened.id == user.id and turn.message.content == "Add a task to buy milk"
    assert len(commits) == 1  # the session check, the message and the event: one transaction
    assert _saved(user) == (["Add a task to buy milk"],
                            [(EventKind.message_sent, EventSource.native, len(" Add a task to buy milk "))])


def test_an_ended_session_or_a_bad_message_saves_nothing(data_dir):
    user, token = _user("ended@example.com")
    with pytest.raises(Invalid):
        asyncio.run(open_sent_turn(token, "   ", None, []))
    asyncio.run(tokens.end_session_of(token))
    with pytest.raises(InvalidToken):
        asyncio.run(open_sent_turn(token, "Add a task", None, []))
    with pytest.raises(InvalidToken):
        asyncio.run(open_sent_turn("not-a-token", "Add a task", None, []))
    assert _saved(user) == ([], [])


def test_the_event_follows_the_users_analytics_choice_and_limit(data_dir, monkeypatch):
    from todo_chat.core import config

    quiet, quiet_token = _user("quiet@example.com", analytics=False)
    asyncio.run(open_sent_turn(quiet_token, "Add a task to buy eggs", None, []))
    assert _saved(quiet) == (["Add a task to buy eggs"], [])  # analytics off: the message only

    monkeypatch.setenv("ANALYTICS_EVENTS_PER_USER", "1/minute")
    config.get_settings.cache_clear()
    user, token = _user("limited@example.com")

    async def two():
        await open_sent_turn(token, "first", None, [])
        await open_sent_turn(token, "second", None, [])

    asyncio.run(two())
    texts, events = _saved(user)
    assert texts == ["first", "second"]  # the limit never stops the chat
    assert events == [(EventKind.message_sent, EventSource.native, 5)]  # the second was over the limit
