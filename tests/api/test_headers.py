"""What a browser or a proxy relies on: CORS for configured origins only, security headers on every
answer, the door as one ASGI layer, and URLs built from settings, never from the Host header."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from todo_chat.core import config

# --- CORS and headers ------------------------------------------------------------------------------

def preflight(client, origin: str):
    return client.options("/api/auth/login", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})


def test_cors_lets_only_configured_origins_in_and_never_with_credentials(client):
    for evil in ("https://evil.example", "null"):
        answer = preflight(client, evil)
        assert "access-control-allow-origin" not in answer.headers
        assert "access-control-allow-credentials" not in answer.headers
    ok = preflight(client, "http://localhost:3000")
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert "access-control-allow-credentials" not in ok.headers


def test_cors_origins_setting_refuses_a_wildcard_and_drops_null(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", "*")
    config.get_settings.cache_clear()
    with pytest.raises(ValueError, match="explicitly"):
        config.get_settings()
    monkeypatch.setenv("CORS_ORIGINS", "https://app.example/, null")
    monkeypatch.setenv("API_URL", "https://api.example/base")
    config.get_settings.cache_clear()
    assert config.get_settings().allowed_origins == ["https://app.example", "https://api.example"]
    monkeypatch.delenv("CORS_ORIGINS")
    monkeypatch.delenv("API_URL")
    config.get_settings.cache_clear()


def test_reflex_cors_reads_the_same_setting(monkeypatch):
    """rxconfig hands Reflex (whose CORS answers first, with credentials) the same origins."""
    import importlib

    import rxconfig

    monkeypatch.setenv("CORS_ORIGINS", "https://app.example")
    config.get_settings.cache_clear()
    try:
        assert list(importlib.reload(rxconfig).config.cors_allowed_origins)[0] == "https://app.example"
        assert "*" not in importlib.reload(rxconfig).config.cors_allowed_origins
    finally:
        monkeypatch.delenv("CORS_ORIGINS")
        config.get_settings.cache_clear()
        importlib.reload(rxconfig)


def test_security_headers_on_api_answers(client, alice):
    for response in (client.get("/api/health"), client.get("/api/nope"),
                     client.get("/api/auth/me", headers=alice.headers)):
        headers = response.headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["content-security-policy"].startswith("default-src 'none'")
    docs = client.get("/docs").headers["content-security-policy"]
    assert "cdn.jsdelivr.net" in docs and "frame-ancestors 'none'" in docs


def test_page_policy_lets_chatkit_load_only_when_it_may_be_shown(monkeypatch):
    from todo_chat.api.security_headers import page_policy

    monkeypatch.setenv("API_URL", "https://todo.example")
    config.get_settings.cache_clear()
    policy = page_policy(config.get_settings())
    assert "script-src 'self' 'unsafe-inline' 'unsafe-eval' https://cdn.platform.openai.com" in policy
    assert "frame-src https://cdn.platform.openai.com" in policy
    assert "connect-src 'self' https://todo.example wss://todo.example" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    monkeypatch.setenv("CHAT_UI", "native")
    config.get_settings.cache_clear()
    assert "openai" not in page_policy(config.get_settings())
    monkeypatch.delenv("CHAT_UI")
    monkeypatch.delenv("API_URL")
    config.get_settings.cache_clear()


# --- URLs from settings, not from the Host header ---------------------------------------------------

def test_attachment_urls_come_from_api_url_not_the_host_header(client, alice, monkeypatch):
    monkeypatch.setenv("API_URL", "https://todo.example")
    config.get_settings.cache_clear()
    try:
        created = client.post("/api/chatkit", headers={**alice.headers, "Host": "evil.example"}, json={
            "type": "attachments.create", "params": {"name": "a.png", "size": 4, "mime_type": "image/png"}})
        body = created.json()
        assert body["upload_descriptor"]["url"].startswith("https://todo.example/api/chatkit/attachments/")
        assert body["preview_url"].startswith("https://todo.example/")
        assert "evil" not in json.dumps(body)
    finally:
        monkeypatch.delenv("API_URL")
        config.get_settings.cache_clear()


def test_upload_tokens_belong_to_the_session(client, alice):
    created = client.post("/api/chatkit", headers=alice.headers, json={
        "type": "attachments.create", "params": {"name": "a.png", "size": 4, "mime_type": "image/png"}}).json()
    upload = created["upload_descriptor"]
    client.post("/api/auth/logout", headers=alice.headers)
    assert client.put(upload["url"], content=b"\x89PNG", headers=upload["headers"]).status_code == 401


def test_the_door_is_one_layer_and_its_413s_and_preflights_carry_every_header(client):
    """Request id, body limits and security headers are one ASGI layer (`api.door`); a 413 it
    answers itself still carries CORS headers for an allowed origin, and a CORS preflight the
    id and the security headers."""
    from todo_chat.api.app import create_app
    from todo_chat.api.door import Door

    app = create_app()
    ours = [m.cls for m in app.user_middleware if m.cls.__module__.startswith("todo_chat")]
    assert ours == [Door]
    origin = "http://localhost:3000"
    big = client.post("/api/auth/login", content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
                      headers={"content-type": "application/json", "Origin": origin, "X-Request-ID": "big-1"})
    assert big.status_code == 413 and big.json()["detail"].startswith("Request body is larger")
    assert big.headers["access-control-allow-origin"] == origin
    assert big.headers["x-request-id"] == "big-1" and big.headers["x-frame-options"] == "DENY"
    small = client.post("/api/analytics/message", content=b"x" * 5000, headers={"Origin": origin})
    assert small.status_code == 413 and "at most 2048" in small.json()["detail"]
    assert small.headers["access-control-allow-origin"] == origin
    answer = preflight(client, origin)
    assert answer.headers["x-content-type-options"] == "nosniff" and len(answer.headers["x-request-id"]) == 16


def test_reflex_routes_are_mounted_inside_the_api_app_without_a_second_cors_layer(data_dir):
    """`with_reflex_inside`: what Reflex mounts (pages, websocket) answers behind the API app's own
    door (its security headers), and no CORS layer beyond the door's is added to the API app."""
    from starlette.middleware.cors import CORSMiddleware

    from todo_chat.api.app import create_app, with_reflex_inside
    from todo_chat.api.door import Door

    api = create_app()
    pages = Starlette(routes=[Route("/chat", lambda _request: HTMLResponse("<p>page</p>"))])
    outer = with_reflex_inside(api)(pages)
    assert outer is api and [m.cls for m in api.user_middleware] == [Door]
    assert all(m.cls is not CORSMiddleware for m in api.user_middleware)
    with TestClient(outer) as client:
        page = client.get("/chat")
        assert page.text == "<p>page</p>" and "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert client.get("/api/nope").json() == {"detail": "Not found"}
