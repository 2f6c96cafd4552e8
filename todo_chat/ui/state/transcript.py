"""The native chat's transcript in three parts, so that a state delta carries only the part that changed.

Reflex sends a changed list var whole, and once per flush. One `messages` list was resent up to three
times a turn (the pending message, the saved one, the answer) and grew with the conversation. Now:

- `history`: the opened page and older turns; resent only when it is opened, cut (edit, regenerate)
  or when `recent` folds into it, once every `FOLD` messages;
- `recent`: the turns finished since (at most `FOLD` messages), resent once a turn;
- `live`: the turn in flight (its user message, pending then saved): the only part a turn touches
  until it ends. Streamed text goes to its own small var, never into these lists.

The functions return new parts and keep the very same list object for a part they did not change,
so the state assigns (and marks dirty) only what changed (`changed_parts`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, NamedTuple, Protocol, TypeVar

FOLD = 12  # messages in `recent` before they move to `history`


class Item(Protocol):
    id: int
    pending: bool


M = TypeVar("M", bound=Item)


class Parts(NamedTuple, Generic[M]):
    history: list[M]
    recent: list[M]
    live: list[M]


def joined(parts: Parts[M]) -> list[M]:
    return [*parts.history, *parts.recent, *parts.live]


def from_the_end(parts: Parts[M]) -> Iterator[M]:
    """The transcript's messages, last first (what is read stops where it finds what it wants)."""
    for part in reversed(parts):
        for index in range(len(part) - 1, -1, -1):
            yield part[index]


def keep(parts: Parts[M], count: int) -> Parts[M]:
    """The first `count` messages of the transcript (an edit or a regeneration cuts the rest)."""
    out: list[list[M]] = []
    for part in parts:
        take = max(0, min(count, len(part)))
        out.append(part if take == len(part) else part[:take])
        count -= take
    return Parts(*out)


def go_live(parts: Parts[M], message: M) -> Parts[M]:
    """The turn's saved message replaces its pending one (or its earlier place, on a retry or a
    regeneration) and is the live part until the turn ends.

    Only a message as it is sent is pending, and only in `live`: when `live` holds one, the saved
    message is new and the other parts are left unread (each of their items would be read through
    a state proxy, every turn)."""
    if any(m.pending for m in parts.live):
        return Parts(parts.history, parts.recent, [message])

    def without(part: list[M]) -> list[M]:
        if any(m.pending or m.id == message.id for m in part):
            return [m for m in part if not m.pending and m.id != message.id]
        return part
    return Parts(without(parts.history), without(parts.recent), [message])


def settle(parts: Parts[M], *answer: M) -> Parts[M]:
    """The turn ended: its saved message and its answer join `recent` (a message never saved is
    dropped); past `FOLD` messages, `recent` moves into `history`."""
    done = [m for m in parts.live if not m.pending]
    if not done and not answer:
        return parts if not parts.live else Parts(parts.history, parts.recent, [])
    recent = [*parts.recent, *done, *answer]
    if len(recent) > FOLD:
        return Parts([*parts.history, *recent], [], [])
    return Parts(parts.history, recent, [])


def replaced(parts: Parts[M], match: Callable[[M], bool], change: Callable[[M], M]) -> Parts[M]:
    """`change` applied to the messages that `match`, in the parts that hold one."""
    return Parts(*(
        [change(m) if match(m) else m for m in part] if any(match(m) for m in part) else part
        for part in parts))


def changed_parts(before: Parts[M], after: Parts[M]) -> dict[str, list[M]]:
    """The parts to assign: those that are not the very same list as before."""
    return {name: new for name, old, new in zip(Parts._fields, before, after, strict=True) if new is not old}
