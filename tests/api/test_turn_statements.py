"""What the database does for a chat turn: few statements, and the same answers as before."""

from __future__ import annotations

from sqlalchemy import event

from todo_chat.core import db
from todo_chat.models import ItemRole
from todo_chat.services import accounts, conversations


def _counted(work):
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2].split()[0])  # noqa: E731
    event.listen(db.get_engine(), "before_cursor_execute", listener)
    try:
        with db.session_scope() as session:
            result = work(session)
    finally:
        event.remove(db.get_engine(), "before_cursor_execute", listener)
    return result, statements


def test_a_message_in_a_conversation_is_saved_with_one_read_of_its_history(data_dir):
    with db.session_scope() as session:
        user = accounts.create_user(session, "turns@example.com", "hash")
        first = conversations.open_turn(session, user, "Add milk")
        conversations.add_message(session, user, first.conversation, ItemRole.assistant, "Added milk.")
    turn, statements = _counted(lambda s: conversations.open_turn(s, user, "And eggs", first.conversation.id))
    # The conversation (checked, read and moved up by one UPDATE ... RETURNING), its latest text
    # items (history and "is the last one unanswered?" at once) with the choices the last answer
    # offered (the dialogue state, agent.choices) in the same read, the message. No read of tool
    # calls for a message saved just now.
    assert statements == ["UPDATE", "SELECT", "INSERT"]
    assert turn.history == [{"role": "user", "content": "Add milk"}, {"role": "assistant", "content": "Added milk."}]
    assert turn.finished_calls == [] and turn.message.content == "And eggs"


def test_the_statement_that_reads_the_conversation_checks_it_dates_it_and_titles_it(data_dir):
    from datetime import timedelta

    import pytest

    from todo_chat.core.time import utcnow
    from todo_chat.models import Conversation
    from todo_chat.services.errors import NotFound

    with db.session_scope() as session:
        user = accounts.create_user(session, "claim@example.com", "hash")
        other = accounts.create_user(session, "claim-other@example.com", "hash")
        untitled = conversations.create_conversation(session, user, created_at=utcnow() - timedelta(days=1))
        untitled.updated_at = utcnow() - timedelta(days=1)
        session.add(untitled)
    with pytest.raises(NotFound), db.session_scope() as session:  # another user's: as if missing
        conversations.open_turn(session, other, "Not yours", untitled.id)
    turn, statements = _counted(lambda s: conversations.open_turn(s, user, "Plan the trip\nsoon", untitled.id))
    assert statements == ["UPDATE", "SELECT", "INSERT"]
    with db.session_scope() as session:
        saved = session.get(Conversation, untitled.id)
        assert saved is not None and saved.title == turn.conversation.title == "Plan the trip"
        assert saved.updated_at == turn.conversation.updated_at > utcnow() - timedelta(minutes=1)
    _, statements = _counted(lambda s: conversations.open_turn(s, user, "And book it", untitled.id))
    with db.session_scope() as session:
        assert session.get(Conversation, untitled.id).title == "Plan the trip"  # titled once


def test_the_history_is_read_as_plain_rows(data_dir):
    # Up to HISTORY_LIMIT + 1 items and their asking calls a turn: as three columns each, never
    # as loaded ORM objects (building those was most of opening a turn).
    from todo_chat.models import Message, ToolCall, ToolCallStatus

    with db.session_scope() as session:
        user = accounts.create_user(session, "plain@example.com", "hash")
        first = conversations.open_turn(session, user, "Add milk")
        conversations.record_tool_call(session, user, first.conversation.id, first.message.id, "call_1",
                                       "add_task", {"title": "Milk"}, ToolCallStatus.success, '{"task_id": 1}')
        conversations.add_message(session, user, first.conversation, ItemRole.assistant, "Added milk.")
    with db.session_scope() as session:
        turn = conversations.open_turn(session, user, "And eggs", first.conversation.id)
        loaded = [row for row in session.identity_map.values() if isinstance(row, Message | ToolCall)]
    assert loaded == []
    assert turn.history[-3:] == [
        {"type": "function_call", "call_id": "call_1", "name": "add_task", "arguments": '{"title": "Milk"}'},
        {"type": "function_call_output", "call_id": "call_1", "output": '{"task_id": 1}'},
        {"role": "assistant", "content": "Added milk."}]


def test_the_unanswered_message_is_run_again_with_the_history_before_it(data_dir):
    with db.session_scope() as session:
        user = accounts.create_user(session, "retry@example.com", "hash")
        first = conversations.open_turn(session, user, "Add milk")
        conversations.add_message(session, user, first.conversation, ItemRole.assistant, "Added milk.")
        failed = conversations.open_turn(session, user, "And eggs", first.conversation.id)
    again, statements = _counted(lambda s: conversations.open_turn(s, user, None, first.conversation.id, retry=True))
    assert again.message.id == failed.message.id  # not saved twice
    assert [h["content"] for h in again.history] == ["Add milk", "Added milk."]
    # + the message itself (the history's rows are three columns, not whole messages) and the calls
    # its earlier try finished (the choices come with the history)
    assert statements == ["SELECT", "SELECT", "SELECT", "SELECT"]
    same, _ = _counted(lambda s: conversations.open_turn(s, user, "And eggs", first.conversation.id))
    assert same.message.id == failed.message.id  # the very text still unanswered: the same message


def test_the_choices_the_last_answer_offered_come_with_the_history_in_one_read(data_dir):
    from todo_chat.models import ToolCallStatus

    with db.session_scope() as session:
        user = accounts.create_user(session, "choices@example.com", "hash")
        other = accounts.create_user(session, "other@example.com", "hash")
        first = conversations.open_turn(session, user, "Delete the milk task")
        asked = first.message
        conversations.record_tool_call(session, user, first.conversation.id, asked.id, "call_1", "offer_choices",
                                       {"choices": ["Buy milk", "Milk the cow"]}, ToolCallStatus.success,
                                       '{"offered": 2}')
        conversations.record_tool_call(session, user, first.conversation.id, asked.id, "call_2", "list_tasks",
                                       {}, ToolCallStatus.success, '{"count": 0}')
        conversations.add_message(session, user, first.conversation, ItemRole.assistant, "Which one?")
        conversations.open_turn(session, other, "Hello")  # another user's rows never join in
    turn, statements = _counted(lambda s: conversations.open_turn(s, user, "The first", first.conversation.id))
    assert statements == ["UPDATE", "SELECT", "INSERT"]
    assert turn.history == [
        {"role": "user", "content": "Delete the milk task"},
        {"type": "function_call", "call_id": "call_1", "name": "offer_choices",
         "arguments": '{"choices": ["Buy milk", "Milk the cow"]}'},
        {"type": "function_call_output", "call_id": "call_1", "output": '{"offered": 2}'},
        {"role": "assistant", "content": "Which one?"}]


def test_a_one_tool_chat_turn_is_three_units_of_work(client, alice, monkeypatch):
    # Authenticate + save the message, the tool call with its record, the answer + the turn's
    # events: one worker-thread hand-off and one commit each (was five: the session check and
    # the events had units of their own).
    units: list[str] = []
    real = db._in_session

    def counted(work, *args, **kwargs):
        units.append(getattr(work, "__name__", repr(work)))
        return real(work, *args, **kwargs)

    monkeypatch.setattr(db, "_in_session", counted)
    body: dict = {"message": "Add a task to buy milk"}
    for _ in range(2):  # a new conversation, then a message in it
        answer = client.post(f"/api/{alice.id}/chat", json=body, headers=alice.headers)
        assert answer.status_code == 200, answer.text
        assert units == ["_open_as", "perform", "save_answer"], units
        units.clear()
        body["conversation_id"] = answer.json()["conversation_id"]


def test_a_turn_on_an_ended_session_is_refused_and_saves_nothing(client, alice, session):
    from sqlmodel import select

    from todo_chat.models import Message

    assert client.post("/api/auth/logout", headers=alice.headers).status_code == 204
    refused = client.post(f"/api/{alice.id}/chat", json={"message": "Add a task to buy milk"}, headers=alice.headers)
    assert refused.status_code == 401 and refused.json() == {"detail": "Session has ended: log in again"}
    assert session.exec(select(Message).where(Message.user_id == alice.id)).all() == []


def test_a_one_tool_turn_writes_each_row_with_one_plain_statement(client, alice, monkeypatch):
    # Plain INSERTs (no ORM unit of work), no bump of the conversation by the tool's own record,
    # the journal pruned with one DELETE, the turn's analytics events in one INSERT of many rows.
    units: list[list[str]] = []
    real = db._in_session

    def counted(work, *args, **kwargs):
        units.append([])
        return real(work, *args, **kwargs)

    def statement(*args):
        if units:
            units[-1].append(" ".join(args[2].split()[:3]))

    monkeypatch.setattr(db, "_in_session", counted)
    event.listen(db.get_engine(), "before_cursor_execute", statement)
    try:
        new = client.post(f"/api/{alice.id}/chat", json={"message": "Add a task to buy milk"}, headers=alice.headers)
        assert new.status_code == 200, new.text
        opened, tool, answer = units
        assert opened == ["SELECT auth_session.user_id, auth_session.revoked_at,", "INSERT INTO conversation",
                          "INSERT INTO message"]  # a new conversation is dated already: no bump
        assert tool == ["INSERT INTO task", "INSERT INTO journal_entry", "DELETE FROM journal_entry",
                        "INSERT INTO toolcall", "INSERT INTO message"]
        # The answer does not bump the conversation: the turn's opening dated it moments before.
        assert answer == ["INSERT INTO analytics_event", "INSERT INTO message"]
        units.clear()
        body = {"message": "Add a task to buy eggs", "conversation_id": new.json()["conversation_id"]}
        assert client.post(f"/api/{alice.id}/chat", json=body, headers=alice.headers).status_code == 200
        assert [len(unit) for unit in units] == [4, 5, 2]  # + the conversation (read and bumped), its history
    finally:
        event.remove(db.get_engine(), "before_cursor_execute", statement)


def test_a_new_task_is_one_plain_insert_not_an_orm_flush(data_dir):
    # A tool call's add: no ORM unit of work for one new row (its flush cost more than the INSERT),
    # yet the session knows the task as saved, as if it had read it.
    from todo_chat.models import Task
    from todo_chat.services import tasks
    from todo_chat.services.tasks import TaskCreate

    with db.session_scope() as session:
        user = accounts.create_user(session, "newtask@example.com", "hash")

    def create(session):
        flushes: list[str] = []
        event.listen(session, "before_flush", lambda *args: flushes.append("flush"))
        task = tasks.create_task(session, user, TaskCreate(title="Buy milk", tags=["shop"]))
        assert flushes == []  # the INSERT was no flush
        assert session.get(Task, task.id) is task and task not in session.new and task not in session.dirty
        task.title = "Buy oat milk"  # changed in the same unit of work: flushed at its commit
        return task, flushes

    (task, flushes), statements = _counted(create)
    assert flushes == ["flush"]  # the commit's, for the change
    assert statements == ["INSERT", "UPDATE"]
    with db.session_scope() as session:
        saved = session.get(Task, task.id)
        assert saved is not None and saved.model_dump() == task.model_dump()  # defaults as built
        assert saved.title == "Buy oat milk" and saved.tags == ["shop"] and saved.completed is False


def test_the_history_read_is_sent_as_compiled_with_no_sql_rewritten_per_execution(data_dir):
    # An IN list is an "expanding" parameter: its SQL is rewritten at every execution. The
    # fixed lists of the history read (the text roles, the asking tools) are equalities instead.
    from todo_chat.services import dialogue

    compiled = dialogue._recent_with_choices().compile(db.get_engine())
    assert not compiled.post_compile_params and not compiled.literal_execute_params
