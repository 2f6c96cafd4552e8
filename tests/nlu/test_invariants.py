"""Safety as invariants, over generated messages (hypothesis):

- a question, or a negated clause, calls no tool that changes data;
- a reference that fits several tasks changes nothing (the model asks, with choices);
- a quoted title reaches add_task byte for byte;
- a picked choice runs exactly that choice's command.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.nlu.sim import conversation, run

TITLES = ["Buy milk", "Go to the gym", "Call the plumber", "Write quarterly report", "[x] Pay rent",
          "Call mom", "Call dad", "Team meeting", "Meeting notes"]
THINGS = ["the milk", "the gym", "the plumber", "the report", "rent", "the gym task", "the milk one",
          "the quarterly report", "mom", "the team meeting"]
CHANGES = ["add", "delete", "remove", "complete", "finish", "mark as done", "tick off", "rename", "reopen",
           "cancel", "bin", "scrap", "do", "pay", "call"]

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _no_change(message: str) -> None:
    turn = run(message, TITLES)
    assert not turn.changes, f"{message!r} changed data: {turn.changes}"


questions = st.one_of(
    st.builds("{} {} {}?".format,
              st.sampled_from(["is", "was", "are", "did i", "have i", "has", "should i", "do i need to"]),
              st.sampled_from(THINGS),
              st.sampled_from(["done", "still open", "finished", "on my list", "already added", "ticked off",
                               "deleted", "paid", "booked", "sorted", "complete"])),
    st.builds("{} {} {}?".format,
              st.sampled_from(["did i", "have i", "should i", "did you", "have you", "why did you",
                               "when did i", "who will"]),
              st.sampled_from(CHANGES), st.sampled_from(THINGS)),
    st.builds("{} {}?".format, st.sampled_from(["what about", "how about", "where is", "what is", "which is"]),
              st.sampled_from(THINGS)),
)


@FAST
@given(questions)
def test_a_question_changes_nothing(message):
    _no_change(message)


negated = st.one_of(
    st.builds("{} {} {}".format,
              st.sampled_from(["don't", "do not", "never", "please don't", "i haven't", "i have not", "i didn't",
                               "we did not", "i still haven't", "you shouldn't"]),
              st.sampled_from(["delete", "remove", "finish", "complete", "mark", "tick off", "bin", "scrap",
                               "finished", "completed", "ticked off", "add"]),
              st.sampled_from(THINGS)),
    st.builds("{} {} not {}".format, st.sampled_from(THINGS), st.sampled_from(["is", "was", "has"]),
              st.sampled_from(["done", "finished", "been done", "paid", "sorted"])),
)


@FAST
@given(negated)
def test_a_negated_clause_changes_nothing(message):
    _no_change(message)


@FAST
@given(st.sampled_from(["the milk", "the gym", "the plumber"]), st.sampled_from(["is done", "is finished"]),
       st.sampled_from(["the report", "the team meeting"]),
       st.sampled_from(["is not", "isn't", "is not done yet", "still isn't finished"]),
       st.sampled_from([", but ", " but ", "; ", ". "]))
def test_only_the_affirmed_clause_acts(done_thing, done, open_thing, not_done, joint):
    turn = run(f"{done_thing} {done}{joint}{open_thing} {not_done}", TITLES)
    open_ids = {4, 8}
    assert all(args.get("task_id") not in open_ids for _, args in turn.changes), turn.changes


@FAST
@given(st.sampled_from(["delete", "remove", "mark as done", "complete", "finish", "bin"]),
       st.sampled_from(["the call task", "the meeting", "call", "the meeting one", "meeting"]))
def test_an_ambiguous_reference_changes_nothing_and_offers_choices(verb, thing):
    message = f"{verb} {thing}" if verb != "mark as done" else f"mark {thing} as done"
    turn = run(message, TITLES)
    assert not turn.changes, turn.changes
    assert any(name == "offer_choices" for name, _ in turn.calls), turn.calls


title_text = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "Po", "Pd", "Ps", "Pe", "Sm", "Sc"),
                                   exclude_characters='"“”„″«»\u2028\u2029'),
                     min_size=1, max_size=60).filter(lambda t: t.strip() and t == " ".join(t.split()))


@FAST
@given(title_text, st.sampled_from(['add "{}"', 'add a task called "{}"', 'put "{}" on my list',
                                    'new task: "{}"', 'remind me to "{}"', "add “{}”"]))
def test_a_quoted_title_reaches_the_task_byte_for_byte(title, template):
    turn = run(template.format(title), TITLES)
    adds = [args for name, args in turn.changes if name == "add_task"]
    assert adds and adds[0]["title"] == title, (title, turn.calls)


@FAST
@given(st.sampled_from([("2", 6), ("the second", 6), ("second one", 6), ("the 2nd", 6), ("#7", 7), ("3", 3),
                        ("the last one", 7), ("the dad one", 7), ("yes, mom", 6), ("first", 3)]))
def test_a_picked_choice_runs_that_choice(answer_and_id):
    answer, task_id = answer_and_id   # offered: Call the plumber (#3), Call mom (#6), Call dad (#7);
    # a number that is an offered task's id means that task, else the choice in that place
    turn = conversation(["delete the call task", answer], TITLES)
    assert turn.changes == [("delete_task", {"task_id": task_id})], turn.calls


@FAST
@given(st.sampled_from(["no", "nope", "never mind", "neither", "cancel", "no thanks"]))
def test_no_to_choices_changes_nothing(answer):
    turn = conversation(["delete the call task", answer], TITLES)
    assert not turn.changes, turn.calls


def test_yes_to_a_single_offer_takes_it():
    turn = conversation(["oat milk", "yes"], TITLES)
    assert turn.changes == [("add_task", {"title": "Oat milk", "priority": "medium"})], turn.calls


# --- the safety gate (agent/offline/guard.py) -------------------------------------------------------

TASK_CHANGES = ("complete_task", "reopen_task", "delete_task", "update_task")
UNRELATED = ["zebra", "violin", "kayak", "lantern", "pottery", "chimney", "scooter", "trombone", "glacier",
             "umbrella stand", "the hedgehog", "my passport photos", "the attic"]
nonsense = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=5, max_size=9)


def _task_changes(turn) -> list:
    return [c for c in turn.changes if c[0] in TASK_CHANGES]


@FAST
@given(st.sampled_from(["delete", "remove", "complete", "finish", "tick off", "bin", "scrap", "reopen",
                        "mark as done", "rename", "cross off", "get rid of"]),
       st.one_of(st.sampled_from(UNRELATED), nonsense),
       st.sampled_from(["{verb} {thing}", "{verb} the {thing} task", "{verb} the {thing} one please",
                        "can you {verb} {thing}", "{thing} - {verb}", "I'm so tired of {thing}",
                        "{thing} is done", "the {thing} thing is sorted"]))
def test_words_that_ground_no_task_change_no_task(verb, thing, template):
    message = template.format(verb=verb, thing=thing)
    turn = run(message, TITLES)
    assert not _task_changes(turn), f"{message!r} changed a task: {turn.changes}"


COMMANDS = ["delete the gym task", "tick off the milk", "remove the plumber one", "mark the report as done",
            "finish the gym one", "bin the milk task", "complete task 3", "scrap the quarterly report"]


@FAST
@given(st.sampled_from(COMMANDS),
       st.sampled_from(["I might {c}", "maybe I'll {c} tomorrow", "if it rains I'll {c}", "my wife said to {c}",
                        "thinking about how to {c}", "Tom wants me to {c}", "I wish I could {c}",
                        "{c}. hang on, don't", "{c} - wait, no", "{c}... actually no", "{c}, hold on",
                        "{c}? no need to", "once I'm home I'll {c}", "I'm gonna {c} later"]))
def test_a_hypothetical_or_taken_back_command_changes_nothing(command, template):
    message = template.format(c=command)
    turn = run(message, TITLES)
    assert not _task_changes(turn), f"{message!r} changed a task: {turn.changes}"


@FAST
@given(st.sampled_from([("delete the gym task", ("delete_task", 2)), ("tick off the milk", ("complete_task", 1)),
                        ("remove the plumber one", ("delete_task", 3)), ("complete task 4", ("complete_task", 4)),
                        ("the quarterly report is done", ("complete_task", 4)),
                        ("could you bin the milk one please", ("delete_task", 1))]),
       st.sampled_from(["{c}", "ok {c}", "{c} thanks", "{c} 🙂", "pls {c}"]))
def test_a_clear_grounded_command_still_acts(command_and_change, template):
    command, (tool, task_id) = command_and_change
    turn = run(template.format(c=command), TITLES)
    assert _task_changes(turn) == [(tool, {"task_id": task_id})], turn.calls


# --- statements that look like a report of work done, and are not (agent/offline/force.py) -----------

DONE_STATEMENTS = ["the gym is done", "called the plumber", "the milk is bought", "quarterly report written",
                   "the plumber's been called", "finished the report"]


@FAST
@given(st.sampled_from(DONE_STATEMENTS),
       st.sampled_from(["yeah right, {s}", "{s}... not", "{s}, in my dreams", "as if, {s}", "{s} 🙄",
                        "lol no {s}", "{s} - not!"]))
def test_sarcasm_changes_nothing(statement, template):
    message = template.format(s=statement)
    turn = run(message, TITLES)
    assert not _task_changes(turn), f"{message!r} changed a task: {turn.changes}"


@FAST
@given(st.sampled_from(["going to the gym", "calling the plumber", "writing the quarterly report",
                        "buying milk", "the quarterly report"]),
       st.sampled_from(["started {s}", "about to start {s}", "halfway through {s}", "in the middle of {s}",
                        "apparently {s} is done", "I heard {s} got done", "working on {s}",
                        "trying to finish {s}"]))
def test_work_begun_or_heard_of_is_not_done(thing, template):
    message = template.format(s=thing)
    turn = run(message, TITLES)
    assert not _task_changes(turn), f"{message!r} changed a task: {turn.changes}"


@FAST
@given(st.sampled_from(["the plumber is coming {d}", "the plumber comes round {d}", "the team meeting went well {d}",
                        "milk was on offer {d}", "saw mom {d}", "the gym is closed {d}",
                        "the plumber man is coming {d}", "mom is visiting {d}"]),
       st.sampled_from(["friday", "on monday", "tomorrow", "next tuesday", "on the 3rd"]))
def test_a_date_in_news_sets_no_due_date(template, when):
    message = template.format(d=when)
    turn = run(message, TITLES)
    assert not [c for c in turn.changes if c[0] == "update_task"], f"{message!r} changed a task: {turn.changes}"


def test_a_deadline_word_still_dates_a_task():
    turn = run("the plumber one is due friday", TITLES)
    assert _task_changes(turn) == [("update_task", {"task_id": 3, "due_date": "2026-11-27"})], turn.calls


@FAST
@given(st.sampled_from(["remove the milk from the fridge", "take the milk out of the bag", "put the gym bag back in "
                        "the car", "delete the plumber's number from my phone", "bring the report back to the office",
                        "get the milk off the top shelf"]),
       st.sampled_from(["{c}", "ok {c}", "{c} please", "can you {c}"]))
def test_a_thing_moved_to_or_from_a_place_is_no_task_change(command, template):
    message = template.format(c=command)
    turn = run(message, TITLES)
    assert not [c for c in turn.changes if c[0] in ("delete_task", "reopen_task")], f"{message!r}: {turn.changes}"


@FAST
@given(st.sampled_from(["the gym bag", "the plumber's van", "the report template", "mom's birthday", "rent"]),
       st.sampled_from(["is urgent", "is important", "is high priority", "is urgent now"]))
def test_a_priority_said_of_something_else_or_of_a_finished_task_changes_nothing(thing, said):
    # "the gym bag" is not "Go to the gym"; "Pay rent" is finished
    turn = run(f"{thing} {said}", TITLES)
    assert not _task_changes(turn), f"{thing} {said}: {turn.changes}"


def test_a_priority_said_of_a_task_in_its_own_words_still_ranks_it():
    turn = run("the quarterly report is urgent now", TITLES)
    assert _task_changes(turn) == [("update_task", {"task_id": 4, "priority": "high"})], turn.calls


@pytest.mark.parametrize("message", ["remove the milk from my shopping list", "take the gym one off my to do list",
                                     "delete the plumber one from the list"])
def test_a_thing_taken_off_a_list_is_still_deleted(message):
    turn = run(message, TITLES)
    assert len(_task_changes(turn)) == 1 and _task_changes(turn)[0][0] == "delete_task", turn.calls
