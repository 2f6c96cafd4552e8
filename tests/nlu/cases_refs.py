"""Open cases for actions on existing tasks (complete / reopen / delete / update), written for the
kinds of reference and content (not from any held-back sentence): the task named by a fuzzy
title, a topic, its notes, its place on the list or its age; the new title, note, date or priority
said in ways the framing rules do not cut (terse, rambling, non-native, British/Australian, voice
dictation). And the safety side: when two tasks fit, the model asks; a miss changes nothing.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, C, Case, Seed, day, done, rm, upd
from tests.nlu.cases import reopen as undone

FLAT = (Seed("Renew the bike insurance"), Seed("Fix the leaking shower", description="Plumber is Gary, 07700 900123"),
        Seed("Send the gas meter reading"), Seed("Collect the dry cleaning"),
        Seed("Pay the window cleaner", done=True), Seed("Book the boiler service", description="Ask about the valve"),
        Seed("Return the library books", done=True))
KIDS = ("Sign Maya's school trip form", "Buy football boots for Leo", "Book the dentist for the kids",
        "Make a costume for the nativity play", "[x] Pay the swimming lessons")
WORK = (Seed("Draft the quarterly budget"), Seed("Reply to Hannah about the offsite"),
        Seed("Update the onboarding slides", description="Use the new logo"), Seed("Expense the taxi receipts"),
        Seed("Review Omar's pull request", done=True))

DELETE_CASES: list[Case] = [
    C("t-delete", "the shower thing can go, landlord's sorting it", rm(2), tasks=FLAT),
    C("t-delete", "pls get rid of the meter reading one", rm(3), tasks=FLAT),
    C("t-delete", "no longer need the dry cleaning task, bin it", rm(4), tasks=FLAT),
    C("t-delete", "remove whatever i had about football boots", rm(2), tasks=KIDS),
    C("t-delete", "erase the nativity costume", rm(4), tasks=KIDS),
    C("t-delete", "kindly delete the task regarding the budget draft", rm(1), tasks=WORK),
    C("t-delete", "the offsite got cancelled so you can drop the Hannah reply", rm(2), tasks=WORK),
    C("t-delete", "delete the one where the notes say plumber is gary", rm(2), tasks=FLAT),
    C("t-delete", "lose the task I added last", rm(7), tasks=FLAT),
    C("t-delete", "please to remove the boots for leo", rm(2), tasks=KIDS),
    C("t-delete", "delete the dentist task for the kids full stop", rm(3), tasks=KIDS),
    C("t-delete", "scratch the bike insurance renewal", rm(1), tasks=FLAT),
    C("t-delete", "ditch the slides", rm(3), tasks=WORK),
]

COMPLETE_CASES: list[Case] = [
    C("t-complete", "sent off the meter reading this morning", done(3), tasks=FLAT),
    C("t-complete", "the trip form for maya is signed", done(1), tasks=KIDS),
    C("t-complete", "mark the budget draft as finished pls", done(1), tasks=WORK),
    C("t-complete", "boiler service booked ✔️", done(6), tasks=FLAT),
    C("t-complete", "tick off the one about the taxi receipts", done(4), tasks=WORK),
    C("t-complete", "finally replied to hannah", done(2), tasks=WORK),
]

REOPEN_CASES: list[Case] = [
    C("t-reopen", "the window cleaner wasn't actually paid, untick it", undone(5), tasks=FLAT),
    C("t-reopen", "reopen the library books one, they found another", undone(7), tasks=FLAT),
    C("t-reopen", "mark the swimming lessons as not done", undone(5), tasks=KIDS),
    C("t-reopen", "set the pull request review back to open", undone(5), tasks=WORK),
    C("t-reopen", "put omar's review back on my list please", undone(5), tasks=WORK),
    C("t-reopen", "uncheck the library books", undone(7), tasks=FLAT),
]

UPDATE_CASES: list[Case] = [
    # a new title
    C("t-update", "change the shower one to call Gary about the shower", upd(2, title="Call Gary about the shower"),
      tasks=FLAT),
    C("t-update", "rename the costume task as make a shepherd costume", upd(4, title="Make a shepherd costume"),
      tasks=KIDS),
    C("t-update", "reword the budget task to draft the Q1 budget", upd(1, title="Draft the Q1 budget"), tasks=WORK),
    C("t-update", "the dry cleaning one should say collect the suit", upd(4, title="Collect the suit"), tasks=FLAT),
    C("t-update", "can you retitle the offsite reply as reply to Hannah and Joe",
      upd(2, title="Reply to Hannah and Joe"), tasks=WORK),
    # a due date
    C("t-update", "the meter reading is due friday", upd(3, due_date=FRI), tasks=FLAT),
    C("t-update", "move the bike insurance to monday", upd(1, due_date=MON), tasks=FLAT),
    C("t-update", "push the boots for leo to tomorrow", upd(2, due_date=day(1)), tasks=KIDS),
    C("t-update", "set a deadline of friday on the budget draft", upd(1, due_date=FRI), tasks=WORK),
    # a priority
    C("t-update", "the shower leak is urgent now", upd(2, priority="high"), tasks=FLAT),
    C("t-update", "make the slides task low priority", upd(3, priority="low"), tasks=WORK),
    C("t-update", "bump the costume up to high priority", upd(4, priority="high"), tasks=KIDS),
    # a note
    C("t-update", "add a note to the boiler one: engineer comes at 9",
      upd(6, description="Ask about the valve\nengineer comes at 9"), tasks=FLAT),
    C("t-update", "on the dentist one for the kids note that Leo needs a filling",
      upd(3, description="Leo needs a filling"), tasks=KIDS),
    C("t-update", "for the taxi receipts write down: 3 receipts in my wallet",
      upd(4, description="3 receipts in my wallet"), tasks=WORK),
    C("t-update", "replace the notes on the slides task with use the old logo",
      upd(3, description="use the old logo"), tasks=WORK),
]

SAFE_CASES: list[Case] = [
    # two tasks fit the words: ask, change nothing
    C("t-safe", "delete the bike one", tasks=(*[s.title for s in FLAT], "Pump the bike tyres"), choices=()),
    C("t-safe", "delete the books task", tasks=("Return the library books", "Order new books"), choices=()),
    C("t-safe", "mark the dentist one done", tasks=("Book the dentist", "Pay the dentist bill"), choices=()),
    # nothing fits: ask or say so, change nothing
    C("t-safe", "bin the passport renewal one", tasks=FLAT),
    C("t-safe", "rename the car wash task to wax the car", tasks=KIDS),
    C("t-safe", "the piano lesson is done", tasks=WORK),
]

GARDEN = (Seed("Mow the lawn"), Seed("Buy compost"), Seed("Prune the apple tree"), Seed("Clear the gutters", done=True),
          Seed("Repair the greenhouse door", description="Spare hinges in the shed"))

# Registers the framing rules were not written for: numbers spelt as ids, non-native grammar,
# Australian and Indian English, dictation, arrows, a field named in passing.
HARDER_CASES: list[Case] = [
    C("t-delete", "no. 3 can be deleted", rm(3), tasks=GARDEN),
    C("t-delete", "Kindly remove item 2 from my list, it is no more required", rm(2), tasks=GARDEN),
    C("t-delete", "that compost one, scrap it", rm(2), tasks=GARDEN),
    C("t-delete", "i dont need the apple tree pruning anymore, take it away", rm(3), tasks=GARDEN),
    C("t-delete", "get the greenhouse door off my list", rm(5), tasks=GARDEN),
    C("t-delete", "remove the one with the valve in the notes", rm(6), tasks=FLAT),
    C("t-delete", "ya can bin the compost mate", rm(2), tasks=GARDEN),
    C("t-delete", "I want you remove the task about greenhouse door", rm(5), tasks=GARDEN),
    C("t-delete", "delete my newest task", rm(5), tasks=GARDEN),
    C("t-complete", "apple tree pruned 🌳", done(3), tasks=GARDEN),
    C("t-complete", "lawn's mowed", done(1), tasks=GARDEN),
    C("t-reopen", "oh no the gutters arent clear, still blocked, reopen it", undone(4), tasks=GARDEN),
    C("t-reopen", "I marked the gutters complete by accident", undone(4), tasks=GARDEN),
    C("t-reopen", "Please make the gutter task pending again", undone(4), tasks=GARDEN),
    C("t-update", "the compost one -> buy peat-free compost", upd(2, title="Buy peat-free compost"), tasks=GARDEN),
    C("t-update", "change title of no. 5 to fix the greenhouse door hinge",
      upd(5, title="Fix the greenhouse door hinge"), tasks=GARDEN),
    C("t-update", "can you please modify task of apple tree, new name: prune the apple and pear trees",
      upd(3, title="Prune the apple and pear trees"), tasks=GARDEN),
    C("t-update", "I want to change the name of the compost task into buy bark chippings",
      upd(2, title="Buy bark chippings"), tasks=GARDEN),
    C("t-update", "change the due date for the compost to friday", upd(2, due_date=FRI), tasks=GARDEN),
    C("t-update", "compost is due on monday now", upd(2, due_date=MON), tasks=GARDEN),
    C("t-update", "reschedule the pruning for friday", upd(3, due_date=FRI), tasks=GARDEN),
    C("t-update", "postpone the greenhouse repair until monday", upd(5, due_date=MON), tasks=GARDEN),
    C("t-update", "the apple tree is not urgent, low priority", upd(3, priority="low"), tasks=GARDEN),
    C("t-update", "set the compost priority to low", upd(2, priority="low"), tasks=GARDEN),
    C("t-update", "in the notes for the compost put: the garden centre closes at 5",
      upd(2, description="the garden centre closes at 5"), tasks=GARDEN),
    C("t-update", "apple tree task - add note use the long loppers",
      upd(3, description="use the long loppers"), tasks=GARDEN),
    C("t-update", "append to the greenhouse one's description: hinge is rusted",
      upd(5, description="Spare hinges in the shed\nhinge is rusted"), tasks=GARDEN),
    C("t-update", "change the description of the lawn task to front and back",
      upd(1, description="front and back"), tasks=GARDEN),
    C("t-update", "lawn task: change to mow the back lawn only", upd(1, title="Mow the back lawn only"), tasks=GARDEN),
    C("t-update", "I want the compost task renamed to get compost and mulch", upd(2, title="Get compost and mulch"),
      tasks=GARDEN),
    C("t-update", "the greenhouse door needs a note: the handle is loose",
      upd(5, description="Spare hinges in the shed\nthe handle is loose"), tasks=GARDEN),
    C("t-update", "update notes for compost to: 3 bags", upd(2, description="3 bags"), tasks=GARDEN),
    C("t-update", "lawn is urgent", upd(1, priority="high"), tasks=GARDEN),
    C("t-update", "can we do the apple tree on saturday instead", upd(3, due_date=day(4)), tasks=GARDEN),
    C("t-update", "the compost is not urgent anymore", upd(2, priority="low"), tasks=GARDEN),
    C("t-reopen", "the gutters task should be open", tasks=GARDEN, choices=("Clear the gutters",)),
    C("t-safe", "don't mark the gutters done", tasks=GARDEN),
    C("t-safe", "the lawn isn't done", tasks=GARDEN),
    C("t-update", "the compost task - make it urgent", upd(2, priority="high"), tasks=GARDEN),
    C("t-update", "the greenhouse one, make it low priority", upd(5, priority="low"), tasks=GARDEN,
      before=("show my tasks",)),
    C("t-safe", "if the plumber comes, the shower one is done", tasks=FLAT),
    C("t-safe", "the dry cleaning place closes at 6", tasks=FLAT, choices=()),
    C("t-safe", "Hannah says delete the offsite reply", tasks=WORK),
    C("t-safe", "nearly done with the budget", tasks=WORK),
    C("t-safe", "Can I delete the budget task?", tasks=WORK),
    C("t-safe", "wonder if I should cancel the bike insurance", tasks=FLAT),
    C("t-safe", "The window cleaner came today", tasks=FLAT),
    C("t-safe", "delete the tree one", tasks=(*[s.title for s in GARDEN], "Buy a christmas tree"), choices=()),
    C("t-safe", "rename the hedge task to weed the borders", tasks=GARDEN),
]

REF_CASES = [*HARDER_CASES, *DELETE_CASES, *COMPLETE_CASES, *REOPEN_CASES, *UPDATE_CASES, *SAFE_CASES]
