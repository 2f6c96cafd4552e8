"""What the schema states, the server checks, and the other way round (issue 18): found by a
schemathesis run from outside. Every error is JSON, every body has a bound."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from todo_chat.core import config


def schema_of(client, name: str) -> dict:
    return client.get("/openapi.json").json()["components"]["schemas"][name]


def test_the_chat_message_schema_states_that_a_message_has_text(client, alice):
    schema = client.get("/openapi.json").json()["paths"]["/api/{user_id}/chat"]["post"]["requestBody"]
    body = schema["content"]["application/json"]["schema"]
    with_text = next(branch for branch in body["anyOf"] if branch["required"] == ["message"])  # or a retry
    assert with_text["properties"]["message"]["minLength"] == 1 and with_text["properties"]["message"]["pattern"]
    for message in ("", "   "):
        response = client.post(f"/api/{alice.id}/chat", json={"message": message}, headers=alice.headers)
        assert response.status_code == 422 and "message" in response.json()["detail"].lower()


def test_the_chatkit_session_takes_only_the_integer_its_schema_states(client, alice):
    assert schema_of(client, "SessionBody")["properties"]["user_id"]["anyOf"][0]["type"] == "integer"
    for user_id in (str(alice.id), True, alice.id + 0.5):
        response = client.post("/api/chatkit/session", json={"user_id": user_id}, headers=alice.headers)
        assert response.status_code == 422, (user_id, response.text)
    for user_id in (alice.id, float(alice.id)):  # JSON Schema's integer includes 5.0
        response = client.post("/api/chatkit/session", json={"user_id": user_id}, headers=alice.headers)
        assert response.status_code == 200, (user_id, response.text)


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_a_newline_in_an_api_path_still_reaches_the_json_catch_all(client, alice, method):
    """Starlette's `path` convertor stops at a newline: an encoded %0A slipped past our catch-all
    (to a plain-text 404 behind Reflex). It is ours now: a JSON 404, or a 405 saying what is allowed."""
    for path in ("/api/no%0Asuch", "/api/%0A"):
        response = client.request(method, path, headers=alice.headers, content=b"x")
        assert (response.status_code, response.json()["detail"]) == (404, "Not found")
    response = client.request(method, "/api/chatkit/attachments/a%0Ab/upload", headers=alice.headers, content=b"x")
    assert response.headers["content-type"] == "application/json"
    if method == "PUT":
        assert response.status_code == 404 and "not found" in response.json()["detail"]
    else:
        assert response.status_code == 405 and response.headers["allow"] == "PUT"


# --- a bound on every body, at the door -------------------------------------------------------

@pytest.fixture
def small_bodies(data_dir, monkeypatch):
    """An app whose bodies are bounded at 4 KiB and its uploads at 8 KiB."""
    from todo_chat.api.app import create_app

    monkeypatch.setenv("MAX_BODY_BYTES", "4096")
    monkeypatch.setenv("ATTACHMENT_MAX_BYTES", "8192")
    config.get_settings.cache_clear()
    with TestClient(create_app()) as bounded:
        yield bounded
    config.get_settings.cache_clear()


def test_a_body_over_the_bound_is_a_413_before_it_is_read(small_bodies):
    response = small_bodies.post("/api/auth/login", content=b"{" + b" " * 10_000 + b"}",
                                 headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.headers["content-type"] == "application/json"
    assert "4096 bytes" in response.json()["detail"]


def test_a_chunked_body_over_the_bound_is_a_413_too(small_bodies):
    """No Content-Length to trust: the body is counted as it arrives."""
    def chunks():
        for _ in range(10):
            yield b" " * 1000

    response = small_bodies.post("/api/auth/login", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["detail"].startswith("Request body is larger")


def test_a_body_within_the_bound_goes_through(small_bodies):
    response = small_bodies.post("/api/auth/login", json={"email": "nobody@example.com", "password": "x" * 12})
    assert response.status_code == 401


def test_uploads_have_their_own_bound(small_bodies):
    """Past the general bound, within the upload one: the route itself answers (here a 401)."""
    big = b"x" * 6000
    response = small_bodies.put("/api/chatkit/attachments/atc_1/upload", content=big)
    assert response.status_code == 401
    response = small_bodies.put("/api/chatkit/attachments/atc_1/upload", content=b"x" * 200_000)
    assert response.status_code == 413


# --- task fields ---------------------------------------------------------------------------------

def test_a_task_description_is_bounded_at_1000_characters(client, alice):
    from todo_chat.services.tasks import DESCRIPTION_MAX

    assert DESCRIPTION_MAX == 1000
    assert schema_of(client, "TaskCreate")["properties"]["description"]["anyOf"][0]["maxLength"] == 1000
    url = f"/api/{alice.id}/tasks"
    assert client.post(url, json={"title": "ok", "description": "d" * 1000}, headers=alice.headers).status_code == 201
    response = client.post(url, json={"title": "long", "description": "d" * 1001}, headers=alice.headers)
    assert response.status_code == 422 and "description" in response.json()["detail"]
    task_id = client.get(url, headers=alice.headers).json()["tasks"][0]["id"]
    response = client.put(f"{url}/{task_id}", json={"description": "d" * 1001}, headers=alice.headers)
    assert response.status_code == 422


def test_each_sort_key_has_its_natural_default_order(client, alice):
    url = f"/api/{alice.id}/tasks"
    for title, priority, due in (("banana", "low", "2026-12-20"), ("Apple", "high", "2026-12-24"),
                                 ("cherry", "medium", "2026-12-10")):
        response = client.post(url, json={"title": title, "priority": priority, "due_at": due}, headers=alice.headers)
        assert response.status_code == 201

    def titles(**params) -> list[str]:
        return [t["title"] for t in client.get(url, params=params, headers=alice.headers).json()["tasks"]]

    assert titles(sort="title") == ["Apple", "banana", "cherry"]
    assert titles(sort="due") == ["cherry", "banana", "Apple"]
    assert titles(sort="priority") == ["Apple", "cherry", "banana"]
    assert titles(sort="created") == titles(sort="updated") == titles() == ["cherry", "Apple", "banana"]
    assert titles(sort="title", order="desc") == ["cherry", "banana", "Apple"]  # asked for: as asked
    assert titles(sort="priority", order="asc") == ["banana", "cherry", "Apple"]
