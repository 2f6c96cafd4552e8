"""The offline model (no API key, the default) over the JSON door: "undo" and "put it back"
revert the last turn and undoing again redoes; "delete all completed tasks" asks with numbered
choices and deletes nothing before the answer; cancel deletes nothing."""

from __future__ import annotations

from tests.api.test_chat import tasks_in_db
from tests.api.test_model_server import chat_ok


def seed(client, alice) -> list[int]:
    ids = [client.post(f"/api/{alice.id}/tasks", json={"title": t, "tags": ["work"]}, headers=alice.headers)
           .json()["id"] for t in ("Old report", "Pay rent", "Old invoice")]
    for task_id in (ids[0], ids[2]):
        client.patch(f"/api/{alice.id}/tasks/{task_id}/complete", headers=alice.headers)
    return ids


def test_undo_in_words_reverts_the_last_turn_and_again_redoes(client, alice, session):
    conversation = chat_ok(client, alice, "add buy milk")["conversation_id"]
    [milk] = tasks_in_db(session, alice)
    undone = chat_ok(client, alice, "undo that", conversation)
    assert [c["name"] for c in undone["tool_calls"]] == ["undo_last_turn"]
    assert undone["tool_calls"][0]["result"]["status"] == "undone"
    assert undone["response"].startswith("Undid 1 change: created #")
    assert tasks_in_db(session, alice) == {}
    redone = chat_ok(client, alice, "undo", conversation)
    assert redone["response"].startswith("Redid 1 change")
    assert list(tasks_in_db(session, alice)) == [milk]  # back with its id


def test_put_it_back_restores_a_deleted_task_with_its_id_and_tags(client, alice, session):
    ids = seed(client, alice)
    conversation = chat_ok(client, alice, "delete task " + str(ids[1]))["conversation_id"]
    assert ids[1] not in tasks_in_db(session, alice)
    chat_ok(client, alice, "put it back", conversation)
    back = tasks_in_db(session, alice)[ids[1]]
    assert (back.title, back.tags) == ("Pay rent", ["work"])


def test_a_bulk_deletion_asks_first_and_deletes_exactly_what_it_showed(client, alice, session):
    ids = seed(client, alice)
    asked = chat_ok(client, alice, "delete all completed tasks")
    assert asked["tool_calls"][0]["result"]["status"] == "confirmation_needed"
    assert asked["response"].endswith("Delete 2 completed tasks?\n1. Delete 2\n2. Cancel")
    assert f"#{ids[0]} Old report" in asked["response"] and "Pay rent" not in asked["response"]
    assert len(tasks_in_db(session, alice)) == 3  # nothing deleted before the answer
    done = chat_ok(client, alice, "1", asked["conversation_id"])
    assert done["tool_calls"][0]["result"]["status"] == "deleted"
    assert list(tasks_in_db(session, alice)) == [ids[1]]
    chat_ok(client, alice, "undo", asked["conversation_id"])
    assert sorted(tasks_in_db(session, alice)) == ids


def test_cancel_deletes_nothing(client, alice, session):
    seed(client, alice)
    asked = chat_ok(client, alice, "clear my list")
    assert asked["tool_calls"][0]["result"]["count"] == 3
    answer = chat_ok(client, alice, "No, don't delete anything", asked["conversation_id"])
    assert answer["tool_calls"] == [] and answer["response"] == "OK, I deleted nothing."
    assert len(tasks_in_db(session, alice)) == 3
