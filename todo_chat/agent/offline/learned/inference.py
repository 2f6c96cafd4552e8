"""The intent classifier at run time: a linear model over `features.vector`, in pure Python.

No scikit-learn or numpy here: the weights are read once from `weights.json` and `weights.bin`
(written by `train.py`; `model_file` says how), and a prediction is a sparse dot product per
class and a softmax.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

from todo_chat.agent.offline.learned import model_file
from todo_chat.agent.offline.learned.features import vector

WEIGHTS = Path(__file__).with_name("weights.json")   # the header; the weights are in weights.bin


@dataclass(frozen=True)
class Prediction:
    intent: str
    probability: float
    probabilities: dict[str, float]


@dataclass(frozen=True)
class _Model:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    scale: float
    weights: model_file.Packed     # feature -> its weights (integers of 1/scale) in every class, packed


def parse_model(data: dict, packed: model_file.Packed | None = None) -> _Model:
    """The model from `train.fit`'s export (one row of weights per class), or from a header and
    its packed weights."""
    weights = model_file.pack(data["weights"]) if packed is None else packed
    return _Model(tuple(data["classes"]), tuple(data["bias"]), float(data["scale"]), weights)


@cache
def _model() -> _Model:
    return parse_model(*model_file.read_packed(WEIGHTS))


def predict(text: str) -> Prediction:
    model = _model()
    by_value: dict[float, list[int]] = {}     # the features of one count share one value: one sum each
    for index, value in vector(text).items():
        by_value.setdefault(value, []).append(index)
    scores = list(model.bias)
    for value, features in by_value.items():
        sums = model_file.unpack(sum(map(model.weights.get, features, repeat(0))), len(scores))
        factor = value / model.scale
        scores = [s + w * factor for s, w in zip(scores, sums, strict=True)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probabilities = {c: e / total for c, e in zip(model.classes, exps, strict=True)}
    best = max(probabilities, key=lambda c: probabilities[c])
    return Prediction(best, probabilities[best], probabilities)
