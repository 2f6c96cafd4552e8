"""Features of one token for the span tagger: the word, its shape and affixes, its neighbours
(±2), the message's intent, its place in the message and the label the greedy decoder gave the token before it.

The same code runs at training time (`train_tagger.py`, scikit-learn) and at run time
(`tagger.py`, pure Python). Any change here changes the hash in `tagger.json` (stale until retrained).
"""

from __future__ import annotations

import re
import zlib

DIM = 1 << 18
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every word and punctuation mark of `text` as typed."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d", "0", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _norm(word: str) -> str:
    return re.sub(r"\d", "0", word.lower().replace("’", "'"))


def names(words: list[str], i: int, previous: str, intent: str) -> list[str]:
    """The feature names of token `i` given the message's intent and the label decoded for token `i - 1`."""
    low = [_norm(w) for w in words]
    word = low[i]
    out = [f"w:{word}", f"sh:{_shape(words[i])}", f"p3:{word[:3]}", f"s3:{word[-3:]}", f"s2:{word[-2:]}",
           f"pos:{min(i, 4)}", f"end:{min(len(words) - 1 - i, 3)}", f"prev:{previous}",
           f"prev_w:{previous}|{word}"]
    for offset in (-2, -1, 1, 2):
        j = i + offset
        other = low[j] if 0 <= j < len(words) else ("<s>" if j < 0 else "</s>")
        out.append(f"w{offset}:{other}")
    left = low[i - 1] if i else "<s>"
    right = low[i + 1] if i + 1 < len(words) else "</s>"
    out += [f"lw:{left}|{word}", f"wr:{word}|{right}", f"i:{intent}", f"iw:{intent}|{word}",
            f"ip:{intent}|{previous}", f"il:{intent}|{left}"]
    return out


def vector(words: list[str], i: int, previous: str, intent: str) -> dict[int, float]:
    counts: dict[int, float] = {}
    for name in names(words, i, previous, intent):
        index = zlib.crc32(name.encode("utf-8")) % DIM
        counts[index] = counts.get(index, 0.0) + 1.0
    return counts
