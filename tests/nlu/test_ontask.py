"""Actions on existing tasks (references.py, resolve.py, frames.py, force.py, slots.py): the kinds
of target reference (a place alone, one root in two derivations, a compound said as two words, a
task picked by what it says) and of update content (swaps inside a title, corrections, arrows,
notes said wrong, shifts), each through the real pipeline over a simulated list."""

from __future__ import annotations

from datetime import date

from tests.nlu.cases import Seed
from tests.nlu.sim import run
from todo_chat.agent.offline import force, frames, references, resolve
from todo_chat.agent.offline.parse import understand
from todo_chat.agent.offline.resolve import match_tasks

TODAY = date(2026, 11, 24)
PETS = ["Take Biscuit to the vet", "Order cat litter", "Book the dog groomer", "Buy a new lead for Rolo",
        "Clean the fish tank"]


def _tasks(*titles: str) -> list[dict]:
    return [{"id": i, "title": t, "completed": False} for i, t in enumerate(titles, start=1)]


def test_a_place_alone_counts_over_the_whole_list():
    assert references.span_place("the third one") == 2
    assert references.span_place("the last task") == -1
    assert references.span_place("the one before last") == -2
    assert references.span_place("the second dentist one") is None
    assert run("tick the third one", PETS).changes == [("complete_task", {"task_id": 3})]
    assert run("the one before last is finished", PETS).changes == [("complete_task", {"task_id": 4})]


def test_one_root_in_two_derivations_matches_and_a_near_spelling_does_not():
    revise = _tasks("Revise chapter 4", "Print the contrast sheet")
    assert match_tasks("revision", revise).tasks == [revise[0]]
    assert resolve._same_root("revision", "revis")
    assert not resolve._same_root("contract", "contrast") and not resolve._same_root("tin", "tint")
    assert run("downgrade the revision task", ["Revise chapter 4", "Pay the fees"]).changes == [
        ("update_task", {"task_id": 1, "priority": "low"})]


def test_a_compound_said_as_two_words_is_the_titles_one_word():
    books = _tasks("Return the statistics textbook", "Buy a book of stamps")
    assert match_tasks("text book", books).tasks == [books[0]]


def test_words_swapped_inside_a_title_keep_its_capital():
    frame = frames.read("in the vet task change Biscuit to Muffin", "in the vet task change Biscuit to Muffin")
    assert frame is not None and (frame.kind, frame.old, frame.new) == ("correct", "Biscuit", "Muffin")
    assert run("change buy to order in the printer ink task", ["Buy printer ink"]).changes == [
        ("update_task", {"task_id": 1, "title": "Order printer ink"})]
    assert run("wrong one, its the dog not the cat", PETS).changes == [
        ("update_task", {"task_id": 2, "title": "Order dog litter"})]


def test_an_arrow_or_rename_without_to_gives_the_new_title():
    assert run("the groomer one -> book the cat groomer", PETS).changes == [
        ("update_task", {"task_id": 3, "title": "Book the cat groomer"})]
    frame = frames.read("rename it water the chilli plants", "rename it water the chilli plants")
    assert frame is not None and frame.kind == "rename"
    assert (frame.target, frame.content) == ("it", "water the chilli plants")


def test_a_note_said_wrong_is_replaced_and_a_note_finds_its_task_by_number():
    text = "the notes for the hall fees are wrong, should be reference 17"
    frame = frames.read(text, text)
    assert frame is not None and (frame.kind, frame.mode, frame.content) == ("note", "replace", "reference 17")
    text = "add a note to number 4: the big tesco has them"
    frame = frames.read(text, text)
    assert frame is not None and frame.kind == "note"
    assert (frame.target, frame.content) == ("number 4", "the big tesco has them")


def test_a_task_picked_by_what_it_says_is_no_reported_speech():
    assert force.by_content("mark the one that says filter sponge as done") == "mark the filter sponge as done"
    assert force.by_content("hannah says delete the offsite reply") == "hannah says delete the offsite reply"
    tasks = [*PETS[:4], Seed("Clean the fish tank", description="Filter sponge needs replacing")]
    assert run("mark the one that says filter sponge as done", tasks).changes == [("complete_task", {"task_id": 5})]


def test_a_shift_word_moves_a_date_and_a_low_priority_said_as_can_wait_is_no_hold():
    assert not force.dated_by_statement({"task_id": 1, "due_date": "2026-11-29"}, "the groomer should be a day earlier")
    assert force.dated_by_statement({"task_id": 1, "due_date": "2026-11-29"}, "the groomer is on sunday")
    assert run("the charity bags can wait, low priority", ["Drop off the charity bags", "Buy milk"]).changes == [
        ("update_task", {"task_id": 1, "priority": "low"})]
    assert run("no need to make the charity bags urgent", ["Drop off the charity bags", "Buy milk"]).changes == []


def test_the_tasks_own_verb_as_a_part_of_its_own_settles_a_report():
    lead = {"id": 4, "title": "Buy a new lead for Rolo", "completed": False}
    other = {"id": 1, "title": "Take Biscuit to the vet", "completed": False}
    assert references.settled(understand("Rolo's lead, bought it", TODAY), lead, [other, lead])
    assert not references.settled(understand("Rolo's lead, the vet", TODAY), lead, [other, lead])
