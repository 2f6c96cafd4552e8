"""The span tagger at run time: BIO labels over tokens by a linear model, decoded greedily left
to right, in pure Python (weights from `tagger.json`, written by `train_tagger.py`).

It finds the slot words framing regexes miss: the title of a task to add in "so the boiler guy
is coming thursday, gotta sort the spare key", its due and priority words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from todo_chat.agent.offline.learned.span_features import tokenize, vector

TAGGER_WEIGHTS = Path(__file__).with_name("tagger.json")


@dataclass(frozen=True)
class _Model:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[int, tuple[tuple[int, float], ...]]


@cache
def _model() -> _Model:
    data = json.loads(TAGGER_WEIGHTS.read_text(encoding="utf-8"))
    scale = float(data["scale"])
    weights = {int(feature): tuple((int(k), int(w) / scale) for k, w in (pair.split(":") for pair in row.split()))
               for feature, row in data["weights"].items()}
    return _Model(tuple(data["labels"]), tuple(data["bias"]), weights)


def labels(words: list[str], intent: str, slots: tuple[str, ...] | None = None) -> list[str]:
    """One BIO label per word, each decided knowing the label before it; only `slots` (all if
    None) may be chosen: an add has a title, never a target, whatever the words look like."""
    model, out, previous = _model(), [], "O"
    allowed = [k for k, label in enumerate(model.labels) if slots is None or label == "O" or label[2:] in slots]
    for i in range(len(words)):
        scores = list(model.bias)
        for index, value in vector(words, i, previous, intent).items():
            for k, w in model.weights.get(index, ()):
                scores[k] += w * value
        label = model.labels[max(allowed, key=lambda k: scores[k])]
        if label.startswith("I-") and previous[2:] != label[2:]:
            label = "B-" + label[2:]        # an inside with no beginning starts the span
        out.append(label)
        previous = label
    return out


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
