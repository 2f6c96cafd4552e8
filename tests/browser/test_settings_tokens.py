"""The settings page: make an access token (shown once), see it work over MCP, revoke it."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import new_page, run_axe, shot, sign_up

INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "browser-test", "version": "1"}}}


def _mcp_status(app_url: str, token: str) -> int:
    return httpx.post(app_url + "/mcp", json=INITIALIZE, timeout=10, headers={
        "Authorization": f"Bearer {token}", "Accept": "application/json, text/event-stream"}).status_code


def test_create_a_token_use_it_over_mcp_and_revoke_it(page, app_url):
    sign_up(page, app_url, "Tess")
    page.get_by_role("link", name="Settings").click()
    page.wait_for_url("**/settings")
    expect(page.get_by_role("heading", name="Access tokens")).to_be_visible()
    expect(page.get_by_text("No tokens yet.")).to_be_visible()

    page.get_by_label("Token name").fill("Claude Desktop")
    page.get_by_role("radio", name="Read and write").click()
    page.get_by_role("button", name="Create token").click()
    secret_box = page.get_by_label("New token")
    expect(secret_box).to_have_value(re.compile(r"^tc_pat_"))
    secret = secret_box.input_value()
    assert _mcp_status(app_url, secret) == 200
    tokens = page.get_by_role("list", name="Your tokens")
    expect(tokens.get_by_text("Claude Desktop")).to_be_visible()
    expect(tokens.get_by_text("Read and write", exact=False)).to_be_visible()
    assert secret not in tokens.inner_text()  # the list shows a hint, never the secret
    assert run_axe(page) == []
    shot(page, "settings-token-made")

    page.get_by_role("button", name="Done").click()
    expect(page.get_by_label("New token")).to_have_count(0)
    page.reload()
    expect(tokens.get_by_text("Claude Desktop")).to_be_visible()
    expect(page.get_by_label("New token")).to_have_count(0)  # shown once: gone after a reload too

    page.get_by_role("button", name="Revoke Claude Desktop").click()
    expect(page.get_by_text("No tokens yet.")).to_be_visible()
    assert _mcp_status(app_url, secret) == 401


def test_settings_fit_a_phone(browser, app_url):
    page = new_page(browser, width=390, height=800)
    try:
        sign_up(page, app_url, "Pia")
        page.goto(app_url + "/settings")
        page.get_by_label("Token name").fill("Phone")
        page.get_by_role("button", name="Create token").click()
        expect(page.get_by_label("New token")).to_be_visible()
        expect(page.get_by_role("list", name="Your tokens").get_by_text("Read only", exact=False)).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        shot(page, "settings-phone")
    finally:
        page.context.close()
