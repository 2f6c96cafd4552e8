"""Edit-and-resend, regenerate, feedback and offered choices, through the path the native chat
takes (`ui.state.turn_open.open_for` -> the one turn runner) against the fake model server."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from tests import fake_openai as fake_server
from tests.fake_openai import text, tool_call
from todo_chat.agent.stop import stopped_reply
from todo_chat.agent.turn import TurnDone, run_turn
from todo_chat.core.db import run_db
from todo_chat.models import ItemRole, Message, Task, ToolCall, User
from todo_chat.services import conversations, turn_edits
from todo_chat.services.errors import Invalid, NotFound
from todo_chat.ui.state.choices import last_choices, offered
from todo_chat.ui.state.turn_open import open_for

fake_openai = fake_server.fake_openai  # the fixture, visible to this module


@pytest.fixture
def model(request) -> fake_server.FakeOpenAI:
    return request.getfixturevalue("fake_openai")


@pytest.fixture
def user(session) -> User:
    user = User(email="edits@example.com", password_hash="x")
    session.add(user)
    session.commit()
    return user


async def turn(user: User, mode, text_: str | None, conversation_id: int | None) -> TurnDone:
    opened = await open_for(user, mode, text_, conversation_id)
    events = [event async for event in run_turn(user, opened)]
    assert isinstance(events[-1], TurnDone), events[-1]
    return events[-1]


def items(session, conversation_id: int) -> list[tuple[str, str]]:
    session.expire_all()
    rows = session.exec(select(Message).where(Message.conversation_id == conversation_id)
                        .order_by(col(Message.id))).all()
    return [(m.role.value, m.content) for m in rows]


def tasks_of(session, user: User) -> list[str]:
    session.expire_all()
    return [t.title for t in session.exec(select(Task).where(Task.user_id == user.id)).all()]


async def test_regenerate_replaces_the_answer_and_never_repeats_a_change(session, user, model):
    model.script(tool_call("add_task", {"title": "Buy milk"}, call_id="call_a"), text("Added Buy milk."))
    first = await turn(user, "send", "add buy milk", None)
    cid = first.conversation_id
    assert tasks_of(session, user) == ["Buy milk"]

    # The model sees the finished call replayed, and even if it asks for it again, nothing repeats.
    model.script(tool_call("add_task", {"title": "Buy milk"}, call_id="call_b"), text("Done: Buy milk."))
    again = await turn(user, "regenerate", None, cid)
    replayed = model.messages(2)
    saved_id = first.tool_calls[0].call_id  # replayed under our own id for the call, as saved
    assert any(m.get("tool_calls") and m["tool_calls"][0]["id"] == saved_id for m in replayed)
    assert tasks_of(session, user) == ["Buy milk"]
    assert again.response == "Done: Buy milk."
    assert items(session, cid) == [("user", "add buy milk"), ("task", "add_task: success"),
                                   ("assistant", "Done: Buy milk.")]


async def test_edit_and_resend_replaces_the_last_message_and_what_followed(session, user, model):
    model.script(text("Hi!"), tool_call("add_task", {"title": "Call mum"}), text("Added Call mum."))
    first = await turn(user, "send", "hello", None)
    cid = first.conversation_id
    await turn(user, "send", "add call mum", cid)
    model.script(text("Added Call dad."))
    await turn(user, "edit", "add call dad", cid)
    assert items(session, cid) == [("user", "hello"), ("assistant", "Hi!"), ("user", "add call dad"),
                                   ("assistant", "Added Call dad.")]
    session.expire_all()
    assert session.exec(select(ToolCall).where(ToolCall.conversation_id == cid)).all() == []
    assert model.messages()[-1]["content"] == "add call dad"  # the history holds the edit only
    assert [m["content"] for m in model.messages() if m["role"] == "user"] == ["hello", "add call dad"]


async def test_nothing_to_edit_in_an_empty_conversation(session, user):
    conversation = await run_db(conversations.create_conversation, user)
    with pytest.raises(Invalid):
        await run_db(turn_edits.rewind, user, conversation.id, True)


async def test_feedback_is_stored_where_chatkit_puts_it(session, user, model):
    model.script(text("Sure."))
    done = await turn(user, "send", "hi", None)
    answer = session.get(Message, done.message_id)
    await run_db(turn_edits.give_feedback, user, done.conversation_id, answer.item_id, "negative")
    session.expire_all()
    assert session.get(Message, done.message_id).feedback == "negative"
    with pytest.raises(NotFound):
        await run_db(turn_edits.give_feedback, user, done.conversation_id, "msg_not_there", "positive")


def test_offered_choices_are_read_from_the_call_and_ignored_when_malformed():
    arguments = {"question": "Delete which?", "choices": [{"label": "Both", "message": "delete both"},
                                                          {"label": "", "message": "x"}]}
    question, choices = offered("offer_choices", arguments)
    assert question == "Delete which?" and [(c.label, c.message) for c in choices] == [("Both", "delete both")]
    assert offered("add_task", arguments) is None
    assert offered("offer_choices", {"question": "?", "choices": "yes"}) is None


def test_choices_show_only_while_their_answer_ends_the_conversation():
    asked = Message(id=1, user_id=1, conversation_id=1, item_id="a", role=ItemRole.user, content="clear")
    answer = Message(id=3, user_id=1, conversation_id=1, item_id="b", role=ItemRole.assistant, content="Sure?")
    call = ToolCall(user_id=1, conversation_id=1, message_id=1, call_id="c", name="offer_choices",
                    arguments={"question": "Sure?", "choices": [{"label": "Yes", "message": "yes"}]})
    assert last_choices([asked, answer], [call])[0] == "Sure?"
    later = Message(id=4, user_id=1, conversation_id=1, item_id="d", role=ItemRole.user, content="yes")
    assert last_choices([asked, answer, later], [call]) == ("", [])


def test_a_stopped_answer_keeps_exactly_what_was_shown():
    assert stopped_reply("Here are your") == "Here are your …(stopped)"
    assert stopped_reply("") == "…(stopped)"
