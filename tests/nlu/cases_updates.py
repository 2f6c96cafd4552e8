"""Open probe cases for updates of existing tasks (issue 17), written before the update path was
tuned, by kind and in registers of their own (texting shorthand, office British, Australian,
non-native grammar, dictation without punctuation, emoji, arrows): renames and corrections with
and without a named task, notes appended or replaced, due dates (absolute, clock times, shifts that
keep their direction, removal), priority in everyday words, several fields at once, the task named
first, last or by a pronoun after an earlier turn. And lookalikes that must change nothing:
questions, negations, conditions, reports, hypotheses, and a task name two tasks fit (ask).

Kinds "p-update" and "p-safe": the probe is kept out of the classifier's training lines
(`export_training`) so its pass rate stays a measure of what the model was not shown.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, SUN, THU, WED, C, Case, Seed, day, upd

HOUSE = (Seed("Renew the scooter insurance", description="Policy with Aviva"), Seed("Sweep the chimney"),
         Seed("Pay the car tax", due_date=FRI), Seed("Order school shoes for Ava"), Seed("Get a refund from Tescos"),
         Seed("Book the school tour", due_date=MON))
OFFICE = (Seed("Finish the SLA report", due_date=WED), Seed("Prepare the board deck", priority="low"),
          Seed("Email the auditors"), Seed("Renew the domain name", due_date=FRI),
          Seed("Chase the Henderson invoice", description="Sent 2 reminders"))
TRIP = (Seed("Book the ferry to Skye", due_date=day(10)), Seed("Buy walking poles"),
        Seed("Print the hostel confirmation", due_date=SAT), Seed("Exchange euros"),
        Seed("Pack the first aid kit", priority="high"))
FAMILY = (Seed("Sign up Noah for swimming"), Seed("Buy a present for Grandad", due_date=day(12)),
          Seed("Fix the garden gate", description="Hinge on the left side"), Seed("Ring the GP surgery"),
          Seed("Return the library DVDs", done=True))


def U(say: str, *calls, tasks: tuple = (), before: tuple = ()) -> Case:
    return C("p-update", say, *calls, tasks=tasks, before=before)


def S(say: str, tasks: tuple = (), before: tuple = (), choices: tuple | None = None) -> Case:
    return C("p-safe", say, tasks=tasks, before=before, choices=choices)


RENAMES: list[Case] = [
    U("change the ferry one to book the ferry to Mull", upd(1, title="Book the ferry to Mull"), tasks=TRIP),
    U("rename 'Exchange euros' to 'Exchange euros and pounds'", upd(4, title="Exchange euros and pounds"),
      tasks=TRIP),
    U("the walking poles task should be called buy trekking poles", upd(2, title="Buy trekking poles"), tasks=TRIP),
    U("can u change the gp one to ring the GP about bloods", upd(4, title="Ring the GP about bloods"), tasks=FAMILY),
    U("retitle the auditors task: email the auditors the Q3 pack", upd(3, title="Email the auditors the Q3 pack"),
      tasks=OFFICE),
    U("the board deck -> prepare the board deck v2", upd(2, title="Prepare the board deck v2"), tasks=OFFICE),
    U("Please kindly modify the name of task swimming into Sign up Noah for swimming lessons",
      upd(1, title="Sign up Noah for swimming lessons"), tasks=FAMILY),
    U("call the gate task 'Fix the side gate' from now on", upd(3, title="Fix the side gate"), tasks=FAMILY),
    U("change task 2 from Buy walking poles to Borrow walking poles", upd(2, title="Borrow walking poles"),
      tasks=TRIP),
    U("change the deck one from board deck to investor deck", upd(2, title="Prepare the investor deck"),
      tasks=OFFICE),
    U("rename number 4 as Exchange dollars", upd(4, title="Exchange dollars"), tasks=TRIP),
    U("domain renewal task, new title: renew todo-chat.com", upd(4, title="Renew todo-chat.com"), tasks=OFFICE),
]

CORRECTIONS: list[Case] = [
    U("oops, I meant Tesco not Tescos", upd(5, title="Get a refund from Tesco"), tasks=HOUSE),
    U("wrong word, it's sandals not shoes", upd(4, title="Order school sandals for Ava"), tasks=HOUSE),
    U("typo, it's John not Jon", upd(1, title="Pick up John from football"), before=("add pick up Jon from football",)),
    U("I meant Aunt Mae, not Aunt May", upd(6, title="Buy a gift for Aunt Mae"), tasks=FAMILY,
      before=("add buy a gift for Aunt May",)),
    U("not Skye, Mull", upd(1, title="Book the ferry to Mull"), tasks=TRIP),
    U("the invoice one should say Anderson not Henderson", upd(5, title="Chase the Anderson invoice"), tasks=OFFICE),
    U("replace surgery with practice in the GP task", upd(4, title="Ring the GP practice"), tasks=FAMILY),
    U("change Grandad to Grandma in the present one", upd(2, title="Buy a present for Grandma"), tasks=FAMILY),
    U("no sorry I meant Lisbon, not Porto", upd(6, title="Book flights to Lisbon"), tasks=TRIP,
      before=("add book flights to Porto",)),
    U("my bad — euros should be dollars", upd(4, title="Exchange dollars"), tasks=TRIP),
]

NOTES: list[Case] = [
    U("on the chimney task, write down that the sweep comes on the 9th",
      upd(2, description="the sweep comes on the 9th"), tasks=HOUSE),
    U("under the scooter one add: renewal quote was £84",
      upd(1, description="Policy with Aviva\nrenewal quote was £84"), tasks=HOUSE),
    U("note for the ferry task - bring the booking ref", upd(1, description="bring the booking ref"), tasks=TRIP),
    U("can you add to the poles one that REI has a sale", upd(2, description="REI has a sale"), tasks=TRIP),
    U("stick a note on the auditors task saying they want the bank letters",
      upd(3, description="they want the bank letters"), tasks=OFFICE),
    U("gate task: add a note the paint is in the shed",
      upd(3, description="Hinge on the left side\nthe paint is in the shed"), tasks=FAMILY),
    U("for the Henderson invoice, jot down that they promised payment friday",
      upd(5, description="Sent 2 reminders\nthey promised payment friday"), tasks=OFFICE),
    U("add a description to task 4: use the post office", upd(4, description="use the post office"), tasks=TRIP),
    U("add to the notes of the GP task: ask about the flu jab", upd(4, description="ask about the flu jab"),
      tasks=FAMILY),
    U("swimming task, note: Tuesdays at 5 work best", upd(1, description="Tuesdays at 5 work best"), tasks=FAMILY),
    # replacing what the note says
    U("the note on the car tax one should read: paid by direct debit", upd(3, description="paid by direct debit"),
      tasks=HOUSE),
    U("replace the description of the Henderson invoice with: paid in full", upd(5, description="paid in full"),
      tasks=OFFICE),
    U("overwrite the notes on the scooter task: policy moved to Admiral",
      upd(1, description="policy moved to Admiral"), tasks=HOUSE),
    U("change the gate task's notes to new hinges bought", upd(3, description="new hinges bought"), tasks=FAMILY),
    U("set the description of task 1 to morning ferry only", upd(1, description="morning ferry only"), tasks=TRIP),
    U("the chase invoice details are wrong, they should say 3 reminders sent",
      upd(5, description="3 reminders sent"), tasks=OFFICE),
]

DUE: list[Case] = [
    U("move the car tax to monday", upd(3, due_date=MON), tasks=HOUSE),
    U("the SLA report is now due thursday", upd(1, due_date=THU), tasks=OFFICE),
    U("change the deadline on the board deck to 3 December", upd(2, due_date="2026-12-03"), tasks=OFFICE),
    U("can the auditors email be done by friday instead", upd(3, due_date=FRI), tasks=OFFICE),
    U("due Friday, the SLA report", upd(1, due_date=FRI), tasks=OFFICE),
    U("set the swimming signup for the 1st of december", upd(1, due_date=day(7)), tasks=FAMILY),
    U("reschedule hostel printing to sunday", upd(3, due_date=SUN), tasks=TRIP),
    U("the domain renewal - make it the 30th", upd(4, due_date=MON), tasks=OFFICE),
    U("Grandad's present needs to be sorted by Dec 2", upd(2, due_date="2026-12-02"), tasks=FAMILY),
    U("ferry booking is due tomorrow now", upd(1, due_date=WED), tasks=TRIP),
    # clock times
    U("move the SLA report to 3pm tomorrow", upd(1, due_date=WED + "T15:00"), tasks=OFFICE),
    U("the GP call at 9am on friday", upd(4, due_date=FRI + "T09:00"), tasks=FAMILY),
    U("set the auditors email for 14:00 today", upd(3, due_date=day(0) + "T14:00"), tasks=OFFICE),
    U("change the time of the ferry booking to 8am", upd(1, due_date=day(10) + "T08:00"), tasks=TRIP),
    # shifts from the date the task has, in the direction said
    U("push the car tax back a week", upd(3, due_date=day(10)), tasks=HOUSE),
    U("bring the domain renewal forward two days", upd(4, due_date=WED), tasks=OFFICE),
    U("delay the ferry by a week", upd(1, due_date=day(17)), tasks=TRIP),
    U("the SLA report can slip 2 days", upd(1, due_date=FRI), tasks=OFFICE),
    U("postpone grandad's present by 3 days", upd(2, due_date=day(15)), tasks=FAMILY),
    U("push that back a week", upd(3, due_date=day(10)), tasks=HOUSE, before=("when is the car tax due?",)),
    U("move the school tour a day later", upd(6, due_date=day(7)), tasks=HOUSE),
    U("give me an extra week on the SLA report", upd(1, due_date=day(8)), tasks=OFFICE),
    # no date any more
    U("remove the due date from the car tax", upd(3, due_date=""), tasks=HOUSE),
    U("take the date off the hostel printing", upd(3, due_date=""), tasks=TRIP),
    U("clear the deadline on the SLA report", upd(1, due_date=""), tasks=OFFICE),
    U("make the grandad present undated", upd(2, due_date=""), tasks=FAMILY),
]

PRIORITY: list[Case] = [
    U("the scooter insurance is top priority", upd(1, priority="high"), tasks=HOUSE),
    U("bump the auditors email up", upd(3, priority="high"), tasks=OFFICE),
    U("the board deck can wait, low prio", upd(2, priority="low"), tasks=OFFICE),
    U("put the poles on the back burner", upd(2, priority="low"), tasks=TRIP),
    U("make the GP call a high priority", upd(4, priority="high"), tasks=FAMILY),
    U("first aid kit isn't that important anymore", upd(5, priority="low"), tasks=TRIP),
    U("chimney is super urgent!!", upd(2, priority="high"), tasks=HOUSE),
    U("downgrade the euros task", upd(4, priority="low"), tasks=TRIP),
    U("set priority of task 3 to medium", upd(3, priority="medium"), tasks=(*FAMILY[:2], Seed(
        "Fix the garden gate", priority="high"))),
    U("the swimming sign-up is critical", upd(1, priority="high"), tasks=FAMILY),
]

SEVERAL: list[Case] = [
    U("move the car tax to monday and make it high priority", upd(3, due_date=MON, priority="high"), tasks=HOUSE),
    U("the ferry one: urgent, due friday", upd(1, priority="high", due_date=FRI), tasks=TRIP),
    U("rename the poles task to buy poles and gaiters and make it due saturday",
      upd(2, title="Buy poles and gaiters", due_date=SAT), tasks=TRIP),
    U("SLA report -> low priority, due monday", upd(1, priority="low", due_date=MON), tasks=OFFICE),
    U("set the gate task to high priority and add a note: left hinge only",
      upd(3, priority="high", description="Hinge on the left side\nleft hinge only"), tasks=FAMILY),
]

PLACED: list[Case] = [
    # the task named last, or first with the change after it
    U("make it urgent, the chimney one", upd(2, priority="high"), tasks=HOUSE),
    U("to monday please - the domain renewal", upd(4, due_date=MON), tasks=OFFICE),
    U("low priority for the board deck", upd(2, priority="low"), tasks=OFFICE),
    U("new name for the euros task: exchange pounds", upd(4, title="Exchange pounds"), tasks=TRIP),
    U("Friday works better for the hostel printout", upd(3, due_date=FRI), tasks=TRIP),
    # the task meant by a pronoun after an earlier turn
    U("and make it urgent", upd(7, priority="high"), tasks=HOUSE, before=("add renew the TV licence",)),
    U("actually make it due thursday", upd(1, due_date=THU), before=("add call the vet",)),
    U("shove it back a week", upd(1, due_date=day(17)), tasks=TRIP, before=("show me the ferry task",)),
    U("put a note on it: first class", upd(1, description="first class"), before=("add buy stamps",)),
    U("actually call it email the letting agent", upd(1, title="Email the letting agent"),
      before=("add email the landlord",)),
    U("low priority that one", upd(1, priority="low"), before=("add pay the gas bill",)),
]

LOOKALIKES: list[Case] = [
    S("is the car tax due friday?", tasks=HOUSE),
    S("what's the note on the scooter one?", tasks=HOUSE),
    S("should I move the SLA report to thursday?", tasks=OFFICE),
    S("don't change the board deck's priority", tasks=OFFICE),
    S("no need to push the ferry back", tasks=TRIP),
    S("if the auditors reply, move their task to monday", tasks=OFFICE),
    S("my manager said to make the deck urgent", tasks=OFFICE),
    S("I might postpone the chimney sweep", tasks=HOUSE),
    S("how do I rename a task?", tasks=HOUSE),
    S("the ferry was delayed by two hours today", tasks=TRIP),
    S("rename the book one to book the hotel", tasks=("Book the ferry to Skye", "Book the hostel"), choices=()),
    S("make the school one urgent", tasks=HOUSE, choices=()),
    S("Tescos was closed today", tasks=HOUSE),
    S("the deck looks great, thanks", tasks=OFFICE),
    S("did I already set a due date for the domain?", tasks=OFFICE),
    S("the insurance renewal went up to £90", tasks=HOUSE),
    S("can you tell me when the hostel printing is due", tasks=TRIP),
    S("leave the gate task as it is", tasks=FAMILY),
    S("I wasn't going to rename anything", tasks=FAMILY),
    S("what would happen if I moved the ferry to friday?", tasks=TRIP),
    S("the dentist is due friday", tasks=OFFICE),
    S("thanks, that's the right name now", tasks=TRIP, before=("rename task 4 to Exchange dollars",)),
]

PROBE_UPDATES = [*RENAMES, *CORRECTIONS, *NOTES, *DUE, *PRIORITY, *SEVERAL, *PLACED]
UPDATE_PROBES = [*PROBE_UPDATES, *LOOKALIKES]
