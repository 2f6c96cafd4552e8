"""How the learned models are stored and held (issue 19's memory budget): one sparse row of
16-bit weights per label on disk, packed per feature in memory; the shipped pair is consistent,
and loading both models holds about half of what the JSON-parsed tuples did."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from todo_chat.agent.offline.learned import model_file
from todo_chat.agent.offline.learned.inference import WEIGHTS
from todo_chat.agent.offline.learned.tagger import TAGGER_WEIGHTS

ROOT = Path(__file__).resolve().parents[2]


def _rows(labels: int, features: int, seed: int = 0) -> model_file.Rows:
    rng = random.Random(seed)
    rows: model_file.Rows = [{} for _ in range(labels)]
    for feature in rng.sample(range(1 << 20), features):
        for k in rng.sample(range(labels), rng.randint(1, 3)):
            rows[k][feature] = rng.choice([-32767, 32767, -1, 1, rng.randint(-2000, 2000)])
    return rows


def test_rows_come_back_as_written(tmp_path):
    rows = _rows(13, 500)
    model_file.write(tmp_path / "m.json", {"labels": [str(k) for k in range(13)], "scale": 100}, rows)
    header, back = model_file.read(tmp_path / "m.json")
    assert back == rows and header["counts"] == [len(r) for r in rows] and header["scale"] == 100
    assert (tmp_path / "m.bin").stat().st_size == 6 * sum(header["counts"])


def test_packed_sums_are_the_per_label_sums(tmp_path):
    rows = _rows(14, 300, seed=1)
    model_file.write(tmp_path / "m.json", {}, rows)
    packed = model_file.read_packed(tmp_path / "m.json")[1]
    assert packed == model_file.pack(rows)
    rng = random.Random(2)
    features = [*packed, *range(1 << 20, (1 << 20) + 50)]        # some weigh nothing in any label
    for _ in range(50):
        chosen = rng.sample(features, 60)
        total = sum(packed.get(f, 0) for f in chosen)
        assert model_file.unpack(total, 14) == [sum(row.get(f, 0) for f in chosen) for row in rows]
    assert model_file.unpack(0, 14) == [0] * 14


def test_a_weight_beyond_16_bits_is_refused(tmp_path):
    with pytest.raises(ValueError, match="16 bits"):
        model_file.write(tmp_path / "m.json", {}, [{7: 40_000}])


def test_a_bin_file_that_is_not_its_header_s_fails_loudly(tmp_path):
    model_file.write(tmp_path / "m.json", {}, [{7: 1, 9: -3}])
    model_file.write(tmp_path / "other.json", {}, [{7: 1, 9: -4}])
    (tmp_path / "m.bin").write_bytes((tmp_path / "other.bin").read_bytes())
    with pytest.raises(ValueError, match="is not the one"):
        model_file.read_packed(tmp_path / "m.json")


@pytest.mark.parametrize("path", [WEIGHTS, TAGGER_WEIGHTS], ids=["classifier", "tagger"])
def test_the_shipped_models_are_whole(path):
    header, rows = model_file.read(path)
    labels = header.get("classes") or header["labels"]
    assert len(rows) == len(labels) and all(rows)
    assert "weights" not in json.loads(path.read_text(encoding="utf-8"))     # the header stays small


def test_loading_both_shipped_models_holds_under_60_bytes_a_weight():
    code = ("import tracemalloc; from todo_chat.agent.offline.learned import inference, tagger; "
            "tracemalloc.start(); inference.predict('add milk'); tagger.spans('ring mum friday', 'add'); "
            "held, peak = tracemalloc.get_traced_memory(); print(held, peak)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    held, peak = map(int, done.stdout.split())
    weights = sum(sum(model_file.header(path)["counts"]) for path in (WEIGHTS, TAGGER_WEIGHTS))
    # The JSON-parsed tuples held 149 bytes a weight (81,668 weights) and peaked at 194 while loading;
    # packed per feature, 80 and 82 (99,428 weights); with equal packed values shared as the rows are
    # merged, 54 and 66.
    assert held / weights < 60 and peak / weights < 72, (held / weights, peak / weights)


def test_the_loaded_models_read_the_open_cases_as_their_rows_say():
    """`read_packed` (merged rows, shared values) against `pack` over `read`'s plain rows: the
    classifier's probabilities and the tagger's labels, identical on every open dev-set message."""
    from tests.nlu.cases import CASES
    from todo_chat.agent.offline.learned import inference, tagger
    from todo_chat.agent.offline.learned.span_features import tokenize

    classifiers = [inference.parse_model(*model_file.read_packed(WEIGHTS)),
                   inference.parse_model(*_plain(WEIGHTS))]
    taggers = [tagger.parse_model(*model_file.read_packed(TAGGER_WEIGHTS)),
               tagger.parse_model(*_plain(TAGGER_WEIGHTS))]
    assert classifiers[0] == classifiers[1] and taggers[0] == taggers[1]
    readings = []
    for loaded in zip(classifiers, taggers, strict=True):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(inference, "_model", lambda model=loaded[0]: model)
            patch.setattr(tagger, "_model", lambda model=loaded[1]: model)
            readings.append([(inference.predict(case.say), tagger.labels([t for t, _, _ in tokenize(case.say)], "add"))
                             for case in CASES])
    assert len(readings[0]) > 1000 and readings[0] == readings[1]


def _plain(path: Path) -> tuple[dict, model_file.Packed]:
    meta, rows = model_file.read(path)
    return meta, model_file.pack(rows)


def test_features_with_equal_weights_share_one_value_object(tmp_path):
    rows: model_file.Rows = [{feature: 5 for feature in range(100)}, {feature: -2 for feature in range(50)}]
    model_file.write(tmp_path / "m.json", {}, rows)
    for packed in (model_file.read_packed(tmp_path / "m.json")[1], model_file.pack(rows)):
        assert packed == {f: model_file.pack([{f: 5}, {f: -2}])[f] if f < 50 else model_file.pack([{f: 5}, {}])[f]
                          for f in range(100)}
        assert len({id(weights) for weights in packed.values()}) == 2
