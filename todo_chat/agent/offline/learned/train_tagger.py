"""`make nlu-train`: trains the span tagger (a linear-chain CRF, python-crfsuite) and writes `tagger.json` + `.bin`.

    python -m todo_chat.agent.offline.learned.train_tagger           # train, cross-validate, write
    python -m todo_chat.agent.offline.learned.train_tagger --check   # exit 1 if tagger.json is stale

Trained on the corpus only (its lines carry exact-substring slot spans; the open split's lines
do not), without the lines that hold several commands (only the first one's slots are labelled,
so the others would teach "O" on real slots). Cross-validation scores the shipped decoder (the
pure-Python Viterbi of `tagger.py` over the exported, rounded weights) on every corpus line.
Deterministic: L-BFGS from zero, files in name order, weights rounded. Only this script imports
python-crfsuite; the server reads `tagger.json` and `tagger.bin` (`model_file`).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from todo_chat.agent.offline.learned import model_file
from todo_chat.agent.offline.learned.data_files import HERE
from todo_chat.agent.offline.learned.span_features import indices, lexicon_files, tokenize
from todo_chat.agent.offline.learned.tagger import TAGGER_WEIGHTS

SLOTS = ("title", "due", "priority", "target", "new_title", "note")
C1, C2 = 0.05, 0.05          # L1 keeps the file small; both chosen by cross-validation (see the report)
ITERATIONS = 150
SCALE = 100                  # weights are stored as 16-bit integers of 1/SCALE (`model_file`)
PRUNE = 1                    # smaller ones (in 1/SCALE) are dropped
FOLDS = 5
SEED = 0
_CORPUS = HERE / "corpus"
_CODE = (HERE / "span_features.py", HERE / "train_tagger.py")
_UNTRAINED_REGISTERS = frozenset({"multi_command"})
# (label, corpus slot): each item of a several-task add is a title of its own.
_LABELLED = (*((s, s) for s in SLOTS), ("title", "items"))

Sentence = tuple[list[str], list[str], str, str]      # words, BIO labels, intent, register


def fingerprint() -> str:
    """sha256 of the corpus files, the features and training code and the word lists the features read."""
    digest = hashlib.sha256()
    for path in [*sorted(_CORPUS.glob("*.jsonl")), *_CODE, *lexicon_files()]:
        name = path.name if path.parent.name == "lexicons" else path.relative_to(HERE).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _place(text: str, value: str) -> int:
    for match in re.finditer(re.escape(value), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            return match.start()
    return text.find(value)


def sentences() -> list[Sentence]:
    """(words, BIO labels, intent, register) for every corpus line."""
    out = []
    for path in sorted(_CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            tokens = tokenize(row["text"])
            tags = ["O"] * len(tokens)
            for slot, key in _LABELLED:
                values = row.get("slots", {}).get(key)
                for value in values if isinstance(values, list) else [values] if values else []:
                    start = _place(row["text"], value)
                    inside = [k for k, (_, s, e) in enumerate(tokens)
                              if start >= 0 and s < start + len(value) and e > start]
                    for n, k in enumerate(inside):
                        tags[k] = ("B-" if n == 0 else "I-") + slot
            out.append(([t for t, _, _ in tokens], tags, row["intent"], row.get("register", "")))
    return out


def fit(data: list[Sentence], c1: float = C1, c2: float = C2) -> dict:
    """A CRF trained on `data`, as the JSON `tagger.py` reads."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags, intent, register in data:
        if words and register not in _UNTRAINED_REGISTERS:
            trainer.append([[str(i) for i in feats] for feats in indices(words, intent)], tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": ITERATIONS,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "tagger.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    return _export(info.state_features, info.transitions)


def _export(state: dict[tuple[str, str], float], transitions: dict[tuple[str, str], float]) -> dict:
    """The CRF as `tagger.parse_model` reads it: weights in integers of 1/SCALE, one row per label,
    those under PRUNE left out (`model_file` stores them)."""
    labels = sorted({label for _, label in state} | {b for pair in transitions for b in pair})
    index = {label: k for k, label in enumerate(labels)}
    rows: list[dict[int, int]] = [{} for _ in labels]
    for (feature, label), w in sorted(state.items()):
        if abs(round(w * SCALE)) >= PRUNE:
            rows[index[label]][int(feature)] = round(w * SCALE)
    matrix = [[round(transitions.get((a, b), 0.0) * SCALE) for b in labels] for a in labels]
    return {"labels": labels, "scale": SCALE, "transitions": matrix, "weights": rows}


def spans_of(tags: list[str]) -> set[tuple[str, int, int]]:
    out, start, slot = set(), 0, ""
    for k, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == slot:
            continue
        if slot:
            out.add((slot, start, k))
        slot, start = (tag[2:], k) if tag != "O" else ("", k)
    return out


def folds(count: int) -> list[set[int]]:
    order = list(range(count))
    random.Random(SEED).shuffle(order)
    return [set(order[fold::FOLDS]) for fold in range(FOLDS)]


def cross_validate(data: list[Sentence], c1: float = C1, c2: float = C2) -> dict:
    """Exact-span F1 per slot over out-of-fold Viterbi decodes of every corpus line."""
    from todo_chat.agent.offline.learned import tagger

    counts = {s: [0, 0, 0] for s in SLOTS}      # true positives, predicted, gold
    shipped = tagger._model
    try:
        for test in folds(len(data)):
            model = tagger.parse_model(fit([d for i, d in enumerate(data) if i not in test], c1, c2))
            tagger._model = lambda m=model: m     # type: ignore[assignment]
            for i in sorted(test):
                words, gold, intent, _ = data[i]
                got, want = spans_of(tagger.labels(words, intent)), spans_of(gold)
                for slot in SLOTS:
                    g = {s for s in got if s[0] == slot}
                    w = {s for s in want if s[0] == slot}
                    counts[slot][0] += len(g & w)
                    counts[slot][1] += len(g)
                    counts[slot][2] += len(w)
    finally:
        tagger._model = shipped
    return {s: round(2 * tp / max(p + g, 1), 4) for s, (tp, p, g) in counts.items()}


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return 0 if model_file.header(TAGGER_WEIGHTS).get("fingerprint") == fingerprint() else 1
    data = sentences()
    report = cross_validate(data) if "--no-cv" not in argv else {}
    model = fit(data)
    header = {"fingerprint": fingerprint(), "cross_validation_f1": report,
              **{k: v for k, v in model.items() if k != "weights"}}
    model_file.write(TAGGER_WEIGHTS, header, model["weights"])
    print(json.dumps(report, indent=1))
    kept = sum(len(row) for row in model["weights"])
    size = TAGGER_WEIGHTS.stat().st_size + model_file.bin_path(TAGGER_WEIGHTS).stat().st_size
    print(f"{kept} weights kept -> {TAGGER_WEIGHTS} and .bin ({size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
