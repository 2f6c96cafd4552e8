"""Adds read by the learned parts (`add_reading`): made when the classifier is sure and the
tagger cuts clean titles, several titles from one message, the rules' titles against the tagger's
weighed by the CRF's own scores, and never an add from a message not in force."""

from __future__ import annotations

import pytest

from tests.nlu.sim import TODAY, run
from todo_chat.agent.offline import add_reading
from todo_chat.agent.offline.adding import add_items
from todo_chat.agent.offline.learned.span_features import tokenize
from todo_chat.agent.offline.normalise import normalise

TITLES = ["Buy milk", "Go to the gym", "Call the plumber"]


def _titles(text: str) -> list[str]:
    return [args["title"] for name, args in run(text, TITLES).changes if name == "add_task"]


def test_an_add_no_rule_framed_is_made_when_classifier_and_tagger_read_it():
    text = "pls you put for me a task for to ring the dentist"
    assert add_reading.learned_items(normalise(text), TODAY), "the learned path reads it"
    assert _titles(text) == ["Ring the dentist"]


def test_several_titles_in_one_message_are_the_tagger_s_spans():
    assert _titles("add email the plumber; chase the refund; print the invoice") == [
        "Email the plumber", "Chase the refund", "Print the invoice"]
    assert _titles("add renew the gym pass. also cancel the old one.") == ["Renew the gym pass", "Cancel the old one"]


def test_a_pronoun_in_a_later_title_stands_for_the_object_before_it():
    text = "strip the old skirting, then prime it"
    words = [t for t, _, _ in tokenize(text)]
    labels = ["B-title", "I-title", "I-title", "I-title", "O", "O", "B-title", "I-title"]
    assert [i["title"] for i in add_reading._items(text, words, labels, TODAY)] == [
        "Strip the old skirting", "Prime the old skirting"]


def test_the_rules_titles_stand_unless_the_crf_clearly_prefers_the_tagger_s():
    norm = normalise("add buy bread and butter")          # the tagger alone would cut two tasks
    items = add_items(norm, TODAY)
    assert add_reading.arbitrate(items, norm, TODAY) == items
    norm = normalise("i want that you add water the orchids")   # the rules keep the whole lead
    assert [i["title"] for i in add_reading.arbitrate(add_items(norm, TODAY), norm, TODAY)] == ["Water the orchids"]


def test_a_quoted_title_is_never_arbitrated():
    norm = normalise("add 'ring the vet then pay him' please")
    items = add_items(norm, TODAY)
    assert add_reading.arbitrate(items, norm, TODAY) == items


@pytest.mark.parametrize("text", [
    "if the car fails, add a task to book a repair",
    "in case it rains remind me to bring the chairs in",
    "nobody needs more envelopes",
    "don't remind me to call the bank",
    "should I add a task to ring the dentist?",
])
def test_a_message_not_in_force_adds_nothing(text):
    assert not add_reading.in_force(normalise(text))
    assert not add_reading.learned_items(normalise(text), TODAY)
    assert not run(text, TITLES).changes


def test_rules_titles_no_model_supports_are_asked_about_not_made():
    norm = normalise("can you add tasks by voice?")
    assert add_reading.doubted(add_items(norm, TODAY), norm)
    turn = run("can you add tasks by voice?", TITLES)
    assert not turn.changes and [name for name, _ in turn.calls] == ["offer_choices"]


def test_a_remark_the_rules_read_whole_as_a_title_is_asked_about_not_added():
    turn = run("my dad said I should cut down on coffee", TITLES)     # the tagger cuts no title from it
    assert not turn.changes


def test_a_lone_pronoun_title_stands_for_the_thing_the_message_speaks_of():
    text = "the garden gate is squeaking so i must oil it"
    words = [t for t, _, _ in tokenize(text)]
    labels = ["O"] * (len(words) - 2) + ["B-title", "I-title"]
    assert [i["title"] for i in add_reading._items(text, words, labels, TODAY)] == ["Oil the garden gate"]


def test_the_rest_of_a_statement_is_no_learned_title():
    text = "Friday works better for the hostel printout"     # a date said of a task, not a task
    assert not add_reading.learned_items(normalise(text), TODAY)


def test_one_verb_over_listed_nouns_is_one_task_but_two_verbs_are_two():
    for text, titles in (("add buy bread and butter", ["Buy bread and butter"]),
                         ("add email the plumber and chase the refund", ["Email the plumber", "Chase the refund"])):
        norm = normalise(text)
        assert [i["title"] for i in add_reading.arbitrate(add_items(norm, TODAY), norm, TODAY)] == titles


def test_someone_else_s_advice_is_asked_never_added():
    norm = normalise("my mum said I should eat more vegetables")
    assert add_reading.doubted(add_items(norm, TODAY), norm)
    norm = normalise("add eat more vegetables")
    assert not add_reading.doubted(add_items(norm, TODAY), norm)
