"""Open probe for calibration (issue 17): when to act and when to ask, written before the gates
were retuned, in registers of its own (terse, rambling, non-native, British/Australian idiom, emoji,
lowercase, voice-typed without punctuation).

- "p-act-*": a person would simply expect the change: adds in unusual framings, and complete,
  delete, reopen and update of one task named by id, by a title only it fits, or by its place on
  a list the previous answer showed. Asking here is a failure (a dead end for a clear request).
- "p-ask": the change is not clear and nothing may change: two tasks fit the words (choices
  expected), "that one" with nothing before it, a destructive bulk, a question, a negation,
  someone else's words, a condition.

Kept out of the classifier's training lines (`export_training` skips "p-" kinds): a probe trained
on stops measuring how the gates generalise.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, SUN, THU, WED, C, Case, add, done, rm, upd
from tests.nlu.cases import reopen as undone

HOUSEHOLD = ("Renew the car registration", "Order a new mattress", "Clean the fish tank",
             "Call the council about the bins", "Book a haircut", "[x] Pay the water bill", "Fix the wobbly chair")
OFFICE = ("Submit the timesheet", "Prepare the client demo", "Email Raj the contract", "Book flights to Berlin",
          "[x] Print the handouts", "Update the team wiki")
TWINS = ("Book the dentist for Mia", "Pay the dentist invoice", "Buy dog food", "Walk the dog", "Call Aunt Jo",
         "Call Jo's landlord")


def A(say: str, *calls, tasks: tuple = (), before: tuple = ()) -> Case:
    kind = {"add_task": "p-act-add", "complete_task": "p-act-complete", "delete_task": "p-act-delete",
            "reopen_task": "p-act-reopen", "update_task": "p-act-update"}[calls[-1][0]]
    return C(kind, say, *calls, tasks=tasks, before=before)


def Q(say: str, *calls, tasks: tuple = (), before: tuple = (), choices: tuple | None = None) -> Case:
    return C("p-ask", say, *calls, tasks=tasks, before=before, choices=choices)


PREVIEW = ("delete_tasks", {})   # a bulk deletion's preview: it lists what would go and asks first


ADDS: list[Case] = [
    A("gotta ring the electrician tmrw", add("Ring the electrician", due_date=WED)),
    A("pls remember for me: renew the tv licence", add("Renew the tv licence")),
    A("mate can you whack 'sort the recycling' on the list", add("sort the recycling")),
    A("chuck on the list: get petrol", add("Get petrol")),
    A("buy sunscreen before saturday", add("Buy sunscreen", due_date=SAT)),
    A("i must to send the parcel to my brother", add("Send the parcel to my brother")),
    A("please you put task wash the curtains", add("Wash the curtains")),
    A("new todo — defrost the chicken", add("Defrost the chicken")),
    A("🛒 buy oat milk", add("Buy oat milk")),
    A("buy light bulbs 💡", add("Buy light bulbs")),
    A("right, need to sort out my tax return", add("Sort out my tax return")),
    A("can u pls add email the school about the trip", add("Email the school about the trip")),
    A("put down that i need to get the boiler checked", add("Get the boiler checked")),
    A("ok add a reminder to cancel the gym membership", add("Cancel the gym membership")),
    A("stick a task on there to phone the vet", add("Phone the vet")),
    A("hey could you add 'Send Nan a postcard'", add("Send Nan a postcard")),
    A("add: return the drill to Steve", add("Return the drill to Steve")),
    A("Add pay the nursery fees by Friday", add("Pay the nursery fees", due_date=FRI)),
    A("add tidy the shed sunday", add("Tidy the shed", due_date=SUN)),
    A("i gotta pick up the dry cleaning tomorrow", add("Pick up the dry cleaning", due_date=WED)),
    A("add water the herbs and repot the basil", add("Water the herbs"), add("Repot the basil")),
    A("add these - stamps, envelopes, tape", add("Stamps"), add("Envelopes"), add("Tape")),
    A("make a task: phone the garage about the clutch", add("Phone the garage about the clutch")),
    A("add book the vet for the cat asap", add("Book the vet for the cat", priority="high")),
    A("add call the electrician full stop", add("Call the electrician")),
    A("so yeah add get the car washed", add("Get the car washed")),
    A("can you pop buy birthday candles on my list ta", add("Buy birthday candles")),
    A("arvo job: mow the lawn", add("Mow the lawn")),
    A("add a task to ring mum on sunday", add("Ring mum", due_date=SUN)),
    A("please to add reminder for pay the phone bill", add("Pay the phone bill")),
    A("i want you add clean the bathroom", add("Clean the bathroom")),
    A("add fix the gate latch pls 🙏", add("Fix the gate latch")),
    A("ADD CALL THE LANDLORD", add("CALL THE LANDLORD")),
    A("todo thursday: collect the parcel", add("Collect the parcel", due_date=THU)),
    A("note to self - cancel netflix", add("Cancel netflix")),
    A("need to buy a new phone charger", add("Buy a new phone charger")),
    A("hiya, add book the plumber for monday please", add("Book the plumber", due_date=MON)),
    A("could you add a task for me to renew my library card", add("Renew my library card")),
]

COMPLETES: list[Case] = [
    A("3 is done", done(3), tasks=HOUSEHOLD),
    A("finished task two", done(2), tasks=HOUSEHOLD),
    A("tick off number 4 ta", done(4), tasks=HOUSEHOLD),
    A("done #7", done(7), tasks=HOUSEHOLD),
    A("fish tank's clean now", done(3), tasks=HOUSEHOLD),
    A("got the haircut booked", done(5), tasks=HOUSEHOLD),
    A("the timesheet is submitted ✔", done(1), tasks=OFFICE),
    A("sent raj the contract", done(3), tasks=OFFICE),
    A("flights to berlin booked, tick it off", done(4), tasks=OFFICE),
    A("mark the wiki update as complete", done(6), tasks=OFFICE),
    A("i have finish the client demo", done(2), tasks=OFFICE),
    A("chair's fixed finally 🎉", done(7), tasks=HOUSEHOLD),
    A("yep called the council about the bins", done(4), tasks=HOUSEHOLD),
    A("check off the car registration pls", done(1), tasks=HOUSEHOLD),
    A("new mattress ordered", done(2), tasks=HOUSEHOLD),
    A("first one is sorted", done(1), tasks=OFFICE, before=("show my tasks",)),
    A("done with the second one", done(2), tasks=OFFICE, before=("what's on my list",)),
    A("walked the dog", done(4), tasks=TWINS),
    A("mark dog food as bought", done(3), tasks=TWINS),
]

DELETES: list[Case] = [
    A("delete 6", rm(6), tasks=OFFICE),
    A("get rid of no. 7", rm(7), tasks=HOUSEHOLD),
    A("bin the mattress task", rm(2), tasks=HOUSEHOLD),
    A("scrap the haircut, not needed", rm(5), tasks=HOUSEHOLD),
    A("pls delete the berlin flights", rm(4), tasks=OFFICE),
    A("can you remove the demo prep task thanks", rm(2), tasks=OFFICE),
    A("the wiki thing is no longer needed delete it", rm(6), tasks=OFFICE),
    A("kill the timesheet task", rm(1), tasks=OFFICE),
    A("remove 'Call the council about the bins'", rm(4), tasks=HOUSEHOLD),
    A("take the fish tank off my list", rm(3), tasks=HOUSEHOLD),
    A("the bottom one can go", rm(6), tasks=OFFICE, before=("list everything",)),
    A("erase task number three", rm(3), tasks=TWINS),
]

REOPENS: list[Case] = [
    A("reopen 6", undone(6), tasks=HOUSEHOLD),
    A("water bill isn't paid actually, reopen it", undone(6), tasks=HOUSEHOLD),
    A("untick the handouts", undone(5), tasks=OFFICE),
    A("mark the handouts as not done pls", undone(5), tasks=OFFICE),
    A("put the water bill back to open", undone(6), tasks=HOUSEHOLD),
    A("un-complete task 5", undone(5), tasks=OFFICE),
]

UPDATES: list[Case] = [
    A("rename task 3 to clean the aquarium", upd(3, title="Clean the aquarium"), tasks=HOUSEHOLD),
    A("move the timesheet to friday", upd(1, due_date=FRI), tasks=OFFICE),
    A("make the demo urgent", upd(2, priority="high"), tasks=OFFICE),
    A("push the mattress order to thursday", upd(2, due_date=THU), tasks=HOUSEHOLD),
    A("set task 5 to low priority", upd(5, priority="low"), tasks=HOUSEHOLD),
    A("add a note to the chair task: needs wood glue", upd(7, description="needs wood glue"), tasks=HOUSEHOLD),
    A("rename 'Email Raj the contract' to 'Email Raj the signed contract'",
      upd(3, title="Email Raj the signed contract"), tasks=OFFICE),
    A("change #1's title to submit the timesheet early", upd(1, title="Submit the timesheet early"), tasks=OFFICE),
    A("bump the dog walk to high priority", upd(4, priority="high"), tasks=TWINS),
    A("haircut should be due saturday", upd(5, due_date=SAT), tasks=HOUSEHOLD),
    A("the berlin flights are low priority now", upd(4, priority="low"), tasks=OFFICE),
    A("wiki update due monday pls", upd(6, due_date=MON), tasks=OFFICE),
    A("change task 2 to prepare the client demo deck", upd(2, title="Prepare the client demo deck"), tasks=OFFICE),
]

ASKS: list[Case] = [
    # two tasks fit the words: choices, no change
    Q("dentist done", tasks=TWINS, choices=()),
    Q("delete the dog one", tasks=TWINS, choices=()),
    Q("tick off the jo task", tasks=TWINS, choices=()),
    Q("the dentist thing can go", tasks=TWINS, choices=()),
    Q("called jo", tasks=TWINS, choices=()),
    Q("move the dog task to friday", tasks=TWINS, choices=()),
    Q("make the dentist one high priority", tasks=TWINS, choices=()),
    Q("rename the dog task to feed the dog", tasks=TWINS, choices=()),
    Q("remove the call one", tasks=TWINS, choices=()),
    Q("book the dentist one is finished", tasks=(*TWINS, "Book the dentist for Leo"), choices=()),
    # "that one" with nothing before it
    Q("that one's finished", tasks=HOUSEHOLD),
    Q("ok bin it", tasks=HOUSEHOLD),
    Q("yeah remove that", tasks=OFFICE),
    Q("mark it done pls", tasks=OFFICE),
    Q("the other one too", tasks=HOUSEHOLD),
    Q("get rid of this one", tasks=TWINS),
    # destructive bulk
    Q("delete everything", PREVIEW, tasks=HOUSEHOLD),
    Q("wipe my whole list", PREVIEW, tasks=OFFICE),
    Q("clear out all the tasks pls", PREVIEW, tasks=TWINS),
    Q("remove all the dog ones", tasks=TWINS),
    # questions, negations, reports, conditions
    Q("is the dog walked already?", tasks=TWINS),
    Q("did i book flights to berlin", tasks=OFFICE),
    Q("haven't called aunt jo yet", tasks=TWINS),
    Q("don't delete the dentist invoice", tasks=TWINS),
    Q("my wife says add buy flowers", tasks=HOUSEHOLD),
    Q("if the mechanic rings I'll add a task for the brakes", tasks=HOUSEHOLD),
    Q("not finished the demo, still working on it", tasks=OFFICE),
    Q("could i rename tasks later?", tasks=OFFICE),
    Q("the haircut place was shut so that's not done", tasks=HOUSEHOLD),
    Q("what should I do with the wiki task", tasks=OFFICE),
    Q("which of the dog ones is open?", tasks=TWINS),
]

CALIBRATE_CASES: list[Case] = [*ADDS, *COMPLETES, *DELETES, *REOPENS, *UPDATES, *ASKS]
