"""Ids are never reused, the 0003 migration keeps every row, and the SQLite files are private."""

from __future__ import annotations

import os
import stat

from sqlalchemy import text
from sqlmodel import Session

from tests.conftest import use_data_dir
from todo_chat.core import db, security
from todo_chat.models import Conversation, Message, Task, User
from todo_chat.models.conversation import ItemRole


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_ids_of_deleted_newest_rows_are_never_handed_out_again(session):
    user = User(email="ids@example.com", password_hash="x")
    session.add(user)
    session.commit()
    rows = []
    for model, extra in ((Task, {"title": "t"}), (Conversation, {"thread_id": "thr_a"})):
        first, newest = model(user_id=user.id, **extra), model(user_id=user.id, **{
            k: v + "2" for k, v in extra.items()})
        session.add_all([first, newest])
        session.commit()
        gone = newest.id
        session.delete(newest)
        session.commit()
        again = model(user_id=user.id, **{k: v + "3" for k, v in extra.items()})
        session.add(again)
        session.commit()
        assert again.id > gone, model
        rows.append(again)
    conversation = rows[1]
    message = Message(user_id=user.id, conversation_id=conversation.id, item_id="m1", role=ItemRole.user)
    session.add(message)
    session.commit()
    gone = message.id
    session.delete(message)
    session.commit()
    again = Message(user_id=user.id, conversation_id=conversation.id, item_id="m2", role=ItemRole.user)
    session.add(again)
    session.commit()
    assert again.id > gone


def test_migration_0003_keeps_rows_ids_and_references(tmp_path):
    from alembic.config import Config

    from alembic import command

    use_data_dir(tmp_path)
    cfg = Config(str(db.PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(db.PROJECT_ROOT / "alembic"))
    with db.migration_connection() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0002")
    with db.get_engine().begin() as c:
        c.execute(text("INSERT INTO user (id, email, name, password_hash, created_at) "
                       "VALUES (7, 'old@example.com', 'old', 'x', '2026-01-01')"))
        c.execute(text("INSERT INTO conversation (id, user_id, thread_id, title, created_at, updated_at) "
                       "VALUES (3, 7, 'thr_old', 't', '2026-01-01', '2026-01-01')"))
        c.execute(text("INSERT INTO message (id, user_id, conversation_id, item_id, role, content, created_at) "
                       "VALUES (11, 7, 3, 'msg_old', 'user', 'task #118', '2026-01-01')"))
        c.execute(text("INSERT INTO toolcall (id, user_id, conversation_id, message_id, call_id, name, arguments, "
                       "result, status, created_at, updated_at) VALUES (5, 7, 3, 11, 'c', 'add_task', '{}', '', "
                       "'success', '2026-01-01', '2026-01-01')"))
        for task_id in (117, 118):
            c.execute(text("INSERT INTO task (id, user_id, title, description, completed, tags, created_at, "
                           f"updated_at) VALUES ({task_id}, 7, 't', '', 0, '[]', '2026-01-01', '2026-01-01')"))
    db.migrate()
    with db.get_engine().begin() as c:
        assert c.execute(text("SELECT id FROM task ORDER BY id")).scalars().all() == [117, 118]
        assert c.execute(text("SELECT content FROM message WHERE id = 11")).scalar() == "task #118"
        assert c.execute(text("SELECT message_id FROM toolcall WHERE id = 5")).scalar() == 11
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        for table in ("user", "conversation", "task", "message", "toolcall"):
            sql = c.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar()
            assert "AUTOINCREMENT" in sql, table
        c.execute(text("DELETE FROM task WHERE id = 118"))
        c.execute(text("INSERT INTO task (user_id, title, description, completed, tags, created_at, updated_at) "
                       "VALUES (7, 'new', '', 0, '[]', '2026-01-01', '2026-01-01')"))
        assert c.execute(text("SELECT max(id) FROM task")).scalar() == 119
    db.reset_engine()


def test_sqlite_files_and_data_dir_are_private(tmp_path):
    data = tmp_path / "data"
    use_data_dir(data)
    db.migrate()
    with Session(db.get_engine()) as s:
        s.add(User(email="p@example.com", password_hash="x"))
        s.commit()
        for name in ("todo_chat.db", "todo_chat.db-wal", "todo_chat.db-shm"):
            assert mode(data / name) == 0o600, name
    assert mode(data) == 0o700
    security.auth_secret.cache_clear()
    db.reset_engine()


def test_files_left_world_readable_by_an_older_version_are_tightened(tmp_path):
    data = tmp_path / "old"
    data.mkdir(mode=0o755)
    (data / "todo_chat.db").touch(mode=0o644)
    os.chmod(data / "todo_chat.db", 0o644)
    os.chmod(data, 0o755)
    use_data_dir(data)
    db.get_engine()
    assert mode(data / "todo_chat.db") == 0o600 and mode(data) == 0o700
    db.reset_engine()


def test_attachment_files_are_private(client, data_dir):
    from tests.conftest import Account

    alice = Account(client, "files@example.com")
    created = client.post("/api/chatkit", headers=alice.headers, json={
        "type": "attachments.create", "params": {"name": "a.txt", "size": 2, "mime_type": "text/plain"}}).json()
    upload = created["upload_descriptor"]
    assert client.put(upload["url"], content=b"hi", headers=upload["headers"]).status_code == 204
    folder = data_dir / "attachments" / str(alice.id)
    assert mode(folder) == 0o700 and mode(data_dir / "attachments") == 0o700
    assert mode(folder / created["id"]) == 0o600
