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
    weights: dict[int, tuple[float, ...]]   # only features the training data had


@cache
def _model() -> _Model:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return _Model(tuple(data["classes"]), tuple(data["bias"]),
                  {int(k): tuple(v) for k, v in data["weights"].items()})


def predict(text: str) -> Prediction:
    model = _model()
    scores = list(model.bias)
    for index, value in vector(text).items():
        row = model.weights.get(index)
        if row is not None:
            for k, w in enumerate(row):
                scores[k] += w * value
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probabilities = {c: e / total for c, e in zip(model.classes, exps)}
    best = max(probabilities, key=lambda c: probabilities[c])
    return Prediction(best, probabilities[best], probabilities)
