"""Target and content read through the span tagger (agent/offline/references.py, tagged.py): a
span resolves by number, place, title or notes; two fits ask; the guard grounds on the same span;
an update's content is taken from spans or from the words behind a link.

The tagger's spans are set by hand here (`_spans`), so these tests hold whatever weights ship."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.nlu.sim import run
from todo_chat.agent.choices import OFFER_CHOICES
from todo_chat.agent.offline import parse, references, tagged
from todo_chat.agent.offline.parse import understand

TODAY = date(2026, 11, 24)
TASKS = [{"id": 1, "title": "Renew the bike insurance", "completed": False},
         {"id": 2, "title": "Fix the leaking shower", "completed": False, "description": "Plumber is Gary"},
         {"id": 3, "title": "Book the boiler service", "completed": False},
         {"id": 4, "title": "Pump the bike tyres", "completed": True}]
TITLES = [t["title"] for t in TASKS[:3]] + ["[x] Pump the bike tyres"]


@pytest.fixture
def spans(monkeypatch) -> Iterator[dict[str, dict[str, list[str]]]]:
    """Messages -> the spans the tagger is to find in them (none for any other message)."""
    found: dict[str, dict[str, list[str]]] = {}
    monkeypatch.setattr(tagged, "spans", lambda text, intent, slots=None: {
        k: v for k, v in found.get(text, {}).items() if slots is None or k in slots})
    tagged.tagged_task.cache_clear()
    parse._understand.cache_clear()
    yield found
    tagged.tagged_task.cache_clear()
    parse._understand.cache_clear()


def _reading(text: str) -> references.Reading | None:
    return references.tagged_reading(understand(text, TODAY), TASKS)


def test_a_span_names_its_task_by_number_place_title_or_notes(spans):
    spans["bin task four"] = {"target": ["task four"]}
    spans["bin the one i added last"] = {"target": ["the one i added last"]}
    spans["bin the shower thing"] = {"target": ["the shower thing"]}
    spans["bin the gary one"] = {"target": ["the gary one"]}
    assert [t["id"] for t in _reading("bin task four").tasks] == [4]
    assert [t["id"] for t in _reading("bin the one i added last").tasks] == [4]
    assert [t["id"] for t in _reading("bin the shower thing").tasks] == [2]
    gary = _reading("bin the gary one")
    assert gary.sure and [t["id"] for t in gary.tasks] == [2]


def test_a_span_that_fits_two_tasks_is_not_sure_and_a_bare_number_is_no_id(spans):
    spans["bin the bike thing"] = {"target": ["the bike thing"]}
    spans["i finished 3 of them"] = {"target": ["3"]}
    both = _reading("bin the bike thing")
    assert not both.sure and {t["id"] for t in both.tasks} == {1, 4}
    assert _reading("i finished 3 of them") is None


def test_place_needs_words_of_age_or_of_the_list():
    assert references.span_place("the task I added last") == -1
    assert references.span_place("my oldest one") == 0
    assert references.span_place("the second one I put in") == 1
    assert references.span_place("the second one I liked") is None   # words beside the place: no place


def test_the_tagged_target_acts_where_the_rules_words_fit_weakly(spans):
    text = "the shower thing can go, landlord's sorting it"
    spans[text] = {"target": ["the shower thing"]}
    assert run(text, TITLES).changes == [("delete_task", {"task_id": 2})]


def test_without_the_tagged_target_the_same_message_only_asks(spans):
    turn = run("the shower thing can go, landlord's sorting it", TITLES)
    assert not turn.changes and any(name == OFFER_CHOICES for name, _ in turn.calls)


def test_a_tagged_target_that_fits_two_tasks_asks_which(spans):
    text = "the bike one can go, sold it"
    spans[text] = {"target": ["the bike one"]}
    turn = run(text, TITLES)
    assert not turn.changes
    offered = [args for name, args in turn.calls if name == OFFER_CHOICES]
    assert offered and {"Renew the bike insurance (#1)", "Pump the bike tyres (#4)"} <= {
        c["label"] for c in offered[0]["choices"]}


def test_the_guard_holds_a_tagged_target_in_a_condition_or_reported(spans):
    for text in ("if the plumber comes, the shower one is done", "Gary says delete the shower one"):
        spans[text] = {"target": ["the shower one"]}
        assert not run(text, TITLES).changes, text


def test_an_update_takes_the_words_behind_a_link_as_its_title_or_note(spans):
    renamed, noted = "the compost one -> buy peat-free compost", "on the dentist one for the kids note that Leo cried"
    spans[renamed] = {"target": ["the compost one"]}
    spans[noted] = {"target": ["the dentist one"]}
    found = tagged.tagged_update(renamed, TODAY)
    assert found is not None and found.new_title == "buy peat-free compost" and found.linked
    note = tagged.tagged_update(noted, TODAY)
    assert note is not None and note.note == "Leo cried" and note.new_title is None and note.note_mode == "append"
    spans["rename the compost one"] = {"target": ["the compost one"]}
    assert tagged.tagged_update("rename the compost one", TODAY) is None     # nothing to change it to


def test_an_update_reads_priority_and_cued_dates_beside_the_target(spans):
    spans["the shower is not urgent anymore"] = {"target": ["the shower"]}
    spans["the shower closes at 6"] = {"target": ["the shower"]}
    spans["the shower is due friday"] = {"target": ["the shower"], "due": ["friday"]}
    low = tagged.tagged_update("the shower is not urgent anymore", TODAY)
    assert low is not None and low.changes == (("priority", "low"),) and low.linked
    statement = tagged.tagged_update("the shower closes at 6", TODAY)
    assert statement is not None and not statement.linked       # a statement: asked, not acted on
    due = tagged.tagged_update("the shower is due friday", TODAY)
    assert due is not None and due.changes == (("due_date", "2026-11-27"),) and due.linked


def test_a_date_said_without_a_due_word_is_asked_about(spans):
    text = "the bike insurance letter came today"
    spans[text] = {"target": ["the bike insurance"], "due": ["today"]}
    turn = run(text, TITLES)
    assert not turn.changes and any(name == OFFER_CHOICES for name, _ in turn.calls)


def test_a_new_title_that_is_a_date_status_or_priority_is_that_field():
    moved = understand("the boiler service got moved to monday", TODAY)
    assert moved.changes == {"due_date": "2026-11-30"} and moved.new_title is None
    urgent = understand("the boiler task - make it urgent", TODAY)
    assert urgent.changes == {"priority": "high"} and urgent.new_title is None
    assert understand("rename the boiler task to Friday", TODAY).new_title == "Friday"


def test_half_the_words_matched_only_loosely_change_nothing():
    assert not run("bin the passport renewal one", TITLES).changes


def test_of_two_tasks_a_span_fits_a_report_picks_the_one_whose_own_verb_it_says(spans):
    spans["renewed the bike thing"] = {"target": ["the bike thing"]}
    spans["done the bike thing"] = {"target": ["the bike thing"]}
    renewed = _reading("renewed the bike thing")
    assert renewed.sure and [t["id"] for t in renewed.tasks] == [1]   # "renewed": Renew the bike insurance
    assert not _reading("done the bike thing").sure                   # no verb of either: ask


def test_a_reading_the_task_settles_lifts_the_question_and_only_then():
    ink = {"id": 7, "title": "Order printer ink", "completed": False}
    other = {"id": 8, "title": "Print the contracts", "completed": False}
    said = understand("ink ordered", TODAY)
    assert references.settled(said, ink, [ink, other])
    assert not references.settled(understand("ink ordered for the new printer", TODAY), ink, [ink, other])
    assert not references.settled(understand("ordering ink", TODAY), ink, [ink, other])
    oven = {"id": 6, "title": "Clean the oven", "completed": True}
    assert references.settled(understand("I marked the oven complete by accident", TODAY), oven, [oven])
    assert not references.settled(understand("I marked the oven complete by accident", TODAY),
                                  {**oven, "completed": False}, [oven])
