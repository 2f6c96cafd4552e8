"""The span tagger: shipped weights current, decoding deterministic, and the add it lets the
model offer where the framing rules cut no title (an offer, never a change)."""

from __future__ import annotations

import json

from tests.nlu.sim import run
from todo_chat.agent.offline.learned import train_tagger
from todo_chat.agent.offline.learned.span_features import tokenize
from todo_chat.agent.offline.learned.tagger import TAGGER_WEIGHTS, spans
from todo_chat.agent.offline.tagged import tagged_add

TITLES = ["Buy milk", "Go to the gym", "Call the plumber"]
RAMBLING = "so the boiler guy is coming on thursday and honestly i really need to sort out the spare key for him"
UNFRAMED = "oh and the gutters need clearing before winter, gotta get someone in to clear the gutters"


def test_shipped_tagger_weights_match_the_corpus_and_features_code():
    shipped = json.loads(TAGGER_WEIGHTS.read_text(encoding="utf-8"))["fingerprint"]
    assert shipped == train_tagger.fingerprint(), "tagger.json is stale: run `make nlu-train` and commit it"


def test_spans_are_cut_from_the_text_as_typed():
    assert tokenize("Ring Nan, it's urgent!") == [("Ring", 0, 4), ("Nan", 5, 8), (",", 8, 9),
                                                  ("it's", 10, 14), ("urgent", 15, 21), ("!", 21, 22)]
    found = spans("pls remind me to ring the florist friday, it's urgent", "add")
    assert found == {"title": ["ring the florist"], "due": ["friday"], "priority": ["urgent"]}


def test_the_corpus_becomes_bio_labels_on_its_spans():
    words, tags = next((w, t) for w, t, _ in train_tagger.sentences() if "florist" in w)
    assert [w for w, t in zip(words, tags, strict=True) if t != "O"] == ["ring", "the", "florist", "friday", "urgent"]
    assert tags[words.index("ring")] == "B-title" and tags[words.index("florist")] == "I-title"


def test_a_long_add_the_rules_read_whole_gets_the_tagged_title():
    turn = run(RAMBLING, TITLES)
    assert [(name, args["title"]) for name, args in turn.changes] == [("add_task", "Sort out the spare key for him")]


def test_an_add_only_the_classifier_reads_is_offered_with_the_tagged_title():
    tagged = tagged_add(UNFRAMED, classifier_must_agree=True)
    assert tagged is not None and tagged.title == "Clear the gutters"
    turn = run(UNFRAMED, TITLES)
    assert not turn.changes                       # offered, never made without a "yes"
    offers = [args for name, args in turn.calls if name == "offer_choices"]
    assert offers and offers[0]["choices"][0]["message"] == 'add a task called "Clear the gutters"'
