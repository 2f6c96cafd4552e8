"""The span tagger at run time: BIO labels over tokens by a linear-chain CRF, decoded with Viterbi
in pure Python (weights from `tagger.json`, written by `train_tagger.py` with python-crfsuite).

It finds the slot words framing regexes miss: the title of a task to add in "so the boiler guy
is coming thursday, gotta sort the spare key", its due and priority words, the task an update or a
completion points at (`target`), a rename's `new_title` and a `note`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from todo_chat.agent.offline.learned.span_features import indices, tokenize

TAGGER_WEIGHTS = Path(__file__).with_name("tagger.json")
_NEVER = float("-inf")


@dataclass(frozen=True)
class _Model:
    labels: tuple[str, ...]
    transitions: tuple[tuple[float, ...], ...]               # [from label][to label]
    weights: dict[int, tuple[tuple[int, float], ...]]        # feature -> (label index, weight), non-zero only
    follows: tuple[tuple[bool, ...], ...]                    # [from][to]: an inside label only continues its slot


def parse_model(data: dict) -> _Model:
    """The model from the JSON `train_tagger.py` writes (integers of 1/scale)."""
    scale = float(data["scale"])
    weights = {int(feature): tuple((int(k), int(w) / scale) for k, w in (pair.split(":") for pair in row.split()))
               for feature, row in data["weights"].items()}
    transitions = tuple(tuple(w / scale for w in row) for row in data["transitions"])
    labels = tuple(data["labels"])
    follows = tuple(tuple(not b.startswith("I-") or a[2:] == b[2:] for b in labels) for a in labels)
    return _Model(labels, transitions, weights, follows)


@cache
def _model() -> _Model:
    return parse_model(json.loads(TAGGER_WEIGHTS.read_text(encoding="utf-8")))


def labels(words: list[str], intent: str, slots: tuple[str, ...] | None = None) -> list[str]:
    """One BIO label per word: the best labelling as a whole (Viterbi) where only `slots` (all if
    None) may be chosen: an add has a title, never a target, whatever the words look like."""
    if not words:
        return []
    model = _model()
    allowed = [k for k, label in enumerate(model.labels) if slots is None or label == "O" or label[2:] in slots]
    follows = model.follows
    emissions = []
    for features in indices(words, intent):
        scores = [0.0] * len(model.labels)
        for index in features:
            for k, w in model.weights.get(index, ()):
                scores[k] += w
        emissions.append(scores)
    best = {k: emissions[0][k] for k in allowed if not model.labels[k].startswith("I-")}
    back: list[dict[int, int]] = []
    for scores in emissions[1:]:
        step, came = {}, {}
        for j in allowed:
            score, i = max(((s + model.transitions[i][j], i) for i, s in best.items() if follows[i][j]),
                           default=(_NEVER, -1))
            if i >= 0:
                step[j], came[j] = score + scores[j], i
        best = step
        back.append(came)
    k = max(best, key=lambda j: best[j])
    path = [k]
    for came in reversed(back):
        k = came[k]
        path.append(k)
    return [model.labels[k] for k in reversed(path)]


def spans(text: str, intent: str, slots: tuple[str, ...] | None = None) -> dict[str, list[str]]:
    """Every span the tagger finds in `text` read as an `intent` message (of `slots` only, if
    given), cut from the text as typed."""
    tokens = tokenize(text)
    found: dict[str, list[str]] = {}
    start = end = -1
    slot = ""
    for (_, s, e), label in zip(tokens, labels([t for t, _, _ in tokens], intent, slots), strict=True):
        if label.startswith("I-") and label[2:] == slot:
            end = e
            continue
        if slot:
            found.setdefault(slot, []).append(text[start:end])
        slot, start, end = (label[2:], s, e) if label != "O" else ("", -1, -1)
    if slot:
        found.setdefault(slot, []).append(text[start:end])
    return found
