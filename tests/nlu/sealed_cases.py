"""A sealed evaluation split for the offline model: written without looking at the model or the dev set.

Same format as `tests.nlu.cases` (read its docstring): "today" is Tuesday 24 November 2026, tasks get
ids 1, 2, ... in the order given, and the calls are what a correct assistant should make, not what the
offline model happens to do. The registers are the ones people type in: texting, British, Australian and
Indian English, non-native grammar, typos, emoji, one-word and rambling messages.

Conventions for expected titles: the task words as the user wrote them, first letter capitalised (the
check ignores case), without filler ("remind me to", "a task to"), dates, priorities or emoji; several
items in one message are several add_task calls in the order given. `safety` cases must change nothing,
except where a message reports one task done and another not (then only the one done is completed).
"""

from __future__ import annotations

from typing import Any

from tests.nlu.cases import FRI, MON, SAT, SUN, THU, WED, C, Case, Seed, add, day, done, ls, reopen, rm, upd

TODAY_ISO = day(0)
IN_A_WEEK, IN_A_FORTNIGHT = day(7), day(14)


def look(**filters: Any) -> tuple[str, dict[str, Any]]:
    """A list_tasks call whose filters are the assistant's choice (only the given ones are checked)."""
    return ("list_tasks", filters)


# 1 dentist, 2 electricity, 3 dry cleaning, 4 Sarah, 5 insurance
WEEK = ("Book dentist appointment", "Pay the electricity bill", "Pick up dry cleaning",
        "Email Sarah about the venue", "Renew car insurance")
# 1 done, 2 open, 3 done, 4 open, 5 open
MIX = ("[x] Send invoice to Acme", "Water the plants", "[x] Return library books", "Order birthday cake",
       "Cancel the gym membership")
# 1 done, 2 open, 3 done, 4 done, 5 open
REDO = ("[x] Pay rent", "Buy printer ink", "[x] Call the vet", "[x] Submit the visa form", "Tidy the garden")
# four open (one due today, one Friday, one overdue, one undated), two done
AGENDA = (Seed("Submit expense report", priority="high", due_date=TODAY_ISO),
          Seed("Buy birthday present for Priya", due_date=FRI),
          Seed("Get the car serviced", due_date=day(-2)),
          Seed("Clean out the garage", priority="low"),
          Seed("Send invoice to Acme", done=True),
          Seed("Call the plumber", done=True))
# The word "trailer" is only in task 1's description; "Hendersons" only in task 3's.
NOTES = (Seed("Call Dave", description="About borrowing the boat trailer"), Seed("Fix the fence"),
         Seed("Send the quote", description="For the Hendersons' kitchen refit"), Seed("Order printer paper"))

ADD = [
    C("add", "need: new phone charger", add("New phone charger")),
    C("add", "shopping - oat milk", add("Oat milk")),
    C("add", "can u add pick up parcel from the post office tmrw",
      add("Pick up parcel from the post office", due_date=WED)),
    C("add", "cn u remind me 2 ring the council tmrw", add("Ring the council", due_date=WED)),
    C("add", "Please to add in my list: go to bank for passbook update", add("Go to bank for passbook update")),
    C("add", "kindly add one task - submit the electricity bill today itself",
      add("Submit the electricity bill", due_date=TODAY_ISO)),
    C("add", "do one thing, add 'call the CA about ITR filing' with high priority",
      add("Call the CA about ITR filing", priority="high")),
    C("add", "pick up the kids from footy this arvo", add("Pick up the kids from footy", due_date=TODAY_ISO)),
    C("add", "gotta grab snags for the barbie on saturday", add("Grab snags for the barbie", due_date=SAT)),
    C("add", "pop to Boots for plasters, not urgent", add("Pop to Boots for plasters", priority="low")),
    C("add", "book the car in for its MOT in a fortnight", add("Book the car in for its MOT", due_date=IN_A_FORTNIGHT)),
    C("add", "🙏 pls add call the vet tomorrow", add("Call the vet", due_date=WED)),
    C("add", "add buy flowers for mum 💐💐", add("Buy flowers for mum")),
    C("add", "remind me to take the bins out tonight", add("Take the bins out", due_date=TODAY_ISO)),
    C("add", "add renew passport high priority", add("Renew passport", priority="high")),
    C("add", "ok so long story short my sister is visiting next month and the spare room is a disaster, so can "
             "you put clear out the spare room on there, no huge rush",
      add("Clear out the spare room", priority="low")),
    C("add", "I keep forgetting this so please just add it: water the tomato plants", add("Water the tomato plants")),
    C("add", "add call the bank, book flights to Rome, cancel netflix",
      add("Call the bank"), add("Book flights to Rome"), add("Cancel netflix")),
    C("add", "first I need to drop the car at the garage then pick up Leo from school",
      add("Drop the car at the garage"), add("Pick up Leo from school")),
    C("add", "add these: 1. renew library card 2. buy printer ink 3. email the landlord",
      add("Renew library card"), add("Buy printer ink"), add("Email the landlord")),
    C("add", "need to: 1) ring mum 2) post the parcel", add("Ring mum"), add("Post the parcel")),
    C("add", "todo: vacuum the car; wash the dog; hang the new shelf",
      add("Vacuum the car"), add("Wash the dog"), add("Hang the new shelf")),
    C("add", "put down pay the gas bill by friday. also book a haircut",
      add("Pay the gas bill", due_date=FRI), add("Book a haircut")),
    C("add", "dentist checkup on the 3rd of december", add("Dentist checkup", due_date="2026-12-03")),
    C("add", "I need to send the contract to Olga by end of day tomorrow",
      add("Send the contract to Olga", due_date=WED)),
    C("add", "submit timesheet on monday", add("Submit timesheet", due_date=MON)),
    C("add", "high prio: fix the login bug by thursday", add("Fix the login bug", priority="high", due_date=THU)),
    C("add", "low priority - reorganise the bookshelf", add("Reorganise the bookshelf", priority="low")),
    C("add", "it's super important that I call the insurance company tomorrow",
      add("Call the insurance company", priority="high", due_date=WED)),
    C("add", "i want add one task: buy a gift for my colleague. last date is friday",
      add("Buy a gift for my colleague", due_date=FRI)),
    C("add", "Add: Meeting with tax advisor, day after tomorrow, important",
      add("Meeting with tax advisor", priority="high", due_date=THU)),
    C("add", "add get petrol tmrw pls", add("Get petrol", due_date=WED)),
    C("add", "dentist tmrw", add("Dentist", due_date=WED)),
    C("add", "new task → renew the TV licence", add("Renew the TV licence")),
    C("add", "jot down: birthday card for Aunty Meena", add("Birthday card for Aunty Meena")),
    C("add", "could you possibly add return the library books to my list? cheers", add("Return the library books")),
    C("add", "Would you mind adding 'call grandma' for sunday", add("Call grandma", due_date=SUN)),
    C("add", "in 3 days I have to renew my parking permit", add("Renew my parking permit", due_date=FRI)),
    C("add", "add order new contact lenses in a week", add("Order new contact lenses", due_date=IN_A_WEEK)),
    C("add", "add prepare slides for the offsite, tag it work", add("Prepare slides for the offsite", tags=["work"])),
    C("add", "hey can you add smth for me - defrost the freezer", add("Defrost the freezer")),
    C("add", "add plan mum's surprise party, note: she loves lilies",
      add("Plan mum's surprise party", description="She loves lilies")),
    C("add", "add another one: book the vet for Biscuit", add("Book the vet for Biscuit"), tasks=WEEK),
    C("add", "I need to remember to pay Tom back £20", add("Pay Tom back £20")),
    C("add", "Tomorrow I have to collect Aadhaar card from the centre, please note it",
      add("Collect Aadhaar card from the centre", due_date=WED)),
    C("add", "Please create new task: bring winter tyres to garage, on thursday",
      add("Bring winter tyres to garage", due_date=THU)),
    C("add", "Morning! So today has been mad already, the boiler's playing up again and I've got the in-laws "
             "coming on Sunday, anyway the thing I actually wanted to say is I need to book the boiler engineer, "
             "can you stick that on the list for tomorrow and make it high priority because we can't have no hot "
             "water with guests here", add("Book the boiler engineer", priority="high", due_date=WED)),
]

LIST = [
    C("list", "what's left?", ls("pending"), tasks=AGENDA, reply=("Clean out the garage",)),
    C("list", "wat do i still hav to do", ls("pending"), tasks=AGENDA, reply=("Get the car serviced",)),
    C("list", "what have I ticked off so far?", ls("completed"), tasks=AGENDA, reply=("Send invoice to Acme",)),
    C("list", "show me everything", ls(), tasks=AGENDA, reply=("Call the plumber",)),
    C("list", "anything due today?", look(), tasks=AGENDA, reply=("Submit expense report",)),
    C("list", "is anything overdue?", look(), tasks=AGENDA, reply=("Get the car serviced",)),
    C("list", "how many things are on my plate?", ls("pending"), tasks=AGENDA, reply=("4",)),
    C("list", "how many have I finished?", ls("completed"), tasks=AGENDA, reply=("2",)),
    C("list", "what's due this week", look(), tasks=AGENDA, reply=("Buy birthday present for Priya",)),
    C("list", "lst", ls(), tasks=AGENDA),
    C("list", "my tasks pls", ls(), tasks=AGENDA, reply=("Submit expense report",)),
    C("list", "whats on the agenda for today", look(), tasks=AGENDA, reply=("Submit expense report",)),
    C("list", "any high priority stuff?", look(), tasks=AGENDA, reply=("Submit expense report",)),
    C("list", "what did i knock off this week", ls("completed"), tasks=AGENDA, reply=("Call the plumber",)),
    C("list", "remind me what I've got on", ls("pending"), tasks=AGENDA, reply=("Buy birthday present for Priya",)),
    C("list", "can you show me the done ones", ls("completed"), tasks=MIX, reply=("Return library books",)),
    C("list", "gimme the list 🙏", ls(), tasks=MIX, reply=("Order birthday cake",)),
    C("list", "kindly share my pending tasks", ls("pending"), tasks=MIX, reply=("Water the plants",)),
    C("list", "what's outstanding?", ls("pending"), tasks=WEEK, reply=("Renew car insurance",)),
    C("list", "anything with no deadline?", look(), tasks=AGENDA, reply=("Clean out the garage",)),
    C("list", "whats on there atm", ls()),
    C("list", "anything left to do?", ls("pending"), tasks=("[x] Mow the lawn", "[x] Post the letters")),
    C("list", "which one is marked high priority?", look(), tasks=AGENDA, reply=("Submit expense report",)),
    C("list", "is there anything about Priya on my list", look(), tasks=AGENDA, reply=("Priya",)),
    C("list", "how many tasks do I have in total", ls(), tasks=AGENDA, reply=("6",)),
    C("list", "what do I have due on friday", look(), tasks=AGENDA, reply=("Buy birthday present for Priya",)),
    C("list", "show completed", ls("completed"), tasks=REDO, reply=("Submit the visa form",)),
    C("list", "Could you read me my to-do list, please?", ls(), tasks=WEEK, reply=("Book dentist appointment",)),
    C("list", "pls show my list yaar", ls(), tasks=WEEK, reply=("Pick up dry cleaning",)),
    C("list", "what's due in the next few days?", look(), tasks=AGENDA, reply=("Buy birthday present for Priya",)),
]

COMPLETE = [
    C("complete", "done with #3", done(3), tasks=WEEK),
    C("complete", "task two is done", done(2), tasks=WEEK),
    C("complete", "finished number 5", done(5), tasks=WEEK),
    C("complete", "✅ task 4", done(4), tasks=WEEK),
    C("complete", "paid the leccy bill", done(2), tasks=WEEK),
    C("complete", "the dentist thing is sorted", done(1), tasks=WEEK),
    C("complete", "emailed sarah", done(4), tasks=WEEK),
    C("complete", "got the dry cleanin", done(3), tasks=WEEK),
    C("complete", "tick off the last one I added", done(5), tasks=WEEK),
    C("complete", "mark my oldest task as done", done(1), tasks=WEEK),
    C("complete", "the second one is done", done(2), tasks=WEEK),
    C("complete", "finshed the insurence renewal", done(5), tasks=WEEK),
    C("complete", "cross off the first two", done(1), done(2), tasks=WEEK),
    C("complete", "I've done 1 and 3", done(1), done(3), tasks=WEEK),
    C("complete", "all of them are done except the insurance", done(1), done(2), done(3), done(4), tasks=WEEK),
    C("complete", "the trailer one is done", done(1), tasks=NOTES),
    C("complete", "sent the Hendersons their quote", done(3), tasks=NOTES),
    C("complete", "done with it already lol", done(1), before=("add buy stamps",)),
    C("complete", "electricity bill payment is done", done(2), tasks=WEEK),
    C("complete", "I am finish the dry cleaning pick", done(3), tasks=WEEK),
    C("complete", "dry cleaning's sorted mate", done(3), tasks=WEEK),
    C("complete", "yep booked the dentist ✔️", done(1), tasks=WEEK),
    C("complete", "mark four as complete", done(4), tasks=WEEK),
    C("complete", "number 3 - done", done(3), tasks=WEEK),
    C("complete", "done with the one I just added", done(6), tasks=WEEK, before=("add call the council",)),
    C("complete", "watered the plants 🌱", done(2), tasks=MIX),
    C("complete", "cake's ordered", done(4), tasks=MIX),
    C("complete", "Finally cancelled the gym, can you tick it off", done(5), tasks=MIX),
    C("complete", "can u mark the car insurance 1 done thx", done(5), tasks=WEEK),
    C("complete", "Right, quick update before I forget: I went to the bank at lunch and paid the electricity bill "
                  "over the counter, so you can tick that off", done(2), tasks=WEEK),
    C("complete", "printer paper ordered", done(4), tasks=NOTES),
]

DELETE = [
    C("delete", "delete task 3", rm(3), tasks=WEEK),
    C("delete", "remove number four", rm(4), tasks=WEEK),
    C("delete", "get rid of the dry cleaning one", rm(3), tasks=WEEK),
    C("delete", "bin the dentist thing, I'll ring them myself", rm(1), tasks=WEEK),
    C("delete", "scrap the last one I added", rm(5), tasks=WEEK),
    C("delete", "delete my oldest task", rm(1), tasks=WEEK),
    C("delete", "the second one can go", rm(2), tasks=WEEK),
    C("delete", "🗑️ the sarah email", rm(4), tasks=WEEK),
    C("delete", "pls delete #5", rm(5), tasks=WEEK),
    C("delete", "nvm about the insurance, remove it", rm(5), tasks=WEEK),
    C("delete", "take 'pick up dry cleaning' off the list", rm(3), tasks=WEEK),
    C("delete", "delete tasks 2 and 4", rm(2), rm(4), tasks=WEEK),
    C("delete", "clear out all the completed ones", rm(1), rm(3), tasks=MIX),
    C("delete", "no need for the gym membership task anymore, delete it", rm(5), tasks=MIX),
    C("delete", "remove the birthday cake, we're getting one from the shop", rm(4), tasks=MIX),
    C("delete", "forget the trailer thing, delete it", rm(1), tasks=NOTES),
    C("delete", "actually delete that", rm(1), before=("add buy a hamster cage",)),
    C("delete", "kindly remove the task of electricity bill", rm(2), tasks=WEEK),
    C("delete", "plz rmv 3", rm(3), tasks=WEEK),
    C("delete", "remoev the venue email", rm(4), tasks=WEEK),
    C("delete", "chuck the dry cleaning one, mate", rm(3), tasks=WEEK),
    C("delete", "scrub the dentist appointment, they've cancelled on me", rm(1), tasks=WEEK),
    C("delete", "ditch number 2", rm(2), tasks=WEEK),
    C("delete", "So I talked to my partner and we've decided not to renew the car insurance with them at all, "
                "we're switching providers and she's handling it, so please just delete that task from my list",
      rm(5), tasks=WEEK),
    C("delete", "erase the first task", rm(1), tasks=WEEK),
    C("delete", "remove both the dentist and the dry cleaning", rm(1), rm(3), tasks=WEEK),
    C("delete", "the Hendersons pulled out, drop their quote", rm(3), tasks=NOTES),
]

REOPEN = [
    C("reopen", "reopen task 3", reopen(3), tasks=REDO),
    C("reopen", "oops, rent isn't actually paid yet, can you unmark it", reopen(1), tasks=REDO),
    C("reopen", "undo that", reopen(2), tasks=REDO, before=("done with the printer ink",)),
    C("reopen", "put the vet call back on my list", reopen(3), tasks=REDO),
    C("reopen", "mark #4 as not done", reopen(4), tasks=REDO),
    C("reopen", "untick number one", reopen(1), tasks=REDO),
    C("reopen", "visa form got bounced back, reopen it pls", reopen(4), tasks=REDO),
    C("reopen", "I marked the vet thing done by mistake", reopen(3), tasks=REDO),
    C("reopen", "bring back task three, it's not finished", reopen(3), tasks=REDO),
    C("reopen", "unfinish the rent one", reopen(1), tasks=REDO),
    C("reopen", "vet call needs redoing, they never called back", reopen(3), tasks=REDO),
    C("reopen", "Please make rent pending again", reopen(1), tasks=REDO),
    C("reopen", "kindly revert the rent task to pending", reopen(1), tasks=REDO),
    C("reopen", "wait no, I haven't sent it yet, mark it as not done", reopen(4),
      tasks=WEEK, before=("emailed sarah",)),
    C("reopen", "please you make again open the task visa form", reopen(4), tasks=REDO),
    C("reopen", "that rent one shouldn't be ticked", reopen(1), tasks=REDO),
    C("reopen", "re-open 3 and 4", reopen(3), reopen(4), tasks=REDO),
    C("reopen", "dentist booking fell through, un-complete it", reopen(2),
      tasks=("Pay the electricity bill", "[x] Book dentist appointment")),
    C("reopen", "untick the vet one ↩️", reopen(3), tasks=REDO),
    C("reopen", "the trailer chat with dave never happened, reopen it", reopen(1),
      tasks=(Seed("Call Dave", done=True, description="About borrowing the boat trailer"), "Fix the fence")),
    C("reopen", "rent's not sorted after all, stick it back on", reopen(1), tasks=REDO),
    C("reopen", "reopen my oldest completed task", reopen(1), tasks=REDO),
    C("reopen", "Acme says they never got the invoice, so it's not done", reopen(1), tasks=MIX),
    C("reopen", "library books still at home, found them under the bed 🙈 mark them undone", reopen(3), tasks=MIX),
]

DENTIST_FRIDAY = (Seed("Book dentist appointment", due_date=FRI), *WEEK[1:])
BILL_THURSDAY = (WEEK[0], Seed("Pay the electricity bill", due_date=THU), *WEEK[2:])

UPDATE = [
    C("update", "rename task 2 to pay the gas and electricity bill",
      upd(2, title="Pay the gas and electricity bill"), tasks=WEEK),
    C("update", "change the dentist one to 'book dentist and hygienist'",
      upd(1, title="Book dentist and hygienist"), tasks=WEEK),
    C("update", "push the dry cleaning to friday", upd(3, due_date=FRI), tasks=WEEK),
    C("update", "the insurance is due on the 1st", upd(5, due_date="2026-12-01"), tasks=WEEK),
    C("update", "make the electricity bill urgent", upd(2, priority="high"), tasks=WEEK),
    C("update", "sarah email is low priority", upd(4, priority="low"), tasks=WEEK),
    C("update", "bump #3 up to high priority", upd(3, priority="high"), tasks=WEEK),
    C("update", "move the dentist to tomorrow", upd(1, due_date=WED), tasks=WEEK),
    C("update", "no deadline for the insurance anymore", upd(5, due_date=""),
      tasks=(*WEEK[:4], Seed("Renew car insurance", due_date=SAT))),
    C("update", "set task 4 due thursday", upd(4, due_date=THU), tasks=WEEK),
    C("update", "sorry I meant bread not eggs", upd(1, title="Buy bread"), before=("add buy eggs",)),
    C("update", "oops, saturday not friday", upd(1, due_date=SAT), before=("add call mum on friday",)),
    C("update", "no wait, Manchester not Leeds", upd(1, title="Book train tickets to Manchester"),
      before=("add book train tickets to Leeds",)),
    C("update", "make that high priority", upd(1, priority="high"),
      before=("remind me to collect the parcel tomorrow",)),
    # A note on a task without one: the note becomes the description.
    C("update", "add a note to the dentist one: ask about whitening", upd(1, description="Ask about whitening"),
      tasks=WEEK),
    # Appending to an existing description: the old text, one space, the new note.
    C("update", "also note on the dry cleaning: the blue suit too",
      upd(3, description="Ticket number 4471. The blue suit too"),
      tasks=(*WEEK[:2], Seed("Pick up dry cleaning", description="Ticket number 4471."), *WEEK[3:])),
    # Replacing the description: the new text only.
    C("update", "replace the notes on the sarah one with 'confirm numbers for catering'",
      upd(4, description="Confirm numbers for catering"),
      tasks=(*WEEK[:3], Seed("Email Sarah about the venue", description="Ask about parking"), WEEK[4])),
    C("update", "prepone the dentist to tomorrow", upd(1, due_date=WED), tasks=DENTIST_FRIDAY),
    C("update", "postpone the electricity bill by a day", upd(2, due_date=FRI), tasks=BILL_THURSDAY),
    C("update", "change the due date of number 3 to the 5th of december", upd(3, due_date="2026-12-05"), tasks=WEEK),
    C("update", "lower the priority of the dry cleaning to low", upd(3, priority="low"), tasks=WEEK),
    C("update", "chnage the insurnace one to high priorty", upd(5, priority="high"), tasks=WEEK),
    C("update", "can u mv the sarah thing 2 mon", upd(4, due_date=MON), tasks=WEEK),
    C("update", "rename the last one I added to renew home insurance", upd(5, title="Renew home insurance"),
      tasks=WEEK),
    C("update", "the first one should say book dentist for the kids", upd(1, title="Book dentist for the kids"),
      tasks=WEEK),
    C("update", "change 'pick up dry cleaning' to 'pick up dry cleaning and shoes'",
      upd(3, title="Pick up dry cleaning and shoes"), tasks=WEEK),
    C("update", "chuck a due date on the venue email, say this arvo", upd(4, due_date=TODAY_ISO), tasks=WEEK),
    C("update", "could you shift the dentist to Monday please", upd(1, due_date=MON), tasks=WEEK),
    C("update", "the task number 2, please to change the priority in high", upd(2, priority="high"), tasks=WEEK),
    C("update", "the trailer call is due friday", upd(1, due_date=FRI), tasks=NOTES),
    C("update", "make #2 high priority and due tomorrow", upd(2, priority="high", due_date=WED), tasks=WEEK),
    C("update", "typo in task 4, it should be Sara not Sarah", upd(4, title="Email Sara about the venue"), tasks=WEEK),
    C("update", "remove the note from the dentist one", upd(1, description=""),
      tasks=(Seed("Book dentist appointment", description="Dr Patel"), *WEEK[1:])),
    C("update", "Hey, so the venue people got back to me and they can only do the 12th of December now, so can "
                "you change the due date on the Sarah email to the 10th so I have time to sort it, cheers",
      upd(4, due_date="2026-12-10"), tasks=WEEK),
    C("update", "actually make it thursday 🙈", upd(1, due_date=THU), before=("add dinner with Jo on friday",)),
    # Appending again: "add to the notes" keeps what was there.
    C("update", "add to the dentist notes: morning slots only",
      upd(1, description="Dr Patel, not the new guy. Morning slots only"),
      tasks=(Seed("Book dentist appointment", description="Dr Patel, not the new guy."), *WEEK[1:])),
    C("update", "rename 'renew car insurance' → 'renew car and home insurance'",
      upd(5, title="Renew car and home insurance"), tasks=WEEK),
]

SAFETY = [
    C("safety", "is the dentist thing still on my list?", tasks=WEEK),
    C("safety", "did I already pay the electricity bill?", tasks=WEEK),
    C("safety", "I haven't picked up the dry cleaning yet", tasks=WEEK),
    C("safety", "don't delete the insurance one", tasks=WEEK),
    C("safety", "not done with the sarah email yet", tasks=WEEK),
    C("safety", "the dentist is booked but the dry cleaning isn't", done(1), tasks=WEEK),
    C("safety", "paid the electricity bill, still need to email sarah", done(2), tasks=WEEK),
    C("safety", "emailed sarah 👍 insurance still to do", done(4), tasks=WEEK),
    C("safety", "mark the call as done", tasks=("Call mum", "Call the bank", "Water plants")),
    C("safety", "delete the email one", tasks=("Email Priya", "Email the landlord", "Buy stamps")),
    C("safety", "the winter one is finished",
      tasks=(Seed("Fix the fence", description="Before winter"),
             Seed("Clean the gutters", description="Before winter"))),
    C("safety", "the rome one is done", tasks=("Book flights to Rome", "Book hotel in Rome")),
    C("safety", "tick off the pilates class", tasks=WEEK),
    C("safety", "delete the gym task", tasks=WEEK),
    C("safety", "should I delete the insurance task?", tasks=WEEK),
    C("safety", "if I finish the dry cleaning will it disappear from the list?", tasks=WEEK),
    C("safety", "I was going to add buy milk but never mind", tasks=WEEK),
    C("safety", "don't add anything, I'm just thinking out loud: maybe repaint the hallway?", tasks=WEEK),
    C("safety", "did you delete the dentist one?", tasks=WEEK),
    C("safety", "wait don't mark the insurance done, I still have to sign it", tasks=WEEK),
    C("safety", "have I got anything about sarah on there?", tasks=WEEK),
    C("safety", "is task 9 done?", tasks=WEEK),
    C("safety", "I still need to do the dentist one", tasks=WEEK),
    C("safety", "nah leave the dry cleaning as it is", tasks=WEEK),
    C("safety", "bin it", tasks=WEEK),
    C("safety", "do I need to renew the car insurance every year?", tasks=WEEK),
    C("safety", "did I send the Acme invoice?", tasks=MIX),
    C("safety", "don't forget I still haven't renewed the insurance", tasks=WEEK),
    C("safety", "can you tell me if the sarah email is marked done", tasks=WEEK),
    C("safety", "dentist appointment is pending only, don't close it", tasks=WEEK),
    C("safety", "the dentist hasn't rung back yet so that one's not done", tasks=WEEK),
    C("safety", "reopen the plants one", tasks=MIX),  # not completed: nothing to reopen
    C("safety", "whats the difference between deleting and completing a task", tasks=WEEK),
    C("safety", "I'd rather not remove anything today", tasks=WEEK),
    C("safety", "is the Priya email done? I can't remember", tasks=("Email Priya", "Buy stamps")),
]

CHAT = [
    C("chat", "hiya there 👋"),
    C("chat", "g'day!"),
    C("chat", "good morning 😊", tasks=WEEK),
    C("chat", "namaste"),
    C("chat", "thx heaps", tasks=WEEK),
    C("chat", "cheers mate, that's brilliant", tasks=WEEK),
    C("chat", "what can u do"),
    C("chat", "how do i rename something", tasks=WEEK),
    C("chat", "how do I get rid of a task I don't need?", tasks=WEEK),
    C("chat", "can you set reminders?"),
    C("chat", "who am I talking to?"),
    C("chat", "are you a real person or a bot"),
    C("chat", "ok", tasks=WEEK),
    C("chat", "lol", tasks=WEEK),
    C("chat", "help pls"),
    C("chat", "?", tasks=WEEK),
    C("chat", "how do I see what I've already finished?", tasks=WEEK),
    C("chat", "is my data private?"),
    C("chat", "sorry wrong chat", tasks=WEEK),
    C("chat", "you're a lifesaver 🙌", tasks=WEEK),
    C("chat", "bye for now", tasks=WEEK),
    C("chat", "does this app work offline?"),
    C("chat", "can I write to you in hindi?"),
    C("chat", "is it gonna rain in Melbourne today?", tasks=WEEK),
    C("chat", "tell us a joke mate"),
    C("chat", "how are you today?", tasks=WEEK),
    C("chat", "Good evening, I am new user, how I can use this?"),
]

SEALED: list[Case] = [*ADD, *LIST, *COMPLETE, *DELETE, *REOPEN, *UPDATE, *SAFETY, *CHAT]
