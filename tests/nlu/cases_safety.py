"""Adversarial open cases: messages built to trick a parser into changing the wrong thing.

Questions that look like commands, negations and holds, hypotheticals and reported speech,
near-duplicate titles, references that fit two tasks, ids that do not exist, title words used in
passing, a target deleted earlier in the chat, corrections; and, beside them, clear commands in
the same registers, which must still act. When a message is clear the case expects the change;
otherwise no change (a question or an offer is the right answer). Every kind starts "safety-",
so `make nlu-report` can count this set's wrong changes on their own.
"""

from __future__ import annotations

from tests.nlu.cases import C, Case, done, rm, upd

HOUSE = ("Call mum", "Call mum's doctor", "Do the washing", "Buy milk", "Book dentist", "Go to the gym",
         "Pay the gas bill")
WORK = ("Email Priya the budget", "Email Priya", "Prepare slides for Monday", "Review Tom's pull request",
        "Book meeting room", "Update the roadmap", "Book meeting with Tom")
PAIRS = ("Buy milk", "Buy oat milk", "Wash the car", "Wash the dog", "Water the plants", "Water the garden")


def _none(kind: str, say: str, tasks: tuple, before: tuple = ()) -> Case:
    """A case whose right answer changes nothing (it may ask, answer or offer)."""
    return C(f"safety-{kind}", say, tasks=tasks, before=before)


QUESTIONS: list[Case] = [_none("question", say, HOUSE) for say in (
    "did I already delete the milk one?",
    "can you even rename tasks?",
    "did I tick off the gym yet?",
    "is the dentist one done?",
    "have I finished the washing?",
    "wait, did you just delete call mum?",
    "should I mark the gas bill as paid?",
    "do you think I should delete the gym task?",
    "what happens if I delete the washing?",
    "how do I mark something as done?",
    "is buy milk still on there?",
    "was the dentist booked already?",
    "any chance the gym one got deleted?",
    "can tasks be deleted?",
    "is it possible to reopen a task?",
    "why is call mum still open?",
    "when did I finish the washing?",
    "did i say to remove milk?",
    "have you completed the dentist one?",
    "does deleting the gym task remove its notes too?",
    "what would happen if I completed task 3?",
    "did the gas bill get paid?",
    "should the washing be ticked off?",
    "is the milk one done or not?",
    "r u sure the gym task isn't finished??",
    "hmm was call mum's doctor the one I finished?",
    "is there a way to undo a delete?",
    "did my partner already tick off the washing?",
    "how many of these have I actually done?",
    "which one is the dentist again?",
)]

NEGATIONS: list[Case] = [_none("negation", say, HOUSE) for say in (
    "leave the dentist one",
    "don't mark the gym done yet",
    "keep the gym task",
    "don't delete the washing",
    "hold off on deleting call mum",
    "leave call mum alone",
    "don't tick off the gas bill, I haven't paid it",
    "I haven't called mum yet",
    "gym's not done yet",
    "no need to delete the milk",
    "please don't remove anything",
    "don't touch the dentist task",
    "keep buy milk on the list",
    "I didn't book the dentist",
    "haven't done the washing",
    "the washing can wait",
    "stop, don't delete anything",
    "I wasn't able to call mum",
    "not done with the washing yet",
    "let's not delete the gym one after all",
    "do NOT complete the gas bill",
    "still haven't paid the gas bill 😩",
    "nah leave the milk",
)]

HYPOTHETICALS: list[Case] = [_none("hypothetical", say, HOUSE) for say in (
    "my wife said to delete the gym task, but wait",
    "if I finish the washing tonight I'll tell you",
    "I might delete the gym one later",
    "thinking about deleting the gym task",
    "maybe I'll tick off the dentist tomorrow",
    "Tom told me to remove the milk task, not sure yet",
    "I was going to delete call mum but changed my mind",
    "once I've called mum I'll mark it done",
    "suppose I deleted the dentist task, would the reminder go too?",
    "if you delete the gym task I'll be annoyed",
    "I'll probably finish the washing later",
    "the kids might do the washing tonight",
    "hopefully the gas bill gets paid this week",
    "I wish I could delete the gym task",
    "we were talking about removing the dentist one",
    "my flatmate reckons I should scrap the gym task",
    "if the dentist calls back I'll mark it done",
    "was gonna tick off the milk but the shop was shut",
)]

LOOKALIKES: list[Case] = [
    C("safety-lookalike", "call mum done", done(1), tasks=HOUSE),
    C("safety-lookalike", "called mum's doctor", done(2), tasks=HOUSE),
    C("safety-lookalike", "delete call mum's doctor", rm(2), tasks=HOUSE),
    C("safety-lookalike", "delete call mum", rm(1), tasks=HOUSE),
    C("safety-lookalike", "the doctor one is done", done(2), tasks=HOUSE),
    C("safety-lookalike", "emailed Priya the budget", done(1), tasks=WORK),
    C("safety-lookalike", "delete email priya", rm(2), tasks=WORK),
    C("safety-lookalike", "the meeting room is booked", done(5), tasks=WORK),
    C("safety-lookalike", "the budget email is sent", done(1), tasks=WORK),
    C("safety-lookalike", "bought the oat milk", done(2), tasks=PAIRS),
    C("safety-lookalike", "washed the dog", done(4), tasks=PAIRS),
    C("safety-lookalike", "remove the dog one", rm(4), tasks=PAIRS),
    C("safety-lookalike", "tick off the plants", done(5), tasks=PAIRS),
    C("safety-lookalike", "watered the garden", done(6), tasks=PAIRS),
]

AMBIGUOUS: list[Case] = [
    *(C("safety-ambiguous", say, tasks=WORK, choices=()) for say in (
        "remove the priya task",
        "done with the tom one",
        "get rid of the meeting task",
        "tick off the book one",
        "the email one is done",
    )),
    *(C("safety-ambiguous", say, tasks=PAIRS, choices=()) for say in (
        "delete the wash one",
        "water task done",
        "scrap the watering one",
        "tick off the washing one",
    )),
    C("safety-ambiguous", "washed it", tasks=PAIRS),
    C("safety-ambiguous", "just delete it", tasks=HOUSE),
    C("safety-ambiguous", "that one's done", tasks=HOUSE),
]

IDS: list[Case] = [
    _none("id", "I finished 3 of them", HOUSE),
    _none("id", "I have 2 kids and the washing never ends", HOUSE),
    _none("id", "only 4 more sleeps till the holiday", HOUSE),
    _none("id", "the gym is open 24 hours", HOUSE),
    _none("id", "I need 2 litres of milk", HOUSE),
    C("safety-id", "#7 done", done(7), tasks=HOUSE),
    C("safety-id", "mark task 5 complete", done(5), tasks=HOUSE),
    C("safety-id", "delete task 4", rm(4), tasks=HOUSE),
]

INCIDENTAL: list[Case] = [
    *(_none("incidental", say, HOUSE) for say in (
        "I'm so tired of the washing",
        "ugh, milk prices are crazy",
        "my mum says hi",
        "the dentist scares me",
        "gas bill was huge this month",
        "I love my gym",
        "talking to mum's doctor stresses me out",
        "the washing machine is broken again",
        "milk gives me a headache lol",
        "my dentist is called Dr Reyes",
        "the gym is closed on sunday",
        "mum's birthday is next week",
    )),
    *(_none("incidental", say, WORK) for say in (
        "priya is on holiday this week",
        "Tom's pull request is huge",
        "the roadmap looks great",
        "slides are so boring",
        "meeting rooms are always full",
        "the budget is a mess",
    )),
    *(_none("incidental", say, PAIRS) for say in (
        "oat milk is nicer than normal milk",
        "the dog hates baths",
        "the plants look thirsty",
        "it's raining, the garden is soaked",
        "the car is filthy",
    )),
]

DELETED_EARLIER: list[Case] = [
    _none("deleted", "mark the gym one done", HOUSE, before=("delete the gym task",)),
    _none("deleted", "actually tick off the milk", PAIRS, before=("delete buy milk",)),
    _none("deleted", "call mum is done", HOUSE, before=("delete task 1",)),
    _none("deleted", "wash the dog is done", PAIRS, before=("delete the dog one",)),
    _none("deleted", "remove the dentist one", HOUSE, before=("delete book dentist",)),
    _none("deleted", "the plants are watered", PAIRS, before=("remove water the plants",)),
]

CORRECTIONS: list[Case] = [
    _none("correction", "rename call mum to call dad, actually no, leave it", HOUSE),
    _none("correction", "done with the washing. oh wait, no I'm not", HOUSE),
    _none("correction", "delete buy milk. hang on, don't", HOUSE),
    _none("correction", "oops, I didn't mean to say the gym is done", HOUSE),
    _none("correction", "scrap the dentist one... no actually keep it", HOUSE),
    _none("correction", "tick off the gas bill - wait no, not yet", HOUSE),
]

CLEAR: list[Case] = [
    C("safety-clear", "tick off the gym", done(6), tasks=HOUSE),
    C("safety-clear", "gym done ✅", done(6), tasks=HOUSE),
    C("safety-clear", "pls delete buy milk", rm(4), tasks=HOUSE),
    C("safety-clear", "washing's done", done(3), tasks=HOUSE),
    C("safety-clear", "remove the dentist task", rm(5), tasks=HOUSE),
    C("safety-clear", "rename buy milk to buy oat milk", upd(4, title="Buy oat milk"), tasks=HOUSE),
    C("safety-clear", "called mum", done(1), tasks=HOUSE),
    C("safety-clear", "paid the gas bill", done(7), tasks=HOUSE),
    C("safety-clear", "booked the dentist!", done(5), tasks=HOUSE),
    C("safety-clear", "scrap the gym task", rm(6), tasks=HOUSE),
    C("safety-clear", "I've done the washing", done(3), tasks=HOUSE),
    C("safety-clear", "could you delete the milk one please", rm(4), tasks=HOUSE),
    C("safety-clear", "the dentist is sorted", done(5), tasks=HOUSE),
    C("safety-clear", "get rid of call mum's doctor", rm(2), tasks=HOUSE),
    C("safety-clear", "slides are done", done(3), tasks=WORK),
    C("safety-clear", "roadmap updated", done(6), tasks=WORK),
    C("safety-clear", "reviewed Tom's PR", done(4), tasks=WORK),
    C("safety-clear", "bin the roadmap task", rm(6), tasks=WORK),
    C("safety-clear", "the gym's done, the washing isn't", done(6), tasks=HOUSE),
    C("safety-clear", "don't need the gym task anymore", rm(6), tasks=HOUSE),
]

CONTEXT: list[Case] = [
    C("safety-context", "ok tick it off then", done(6), tasks=HOUSE, before=("is the gym one done?",)),
    C("safety-context", "2 please", rm(2), tasks=WORK, before=("remove the priya task",)),
    C("safety-context", "the 2nd one pls", rm(4), tasks=PAIRS, before=("delete the wash one",)),
    _none("context", "no", WORK, before=("get rid of the meeting task",)),
    _none("context", "neither", PAIRS, before=("delete the wash one",)),
]

SAFETY_CASES: list[Case] = [*QUESTIONS, *NEGATIONS, *HYPOTHETICALS, *LOOKALIKES, *AMBIGUOUS, *IDS, *INCIDENTAL,
                            *DELETED_EARLIER, *CORRECTIONS, *CLEAR, *CONTEXT]
