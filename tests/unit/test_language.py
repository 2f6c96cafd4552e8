"""The offline model's understanding of plain language, stage by stage."""

from datetime import date

import pytest

from todo_chat.agent.offline.normalise import normalise, words_to_number
from todo_chat.agent.offline.parse import understand
from todo_chat.agent.offline.resolve import match_tasks, mentioned
from todo_chat.agent.offline.slots import list_status, reference, take_due_date, take_priority, task_ids

TODAY = date(2026, 11, 24)  # a Tuesday


# --- normalise ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "text"), [
    ("Could you please add milk, thanks!", "add milk"),
    ("can you tick task #8 off?", "tick task #8 off?"),
    ("the gym one isn’t done after all", "the gym one is not done after all"),
    ("mark number two hundred and five as done", "mark number 205 as done"),
    ("ad a tsak to by batteries", "add a task to by batteries"),
    ("delte the gym task", "delete the gym task"),
    ("Would you mind adding water the plants", "add water the plants"),
    ("rent's paid", "rent is paid"),
    ("Park the car", "Park the car"),  # a real word is never "fixed" into a command
])
def test_normalise(typed, text):
    assert normalise(typed).text == text


def test_quotes_are_kept_exactly():
    assert normalise("finish ‘Wash the car’").quotes == ("Wash the car",)
    assert normalise("Fix Mike's bike").quotes == ()


def test_words_to_number():
    assert [words_to_number(w) for w in ("two hundred and five", "forty-two", "twelve", "hello")] == \
        [205, 42, 12, None]


# --- intent ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "action"), [
    ("add buy milk", "add"), ("Todo: return books", "add"), ("I need to renew my licence", "add"),
    ("remind me what's on my list", "list"), ("which have I ticked off?", "list"),
    ("what's the weather like", "unknown"),
    ("the dishes are done", "complete"), ("I washed the car", "complete"),
    ("the gym one is not done after all", "reopen"), ("put the milk back on my list", "reopen"),
    ("take the car wash off the list", "delete"), ("nvm about the passport, remove it", "delete"),
    ("#7: dentist at 4pm", "update"), ("add a note to the passport task: bring photos", "update"),
    ("what can you do", "help"), ("hello", "greet"), ("thanks!", "thanks"), ("book me a flight", "unknown"),
])
def test_intent(text, action):
    # the pipeline's reading (rule cues, then the learned classifier where they find nothing)
    assert understand(text, date(2026, 12, 3)).action == action


# --- slots -------------------------------------------------------------------------------------

def test_task_ids():
    assert task_ids("mark 205 as done") == [205]
    assert task_ids("delete tasks 2, 4 and 5") == [2, 4, 5]
    assert task_ids("buy 2 apples at 5pm") == []


@pytest.mark.parametrize(("text", "rest", "due"), [
    ("Renew my licence by Monday", "Renew my licence", date(2026, 11, 30)),
    ("pay rent end of the month", "pay rent", date(2026, 11, 30)),
    ("call mom tomorrow", "call mom", date(2026, 11, 25)),
    ("x in 3 days", "x", date(2026, 11, 27)),
    ("party on march 3rd", "party", date(2027, 3, 3)),
    ("dentist on the 15th", "dentist", date(2026, 12, 15)),
    ("buy sun cream", "buy sun cream", None),
])
def test_due_dates(text, rest, due):
    assert take_due_date(text, TODAY) == (rest, due)


@pytest.mark.parametrize(("text", "rest", "level"), [
    ("Call the bank asap", "Call the bank", "high"),
    ("urgent: call the bank", "call the bank", "high"),
    ("sort the garage someday", "sort the garage", "low"),
    ("clean the car (not urgent)", "clean the car", "low"),
    ("Read important email", "Read important email", None),
])
def test_priority(text, rest, level):
    assert take_priority(text) == (rest, level)


def test_list_status_and_references():
    assert list_status("all tasks including finished ones") == "all"
    assert list_status("what do i have left") == "pending"
    assert list_status("what have i finished") == "completed"
    assert reference("the second one").ordinals == (1,)
    assert reference("delete the first two").ordinals == (0, 1)
    assert reference("mark it as done").pronoun


# --- resolve -----------------------------------------------------------------------------------

def test_matching_is_fuzzy_and_asks_when_several_match():
    tasks = [{"id": 1, "title": "Team meeting"}, {"id": 2, "title": "Pay rent"},
             {"id": 3, "title": "Meeting notes"}, {"id": 4, "title": "Renew license"}]
    assert match_tasks("meeting", tasks).kind == "several"
    assert match_tasks("paid the rent", tasks).tasks == [tasks[1]]
    assert match_tasks("licence", tasks).tasks == [tasks[3]]
    assert match_tasks("dentist", tasks).kind == "none"


def test_mentioned_tasks_are_read_back_from_answers():
    text = "Added **Buy milk** (#3, medium priority) to your list."
    assert mentioned(text) == [{"id": 3, "title": "Buy milk"}]
    listing = "You have 2 pending tasks:\n- #1 Team meeting (high priority)\n- #4 Call mom"
    assert [t["id"] for t in mentioned(listing)] == [1, 4]


# --- the three together ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Add a task to buy groceries tomorrow, high priority",
     dict(action="add", items=[{"title": "Buy groceries", "description": "", "priority": "high",
                                "due_date": "2026-11-25"}])),
    ("I need to renew my licence by Monday, add that",
     dict(action="add", items=[{"title": "Renew my licence", "description": "", "priority": None,
                                "due_date": "2026-11-30"}])),
    ("add walk the dog and feed the cat", dict(action="add", titles=["Walk the dog", "Feed the cat"])),
    ("add buy bread and butter", dict(action="add", titles=["Buy bread and butter"])),
    ("Add 'Book a table' thanks", dict(action="add", titles=["Book a table"])),
    ("finish 'Wash the car'", dict(action="complete", query="Wash the car")),
    ("I'm finished with the tax forms", dict(action="complete", query="tax forms")),
    ("Mark task 3 as complete", dict(action="complete", ids=[3])),
    ("edit 9, new title: Pay council tax", dict(action="update", ids=[9], new_title="Pay council tax")),
    ("fix the typo in 'Cal plumber', it should be 'Call plumber'",
     dict(action="update", query="Cal plumber", new_title="Call plumber")),
    ("change the description of the passport task to bring two photos",
     dict(action="update", query="passport", new_description="bring two photos")),
    ("What's pending?", dict(action="list", status="pending")),
])
def test_understand(text, expected):
    request = understand(text, TODAY)
    got = {k: getattr(request, k) for k in expected if k != "titles"}
    if "titles" in expected:
        got["titles"] = [i["title"] for i in request.items]
    assert got == expected
