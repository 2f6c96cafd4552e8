"""The conversations API the sidebar calls."""

from tests.api.test_chat import chat


def test_new_conversation_is_titled_from_its_first_message(client, alice):
    answer = chat(client, alice, "Add a task to buy groceries for the weekend party at Sam's place")
    convo = client.get(f"/api/conversations/{answer['conversation_id']}", headers=alice.headers).json()
    assert convo["title"].startswith("Add a task to buy groceries") and len(convo["title"]) <= 49


def test_list_is_newest_first_and_pages(client, alice):
    ids = [chat(client, alice, f"hello {i}")["conversation_id"] for i in range(3)]
    chat(client, alice, "hello again", ids[0])  # activity moves it to the top
    first = client.get("/api/conversations?limit=2", headers=alice.headers).json()
    assert [c["id"] for c in first["conversations"]] == [ids[0], ids[2]] and first["has_more"] is True
    second = client.get("/api/conversations?limit=2&offset=2", headers=alice.headers).json()
    assert [c["id"] for c in second["conversations"]] == [ids[1]] and second["has_more"] is False
    found = client.get("/api/conversations?q=HELLO 1", headers=alice.headers).json()["conversations"]
    assert [c["id"] for c in found] == [ids[1]]


def test_get_has_messages_with_their_tool_calls_and_pages_back(client, alice):
    cid = chat(client, alice, "Add a task to buy milk")["conversation_id"]
    for text in ("What's pending?", "hello", "thanks"):
        chat(client, alice, text, cid)
    full = client.get(f"/api/conversations/{cid}", headers=alice.headers).json()
    assert [m["role"] for m in full["messages"]] == ["user", "assistant"] * 4
    first_user = full["messages"][0]
    assert [(c["name"], c["status"]) for c in first_user["tool_calls"]] == [("add_task", "success")]
    assert first_user["tool_calls"][0]["arguments"]["title"] == "Buy milk"

    latest = client.get(f"/api/conversations/{cid}?limit=3", headers=alice.headers).json()
    assert [m["content"] for m in latest["messages"]][1:] == ["thanks", latest["messages"][2]["content"]]
    assert latest["has_more"] is True
    older = client.get(f"/api/conversations/{cid}?limit=10&before={latest['messages'][0]['id']}",
                       headers=alice.headers).json()
    assert len(older["messages"]) == 5 and older["has_more"] is False


def test_rename_and_delete(client, alice):
    cid = chat(client, alice, "hello")["conversation_id"]
    renamed = client.patch(f"/api/conversations/{cid}", json={"title": "  Groceries  "}, headers=alice.headers)
    assert renamed.status_code == 200 and renamed.json()["title"] == "Groceries"
    blank = client.patch(f"/api/conversations/{cid}", json={"title": "   "}, headers=alice.headers)
    assert blank.status_code == 422 and "empty" in blank.json()["detail"]
    assert client.delete(f"/api/conversations/{cid}", headers=alice.headers).status_code == 204
    assert client.get(f"/api/conversations/{cid}", headers=alice.headers).status_code == 404
    assert client.get("/api/conversations", headers=alice.headers).json()["conversations"] == []


def test_other_users_conversations_are_404(client, alice, bob):
    cid = chat(client, alice, "hello")["conversation_id"]
    assert client.get("/api/conversations", headers=bob.headers).json()["conversations"] == []
    assert client.get(f"/api/conversations/{cid}", headers=bob.headers).status_code == 404
    assert client.patch(f"/api/conversations/{cid}", json={"title": "x"}, headers=bob.headers).status_code == 404
    assert client.delete(f"/api/conversations/{cid}", headers=bob.headers).status_code == 404
    assert client.get("/api/conversations").status_code == 401
