"""Acting on plain commands (issue 17, branch acts): a clear command phrased in a way the rules
never saw is carried out, not asked about or left without an answer; what is still unclear
becomes a question with choices, and nothing changes a task the message did not name."""

from __future__ import annotations

from tests.nlu.sim import TODAY, conversation, run
from todo_chat.agent.offline.bulk import bulk_filters
from todo_chat.agent.offline.dialogue import telling_words
from todo_chat.agent.offline.follow_up import carried_over
from todo_chat.agent.offline.normalise import normalise

GARDEN = ["Mow the front lawn", "Prune the roses", "Buy compost", "Fix the fence panel", "Call the tree surgeon",
          "[x] Order seeds", "Clean the gutters"]
TRADE = ["Quote for the Hendersons' bathroom", "Invoice Mrs Patel", "Pick up copper pipe from the merchant",
         "Service the van", "Return the hired tile cutter"]
OFFICE = ["Submit the expense claim", "Chase the vendor invoice"]


def _offered(text: str, titles: list[str]) -> bool:
    turn = run(text, titles)
    return not turn.changes and any(name == "offer_choices" for name, _ in turn.calls)


# --- a command carried over to other tasks ---------------------------------------------------------

def test_and_a_number_after_a_completion_completes_that_number():
    assert conversation(["done 2", "and 3"], GARDEN).changes == [("complete_task", {"task_id": 3})]


def test_a_task_named_with_too_after_a_deletion_is_deleted():
    turn = conversation(["delete the fence panel", "the tree surgeon too"], GARDEN)
    assert turn.changes == [("delete_task", {"task_id": 5})]


def test_as_well_after_a_completion_completes_and_renames_nothing():
    # "the permit as well" once read as a new title "Well" for the permit task
    turn = conversation(["mark the uniform as collected", "oh and the permit as well"],
                        ["Swap shifts", "Collect uniform", "Renew first aid", "Pay the parking permit"])
    assert turn.changes == [("complete_task", {"task_id": 4})]


def test_same_with_carries_the_action_over():
    turn = conversation(["mark the van as serviced", "same with the tile cutter"], TRADE)
    assert turn.changes == [("complete_task", {"task_id": 5})]


def test_a_carried_over_command_needs_a_command_before_it():
    assert carried_over("and 3", [], TODAY) == "and 3"
    assert carried_over("and 3", [("user", "show my tasks"), ("assistant", "1. Buy compost")], TODAY) == "and 3"
    assert carried_over("and 3", [("user", "done 2"), ("assistant", "Marked it.")], TODAY) == "mark 3 as done"


def test_a_message_with_its_own_command_or_a_negation_is_not_carried_over():
    before = [("user", "done 2"), ("assistant", "Marked it.")]
    assert carried_over("and delete 4 too", before, TODAY) == "and delete 4 too"
    assert carried_over("and not 3", before, TODAY) == "and not 3"
    assert carried_over("and 3?", before, TODAY) == "and 3?"


# --- completion and deletion said plainly --------------------------------------------------------------

def test_a_finish_said_as_an_idiom_completes_the_one_task_it_names():
    assert run("tile cutter's gone back", TRADE).changes == [("complete_task", {"task_id": 5})]


def test_a_polite_formula_around_a_command_is_no_hypothesis():
    text = "I was wondering whether you could possibly mark the van service as complete, many thanks"
    assert run(text, TRADE).changes == [("complete_task", {"task_id": 4})]


def test_words_on_no_task_do_not_dilute_the_words_that_name_one():
    tasks = [{"id": i, "title": t} for i, t in enumerate(TRADE, start=1)]
    assert telling_words("carer here wondering whether possibly van service", tasks) == "van service"


def test_someone_elses_deed_is_not_the_users_task_done():
    assert not run("my boss submitted her expense claim", OFFICE).changes


def test_register_words_read_as_the_plain_verb():
    assert normalise("del 3").text == "delete 3"
    assert run("del 3", GARDEN).changes == [("delete_task", {"task_id": 3})]
    assert [args["title"] for _, args in run("bung 'renew the parking permit' on my list", GARDEN).changes] == \
        ["renew the parking permit"]


# --- a command buried in a longer message --------------------------------------------------------------

def test_a_command_after_a_greeting_and_a_story_is_carried_out():
    text = ("Good morning. I'm not very good with these things. The gutters have been overflowing all week and "
            "I keep forgetting, so please add a task to phone the window cleaner.")
    assert [args["title"] for _, args in run(text, []).changes] == ["Phone the window cleaner"]


def test_a_buried_command_beside_a_topic_or_a_report_is_not_taken_alone():
    assert not run("for the Henderson invoice, jot down that they promised payment friday", TRADE).changes
    assert not run("Morning. My husband says, add buy flowers", GARDEN).changes


# --- asking instead of refusing ----------------------------------------------------------------------------

def test_an_add_read_as_a_deletion_of_no_task_is_offered_as_an_add():
    assert _offered("+ buy bin bags", [])     # it ended on "no task matches 'buy bags'"


def test_a_task_called_off_is_asked_about_as_a_deletion_not_dropped():
    # a negated clause once read as nothing to do: "OK, I've left everything as it was"
    turn = run("we won't be doing the fence panel after all", GARDEN)
    offers = [args for name, args in turn.calls if name == "offer_choices"]
    assert not turn.changes and offers and offers[0]["choices"][0]["message"] == "delete task 4"


def test_placing_something_on_the_list_is_no_bulk_deletion():
    assert bulk_filters("chuck on the list: get petrol") is None
    assert bulk_filters("chuck milk on the list") is None
    assert bulk_filters("clear the list") == {"status": "all"}
    assert bulk_filters("chuck everything on the list") == {"status": "all"}
