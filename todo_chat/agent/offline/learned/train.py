"""`make nlu-train`: trains the intent classifier with scikit-learn and writes `weights.json` + `.bin`.

    python -m todo_chat.agent.offline.learned.train           # train, cross-validate, write
    python -m todo_chat.agent.offline.learned.train --check   # exit 1 if weights.json is stale

Deterministic: fixed seeds, files read in name order, weights rounded; the same data gives the
same bytes. Only this script imports scikit-learn; the server reads them (`inference.py`).
The thresholds the pipeline uses are chosen here, by cross-validation on the training data.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from todo_chat.agent.offline.learned import model_file
from todo_chat.agent.offline.learned.data_files import examples, fingerprint
from todo_chat.agent.offline.learned.features import vector
from todo_chat.agent.offline.learned.inference import WEIGHTS

C = 32.0           # inverse regularisation strength (chosen by cross-validation, see the report)
PRUNE = 0.3        # smaller weights are dropped: same held-out accuracy, a file a tenth the size
SCALE = 100        # weights are stored as 16-bit integers of 1/SCALE (`model_file`)
FOLDS = 5
SEED = 0
_ACT_PRECISION, _ASK_PRECISION = 0.97, 0.85


def _matrix(texts: list[str]) -> tuple:
    """The texts as a sparse matrix over the hashed indices they use (in index order), and those indices."""
    from scipy.sparse import csr_matrix

    vectors = [vector(text) for text in texts]
    used = sorted({i for v in vectors for i in v})
    column = {index: c for c, index in enumerate(used)}
    rows, cols, values = [], [], []
    for r, v in enumerate(vectors):
        for index, value in sorted(v.items()):
            rows.append(r)
            cols.append(column[index])
            values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(texts), len(used))), used


def _classifier():
    from sklearn.linear_model import LogisticRegression

    # Classes weighted by their inverse frequency: the rare intents (undo, yes, no) are not drowned
    # by add and update (+1 point of cross-validated accuracy over unweighted, at C 8 and 32).
    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=SEED)


def cross_validate(texts: list[str], labels: list[str], corpus_only: list[bool]) -> tuple[dict, list, list]:
    """Out-of-fold predictions over all data; accuracy reported on the corpus lines only."""
    from sklearn.model_selection import StratifiedKFold

    x, best, prob = _matrix(texts)[0], [""] * len(texts), [0.0] * len(texts)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_rows, test_rows in folds.split(texts, labels):
        model = _classifier().fit(x[train_rows], [labels[i] for i in train_rows])
        for i, p in zip(test_rows, model.predict_proba(x[test_rows]), strict=False):
            k = max(range(len(p)), key=lambda j: p[j])
            best[i], prob[i] = str(model.classes_[k]), float(p[k])
    scored = [i for i in range(len(texts)) if corpus_only[i]]
    report = {
        "folds": FOLDS,
        "accuracy_all": round(sum(best[i] == labels[i] for i in range(len(texts))) / len(texts), 4),
        "accuracy_corpus": round(sum(best[i] == labels[i] for i in scored) / max(len(scored), 1), 4),
        "corpus_lines": len(scored),
    }
    return report, best, prob


def threshold(best: list[str], prob: list[float], labels: list[str], precision: float) -> float:
    """The lowest confidence above which out-of-fold predictions are right `precision` of the time."""
    for t in [x / 100 for x in range(30, 100)]:
        kept = [b == y for b, p, y in zip(best, prob, labels, strict=False) if p >= t]
        if kept and sum(kept) / len(kept) >= precision:
            return t
    return 0.99


def fit(rows: list[dict]) -> dict:
    """The model trained on `rows`, as `inference.parse_model` reads it (weights rounded, tiny ones dropped)."""
    texts, labels = [r["text"] for r in rows], [r["intent"] for r in rows]
    x, used = _matrix(texts)
    model = _classifier().fit(x, labels)
    return export(model, used)


def export(model, used: list[int]) -> dict:
    """A fitted classifier's weights as one row per class: {feature: weight in 1/SCALE}, the
    ones of at least PRUNE (`model_file` stores them)."""
    weights: list[dict[int, int]] = [{} for _ in model.classes_]
    for col, index in enumerate(used):
        for k, w in enumerate(model.coef_[:, col]):
            if abs(w) >= PRUNE:
                weights[k][index] = round(float(w) * SCALE)
    return {"classes": [str(c) for c in model.classes_], "scale": SCALE,
            "bias": [round(float(b), 3) for b in model.intercept_], "weights": weights}


def train() -> dict:
    rows = examples()
    texts, labels = [r["text"] for r in rows], [r["intent"] for r in rows]
    report, best, prob = cross_validate(texts, labels, [r["source"] == "corpus" for r in rows])
    return {
        "fingerprint": fingerprint(),
        "thresholds": {"act": threshold(best, prob, labels, _ACT_PRECISION),
                       "ask": threshold(best, prob, labels, _ASK_PRECISION)},
        "cross_validation": report,
        "examples": dict(sorted(Counter(labels).items())),
        **fit(rows),
    }


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return 0 if model_file.header(WEIGHTS).get("fingerprint") == fingerprint() else 1
    data = train()
    model_file.write(WEIGHTS, {k: v for k, v in data.items() if k != "weights"}, data["weights"])
    print(json.dumps({k: data[k] for k in ("cross_validation", "thresholds", "examples")}, indent=1))
    kept = sum(len(row) for row in data["weights"])
    size = WEIGHTS.stat().st_size + model_file.bin_path(WEIGHTS).stat().st_size
    print(f"{kept} weights kept -> {WEIGHTS} and .bin ({size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
