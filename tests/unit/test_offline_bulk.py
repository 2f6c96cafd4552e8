"""The offline model's undo and bulk deletion (agent/offline/bulk.py): constructions made of the
lexicon files (every verb with every object), what is not one, and the turn's steps through the
model's own entry point (the preview, the answer to its question, the words after the tool ran)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from todo_chat.agent.offline import bulk
from todo_chat.agent.offline.lexicon import entries
from todo_chat.agent.offline.model import OfflineModel


def lexicon(kind: str) -> tuple[str, ...]:
    return entries(kind)


def test_every_undo_verb_with_every_object_is_an_undo():
    for verb in lexicon("undo_verbs"):
        assert bulk.is_undo(verb), verb
        for obj in lexicon("undo_objects"):
            assert bulk.is_undo(f"{verb} {obj}"), f"{verb} {obj}"
    for verb in lexicon("undo_particle_verbs"):
        for obj in ("it", "them", "that"):
            assert bulk.is_undo(f"{verb} {obj} back"), verb


@pytest.mark.parametrize("said", ["Undo", "undo that!", "Please undo that", "oops, undo it please",
                                  "put it back", "Can you put them back?", "revert the last change"])
def test_undo_as_people_say_it(said):
    assert bulk.is_undo(said)


@pytest.mark.parametrize("said", ["oops, undo that, wrong one", "undooo", "udno that", "undo undo",
                                  "roll that back", "put back what you deleted", "restore it", "ctrl+z",
                                  "undo that please, my mistake"])
def test_clauses_held_letters_repeats_and_one_typo_still_undo(said):
    assert bulk.is_undo(said)


@pytest.mark.parametrize("said", ["it's not done yet, put it back", "nope, cancel that", "cancel", "oops"])
def test_a_task_state_or_a_plain_no_is_not_an_undo(said):
    assert not bulk.is_undo(said)


@pytest.mark.parametrize("said", ["undo the milk task", "put the milk back on my list", "take back the car",
                                  "restore", "add undo button to the app", "what is undo"])
def test_not_an_undo(said):
    assert not bulk.is_undo(said)


def test_every_bulk_verb_with_a_status_or_a_quantifier_is_a_bulk_deletion():
    for verb in lexicon("bulk_verbs"):
        for status in lexicon("bulk_completed"):
            assert bulk.bulk_filters(f"{verb} all {status} tasks") == {"status": "completed"}, (verb, status)
        for status in lexicon("bulk_pending"):
            assert bulk.bulk_filters(f"{verb} {status} items") == {"status": "pending"}, (verb, status)
        for quantifier in lexicon("bulk_quantifiers"):
            assert bulk.bulk_filters(f"{verb} {quantifier} my tasks") == {"status": "all"}, (verb, quantifier)


@pytest.mark.parametrize(("said", "filters"), [
    ("Delete all completed tasks", {"status": "completed"}),
    ("clear my list", {"status": "all"}),
    ("Please clear the to-do list", {"status": "all"}),
    ("delete everything", {"status": "all"}),
    ("remove the done ones", {"status": "completed"}),
    ("clear completed", {"status": "completed"}),
    ("get rid of all my finished todos", {"status": "completed"}),
    ("delete all tasks that are done", {"status": "completed"}),
    ("delete all tasks tagged work", {"status": "all", "tag": "work"}),
    ("wipe every completed task tagged #home", {"status": "completed", "tag": "home"}),
    ("kindly remove all completed items from the list", {"status": "completed"}),
    ("start over, clear the lot", {"status": "all"}),
    ("delte all compelted", {"status": "completed"}),
    ("Would you mind clearing the done ones? Thanks", {"status": "completed"}),
])
def test_bulk_deletions_as_people_say_them(said, filters):
    assert bulk.bulk_filters(said) == filters


@pytest.mark.parametrize("said", ["delete the milk task", "remove task 3", "delete buy milk", "clear the milk one",
                                  "add delete all completed tasks to my list", "complete all tasks",
                                  "show completed tasks", "delete all overdue tasks", "remove all low priority tasks",
                                  "delete the lottery task"])
def test_not_a_bulk_deletion(said):
    assert bulk.bulk_filters(said) is None


# --- through the model ----------------------------------------------------------------------------

MODEL = OfflineModel(today=date(2026, 12, 3))
PREVIEW = {"status": "confirmation_needed", "count": 2,
           "tasks": [{"id": 4, "title": "Old report"}, {"id": 9, "title": "Old invoice"}],
           "question": "Delete 2 completed tasks?",
           "choices": [{"label": "Delete 2", "message": "Yes, delete the 2 completed tasks you listed"},
                       {"label": "Cancel", "message": "No, don't delete anything"}]}


def user(text: str) -> dict:
    return {"role": "user", "content": text}


def call(name: str, arguments: dict, output: dict, call_id: str = "c1") -> list[dict]:
    return [{"type": "function_call", "call_id": call_id, "name": name, "arguments": json.dumps(arguments)},
            {"type": "function_call_output", "call_id": call_id, "output": json.dumps(output)}]


def asked_before(answer: str) -> list[dict]:
    """The conversation as the history carries it: the preview call before the answer's text."""
    return [user("delete all completed tasks"), *call("delete_tasks", {"status": "completed"}, PREVIEW),
            {"role": "assistant", "content": "This would delete: ..."}, user(answer)]


def test_a_bulk_deletion_previews_first_and_asks_with_numbered_choices():
    first = MODEL.next_step([user("delete all completed tasks")])
    assert (first.tool, first.arguments) == ("delete_tasks", {"status": "completed"})
    then = MODEL.next_step([user("delete all completed tasks"),
                            *call("delete_tasks", {"status": "completed"}, PREVIEW)])
    assert then.tool is None
    assert then.text == ("This would delete:\n- #4 Old report\n- #9 Old invoice\n\n"
                         "Delete 2 completed tasks?\n1. Delete 2\n2. Cancel")


@pytest.mark.parametrize("answer", ["Yes, delete the 2 completed tasks you listed", "yes", "1", "go ahead",
                                    "OK delete them"])
def test_agreeing_confirms_with_the_same_filters(answer):
    step = MODEL.next_step(asked_before(answer))
    assert (step.tool, step.arguments) == ("delete_tasks", {"status": "completed", "confirm": True})


@pytest.mark.parametrize("answer", ["No, don't delete anything", "no", "2", "cancel", "keep them"])
def test_declining_deletes_nothing(answer):
    step = MODEL.next_step(asked_before(answer))
    assert (step.tool, step.text) == (None, bulk.NOTHING_DELETED)


def test_a_new_command_instead_of_an_answer_is_that_command():
    step = MODEL.next_step(asked_before("add buy bread"))
    assert step.tool == "add_task"


def test_after_the_deletion_it_says_what_went_and_how_to_undo():
    deleted = {"status": "deleted", "count": 2, "tasks": PREVIEW["tasks"]}
    step = MODEL.next_step([*asked_before("yes"), *call("delete_tasks", {"status": "completed", "confirm": True},
                                                       deleted, "c2")])
    assert step.text == 'Deleted 2 tasks: **Old report**, **Old invoice**. Say "undo" to bring them back.'


def test_undo_calls_the_tool_and_relays_what_was_undone_or_why_not():
    assert (MODEL.next_step([user("undo that")]).tool) == "undo_last_turn"
    summary = {"status": "undone", "summary": "Undid 1 change: created #3 “Buy milk”"}
    assert MODEL.next_step([user("undo that"), *call("undo_last_turn", {}, summary)]).text == summary["summary"]
    refused = {"error": "Nothing to undo"}
    assert "Nothing to undo" in MODEL.next_step([user("undo"), *call("undo_last_turn", {}, refused)]).text


def test_other_requests_are_left_to_the_rest_of_the_model():
    assert MODEL.next_step([user("add buy milk")]).tool == "add_task"


@pytest.mark.parametrize("text", ["remove the oven task", "delete the done task", "bin the open item"])
def test_one_named_task_is_not_a_bulk_deletion(text):
    # "oven" is one letter from "open", and a singular noun with a status names one task
    assert bulk.bulk_filters(text) is None


# --- what the turn before did, as data (its calls ride in the history: services.dialogue) ---------

def after(earlier: str, name: str, output: dict, now: str) -> list[dict]:
    """`now`, said after a turn (`earlier`) that made one call."""
    return [user(earlier), *call(name, {}, output, "h1"), {"role": "assistant", "content": "OK."}, user(now)]


def test_put_it_back_undoes_a_change_made_just_before():
    items = after("delete task 2", "delete_task", {"task_id": 2, "status": "deleted"}, "put it back")
    assert MODEL.next_step(items).tool == "undo_last_turn"


def test_put_it_back_with_no_change_before_is_left_to_the_rest_of_the_model():
    # "the board pack wasn't sent, put it back": "it" is a task the message names (a reopen)
    assert not bulk.is_undo("put it back", changed_before=False)
    assert bulk.is_undo("undo that", changed_before=False)
    items = after("what's on my list?", "list_tasks", {"tasks": []}, "put it back")
    assert bulk.step("put it back", [], items) is None
    failed = after("delete task 9", "delete_task", {"error": "Task not found"}, "put it back")
    assert bulk.last_turn_calls(failed) == []


def test_redo_follows_an_undo_and_only_an_undo():
    undone = after("undo", "undo_last_turn", {"status": "undone"}, "redo")
    assert MODEL.next_step(undone).tool == "undo_last_turn"
    assert bulk.step("redo", [], after("add milk", "add_task", {"task_id": 1}, "redo")) is None
    assert bulk.step("redo", [], [user("redo")]) is None
