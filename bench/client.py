"""The load generator of `bench/load.py`: lean HTTP/1.1 clients in several processes.

A chat turn here is a hand-written request on a kept-alive connection and a minimal read of the
answer (Content-Length, or a chunked SSE stream read to its end): tens of microseconds of client
CPU, not httpx's milliseconds, so the server side is what saturates. Each process runs its share
of the users concurrently and reports its own CPU time beside its latencies.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import resource
import time
from dataclasses import dataclass, field

TIMEOUT_S = 60.0


@dataclass
class User:
    id: int
    token: str
    conversation_id: int | None = None


@dataclass
class Outcome:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    cpu_s: float = 0.0

    def merge(self, other: Outcome) -> None:
        self.latencies_ms += other.latencies_ms
        self.errors += other.errors
        self.first_error = self.first_error or other.first_error
        self.cpu_s += other.cpu_s


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, path: str, body: bytes, token: str, stream: bool) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        accept = b"text/event-stream" if stream else b"application/json"
        self.writer.write(b"POST " + path.encode() + b" HTTP/1.1\r\nHost: " + self.host.encode()
                          + b"\r\nAuthorization: Bearer " + token.encode() + b"\r\nAccept: " + accept
                          + b"\r\nContent-Type: application/json\r\nContent-Length: "
                          + str(len(body)).encode() + b"\r\n\r\n" + body)
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        headers = head.lower()
        if b"transfer-encoding: chunked" in headers:
            payload = await self._chunked()
        else:
            start = headers.index(b"content-length:") + 15
            length = int(headers[start:headers.index(b"\r\n", start)])
            payload = await self.reader.readexactly(length)
        if b"connection: close" in headers:
            self.close()
        return status, payload

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n"))[:-2].split(b";")[0], 16)
            parts.append(await self.reader.readexactly(size + 2))
            if size == 0:
                return b"".join(parts)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _message(user: User, n: int) -> bytes:
    body: dict = {"message": f"Add a task to buy milk {n}"}
    if user.conversation_id is not None:
        body["conversation_id"] = user.conversation_id
    return json.dumps(body).encode()


async def _user_turns(host: str, port: int, user: User, turns: int, stream: bool, new_every: int,
                      outcome: Outcome) -> None:
    connection = Connection(host, port)
    try:
        for n in range(turns):
            if new_every and n % new_every == 0:
                user.conversation_id = None
            started = time.perf_counter()
            try:
                status, payload = await asyncio.wait_for(
                    connection.request(f"/api/{user.id}/chat", _message(user, n), user.token, stream), TIMEOUT_S)
                ok = status == 200 and (b"event: done" in payload if stream else b'"response"' in payload)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                connection.close()
                status, payload, ok = 0, repr(exc).encode(), False
            if ok:
                outcome.latencies_ms.append((time.perf_counter() - started) * 1000)
                if not stream:
                    user.conversation_id = json.loads(payload)["conversation_id"]
                else:
                    marker = payload.index(b'"conversation_id":') + 18
                    user.conversation_id = int(payload[marker:payload.index(b",", marker)])
            else:
                outcome.errors += 1
                outcome.first_error = outcome.first_error or f"{status}: {payload[:200]!r}"
    finally:
        connection.close()


def _process(args: tuple[str, int, list[User], int, bool, int]) -> Outcome:
    host, port, users, turns, stream, new_every = args
    outcome = Outcome()
    before = resource.getrusage(resource.RUSAGE_SELF)

    async def everyone() -> None:
        await asyncio.gather(*(_user_turns(host, port, u, turns, stream, new_every, outcome) for u in users))

    asyncio.run(everyone())
    after = resource.getrusage(resource.RUSAGE_SELF)
    outcome.cpu_s = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return outcome


class Clients:
    """A pool of client processes, started once (their start-up is never in a measured phase)."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.pool = multiprocessing.get_context("fork").Pool(processes)

    def run(self, port: int, users: list[User], turns: int, stream: bool, new_every: int = 5) -> Outcome:
        """Each user sends `turns` messages one after another, all users at once, spread over the
        processes; a new conversation every `new_every` turns."""
        shares = [users[i::self.processes] for i in range(self.processes)]
        total = Outcome()
        for part in self.pool.map(_process, [("127.0.0.1", port, share, turns, stream, new_every)
                                             for share in shares if share]):
            total.merge(part)
        return total

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()
