"""Update constructions (issue 17): shifts that keep their direction, field parts beside a new
title, corrections and renames said as constructions. Made-up wordings, none from a case file."""

from __future__ import annotations

from datetime import date

import pytest

from todo_chat.agent.offline.field_words import take_shift
from todo_chat.agent.offline.frames import read
from todo_chat.agent.offline.normalise import normalise
from todo_chat.agent.offline.parse import understand
from todo_chat.agent.offline.update_fields import field_part, split_fields

TODAY = date(2026, 11, 24)   # a Tuesday


@pytest.mark.parametrize(("text", "days"), [
    ("shunt the boiler service back three days", 3),
    ("pull the vet forward a week", -7),
    ("the invoice chase can slip 4 days", 4),
    ("the tax return can be delayed 2 weeks", 14),
    ("move the haircut a day earlier", -1),
])
def test_a_shift_is_an_amount_with_a_direction(text, days):
    assert take_shift(text)[1] == days


@pytest.mark.parametrize("text", [
    "the train was pushed back a week",       # a report
    "move the vet in two days",               # a date from today, not a shift
    "the dog needs walking 3 days a week",    # no direction
    "water the plants every 2 days",
])
def test_no_shift_without_a_direction_or_in_a_report(text):
    assert take_shift(text)[1] is None


def test_a_shift_reaches_the_update_with_its_task_words():
    request = understand("push the gutter clearing back two weeks", TODAY)
    assert request.action == "update" and request.changes == {"shift_days": 14}
    assert "gutter" in request.query


def test_a_field_part_says_only_dates_and_priorities():
    assert field_part("and make it due thursday", TODAY) == {"due_date": "2026-11-26"}
    assert field_part("top priority pls", TODAY) == {"priority": "high"}
    assert field_part("ring the garage thursday", TODAY) is None


def test_field_parts_come_off_the_end_of_a_new_title():
    assert split_fields("Paint the fence and make it due thursday", TODAY) == (
        "Paint the fence", {"due_date": "2026-11-26"})
    assert split_fields("low priority, due thursday", TODAY) == ("", {"priority": "low", "due_date": "2026-11-26"})
    assert split_fields("Bread and butter", TODAY) == ("Bread and butter", {})


def test_a_rename_with_a_date_beside_it_changes_both():
    request = understand("rename the fence task to paint the fence and make it due thursday", TODAY)
    assert request.changes == {"due_date": "2026-11-26", "title": "Paint the fence"}
    two = understand("move the fence job to thursday and make it urgent", TODAY)
    assert two.changes == {"due_date": "2026-11-26", "priority": "high"}
    assert understand("rename the fence task to Thursday", TODAY).new_title == "Thursday"


@pytest.mark.parametrize(("text", "old", "new"), [
    ("argh, it should say Marks not Sparks", "Sparks", "Marks"),
    ("no sorry I meant Bradford, not Leeds", "Leeds", "Bradford"),
    ("replace cake with pie in the bakery one", "cake", "pie"),
    ("change the stamps task from first class to second class", "first class", "second class"),
    ("whoops — shed should be garage", "shed", "garage"),
])
def test_corrections_say_only_the_new_words(text, old, new):
    frame = read(text, normalise(text).text)
    assert frame is not None and frame.kind == "correct" and (frame.old, frame.new) == (old, new)


@pytest.mark.parametrize("text", [
    "change the gym from monday to friday",    # a date: not a title's words
    "shed should be garage",                   # no word that says a correction is coming
    "not the dishes, the laundry is done",     # "not X, Y" without "I meant" or "but": not read as one
])
def test_not_a_correction(text):
    frame = read(text, normalise(text).text)
    assert frame is None or frame.kind != "correct"


def test_renames_and_notes_by_construction():
    called = understand("call the shed task 'Tidy the shed' from now on", TODAY)
    assert called.new_title == "Tidy the shed" and called.query == "shed"
    pronoun = understand("call it sort the recycling", TODAY)
    assert pronoun.new_title == "Sort the recycling" and pronoun.ref.pronoun
    assert understand("call it a day", TODAY).action != "update"
    named = understand("new title for the shed one: clear the shed", TODAY)
    assert named.new_title == "Clear the shed" and named.query == "shed"
    noted = understand("put a note on it: the key is under the mat", TODAY)
    assert noted.new_description == "the key is under the mat" and noted.ref.pronoun
    added = understand("add to the shed one that the padlock is broken", TODAY)
    assert added.new_description == "the padlock is broken" and added.query == "shed"


def test_a_report_of_a_new_value_is_no_new_title():
    request = understand("the gas bill went up to £120", TODAY)
    assert request.new_title is None


def test_a_set_with_a_date_in_the_new_title_stays_a_title():
    request = understand("set the title of task 2 to Friday shopping", TODAY)
    assert request.new_title == "Friday shopping" and not request.changes
    assert understand("set the gym task for 14:00 today", TODAY).changes == {"due_date": "2026-11-24T14:00"}
