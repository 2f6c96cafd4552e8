"""`make nlu-train`: trains the intent classifier with scikit-learn and writes `weights.json`.

    python -m todo_chat.agent.offline.learned.train           # train, cross-validate, write
    python -m todo_chat.agent.offline.learned.train --check   # exit 1 if weights.json is stale

Deterministic: fixed seeds, files read in name order, weights rounded; the same data gives the
same bytes. Only this script imports scikit-learn; the server reads the JSON (`inference.py`).
The thresholds the pipeline uses are chosen here, by cross-validation on the training data.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from todo_chat.agent.offline.learned.data_files import examples, fingerprint
from todo_chat.agent.offline.learned.features import vector
from todo_chat.agent.offline.learned.inference import WEIGHTS

C = 8.0            # inverse regularisation strength (chosen by cross-validation, see the report)
PRUNE = 0.01       # weights smaller than this are dropped from the file
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

    return LogisticRegression(C=C, max_iter=3000, random_state=SEED)


def cross_validate(texts: list[str], labels: list[str], corpus_only: list[bool]) -> tuple[dict, list, list]:
    """Out-of-fold predictions over all data; accuracy reported on the corpus lines only."""
    from sklearn.model_selection import StratifiedKFold

    x, best, prob = _matrix(texts)[0], [""] * len(texts), [0.0] * len(texts)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_rows, test_rows in folds.split(texts, labels):
        model = _classifier().fit(x[train_rows], [labels[i] for i in train_rows])
        for i, p in zip(test_rows, model.predict_proba(x[test_rows])):
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
        kept = [b == y for b, p, y in zip(best, prob, labels) if p >= t]
        if kept and sum(kept) / len(kept) >= precision:
            return t
    return 0.99


def train() -> dict:
    rows = examples()
    texts, labels = [r["text"] for r in rows], [r["intent"] for r in rows]
    report, best, prob = cross_validate(texts, labels, [r["source"] == "corpus" for r in rows])
    x, used = _matrix(texts)
    model = _classifier().fit(x, labels)
    classes = [str(c) for c in model.classes_]
    weights: dict[str, list[float]] = {}
    for col, index in enumerate(used):
        row = [round(float(w), 3) for w in model.coef_[:, col]]
        if max(abs(w) for w in row) >= PRUNE:
            weights[str(index)] = row
    return {
        "fingerprint": fingerprint(),
        "classes": classes,
        "bias": [round(float(b), 4) for b in model.intercept_],
        "thresholds": {"act": threshold(best, prob, labels, _ACT_PRECISION),
                       "ask": threshold(best, prob, labels, _ASK_PRECISION)},
        "cross_validation": report,
        "examples": dict(sorted(Counter(labels).items())),
        "weights": weights,
    }


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = json.loads(WEIGHTS.read_text(encoding="utf-8")).get("fingerprint")
        return 0 if current == fingerprint() else 1
    data = train()
    WEIGHTS.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps({k: data[k] for k in ("cross_validation", "thresholds", "examples")}, indent=1))
    print(f"{len(data['weights'])} features kept -> {WEIGHTS} ({WEIGHTS.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
