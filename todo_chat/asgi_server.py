"""The ASGI server of a production start (`python -m todo_chat.serve` execs into this).

One worker: granian embedded in this very process, on its event loop, so the whole backend is
one process (no supervisor holding a second copy of the app). Several: Reflex's own production
runner (`reflex.utils.exec.run_backend_prod`: the app imported once here, the heap frozen, then
granian's workers forked so they share its pages), called directly rather than through the
`reflex run` command line, after `load_before_fork` has loaded what each worker's first turn
would (the offline model's weights) so that is shared too.
"""

from __future__ import annotations

import asyncio
import signal


def run(host: str, port: int, workers: int, frontend: bool) -> int:
    from reflex_base.constants import Env, LogLevel
    from reflex_base.environment import environment

    # What `reflex run --env prod` sets for its backend (the frontend was built beforehand).
    environment.REFLEX_ENV_MODE.set(Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(frontend)

    if workers > 1:
        from reflex.utils import exec as reflex_exec

        load_before_fork()
        reflex_exec.run_backend_prod(host, port, LogLevel.WARNING, mount_frontend_compiled_app=frontend)
        return 0
    with event_loop_runner() as runner:
        runner.run(_embedded(host, port))
    return 0


def load_before_fork() -> None:
    """What every worker would load at its first turn, loaded once here instead, before the
    workers are forked, so they share its pages: the app, and with the offline model its learned
    weights (7.5 MiB of Python objects) and the patterns the pipeline compiles on first use. One
    message read does it (the public entry; nothing is stored)."""
    from reflex.utils import prerequisites

    from todo_chat.agent import providers

    prerequisites.get_app()
    if providers.describe() == "offline":
        from todo_chat.agent.offline.parse import understand

        understand("add milk to my list")


def event_loop_runner() -> asyncio.Runner:
    """uvloop's event loop when it is installed (granian's own workers pick it then too): its
    scheduling, timers and sockets cost less CPU per request than asyncio's pure-Python loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.Runner()
    return asyncio.Runner(loop_factory=uvloop.new_event_loop)


async def _embedded(host: str, port: int) -> None:
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server.embed import Server
    from reflex.utils import prerequisites

    app = prerequisites.get_and_validate_app().app
    server = Server(app(), address=host, port=port, interface=Interfaces.ASGI, log_level=LogLevels.warning,
                    log_access=False)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, server.stop)
    await server.serve()
