"""The intent classifier at run time: a linear model over `features.vector`, in pure Python.

No scikit-learn or numpy here: the weights are read once from `weights.json` (written by
`train.py`), and a prediction is a sparse dot product and a softmax.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from todo_chat.agent.offline.learned.features import vector

WEIGHTS = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class Prediction:
    intent: str
    probability: float
    probabilities: dict[str, float]


@dataclass(frozen=True)
class _Model:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[int, tuple[tuple[int, float], ...]]   # feature -> (class index, weight), the non-zero ones


@cache
def _model() -> _Model:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    scale = float(data["scale"])
    weights = {int(feature): tuple((int(k), int(w) / scale) for k, w in (pair.split(":") for pair in row.split()))
               for feature, row in data["weights"].items()}
    return _Model(tuple(data["classes"]), tuple(data["bias"]), weights)


def predict(text: str) -> Prediction:
    model = _model()
    scores = list(model.bias)
    for index, value in vector(text).items():
        for k, w in model.weights.get(index, ()):
            scores[k] += w * value
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probabilities = {c: e / total for c, e in zip(model.classes, exps, strict=True)}
    best = max(probabilities, key=lambda c: probabilities[c])
    return Prediction(best, probabilities[best], probabilities)
