"""The learned intent classifier: shipped weights current, features deterministic, inference
free of scikit-learn/numpy, and behaviours the rules alone do not have."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib

from tests.nlu.sim import run
from todo_chat.agent.offline.learned import data_files, features, train
from todo_chat.agent.offline.learned.arbiter import decide
from todo_chat.agent.offline.learned.inference import WEIGHTS, predict

TITLES = ["Buy milk", "Go to the gym", "Call the plumber", "Plant the tulips", "[x] Pay rent"]


def test_shipped_weights_match_the_training_data_and_features_code():
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))["fingerprint"]
    assert shipped == data_files.fingerprint(), "weights.json is stale: run `make nlu-train` and commit it"


def test_features_are_deterministic_hashed_ngrams():
    text = "Pls add 'Ring Nan' for task 12?"
    assert features.tokens(text) == ["pls", "add", "qqq", "for", "task", "0", "?"]
    first = features.vector(text)
    assert first == features.vector(text)
    assert zlib.crc32(b"w:add") % features.DIM in first      # the index does not depend on the process
    assert abs(sum(v * v for v in first.values()) - 1.0) < 1e-9


def test_training_is_reproducible_byte_for_byte():
    rows = data_files.examples()[::6]
    one = json.dumps(train.fit(rows), sort_keys=True)
    assert one == json.dumps(train.fit(rows), sort_keys=True)


def test_inference_imports_neither_sklearn_nor_numpy():
    code = ("import sys; from todo_chat.agent.offline.parse import understand; understand('need: envelopes'); "
            "from todo_chat.agent.offline.learned.tagger import spans; spans('rename task 3 to call mum', 'update'); "
            "print(sorted(m for m in ('sklearn', 'numpy', 'scipy', 'pycrfsuite') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_predictions_cover_the_intents_the_rules_leave_to_others():
    assert predict("undo that").intent == "undo"
    assert predict("clear out all the finished ones").intent == "bulk_delete"


def test_a_confident_rule_against_a_confident_classifier_asks():
    assert decide("reopen", "undo that").confirm      # the rules read "undo" as reopen; it is not
    turn = run("undo that", TITLES)
    assert not turn.changes


def test_phrasings_no_rule_reads_are_understood():
    # Each of these is "unknown" to the rules alone (the answer was "Sorry, I'm not sure ...").
    assert run("i have finish the tulips", TITLES).changes == [("complete_task", {"task_id": 4})]
    listed = run("whats outstanding", TITLES)
    assert not listed.changes and "Buy milk" in listed.text


def test_an_add_only_the_classifier_reads_is_offered_not_made():
    for message in ("keep buy milk on the list", "I wasn't able to call mum"):
        assert not run(message, TITLES).changes, message
