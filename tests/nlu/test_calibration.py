"""Act when the reading is clear, ask only when it is not (issue 17): two models reading the same
thing is a clear reading; a subject before a verb, a rank word, a reopen said as a state, a title
word of an open task and a third party's report still ask or hold back."""

from __future__ import annotations

from tests.nlu.sim import TODAY, run
from todo_chat.agent.offline import add_reading
from todo_chat.agent.offline.learned.arbiter import leads, thresholds
from todo_chat.agent.offline.learned.inference import predict
from todo_chat.agent.offline.normalise import normalise

OFFICE = ["Submit the timesheet", "Prepare the client demo", "Email Raj the contract", "Book flights to Berlin",
          "[x] Print the handouts", "Update the team wiki"]


def _below_act(text: str, intent: str) -> None:
    """The classifier reads `intent` first but under its act threshold: the old bar asked."""
    ask, act = thresholds()
    assert predict(text).intent == intent and ask <= predict(text).probability < act, predict(text)


def test_an_add_the_classifier_reads_first_and_the_tagger_cuts_cleanly_is_made():
    text = "ugh need to ring the council again"
    _below_act(text, "add")
    assert [args["title"] for name, args in run(text, OFFICE).changes] == ["Ring the council again"]


def test_rules_titles_the_classifier_reads_first_as_an_add_are_made_not_asked():
    text = "I want to start running again, put that on my list"
    _below_act(text, "add")
    assert [name for name, _ in run(text, OFFICE).changes] == ["add_task"]


def test_a_title_that_opens_the_message_is_an_imperative():
    norm = normalise("sand the shelf, then varnish it")
    assert [i["title"] for i in add_reading.learned_items(norm, TODAY)] == ["Sand the shelf", "Varnish the shelf"]


def test_a_task_verb_after_its_subject_is_a_statement_not_a_command():
    text = "i already put the tyre pressure on there"
    assert leads(text, "add")
    assert not add_reading.learned_items(normalise(text), TODAY)
    assert not run(text, ["Buy envelopes"]).changes


def test_an_on_task_action_the_classifier_finds_likely_acts_on_the_one_task_the_tagger_names():
    text = "i have finish the client demo"
    _below_act(text, "complete")
    assert run(text, OFFICE).changes == [("complete_task", {"task_id": 2})]


def test_an_on_task_reading_without_a_tagged_target_still_asks():
    turn = run("my boss submitted her expense claim", ["Submit the expense claim", "Buy milk"])
    assert not turn.changes and turn.calls[-1][0] == "offer_choices"


def test_a_rank_word_keeps_an_on_task_reading_asked():
    turn = run("the demo isn't that important anymore", OFFICE)
    assert not [c for c in turn.changes if c[0] == "delete_task"]


def test_a_reopen_said_as_a_state_is_still_asked():
    turn = run("the gutters task should be open", ["Buy milk", "[x] Clear the gutters"])
    assert not turn.changes and turn.calls[-1][0] == "offer_choices"


def test_a_title_that_is_one_word_of_an_open_task_asks_before_adding():
    turn = run("wiki update due monday pls", OFFICE)
    assert not turn.changes and turn.calls[-1][0] == "offer_choices"


def test_things_listed_with_plus_are_added_but_a_bare_noun_phrase_is_offered():
    assert [args["title"] for _, args in run("dog food + cat food + bird seed", []).changes] == [
        "Dog food", "Cat food", "Bird seed"]
    turn = run("oat milk", [])
    assert not turn.changes and turn.calls[-1][0] == "offer_choices"
