"""The safety gate (agent/offline/guard.py) on the cases a single message cannot show: a task gone
since an earlier answer, a duplicate read from a statement, a stray number, and the answer to the
gate's own question."""

from __future__ import annotations

from datetime import date

from tests.nlu.sim import conversation, run
from todo_chat.agent.choices import OFFER_CHOICES
from todo_chat.agent.offline.model import OfflineModel

HOUSE = ["Call mum's doctor", "Do the washing", "Buy milk", "Pay the gas bill"]
TASK_CHANGES = ("complete_task", "reopen_task", "delete_task", "update_task")


def _offered(turn) -> list[dict]:
    return [args for name, args in turn.calls if name == OFFER_CHOICES]


def test_a_task_deleted_earlier_is_not_replaced_by_its_near_namesake():
    # "Call mum" (#9) was deleted in an earlier turn; only "Call mum's doctor" is left.
    history = [{"role": "user", "content": "delete call mum"},
               {"role": "assistant", "content": "Deleted **Call mum** (#9) from your list."}]
    turn = run("call mum is done", HOUSE, history)
    assert not turn.changes, turn.calls
    assert _offered(turn), turn.calls


def test_the_named_task_still_acts_after_an_unrelated_deletion():
    history = [{"role": "user", "content": "delete call mum"},
               {"role": "assistant", "content": "Deleted **Call mum** (#9) from your list."}]
    turn = run("the washing is done", HOUSE, history)
    assert turn.changes == [("complete_task", {"task_id": 2})], turn.calls


def test_a_statement_that_repeats_an_open_task_asks_before_adding_it_again():
    turn = run("I still need to pay the gas bill", HOUSE)
    assert not turn.changes, turn.calls


def test_an_explicit_add_of_an_existing_title_adds_it():
    turn = run("add buy milk", HOUSE)
    assert [name for name, _ in turn.changes] == ["add_task"], turn.calls


def test_a_bare_number_beside_words_naming_another_task_is_not_an_id():
    turn = run("can u delete the washing 1", HOUSE)
    assert ("delete_task", {"task_id": 1}) not in turn.changes, turn.calls


def test_yes_to_the_gates_question_makes_the_change():
    first = run("I might delete the milk one", HOUSE)
    assert not first.changes and _offered(first), first.calls
    turn = conversation(["I might delete the milk one", "yes"], HOUSE)
    assert turn.changes == [("delete_task", {"task_id": 3})], turn.calls


def test_no_to_the_gates_question_changes_nothing():
    turn = conversation(["I might delete the milk one", "no"], HOUSE)
    assert not turn.changes, turn.calls


def test_the_turn_ends_on_the_gates_question():
    turn = run("delete buy milk. hang on, don't", HOUSE)
    assert not turn.changes and len(_offered(turn)) == 1, turn.calls
    assert "Buy milk" in turn.text


def test_without_the_offer_tool_the_question_is_plain_text():
    model = OfflineModel(today=date(2026, 11, 24))
    listed = {"status": "all", "count": 4, "tasks": [{"id": i, "title": t, "completed": False}
                                                     for i, t in enumerate(HOUSE, start=1)]}
    items = [{"role": "user", "content": "I might delete the milk one"},
             {"type": "function_call", "call_id": "c1", "name": "list_tasks", "arguments": '{"status": "all"}'},
             {"type": "function_call_output", "call_id": "c1", "output": __import__("json").dumps(listed)}]
    step = model.next_step(items, can_offer=False)
    assert step.tool is None and "Buy milk" in step.text


def test_an_add_read_from_a_statement_that_stops_mid_phrase_asks():
    turn = run("mum's birthday is next week", HOUSE)
    assert not turn.changes and _offered(turn), turn.calls


def test_a_note_for_an_open_task_said_without_add_is_asked_about():
    turn = run("the washing one: use the eco setting", HOUSE)
    assert not [c for c in turn.changes if c[0] == "add_task"], turn.calls


def test_a_complete_that_speaks_of_a_tasks_notes_is_asked_about():
    turn = run("the note on the gas bill task should now say paid by direct debit", HOUSE)
    assert not [c for c in turn.changes if c[0] in ("complete_task", "delete_task")], turn.calls


def test_a_task_named_in_passing_is_not_completed():
    for message in ("I'm so tired of the washing", "the gas bill was huge this month", "milk gives me a headache"):
        turn = run(message, HOUSE)
        assert not [c for c in turn.changes if c[0] in TASK_CHANGES], (message, turn.calls)


def test_a_title_verb_said_as_done_completes():
    for message, task_id in (("paid the gas bill", 4), ("the washing is done", 2), ("bought the milk", 3)):
        turn = run(message, HOUSE)
        assert turn.changes == [("complete_task", {"task_id": task_id})], (message, turn.calls)


def test_a_placing_verb_over_an_open_tasks_noun_asks_instead_of_adding():
    # "put"/"pop"/"stick" also place things: said over an open task's noun with a day, it may move that
    # task, so it is no explicit add; "add" in so many words still adds.
    for said in ("stick the gas bill for monday 9am", "put the washing for saturday 10am"):
        turn = run(said, HOUSE)
        assert not any(name == "add_task" for name, _ in turn.changes), (said, turn.calls)
    assert [name for name, _ in run("add the gas bill for monday", HOUSE).changes] == ["add_task"]
