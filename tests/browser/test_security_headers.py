"""The production server as a whole (Reflex mounted inside the API app, `reflex run --env prod`):
pages and API carry the security headers, API errors are JSON, Reflex's own CORS layer lets no
foreign origin in, and the pages still work under their Content-Security-Policy."""

import httpx
import pytest

from tests.browser.conftest import new_page, sign_up

pytestmark = pytest.mark.browser


def test_pages_and_api_carry_security_headers(app_url):
    page = httpx.get(f"{app_url}/login", follow_redirects=True)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "https://cdn.platform.openai.com" in policy
    for response in (page, httpx.get(f"{app_url}/api/health")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_api_errors_are_json_behind_reflex(app_url):
    unknown = httpx.get(f"{app_url}/api/no/such/route")
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Not found"}
    wrong = httpx.get(f"{app_url}/api/auth/login")
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"
    assert httpx.get(f"{app_url}/ping").status_code == 200  # Reflex's own route still answers


def test_reflex_cors_lets_no_foreign_origin_in(app_url):
    for origin in ("https://evil.example", "null"):
        answer = httpx.options(f"{app_url}/api/auth/login", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST"})
        assert answer.headers.get("access-control-allow-origin") not in (origin, "*")
    own = httpx.options(f"{app_url}/api/auth/login", headers={
        "Origin": app_url, "Access-Control-Request-Method": "POST"})
    assert own.headers.get("access-control-allow-origin") == app_url


def test_the_app_works_under_its_csp(browser, app_url):
    """Sign up, chat, log out: Reflex's scripts and websocket run; nothing is blocked by the CSP
    but the ChatKit CDN (unreachable here, and routed away by the test page anyway)."""
    page = new_page(browser)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    sign_up(page, app_url, "Csp")
    page.wait_for_url("**/chat")
    token = page.evaluate("() => localStorage.getItem('token')")
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{app_url}/api/auth/me", headers=auth).status_code == 200
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login")
    # Logging out of the page ends the session server-side: the token it held is dead.
    assert httpx.get(f"{app_url}/api/auth/me", headers=auth).status_code == 401
    assert violations == [], violations
    page.context.close()
