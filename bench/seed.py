"""Users for `bench/load.py`, made straight in the database the server will use (run as a child
process with the server's environment): `python -m bench.seed N` prints `[[id, token], ...]`.

Each user gets a real login session and a real access token (signed with the server's
`BETTER_AUTH_SECRET`), so every benchmarked turn authenticates as it would in production. One
password hash serves them all: sign-up cost (argon2) is not what the turn benchmark measures.
"""

from __future__ import annotations

import json
import sys
import uuid

from todo_chat.core import db
from todo_chat.core.security import create_token, hash_password
from todo_chat.services import accounts, tokens


def seed(count: int) -> list[tuple[int, str]]:
    db.migrate()
    password_hash = hash_password("bench-password-1")
    prefix = uuid.uuid4().hex[:8]
    users = []
    with db.session_scope() as session:
        for n in range(count):
            user = accounts.create_user(session, f"bench-{prefix}-{n}@example.com", password_hash)
            login = tokens.open_session(session, user)
            assert user.id is not None  # flushed
            users.append((user.id, create_token(user.id, "access", session_id=login.id)))
    return users


if __name__ == "__main__":
    print(json.dumps(seed(int(sys.argv[1]))))
