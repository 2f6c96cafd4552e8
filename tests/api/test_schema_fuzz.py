"""Schemathesis over the published OpenAPI schema, in-process against the ASGI app.

Every operation gets up to 25 generated requests (positive and negative data, plus the
boundary values of schemathesis' coverage phase), derandomized so a run is reproducible, sent
with a signed-up user's bearer token and that user's id in `{user_id}`. Every built-in check is
on: no server errors, and each answer's status, content type, headers and body conform to the
schema; schema-valid requests are accepted and schema-violating ones refused.

One exception: the two chat doors read a protocol whose rules a JSON schema cannot state (a
`retry` needs an unanswered message; a ChatKit request is one of dozens of shapes keyed by
`type`), so for them "schema-valid data is accepted" is not checked; every other check is.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from passlib.context import CryptContext
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.conftest import Account
from todo_chat.api.app import create_app
from todo_chat.core import security
from todo_chat.core.db import ID_MAX
from todo_chat.services import accounts

EXAMPLES = 25
PROTOCOL_DOORS = {("POST", "/api/{user_id}/chat"), ("POST", "/api/chatkit")}

app = create_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", app)
# The token is ours to send (below); unknown query parameters are refused, so are generated.
# No NUL characters in generated strings: PostgreSQL's text cannot hold one, and the server
# answers it with a JSON 422 that no JSON schema can state (test_hardening checks that door).
schema.config.generation.update(max_examples=EXAMPLES, deterministic=True, with_security_parameters=False,
                                allow_extra_parameters=False, allow_x00=False)


@pytest.fixture(autouse=True)
def light_hashing(monkeypatch):
    """Argon2 with small parameters, for this module only: the coverage phase logs in once per
    published time zone (~600 logins), and what it checks is the contract, not the hash's cost."""
    light = CryptContext(schemes=["argon2"], argon2__memory_cost=1024, argon2__rounds=1,
                         argon2__parallelism=1)
    monkeypatch.setattr(security, "_passwords", light)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", light.hash("not-a-real-password"))


@pytest.fixture
def fuzz_user(data_dir, light_hashing) -> Account:
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        return Account(client, "fuzz@example.com")


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, fuzz_user):
    user_id = case.path_parameters.get("user_id") if case.path_parameters else None
    if isinstance(user_id, int) and not isinstance(user_id, bool) and 1 <= user_id <= ID_MAX:
        case.path_parameters["user_id"] = fuzz_user.id  # a valid id stays valid: now the user's own
    excluded = [positive_data_acceptance] if (case.method, case.path) in PROTOCOL_DOORS else []
    case.call_and_validate(headers=fuzz_user.headers, excluded_checks=excluded)
