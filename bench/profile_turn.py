"""Profile chat turns in-process (cProfile), through the same ASGI app a production start serves.

`python -m bench.profile_turn [--turns N] [--stream] [--fastapi-only] [--top 40] [--sort tottime]
[--setup pg-http]`

Users come from `bench.seed` (a real session and token each); turns go through httpx's ASGI
transport, so no sockets and no client process share the profile. SQLite and the offline model
unless DATABASE_URL / OPENAI_BASE_URL say otherwise, or `--setup` names one of `bench.load`'s
setups (a throwaway PostgreSQL, `bench/fake_model.py` as an HTTP model server in its own
process). Not part of `make bench`: a tool for finding what to cut, whose figures are only
comparable within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import tempfile
import time
from contextlib import ExitStack

os.environ.setdefault("ENVIRONMENT", "production")
os.environ.setdefault("BETTER_AUTH_SECRET", "bench-" + "x" * 40)
os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="todo-chat-profile-"))
os.environ.setdefault("CHAT_TURNS_PER_MINUTE", "1000000")
os.environ.setdefault("REFLEX_WEB_WORKDIR", os.path.join(os.environ["DATA_DIR"], ".web"))


def _app(fastapi_only: bool):
    if fastapi_only:
        from todo_chat.api.app import create_app

        return create_app()
    from reflex.utils import prerequisites
    from reflex_base.constants import Env
    from reflex_base.environment import environment

    environment.REFLEX_ENV_MODE.set(Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(False)
    return prerequisites.get_and_validate_app().app()


async def _turns(app, users: list[tuple[int, str]], turns: int, stream: bool) -> float:
    import httpx

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        conversations: dict[int, int | None] = {}
        started = time.process_time()
        for n in range(turns):
            uid, token = users[n % len(users)]
            body: dict = {"message": f"Add a task to buy milk {n}"}
            if conversations.get(uid) and n % 5:
                body["conversation_id"] = conversations[uid]
            headers = {"Authorization": f"Bearer {token}",
                       "Accept": "text/event-stream" if stream else "application/json"}
            answer = await client.post(f"/api/{uid}/chat", json=body, headers=headers)
            assert answer.status_code == 200, answer.text[:300]
            if not stream:
                conversations[uid] = answer.json()["conversation_id"]
            else:
                marker = answer.text.index('"conversation_id":') + 18
                conversations[uid] = int(answer.text[marker:answer.text.index(",", marker)])
        return (time.process_time() - started) / turns * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--stream", action="store_true")
    parser.add_argument("--fastapi-only", action="store_true")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--out", help="write the raw profile here")
    parser.add_argument("--no-profile", action="store_true", help="only CPU per turn, unprofiled (A/B)")
    parser.add_argument("--loop", choices=("asyncio", "uvloop"), default="asyncio",
                        help="the event loop (a production start runs uvloop's when installed)")
    parser.add_argument("--setup", choices=("sqlite-offline", "sqlite-http", "pg-http", "pg-offline"),
                        help="like bench.load's setups (default: the environment's, else sqlite-offline)")
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.setup:
            _setup(stack, args.setup)
        _profile(args)


def _setup(stack: ExitStack, setup: str) -> None:
    """The database and model of `setup`, in the environment before any setting is read."""
    import subprocess
    import sys

    from bench.servers import free_port, wait_ready

    if setup.startswith("pg"):
        from tests.servers import postgres_server

        os.environ["DATABASE_URL"] = stack.enter_context(postgres_server())
    if setup.endswith("http"):
        port = free_port()
        model = subprocess.Popen([sys.executable, "-m", "bench.fake_model", "--port", str(port)],
                                 start_new_session=True)
        stack.callback(model.wait)
        stack.callback(model.terminate)
        wait_ready(f"http://127.0.0.1:{port}/stats", model)
        os.environ.update(OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1", OPENAI_API_KEY="bench",
                          OPENAI_MODEL="bench")


def _profile(args: argparse.Namespace) -> None:
    from bench.seed import seed

    users = seed(4)
    app = _app(args.fastapi_only)

    async def run() -> None:
        async with app.router.lifespan_context(app) if args.fastapi_only else _lifespan(app):
            await _turns(app, users, 30, args.stream)  # warm: imports, caches, the first parse
            plain = await _turns(app, users, args.turns, args.stream)
            print(f"CPU per turn, unprofiled: {plain:.2f} ms")
            if args.no_profile:
                return
            profiler = cProfile.Profile(time.process_time)  # CPU, not wall: the machine is shared
            profiler.enable()
            await _turns(app, users, args.turns, args.stream)
            profiler.disable()
            if args.out:
                profiler.dump_stats(args.out)
            stats = pstats.Stats(profiler).strip_dirs().sort_stats(args.sort)
            stats.print_stats(args.top)

    if args.loop == "uvloop":
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(run())
        return
    asyncio.run(run())


def _lifespan(app):
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def nothing():
        yield

    return nothing()


if __name__ == "__main__":
    main()
