"""Features of a message for the intent classifier: hashed words, word pairs and character trigrams.

The same code runs at training time (`train.py`, with scikit-learn) and at run time
(`inference.py`, pure Python), so both see exactly the same numbers. Any change here changes
the hash recorded in `weights.json`: the shipped weights are then stale until retrained.
"""

from __future__ import annotations

import math
import re
import zlib

DIM = 1 << 18          # hashed feature space
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<![\w])'[^']+'(?![\w])")
_WORD = re.compile(r"[a-z0-9#']+|[?!:;+\-]")
_DIGITS = re.compile(r"\d+")


def tokens(text: str) -> list[str]:
    """Lower-case words; a quoted title is one placeholder (its words are no command) and a
    number is "0" (task 4 and task 12 mean the same thing)."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = _QUOTED.sub(" qqq ", text)
    text = _DIGITS.sub("0", text)
    return _WORD.findall(text)


def _names(words: list[str]) -> list[str]:
    names = [f"w:{w}" for w in words]
    names += [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    names += [f"s:{' '.join(words[:n])}" for n in (1, 2) if len(words) >= n]
    names += [f"e:{words[-1]}"] if words else []
    names.append(f"n:{min(len(words), 12) // 3}")
    for word in words:
        if len(word) < 2 or not word[0].isalpha():
            continue
        padded = f"<{word}>"
        names += [f"c:{padded[i:i + 3]}" for i in range(len(padded) - 2)]
    return names


def vector(text: str) -> dict[int, float]:
    """The message as a sparse, L2-normalised vector {hashed index: weight}."""
    counts: dict[int, float] = {}
    for name in _names(tokens(text)):
        index = zlib.crc32(name.encode("utf-8")) % DIM
        counts[index] = counts.get(index, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {i: v / norm for i, v in counts.items()}
