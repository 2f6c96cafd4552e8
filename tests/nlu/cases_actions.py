"""Open probe cases for the on-task actions (complete / reopen / delete / undo) and for their
lookalikes, written before the tuning they measure, in registers the other open files lack:
clipped texting, formal office English, British/Australian idiom, voice dictation with spoken
punctuation, emoji, slang, non-native grammar. Targets by id, number word, `#`, fuzzy title,
place and age; several in one message; and, after an earlier turn, "put it back", "scrap that",
"undo", "redo". The lookalikes (kind "safety-actions") mention a task's words but ask nothing
to change: questions, reports of other people, hypotheticals, sarcasm, things in progress,
negations and retractions. Any change there is a wrong change.
"""

from __future__ import annotations

from typing import Any

from tests.nlu.cases import C, Case, done, rm
from tests.nlu.cases import reopen as undone

HOMEY = ("Wash the car", "Service the boiler", "Walk the dog", "Renew the TV licence", "Defrost the freezer",
         "[x] Clean the oven", "Order printer ink")
OFFICE = ("Submit the expense claim", "Chase the vendor invoice", "Book the venue for the offsite",
          "Update the CRM contacts", "[x] Send the board pack", "Print the contracts")
YARD = ("Mow the lawn", "[x] Prune the roses", "Fix the fence panel", "[x] Rake the leaves", "Buy compost",
        "Trim the hedge")


def undo() -> tuple[str, dict[str, Any]]:
    return ("undo_last_turn", {})


COMPLETE: list[Case] = [
    C("a-complete", "the car's been washed", done(1), tasks=HOMEY),
    C("a-complete", "sorted the boiler", done(2), tasks=HOMEY),
    C("a-complete", "dog walked 🐕", done(3), tasks=HOMEY),
    C("a-complete", "tv licence renewed at last", done(4), tasks=HOMEY),
    C("a-complete", "freezer's defrosted, finally", done(5), tasks=HOMEY),
    C("a-complete", "ink ordered", done(7), tasks=HOMEY),
    C("a-complete", "okay so the dog has been walked full stop", done(3), tasks=HOMEY),
    C("a-complete", "✅ printer ink", done(7), tasks=HOMEY),
    C("a-complete", "Kindly note that the expense claim has been submitted.", done(1), tasks=OFFICE),
    C("a-complete", "vendor invoice chased, tick it", done(2), tasks=OFFICE),
    C("a-complete", "crm contacts updated", done(4), tasks=OFFICE),
    C("a-complete", "#6 done", done(6), tasks=OFFICE),
    C("a-complete", "task three is finished", done(3), tasks=OFFICE),
    C("a-complete", "done with the venue booking", done(3), tasks=OFFICE),
    C("a-complete", "lawn's been mowed", done(1), tasks=YARD),
    C("a-complete", "compost bought and fence panel fixed", done(5), done(3), tasks=YARD),
    C("a-complete", "mark my oldest task done", done(1), tasks=YARD),
    C("a-complete", "the one I added last is done", done(6), tasks=YARD),
    C("a-complete", "hedge is trimmed mate", done(6), tasks=YARD),
    C("a-complete", "the first one's done", done(1), tasks=YARD, before=("what's on my list?",)),
]

REOPEN: list[Case] = [
    C("a-reopen", "I marked the oven complete by accident", undone(6), tasks=HOMEY),
    C("a-reopen", "the oven isn't actually clean, reopen it", undone(6), tasks=HOMEY),
    C("a-reopen", "oops the board pack wasn't sent, put it back", undone(5), tasks=OFFICE),
    C("a-reopen", "leaves still need raking, untick that one", undone(4), tasks=YARD),
    C("a-reopen", "bring back the rake the leaves task", undone(4), tasks=YARD),
    C("a-reopen", "ugh ticked the board pack too early", undone(5), tasks=OFFICE),
    C("a-reopen", "the roses aren't pruned after all", undone(2), tasks=YARD),
    # the last turn completed the car: undoing it is the reopen ("that" is the change just made)
    C("a-reopen", "undo that pls, the car still isn't washed", undo(), tasks=HOMEY, before=("the car's been washed",)),
    C("a-reopen", "pls reopen task two", undone(2), tasks=YARD),
    C("a-reopen", "the oven one needs doing again", undone(6), tasks=HOMEY),
]

DELETE: list[Case] = [
    C("a-delete", "the TV licence is no longer needed", rm(4), tasks=HOMEY),
    C("a-delete", "get the printer ink off my list", rm(7), tasks=HOMEY),
    C("a-delete", "yeet the dog walk one", rm(3), tasks=HOMEY),
    C("a-delete", "don't need the freezer one anymore, chuck it", rm(5), tasks=HOMEY),
    C("a-delete", "bin the fence one", rm(3), tasks=YARD),
    C("a-delete", "nix the hedge", rm(6), tasks=YARD),
    C("a-delete", "take #2 off the list", rm(2), tasks=YARD),
    C("a-delete", "delete 2 and 5", rm(2), rm(5), tasks=OFFICE),
    C("a-delete", "Please remove the task concerning the contracts.", rm(6), tasks=OFFICE),
    C("a-delete", "offsite's cancelled, lose the venue task", rm(3), tasks=OFFICE),
    C("a-delete", "the crm one can go", rm(4), tasks=OFFICE),
    C("a-delete", "we won't be needing the contracts printed, remove it", rm(6), tasks=OFFICE),
    C("a-delete", "scrap that", rm(7), tasks=YARD, before=("add buy a kettle",)),
    C("a-delete", "could you delete the second of those", rm(2), tasks=OFFICE, before=("show me everything",)),
    C("a-delete", "remove the hedge and the compost ones", rm(6), rm(5), tasks=YARD),
]

UNDO: list[Case] = [
    C("a-undo", "put it back", undo(), tasks=HOMEY, before=("delete the freezer one",)),
    C("a-undo", "nah undo that", undo(), tasks=YARD, before=("bin the fence one",)),
    C("a-undo", "revert that pls", undo(), tasks=HOMEY, before=("sorted the boiler",)),
    C("a-undo", "redo", undo(), tasks=HOMEY, before=("delete the freezer one", "undo")),
    C("a-undo", "hang on, bring it back", undo(), tasks=OFFICE, before=("remove task 6",)),
]


def _nothing(say: str, tasks: tuple, before: tuple = ()) -> Case:
    """A lookalike: it names a task's words, and asks for no change (it may answer or ask)."""
    return C("safety-actions", say, tasks=tasks, before=before)


LOOKALIKES: list[Case] = [
    *(_nothing(say, HOMEY) for say in (
        "is the car washed?",
        "my neighbour washed his car today",
        "if I sort the boiler tomorrow I'll let you know",
        "the dog hasn't been walked yet",
        "washing the car now",
        "about to walk the dog",
        "the car wash place was shut",
        "wish the freezer would defrost itself",
        "don't delete the ink task",
        "the boiler man is coming thursday",
        "not sure if the dog was walked",
        "the car is absolutely filthy",
        "tell me when the freezer one is done",
    )),
    *(_nothing(say, OFFICE) for say in (
        "my boss submitted her expense claim",
        "Did you chase the vendor invoice?",
        "the venue for the offsite looks lovely",
        "I was going to delete the CRM task but I'll keep it",
        "no need to remove the board pack one",
        "who deleted the contracts task?",
        "what if the expense claim was already submitted",
        "the contracts printer is broken again",
    )),
    *(_nothing(say, YARD) for say in (
        "I might mow the lawn later",
        "should I delete the compost one?",
        "my wife reckons the fence is fixed",
        "yeah right, like I trimmed the hedge 🙄",
        "the lawn needs mowing badly",
        "compost bags were sold out",
        "the fence blew down again last night",
        "hedge trimmer arrived",
        "can't find the secateurs for the roses",
    )),
]

ACTION_CASES: list[Case] = [*COMPLETE, *REOPEN, *DELETE, *UNDO, *LOOKALIKES]
