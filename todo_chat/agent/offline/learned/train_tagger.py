"""`make nlu-train`: trains the span tagger with scikit-learn and writes `tagger.json`.

    python -m todo_chat.agent.offline.learned.train_tagger           # train, cross-validate, write
    python -m todo_chat.agent.offline.learned.train_tagger --check   # exit 1 if tagger.json is stale

Trained on the corpus only (its lines carry exact-substring slot spans; the open split's lines
do not). Each token is labelled knowing the gold label before it; at run time the decoder feeds
its own (greedy). Deterministic: fixed seeds, files in name order, weights rounded.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys

from todo_chat.agent.offline.learned.data_files import HERE
from todo_chat.agent.offline.learned.span_features import tokenize, vector
from todo_chat.agent.offline.learned.tagger import TAGGER_WEIGHTS

SLOTS = ("title", "due", "priority", "target")
C = 4.0
PRUNE = 0.2
SCALE = 100
FOLDS = 5
SEED = 0
_CORPUS = HERE / "corpus"
_CODE = HERE / "span_features.py"


def fingerprint() -> str:
    """sha256 of the corpus files (names and bytes) and of the features code."""
    digest = hashlib.sha256()
    for path in [*sorted(_CORPUS.glob("*.jsonl")), _CODE]:
        digest.update(path.relative_to(HERE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _place(text: str, value: str) -> int:
    for match in re.finditer(re.escape(value), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            return match.start()
    return text.find(value)


def sentences() -> list[tuple[list[str], list[str], str]]:
    """(words, BIO labels, intent) for every corpus line."""
    out = []
    for path in sorted(_CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            tokens = tokenize(row["text"])
            tags = ["O"] * len(tokens)
            for slot in SLOTS:
                values = row.get("slots", {}).get(slot)
                for value in values if isinstance(values, list) else [values] if values else []:
                    start = _place(row["text"], value)
                    inside = [k for k, (_, s, e) in enumerate(tokens)
                              if start >= 0 and s < start + len(value) and e > start]
                    for n, k in enumerate(inside):
                        tags[k] = ("B-" if n == 0 else "I-") + slot
            out.append(([t for t, _, _ in tokens], tags, row["intent"]))
    return out


def _rows(data: list[tuple[list[str], list[str], str]]) -> tuple[list[dict[int, float]], list[str]]:
    xs, ys = [], []
    for words, tags, intent in data:
        for i in range(len(words)):
            xs.append(vector(words, i, tags[i - 1] if i else "O", intent))
            ys.append(tags[i])
    return xs, ys


def _fit(data: list[tuple[list[str], list[str], str]]):
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    xs, ys = _rows(data)
    rows = [r for r, x in enumerate(xs) for _ in x]
    cols = [i for x in xs for i in x]
    vals = [v for x in xs for v in x.values()]
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(xs), 1 << 18))
    return LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit(matrix, ys)


def _export(model) -> dict:
    weights: dict[str, str] = {}
    coef = model.coef_
    for index in sorted(set(coef.nonzero()[1].tolist())):
        kept = [(k, round(float(w) * SCALE)) for k, w in enumerate(coef[:, index]) if abs(w) >= PRUNE]
        if kept:
            weights[str(index)] = " ".join(f"{k}:{w}" for k, w in kept)
    return {"labels": [str(c) for c in model.classes_], "scale": SCALE,
            "bias": [round(float(b), 3) for b in model.intercept_], "weights": weights}


def _spans(tags: list[str]) -> set[tuple[str, int, int]]:
    out, start, slot = set(), 0, ""
    for k, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == slot:
            continue
        if slot:
            out.add((slot, start, k))
        slot, start = (tag[2:], k) if tag != "O" else ("", k)
    return out


def cross_validate(data: list[tuple[list[str], list[str], str]]) -> dict:
    """Exact-span F1 per slot over out-of-fold greedy decodes."""
    import random

    from todo_chat.agent.offline.learned import tagger

    order = list(range(len(data)))
    random.Random(SEED).shuffle(order)
    counts = {s: [0, 0, 0] for s in SLOTS}      # true positives, predicted, gold
    shipped = tagger._model
    for fold in range(FOLDS):
        test = set(order[fold::FOLDS])
        model = _fit([d for i, d in enumerate(data) if i not in test])
        exported = _export(model)
        tagger._model = lambda e=exported: tagger._Model(   # type: ignore[assignment]
            tuple(e["labels"]), tuple(e["bias"]), _parsed(e))
        for i in sorted(test):
            words, gold, intent = data[i]
            got, want = _spans(tagger.labels(words, intent)), _spans(gold)
            for slot in SLOTS:
                g = {s for s in got if s[0] == slot}
                w = {s for s in want if s[0] == slot}
                counts[slot][0] += len(g & w)
                counts[slot][1] += len(g)
                counts[slot][2] += len(w)
    tagger._model = shipped
    return {s: round(2 * tp / max(p + g, 1), 4) for s, (tp, p, g) in counts.items()}


def _parsed(exported: dict) -> dict[int, tuple[tuple[int, float], ...]]:
    return {int(f): tuple((int(k), int(w) / SCALE) for k, w in (p.split(":") for p in row.split()))
            for f, row in exported["weights"].items()}


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = json.loads(TAGGER_WEIGHTS.read_text(encoding="utf-8")).get("fingerprint")
        return 0 if current == fingerprint() else 1
    data = sentences()
    report = cross_validate(data) if "--no-cv" not in argv else {}
    out = {"fingerprint": fingerprint(), "cross_validation_f1": report, **_export(_fit(data))}
    TAGGER_WEIGHTS.write_text(json.dumps(out, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"{len(out['weights'])} features kept -> {TAGGER_WEIGHTS} ({TAGGER_WEIGHTS.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
