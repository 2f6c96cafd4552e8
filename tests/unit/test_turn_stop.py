"""The one cancel policy (agent.stop) through the runner every door uses: closed before its end,
a turn saves what was shown, marked stopped, and no tool runs after the stop."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from sqlmodel import col, select

from tests import fake_openai as fake_server
from tests.fake_openai import text, tool_call
from todo_chat.agent.stop import STOPPED_MARK, ReplyStatus, TurnStop, is_stopped
from todo_chat.agent.turn import TextDelta, TurnStarted, begin_turn, run_turn
from todo_chat.models import ItemRole, Message, Task, User

fake_openai = fake_server.fake_openai  # the fixture, visible to this module


@pytest.fixture
def user(session) -> User:
    user = User(email="stop@example.com", password_hash="x")
    session.add(user)
    session.commit()
    return user


def slow(reply: fake_server.Reply) -> fake_server.Reply:
    return dataclasses.replace(reply, pace_s=0.05)


def replies(session, conversation_id: int) -> list[Message]:
    session.expire_all()
    return list(session.exec(select(Message).where(Message.conversation_id == conversation_id,
                                                   Message.role == ItemRole.assistant)
                             .order_by(col(Message.id))).all())


async def stop_after_first_delta(user: User, message: str, stop: TurnStop | None = None):
    turn = await begin_turn(user, message)
    events = run_turn(user, turn, stop=stop)
    started = None
    async for event in events:
        started = event if isinstance(event, TurnStarted) else started
        if isinstance(event, TextDelta):
            break
    await events.aclose()
    return turn, started


async def test_a_stopped_turn_saves_what_was_shown_marked_stopped(session, user, fake_openai):
    fake_openai.script(slow(text("Here is a long answer that goes on and on", pieces=8)))
    stop = TurnStop()
    turn, started = await stop_after_first_delta(user, "tell me a story", stop)
    [saved] = replies(session, turn.conversation.id)
    assert saved.content.endswith(STOPPED_MARK) and saved.content.startswith("Here")
    assert "on and on" not in saved.content  # only what was shown
    assert is_stopped(saved) and saved.payload == {"status": ReplyStatus.stopped}
    assert saved.item_id == started.reply_item_id and stop.saved is not None and stop.saved.id == saved.id


async def test_the_door_says_what_it_showed(session, user, fake_openai):
    """The native view drops a buffer it never showed: the runner saves what the door says."""
    fake_openai.script(slow(text("Shown part, then more", pieces=4)))
    stop = TurnStop(shown="Shown")
    turn, _ = await stop_after_first_delta(user, "hi", stop)
    [saved] = replies(session, turn.conversation.id)
    assert saved.content == f"Shown {STOPPED_MARK}"


async def test_no_tool_runs_after_the_stop(session, user, fake_openai):
    fake_openai.script(slow(tool_call("add_task", {"title": "Never added"}, content="On it, adding now. ")),
                       text("Added."))
    turn, _ = await stop_after_first_delta(user, "add never added")
    await asyncio.sleep(1.0)  # the rest of the stream would have arrived and the tool run by now
    session.expire_all()
    assert session.exec(select(Task)).all() == []
    [saved] = replies(session, turn.conversation.id)
    assert is_stopped(saved)


async def test_a_turn_read_to_its_end_is_not_stopped(session, user, fake_openai):
    fake_openai.script(text("All of it."))
    turn = await begin_turn(user, "hi")
    events = [event async for event in run_turn(user, turn)]
    assert events[-1].type == "done"
    [saved] = replies(session, turn.conversation.id)
    assert saved.content == "All of it." and not is_stopped(saved)
