"""The span tagger at run time: BIO labels over tokens by a linear-chain CRF, decoded with Viterbi
in pure Python, in integers (weights from `tagger.json` and `tagger.bin`, written by
`train_tagger.py` with python-crfsuite; `model_file` says how they are stored).

It finds the slot words framing regexes miss: the title of a task to add in "so the boiler guy
is coming thursday, gotta sort the spare key", its due and priority words, the task an update or a
completion points at (`target`), a rename's `new_title` and a `note`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from operator import add
from pathlib import Path

from todo_chat.agent.offline.learned import model_file
from todo_chat.agent.offline.learned.span_features import indices, tokenize

TAGGER_WEIGHTS = Path(__file__).with_name("tagger.json")   # the header; the weights are in tagger.bin
_NEVER = -(1 << 60)        # the score of a label no path reaches (scores are integers of 1/scale)


@dataclass(frozen=True)
class _Model:
    labels: tuple[str, ...]
    transitions: tuple[tuple[int, ...], ...]                 # [from label][to label], integers of 1/scale
    weights: model_file.Packed                               # feature -> its weights in every label, packed
    follows: tuple[tuple[bool, ...], ...]                    # [from][to]: an inside label only continues its slot
    scale: float = 100.0                                     # a weight of 1.0 is `scale` in the integers
    _paths: dict = field(default_factory=dict, compare=False, repr=False)   # allowed labels -> _Paths

    def paths(self, allowed: tuple[int, ...]) -> _Paths:
        if allowed not in self._paths:
            preds = {j: tuple(i for i in allowed if self.follows[i][j]) for j in allowed}
            self._paths[allowed] = _Paths(
                tuple(k for k in allowed if not self.labels[k].startswith("I-")), preds,
                {j: tuple(self.transitions[i][j] for i in preds[j]) for j in allowed})
        return self._paths[allowed]


@dataclass(frozen=True)
class _Paths:
    """For one set of allowed labels: those that may open a message, and each label's possible
    predecessors with the transition weights from them."""

    starts: tuple[int, ...]
    preds: dict[int, tuple[int, ...]]
    weights: dict[int, tuple[int, ...]]


def parse_model(data: dict, packed: model_file.Packed | None = None) -> _Model:
    """The model from `train_tagger`'s export (labels, the transition matrix and one row of
    feature weights per label, all integers of 1/scale), or from a header and its packed weights."""
    labels = tuple(data["labels"])
    follows = tuple(tuple(not b.startswith("I-") or a[2:] == b[2:] for b in labels) for a in labels)
    transitions = tuple(tuple(int(w) for w in row) for row in data["transitions"])
    weights = model_file.pack(data["weights"]) if packed is None else packed
    return _Model(labels, transitions, weights, follows, float(data["scale"]))


@cache
def _model() -> _Model:
    return parse_model(*model_file.read_packed(TAGGER_WEIGHTS))


def _emissions(model: _Model, words: list[str], intent: str) -> list[list[int]]:
    """Per token, every label's score: the sum of the weights of the token's features."""
    get, count = model.weights.get, len(model.labels)
    return [model_file.unpack(sum(map(get, features, repeat(0))), count) for features in indices(words, intent)]


def score(words: list[str], labelling: list[str], intent: str) -> float:
    """The CRF's unnormalised log-score of one labelling of `words` (emissions and transitions),
    in weight units: what Viterbi maximises, for comparing two readings."""
    model = _model()
    index = {label: k for k, label in enumerate(model.labels)}
    total, before = 0, -1
    for scores, label in zip(_emissions(model, words, intent), labelling, strict=True):
        k = index[label]
        total += scores[k] + (model.transitions[before][k] if before >= 0 else 0)
        before = k
    return total / model.scale


def labels(words: list[str], intent: str, slots: tuple[str, ...] | None = None) -> list[str]:
    """One BIO label per word: the best labelling as a whole (Viterbi) where only `slots` (all if
    None) may be chosen: an add has a title, never a target, whatever the words look like."""
    if not words:
        return []
    model = _model()
    allowed = tuple(k for k, label in enumerate(model.labels) if slots is None or label == "O" or label[2:] in slots)
    paths = model.paths(allowed)
    emissions = _emissions(model, words, intent)
    best = [_NEVER] * len(model.labels)
    for k in paths.starts:
        best[k] = emissions[0][k]
    back: list[list[int]] = []
    for t in range(1, len(words)):
        step, came = [_NEVER] * len(model.labels), [-1] * len(model.labels)
        for j in allowed:
            preds = paths.preds[j]
            scores = list(map(add, map(best.__getitem__, preds), paths.weights[j]))
            top = max(scores, default=_NEVER)
            if top > _NEVER // 2:
                # On an exact tie, the later label (O is the last): the scores are integers.
                step[j], came[j] = top + emissions[t][j], preds[len(scores) - 1 - scores[::-1].index(top)]
        best = step
        back.append(came)
    k = max(reversed(allowed), key=best.__getitem__)      # on a tie, the later label, as above
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
