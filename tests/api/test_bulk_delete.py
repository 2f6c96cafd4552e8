"""Bulk deletion asks first: the preview deletes nothing and offers the question and its choices;
only a confirmation in the person's next message deletes, and cancel deletes nothing."""

from __future__ import annotations

from tests.api.test_chat import tasks_in_db
from tests.api.test_model_server import chat_ok
from tests.fake_openai import text, tool_call

COMPLETED = {"status": "completed"}


def seed(client, alice):
    ids = [client.post(f"/api/{alice.id}/tasks", json={"title": t}, headers=alice.headers).json()["id"]
           for t in ("Old report", "Pay rent", "Old invoice")]
    for task_id in (ids[0], ids[2]):
        client.patch(f"/api/{alice.id}/tasks/{task_id}/complete", headers=alice.headers)
    return ids


def ask(client, alice, fake_openai, arguments=COMPLETED):
    fake_openai.script(tool_call("delete_tasks", arguments, "call_ask"), text("Delete these 2 tasks?"))
    answer = chat_ok(client, alice, "delete all completed tasks")
    return answer["conversation_id"], answer["tool_calls"][0]["result"]


def test_the_preview_deletes_nothing_and_offers_choices(client, alice, session, fake_openai):
    ids = seed(client, alice)
    _, preview = ask(client, alice, fake_openai)
    assert preview["status"] == "confirmation_needed" and preview["count"] == 2
    assert [t["id"] for t in preview["tasks"]] == [ids[0], ids[2]]
    assert preview["question"] == "Delete 2 completed tasks?"
    assert [c["label"] for c in preview["choices"]] == ["Delete 2", "Cancel"]
    assert len(tasks_in_db(session, alice)) == 3


def test_confirming_in_the_next_message_deletes_exactly_the_listed_tasks(client, alice, session, fake_openai):
    ids = seed(client, alice)
    conversation, preview = ask(client, alice, fake_openai)
    # A task completed after the question is not among what the person agreed to.
    client.patch(f"/api/{alice.id}/tasks/{ids[1]}/complete", headers=alice.headers)
    fake_openai.script(tool_call("delete_tasks", {**COMPLETED, "confirm": True}, "call_yes"), text("Deleted."))
    answer = chat_ok(client, alice, preview["choices"][0]["message"], conversation)
    result = answer["tool_calls"][0]["result"]
    assert result["status"] == "deleted" and result["count"] == 2
    assert list(tasks_in_db(session, alice)) == [ids[1]]
    # Undoable like every change: all come back.
    body = client.post(f"/api/conversations/{conversation}/undo", headers=alice.headers).json()
    assert sorted(c["task_id"] for c in body["changes"]) == [ids[0], ids[2]]
    assert sorted(tasks_in_db(session, alice)) == ids


def test_cancel_deletes_nothing(client, alice, session, fake_openai):
    seed(client, alice)
    conversation, preview = ask(client, alice, fake_openai)
    fake_openai.script(text("OK, nothing deleted."))
    chat_ok(client, alice, preview["choices"][1]["message"], conversation)
    assert len(tasks_in_db(session, alice)) == 3
    # A later "confirm" answers nothing: the question was two messages ago.
    fake_openai.script(tool_call("delete_tasks", {**COMPLETED, "confirm": True}, "call_late"), text("Hm."))
    result = chat_ok(client, alice, "actually yes", conversation)["tool_calls"][0]
    assert result["status"] == "error" and "Not confirmed" in result["result"]["error"]
    assert len(tasks_in_db(session, alice)) == 3


def test_the_model_cannot_confirm_its_own_question(client, alice, session, fake_openai):
    seed(client, alice)
    fake_openai.script(tool_call("delete_tasks", COMPLETED, "call_1"),
                       tool_call("delete_tasks", {**COMPLETED, "confirm": True}, "call_2"), text("Done."))
    calls = chat_ok(client, alice, "clear completed")["tool_calls"]
    assert [c["status"] for c in calls] == ["success", "error"]
    assert len(tasks_in_db(session, alice)) == 3


def test_a_confirmation_for_other_filters_is_refused(client, alice, session, fake_openai):
    seed(client, alice)
    conversation, _ = ask(client, alice, fake_openai)
    fake_openai.script(tool_call("delete_tasks", {"status": "all", "confirm": True}, "call_all"), text("Hm."))
    call = chat_ok(client, alice, "yes", conversation)["tool_calls"][0]
    assert call["status"] == "error"
    assert len(tasks_in_db(session, alice)) == 3


def test_nothing_to_delete(client, alice, fake_openai):
    _, preview = ask(client, alice, fake_openai, {"status": "completed", "tag": "work"})
    assert preview == {"status": "nothing_to_delete", "count": 0,
                       "message": "There are no completed tasks tagged work."}
