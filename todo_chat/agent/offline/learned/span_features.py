"""Features of the tokens of a message for the span tagger (a linear-chain CRF).

Per token: the word, its shape and affixes, flags (capitalised, digits, punctuation, a time word,
inside quotes), the lexicons it is part of, its neighbours (±2) and their flags, its place in the
message, what came before it (a colon, "to", a quote) and the message's intent, alone and with the
word. The label of the token before is no feature: the CRF's transitions carry it, and Viterbi
decodes the best labelling as a whole.

The same code runs at training time (`train_tagger.py`, python-crfsuite) and at run time
(`tagger.py`, pure Python). Any change here, in `date_words.txt` or in the lexicons named in
`LEXICONS` changes the hash in `tagger.json` (stale until retrained).
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path

from todo_chat.agent.offline import lexicon

DIM = 1 << 20
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_QUOTES = frozenset("\"“”'‘’`")
_TIME = re.compile(r"\d{1,2}(?::\d\d)?(?:am|pm|h)?|\d{1,2}(?:st|nd|rd|th)|\d{1,4}[/.]\d{1,2}(?:[/.]\d{2,4})?")
DATE_WORDS = Path(__file__).with_name("date_words.txt")
# The lexicons whose membership is a feature (data other engineers keep; an edit makes tagger.json stale).
LEXICONS = ("priority_high", "priority_low", "priority_medium", "task_nouns", "verbs_add", "verbs_complete",
            "verbs_delete", "note_verbs", "note_nouns", "note_replace", "ordinals", "number_words", "recency",
            "topic_preps", "negators", "add_heads", "leading_fillers", "trailing_fillers", "request_starts")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every word and punctuation mark of `text` as typed."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def lexicon_files() -> list[Path]:
    return [DATE_WORDS, *(Path(lexicon.__file__).with_name("lexicons") / f"{k}.txt" for k in LEXICONS)]


@cache
def _date_words() -> frozenset[str]:
    lines = DATE_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@cache
def _phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word -> (the phrase's words, lexicon) for every entry of `LEXICONS`, longest first."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in LEXICONS:
        for entry in lexicon.entries(kind):
            entry = re.sub(r" -?\d+$", "", entry) if " " in entry else entry   # `word value` tables
            words = tuple(_norm(t) for t, _, _ in tokenize(entry))
            if words:
                found.setdefault(words[0], []).append((words, kind))
    return {w: tuple(sorted(set(v), key=lambda p: -len(p[0]))) for w, v in found.items()}


def _norm(word: str) -> str:
    return re.sub(r"\d", "0", word.lower().replace("’", "'"))


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d", "0", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _lexicons(low: list[str]) -> list[list[str]]:
    """The lexicons each token is part of (a phrase matched as whole words)."""
    out: list[list[str]] = [[] for _ in low]
    phrases = _phrases()
    for i, word in enumerate(low):
        for words, kind in phrases.get(word, ()):
            if tuple(low[i:i + len(words)]) == words:
                for k in range(i, i + len(words)):
                    out[k].append(kind)
    return out


def _flags(word: str, low: str) -> list[str]:
    out = []
    if word[:1].isupper():
        out.append("cap")
    if any(c.isdigit() for c in word):
        out.append("num")
    if not word[0].isalnum() and word[0] != "_":
        out.append("punct")
    if low in _date_words() or _TIME.fullmatch(word.lower()):
        out.append("date")
    return out


def names(words: list[str], intent: str) -> list[list[str]]:
    """The feature names of every token of `words` (a message read as `intent`)."""
    n = len(words)
    low = [_norm(w) for w in words]
    flags = [_flags(w, lw) for w, lw in zip(words, low, strict=True)]
    lexes = _lexicons(low)
    out: list[list[str]] = []
    seen: set[str] = set()
    quoted = False
    for i, (word, lw) in enumerate(zip(words, low, strict=True)):
        if word in _QUOTES:
            quoted = not quoted
        feats = ["b", f"w:{lw}", f"sh:{_shape(word)}", f"p3:{lw[:3]}", f"s3:{lw[-3:]}", f"s2:{lw[-2:]}",
                 f"pos:{min(i, 5)}", f"end:{min(n - 1 - i, 3)}", f"i:{intent}", f"iw:{intent}|{lw}",
                 f"ipos:{intent}|{min(i, 3)}"]
        feats += [f"f:{f}" for f in flags[i]] + [f"x:{k}" for k in lexes[i]]
        feats += [f"if:{intent}|{f}" for f in flags[i]] + [f"ix:{intent}|{k}" for k in lexes[i]]
        if quoted and word not in _QUOTES:
            feats.append("inq")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            other = low[j] if 0 <= j < n else ("<s>" if j < 0 else "</s>")
            feats.append(f"w{offset}:{other}")
            if 0 <= j < n and abs(offset) == 1:
                feats += [f"f{offset}:{f}" for f in flags[j]] + [f"x{offset}:{k}" for k in lexes[j]]
        left = low[i - 1] if i else "<s>"
        right = low[i + 1] if i + 1 < n else "</s>"
        feats += [f"lw:{left}|{lw}", f"wr:{lw}|{right}", f"il:{intent}|{left}", f"ir:{intent}|{right}"]
        feats += [f"seen:{s}" for s in sorted(seen)]
        out.append(feats)
        if lw in (":", "-", "to", "that", "called", "named", '"', "“"):
            seen.add(lw)
    return out


def indices(words: list[str], intent: str) -> list[list[int]]:
    """The hashed feature indices of every token (the same at training and run time)."""
    return [sorted({zlib.crc32(name.encode("utf-8")) % DIM for name in feats}) for feats in names(words, intent)]
