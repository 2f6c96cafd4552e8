"""The lexicons: word lists kept as data (`lexicons/<kind>.txt`, one entry a line, `#` comments).

A rule names a kind ("yes", "negators", ...) and never spells its words out; a new way people
say a thing is a new line in a file, not a new alternative in a regex.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DIR = Path(__file__).with_name("lexicons")


@cache
def entries(kind: str) -> tuple[str, ...]:
    lines = (_DIR / f"{kind}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@cache
def lookup(kind: str) -> str:
    """The kind as one regex alternation, longest entries first (so "no thanks" beats "no");
    of a `word value` or `variant = standard` lexicon, its words."""
    words = sorted(table(kind) if _is_table(kind) else pairs(kind) or entries(kind), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _is_table(kind: str) -> bool:
    return all(re.fullmatch(r".+ -?\d+", line) for line in entries(kind))


@cache
def table(kind: str) -> dict[str, int]:
    """A `word value` lexicon (ordinals, number words) as a dict."""
    out: dict[str, int] = {}
    for line in entries(kind):
        word, _, value = line.rpartition(" ")
        out[word] = int(value)
    return out


@cache
def pairs(kind: str) -> dict[str, str]:
    """A `variant = standard` lexicon (register variants, sort keys) as a dict; {} for any other kind."""
    lines = entries(kind)
    if not lines or not all(" = " in line for line in lines):
        return {}
    split = (line.partition(" = ") for line in lines)
    return {" ".join(variant.split()): standard.strip() for variant, _, standard in split}


@cache
def starts(kind: str) -> re.Pattern[str]:
    """Does a text start with an entry of `kind` (as whole words)?"""
    return re.compile(rf"^(?:{lookup(kind)})\b")


@cache
def anywhere(kind: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{lookup(kind)})(?![\w'])")
