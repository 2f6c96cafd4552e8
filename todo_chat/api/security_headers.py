"""Security headers on every HTTP answer of the backend: the API, /docs, and, in production
(`reflex run --env prod` serves the built pages from the backend), the pages themselves.

The API app is the outer app Reflex mounts its own routes (pages, websocket, uploads) into, so
its one ASGI layer (`api.door`) adds them to them all. In development the pages come from Reflex's
frontend dev server (port 3000), which this cannot reach.
"""

from __future__ import annotations

from todo_chat.core.config import Settings

CHATKIT_CDN = "https://cdn.platform.openai.com"
# Swagger UI (/docs) loads its script and style from jsDelivr and starts with an inline script.
DOCS_CDN = "https://cdn.jsdelivr.net"


def page_policy(settings: Settings) -> str:
    """The pages' Content-Security-Policy.

    - scripts: our own, Reflex's inline bootstrap scripts, and Reflex's `eval` (its event
      protocol runs `rx.call_script` / `rx.call_function` through it); ChatKit's script from
      OpenAI's CDN when ChatKit may be shown (CHAT_UI is not `native`), and its iframe.
    - connections: our own origin and the API's (HTTP and the Reflex websocket).
    - never framed by another site; no plugins; <base> and forms stay on our origin.
    """
    if settings.content_security_policy:
        return settings.content_security_policy
    chatkit = [CHATKIT_CDN] if settings.chat_ui != "native" else []
    api = settings.api_origin
    sockets = [api.replace("http", "ws", 1)] if api.startswith("http") else []
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'", *chatkit],
        "style-src": ["'self'", "'unsafe-inline'", *chatkit],
        "img-src": ["'self'", "data:", "blob:", *([api] if api else []), *chatkit],
        "font-src": ["'self'", "data:", *chatkit],
        "connect-src": ["'self'", *([api] if api else []), *sockets, *chatkit],
        "frame-src": chatkit or ["'none'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(dict.fromkeys(values))}" for name, values in directives.items())


API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOCS_POLICY = (f"default-src 'none'; script-src 'self' 'unsafe-inline' {DOCS_CDN}; "
               f"style-src 'self' 'unsafe-inline' {DOCS_CDN}; img-src 'self' data: https://fastapi.tiangolo.com; "
               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


class SecurityHeaders:
    """CSP, nosniff, Referrer-Policy, X-Frame-Options (and HSTS on https) for each kind of answer,
    as raw ASGI header pairs made once; `api.door.Door` adds them, leaving any a route set."""

    def __init__(self, settings: Settings):
        common = [("X-Content-Type-Options", "nosniff"),
                  ("Referrer-Policy", "strict-origin-when-cross-origin"),
                  ("X-Frame-Options", "DENY"),
                  ("Cross-Origin-Opener-Policy", "same-origin")]
        if settings.api_url.startswith("https://"):
            common.append(("Strict-Transport-Security", "max-age=31536000"))
        self.api = _raw([*common, ("Content-Security-Policy", API_POLICY)])
        self.docs = _raw([*common, ("Content-Security-Policy", DOCS_POLICY)])
        self.pages = _raw([*common, ("Content-Security-Policy", page_policy(settings))])

    def raw_for(self, path: str) -> list[tuple[bytes, bytes]]:
        if path in ("/docs", "/redoc") or path.startswith("/docs/"):
            return self.docs
        if path.startswith("/api/") or path in ("/api", "/openapi.json"):
            return self.api
        return self.pages


def _raw(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]
