"""What a clumsy client or an attacker sends: every answer is JSON with the right status, no 5xx
for bad input; races are 404s; limits on tags."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from todo_chat.core.security import create_token

HUGE = 2**63  # past SQLite's INTEGER: once a 500 from the driver


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# --- bounded numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/api/{uid}/tasks?offset=10000000000000000000",
    "/api/{uid}/tasks/9223372036854775808",
    "/api/{uid}/tasks/0",
    "/api/9223372036854775808/tasks",
    "/api/conversations?offset=10000000000000000000",
    "/api/conversations/9223372036854775808",
    "/api/conversations/1?before=9223372036854775808",
])
def test_huge_ids_and_offsets_are_422_not_500(client, alice, path):
    response = client.get(path.format(uid=alice.id), headers=alice.headers)
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_huge_ids_in_bodies_are_422(client, alice):
    chat = client.post(f"/api/{alice.id}/chat", json={"message": "hi", "conversation_id": HUGE},
                       headers=alice.headers)
    assert chat.status_code == 422
    session = client.post("/api/chatkit/session", json={"user_id": HUGE}, headers=alice.headers)
    assert session.status_code == 422


def test_a_nul_character_in_text_is_stored_or_a_json_422_never_a_500(client, alice, request):
    response = client.post(f"/api/{alice.id}/tasks", json={"title": "milk", "description": "a\x00b"},
                           headers=alice.headers)
    if request.config.getoption("--db") == "postgres":  # its text type cannot hold NUL
        assert response.status_code == 422
        assert response.json()["detail"] == "A value contains characters that cannot be stored"
    else:
        assert response.status_code == 201 and response.json()["description"] == "a\x00b"


@pytest.mark.parametrize("sub", [str(HUGE), "0", "-1", "1e3", "abc", "١٢"])
def test_a_token_whose_sub_is_not_a_sane_id_is_401(client, sub):
    import jwt

    from todo_chat.core.security import ALGORITHM, auth_secret

    token = jwt.encode({"sub": sub, "typ": "access", "iat": 1, "exp": 4102444800, "sid": "x"},
                       auth_secret(), algorithm=ALGORITHM)
    response = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401 and response.json()["detail"] == "Invalid token"


def test_sub_huge_in_a_refresh_token_is_401(client):
    token = create_token(HUGE, "refresh", session_id="x")
    response = client.post("/api/auth/refresh", json={"refresh_token": token})
    assert response.status_code == 401


# --- JSON for every error ------------------------------------------------------------------------

def test_unknown_api_routes_are_json_404_and_wrong_methods_json_405(client):
    unknown = client.get("/api/no/such/thing")
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Not found"}
    wrong = client.get("/api/auth/login")
    assert wrong.status_code == 405 and wrong.json() == {"detail": "Method not allowed"}
    assert wrong.headers["allow"] == "POST"
    assert client.delete("/api/1/tasks").headers["allow"] == "GET, POST"
    assert client.put("/api/health").headers["content-type"] == "application/json"


def test_mounted_like_reflex_its_routes_still_work_and_api_errors_stay_json(data_dir):
    """Reflex mounts its own app (pages, websocket, /ping) inside ours, at ''."""
    from todo_chat.api.app import create_app

    app = create_app()
    reflex_like = Starlette(routes=[Route("/ping", lambda r: PlainTextResponse("pong")),
                                    Route("/chat", lambda r: HTMLResponse("<html>chat</html>"))])
    app.mount("", reflex_like)
    with TestClient(app) as client:
        assert client.get("/ping").text == "pong"
        page = client.get("/chat")
        assert page.status_code == 200 and "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        assert client.get("/api/nope").json() == {"detail": "Not found"}
        assert client.get("/api/auth/login").status_code == 405
        assert client.get("/not-api").status_code == 404  # Reflex's own 404, not ours


@pytest.mark.parametrize("body", [
    '{"message": ' + nested(1000) + '}',
    nested(1000),
    '{"type": ' + nested(1000) + '}',
    '{"a": ' * 1000 + '1' + '}' * 1000,
    '{"type": "threads.create", "params": ' + '{"a": ' * 1000 + '1' + '}' * 1000 + '}',
])
def test_deeply_nested_json_to_chat_is_400(client, alice, body):
    response = client.post(f"/api/{alice.id}/chat", content=body,
                           headers={**alice.headers, "content-type": "application/json"})
    assert response.status_code == 400 and "deeper" in response.json()["detail"]


def test_deeply_nested_json_elsewhere_is_4xx(client, alice):
    for url in (f"/api/{alice.id}/tasks", "/api/chatkit", "/api/errors"):
        response = client.post(url, content='{"title": ' + nested(1000) + '}',
                               headers={**alice.headers, "content-type": "application/json"})
        assert 400 <= response.status_code < 500 and response.headers["content-type"] == "application/json"


def test_unexpected_errors_are_json_500(data_dir, monkeypatch):
    from todo_chat.api.app import create_app
    from todo_chat.services import tasks

    def broken(*_args, **_kwargs):
        raise RuntimeError("bug")

    app = create_app()
    with TestClient(app, raise_server_exceptions=False) as client:
        from tests.conftest import Account

        alice = Account(client, "broken@example.com")
        monkeypatch.setattr(tasks, "list_tasks", broken)
        response = client.get(f"/api/{alice.id}/tasks", headers=alice.headers)
    assert response.status_code == 500 and response.json() == {"detail": "Internal server error"}


# --- races -----------------------------------------------------------------------------------------

def test_update_racing_delete_on_one_task_never_errors(client, alice, data_dir):
    """Many updates, completes and deletes of the same tasks at once: 200/204/404, never a 500."""
    from todo_chat.api.app import create_app

    ids = [client.post(f"/api/{alice.id}/tasks", json={"title": f"t{i}"}, headers=alice.headers).json()["id"]
           for i in range(8)]

    async def hammer() -> list[int]:
        transport = httpx.ASGITransport(app=create_app(), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", headers=alice.headers) as http:
            calls = []
            for task_id in ids:
                url = f"/api/{alice.id}/tasks/{task_id}"
                for n in range(10):
                    calls.append(http.put(url, json={"title": f"v{n}", "tags": ["race"]}))
                    calls.append(http.patch(f"{url}/complete"))
                    if n in (3, 7):
                        calls.append(http.delete(url))
            return [r.status_code for r in await asyncio.gather(*calls)]

    statuses = asyncio.run(hammer())
    assert set(statuses) <= {200, 204, 404}, sorted(set(statuses))
    assert statuses.count(204) == len(ids)  # each task deleted exactly once
    assert client.get(f"/api/{alice.id}/tasks", headers=alice.headers).json()["total"] == 0


def test_a_task_deleted_between_read_and_write_is_404_in_the_service(session, data_dir):
    from sqlalchemy import text

    from todo_chat.models import Task, User
    from todo_chat.services import tasks
    from todo_chat.services.errors import NotFound
    from todo_chat.services.tasks import TaskUpdate

    user = User(email="race@example.com", password_hash="x")
    session.add(user)
    session.commit()
    task = Task(user_id=user.id, title="t")
    session.add(task)
    session.commit()
    tasks.get_task(session, user, task.id)  # loaded by this request...
    with db_connection() as other:           # ...deleted by another one
        other.execute(text("DELETE FROM task WHERE id = :id"), {"id": task.id})
    with pytest.raises(NotFound):
        tasks.update_task(session, user, task.id, TaskUpdate(title="new"))


def db_connection():
    from todo_chat.core.db import get_engine

    return get_engine().begin()


# --- the published schema ---------------------------------------------------------------------------

def test_openapi_states_every_error_with_the_shape_the_server_sends(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert schemas["ValidationErrorOut"]["properties"]["detail"]["type"] == "string"
    assert schemas["ErrorOut"]["properties"]["detail"]["type"] == "string"
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            # The calendar feed's secret URL is its credential (calendar apps send no header).
            secured = path not in ("/api/health", "/api/errors", "/api/auth/signup", "/api/auth/login",
                                   "/api/auth/refresh", "/api/calendar/{secret}.ics") \
                and "attachments/{attachment_id}" not in path or path.endswith("/upload")
            if secured:
                assert "401" in responses, (method, path)
            if "{user_id}" in path:
                assert "403" in responses, (method, path)
            if "{" in path:
                assert "404" in responses or "422" in responses, (method, path)
            for code, answer in responses.items():
                if code.startswith(("4", "5")):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith(("/ErrorOut", "/ValidationErrorOut")), (method, path, code)
    for path in ("/api/auth/login", "/api/auth/signup", "/api/{user_id}/chat", "/api/errors"):
        assert "Retry-After" in spec["paths"][path]["post"]["responses"]["429"]["headers"]
    assert "409" in spec["paths"]["/api/auth/signup"]["post"]["responses"]


def test_a_422_is_what_the_schema_says(client, alice):
    response = client.post(f"/api/{alice.id}/tasks", json={"title": ""}, headers=alice.headers)
    body = response.json()
    assert response.status_code == 422 and isinstance(body["detail"], str)
    assert body["errors"][0]["loc"] == ["body", "title"]


# --- tags and other limits ------------------------------------------------------------------------

@pytest.mark.parametrize(("tags", "message"), [
    ([f"t{i}" for i in range(21)], "at most 20"),
    (["x" * 41], "at most 40"),
    (["#work"], "'#'"),
    (["a#b"], "'#'"),
    (["  "], "empty"),
    (["bell\x07"], "control"),
    (["x" * 500_000], "at most 40"),  # (a larger body is refused at the door: test_schema_agreement)
])
def test_tags_are_bounded(client, alice, tags, message):
    for method, url in (("POST", f"/api/{alice.id}/tasks"),):
        response = client.request(method, url, json={"title": "t", "tags": tags}, headers=alice.headers)
        assert response.status_code == 422 and message in response.json()["detail"], response.json()


def test_tags_are_lowercased_squeezed_and_unique(client, alice):
    task = client.post(f"/api/{alice.id}/tasks", json={"title": "t", "tags": ["Work", "work", " big   day "]},
                       headers=alice.headers).json()
    assert task["tags"] == ["work", "big day"]
    updated = client.put(f"/api/{alice.id}/tasks/{task['id']}", json={"tags": ["x" * 41]}, headers=alice.headers)
    assert updated.status_code == 422


def test_descriptions_titles_and_dates_are_bounded(client, alice):
    url = f"/api/{alice.id}/tasks"
    assert client.post(url, json={"title": "t", "description": "d" * 2001}, headers=alice.headers).status_code == 422
    assert client.post(url, json={"title": "x" * 201}, headers=alice.headers).status_code == 422
    assert client.post(url, json={"title": "\u3000\ufeff"}, headers=alice.headers).status_code == 422
    assert client.post(url, json={"title": "t", "due_at": 0}, headers=alice.headers).status_code == 422
    assert client.post(url, json={"title": "t", "due_at": "2026-12-31"}, headers=alice.headers).status_code == 201
