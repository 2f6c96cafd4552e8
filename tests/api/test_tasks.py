"""Tasks over HTTP: CRUD, validation, and isolation between users."""

import pytest


def url(account, suffix=""):
    return f"/api/{account.id}/tasks{suffix}"


def test_full_crud(client, alice):
    created = client.post(url(alice), json={"title": "Buy groceries", "description": "milk, eggs"},
                          headers=alice.headers)
    assert created.status_code == 201
    task = created.json()
    assert task["title"] == "Buy groceries" and task["completed"] is False
    assert task["created_at"].endswith("Z") or "+00:00" in task["created_at"]

    assert client.get(url(alice, f"/{task['id']}"), headers=alice.headers).json()["title"] == "Buy groceries"
    updated = client.put(url(alice, f"/{task['id']}"), json={"title": "Buy food"}, headers=alice.headers)
    assert updated.status_code == 200
    assert updated.json()["title"] == "Buy food" and updated.json()["description"] == "milk, eggs"

    done = client.patch(url(alice, f"/{task['id']}/complete"), headers=alice.headers)
    assert done.status_code == 200 and done.json()["completed"] is True
    reopened = client.patch(url(alice, f"/{task['id']}/complete?completed=false"), headers=alice.headers)
    assert reopened.json()["completed"] is False

    assert client.delete(url(alice, f"/{task['id']}"), headers=alice.headers).status_code == 204
    assert client.get(url(alice, f"/{task['id']}"), headers=alice.headers).status_code == 404


def test_list_filters_and_paginates(client, alice):
    for i in range(5):
        client.post(url(alice), json={"title": f"Task {i}"}, headers=alice.headers)
    first = client.get(url(alice), headers=alice.headers).json()["tasks"][0]
    client.patch(url(alice, f"/{first['id']}/complete"), headers=alice.headers)

    def titles(query):
        body = client.get(url(alice, query), headers=alice.headers).json()
        return [t["title"] for t in body["tasks"]], body["total"]

    assert titles("?status=completed") == (["Task 4"], 1)  # newest first by default
    assert titles("?status=pending")[1] == 4
    assert titles("?limit=2&offset=2") == (["Task 2", "Task 1"], 5)
    assert titles("?sort=created&order=asc&limit=2") == (["Task 0", "Task 1"], 5)
    assert client.get(url(alice, "?status=bogus"), headers=alice.headers).status_code == 422
    assert client.get(url(alice, "?limit=0"), headers=alice.headers).status_code == 422


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "Title must not be empty"),
        ({"title": "x" * 201}, "at most 200"),
        ({"title": "ok", "description": "d" * 2001}, "at most 1000"),
        ({}, "title"),
        ({"title": "ok", "priority": "urgent"}, "priority"),
    ],
)
def test_bad_bodies_are_422_with_a_clear_message(client, alice, body, message):
    response = client.post(url(alice), json=body, headers=alice.headers)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_update_rejects_bad_body(client, alice):
    task = client.post(url(alice), json={"title": "ok"}, headers=alice.headers).json()
    response = client.put(url(alice, f"/{task['id']}"), json={"title": "x" * 201}, headers=alice.headers)
    assert response.status_code == 422


def test_auth_required_and_token_must_match_path(client, alice, bob):
    assert client.get(url(alice)).status_code == 401
    assert client.get(url(alice), headers={"Authorization": "Bearer nope"}).status_code == 401
    response = client.get(url(alice), headers=bob.headers)
    assert response.status_code == 403
    assert client.post(url(alice), json={"title": "sneaky"}, headers=bob.headers).status_code == 403


def test_two_users_cannot_see_or_change_each_others_tasks(client, alice, bob):
    secret = client.post(url(alice), json={"title": "Alice's secret"}, headers=alice.headers).json()
    client.post(url(bob), json={"title": "Bob's task"}, headers=bob.headers)

    bobs = client.get(url(bob), headers=bob.headers).json()
    assert [t["title"] for t in bobs["tasks"]] == ["Bob's task"]
    # Alice's task id through Bob's own path: 404, as if it did not exist.
    path = url(bob, f"/{secret['id']}")
    assert client.get(path, headers=bob.headers).status_code == 404
    assert client.put(path, json={"title": "hacked"}, headers=bob.headers).status_code == 404
    assert client.patch(path + "/complete", headers=bob.headers).status_code == 404
    assert client.delete(path, headers=bob.headers).status_code == 404
    assert client.get(url(alice, f"/{secret['id']}"), headers=alice.headers).json()["title"] == "Alice's secret"


def test_unknown_task_is_404_with_message(client, alice):
    response = client.get(url(alice, "/9999"), headers=alice.headers)
    assert response.status_code == 404 and response.json() == {"detail": "Task 9999 not found"}
