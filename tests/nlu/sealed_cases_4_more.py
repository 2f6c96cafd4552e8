"""The fourth sealed split's first nine registers (see `sealed_cases_4.py` for the conventions). Sealed like it."""

from __future__ import annotations

from typing import Any

from tests.nlu.cases import FRI, SAT, SUN, THU, WED, C, Seed, add, done, ls, reopen, rm, upd

TUE = "2026-11-24"  # today
DEC_1, DEC_2, DEC_3, DEC_4, DEC_5 = "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"
# A listing whose filters are the assistant's call: only that the list was read is checked.
ANY_LIST: tuple[str, dict[str, Any]] = ("list_tasks", {})

# A sheep and beef farmer, thumbs on a phone between jobs.
FARM_TASKS = ("Drench the ewes", "Fix the north paddock fence", "Order 2 tonnes of lime", "Service the tractor",
              "[x] Move heifers to the river block", "Call the vet about the lame ram",
              "Ring the vet about the calf vaccinations")
FARM = [
    C("add", "gotta clear out the hay shed by thursday, stick it on the list",
      add("Clear out the hay shed", due_date=THU)),
    C("add", "add check the water troughs in the top paddock", add("Check the water troughs in the top paddock")),
    C("add", "for town tomorrow: buy ear tags, buy baling twine and pick up the drench from the co-op",
      add("Buy ear tags", due_date=WED), add("Buy baling twine", due_date=WED),
      add("Pick up the drench from the co-op", due_date=WED)),
    C("add", "urgent one - ring the stock agent about the weaner sale",
      add("Ring the stock agent about the weaner sale", priority="high")),
    C("add", "shearers turn up saturday 6am so remind me to have the yards ready",
      add("Have the yards ready", due_date=f"{SAT}T06:00")),
    C("list", "what's left on the list", ls("pending"), tasks=FARM_TASKS),
    C("list", "anything on there about the tractor?", ANY_LIST, tasks=FARM_TASKS),
    C("complete", "ewes are drenched", done(1), tasks=FARM_TASKS),
    C("complete", "right, tick it off then, just rang him", done(6), tasks=FARM_TASKS,
      before=("did i already ring the vet about that ram?",)),
    C("delete", "scrap the lime order, the neighbour's got spare", rm(3), tasks=FARM_TASKS),
    C("delete", "get rid of the vet one", tasks=FARM_TASKS, choices=("ram", "calf")),
    C("reopen", "heifers got out again, put the river block one back on", reopen(5), tasks=FARM_TASKS),
    C("update", "tractor service is booked for the 2nd, put that date on it", upd(4, due_date=DEC_2),
      tasks=FARM_TASKS),
    C("update", "on the tractor one write down: needs a new hydraulic filter",
      upd(4, description="needs a new hydraulic filter"), tasks=FARM_TASKS),
    C("safety", "if it rains tomorrow there's no point doing the fence", tasks=FARM_TASKS),
    C("safety", "fence is done but the ewes still need drenching", done(2), tasks=FARM_TASKS),
    C("chat", "cheers, that'll do for now"),
]

# A teenager texting: lowercase, abbreviations, slang, emoji.
TEEN_TASKS = ("Finish bio homework", "Return Maya's hoodie", "Ask mom for concert money", "Clean my room",
              "[x] Study for the chem quiz", "Buy a birthday present for Jake")
TEEN = [
    C("add", "add study for history test fri pls", add("Study for history test", due_date=FRI)),
    C("add", "ok so i need to text coach about practice tmrw", add("Text coach about practice", due_date=WED)),
    C("add", "lowkey need to renew my bus pass 😭 add it", add("Renew my bus pass")),
    C("add", "add: charge headphones, print the english essay", add("Charge headphones"),
      add("Print the english essay")),
    C("list", "wait what do i still have to do", ls("pending"), tasks=TEEN_TASKS),
    C("list", "what did i get done so far lol", ls("completed"), tasks=TEEN_TASKS),
    C("complete", "finished bio hw finally 🎉", done(1), tasks=TEEN_TASKS),
    C("complete", "gave maya her hoodie back", done(2), tasks=TEEN_TASKS),
    C("delete", "nvm about the concert money, not going anymore", rm(3), tasks=TEEN_TASKS),
    C("reopen", "ugh the chem quiz got moved so i have to study again, undo that one", reopen(5), tasks=TEEN_TASKS),
    C("update", "jake's bday is saturday so the present has to be done by then", upd(6, due_date=SAT),
      tasks=TEEN_TASKS),
    C("update", "make clean my room low priority fr", upd(4, priority="low"), tasks=TEEN_TASKS),
    C("update", "wait make that tmrw", upd(7, due_date=WED), tasks=TEEN_TASKS, before=("add walk the dog",)),
    C("safety", "my mom thinks i cleaned my room 💀", tasks=TEEN_TASKS),
    C("safety", "did i finish bio or nah", tasks=TEEN_TASKS),
    C("chat", "ur actually so helpful ngl"),
]

# A retired engineer: formal, exact, numbered, units and ISO habits.
ENG_TASKS = ("Calibrate the workshop lathe", "Replace the garage door torsion spring",
             "Submit the club newsletter article", "[x] Renew the amateur radio licence",
             Seed("Descale the boiler", description="Use vinegar"))
ENGINEER = [
    C("add", "Please record the following item: Inspect the loft insulation. Target date: 3 December 2026.",
      add("Inspect the loft insulation", due_date=DEC_3)),
    C("add", "Kindly add a task, priority high: Test the smoke detectors in all rooms.",
      add("Test the smoke detectors in all rooms", priority="high")),
    C("add", "Two items, please: (1) Order M8 stainless bolts; (2) Collect the multimeter from repair.",
      add("Order M8 stainless bolts"), add("Collect the multimeter from repair")),
    C("add", "Enter a task for Friday at 14:30: Meet the surveyor at the allotment.",
      add("Meet the surveyor at the allotment", due_date=f"{FRI}T14:30")),
    C("list", "Please produce a complete listing of my tasks, including those completed.", ls("all"),
      tasks=ENG_TASKS),
    C("list", "Which items remain outstanding at present?", ls("pending"), tasks=ENG_TASKS),
    C("complete", "The lathe has been calibrated to within 0.02 mm. Please mark that task as complete.", done(1),
      tasks=ENG_TASKS),
    C("complete", "Task 5 is complete.", done(5), tasks=ENG_TASKS),
    C("delete", "Remove the newsletter article task; the editor has withdrawn the request.", rm(3), tasks=ENG_TASKS),
    C("reopen", "I regret that the licence renewal was rejected on a technicality. Please restore that item to the "
      "open state.", reopen(4), tasks=ENG_TASKS),
    C("update", "Amend the title of task 2 to read: Replace both garage door torsion springs.",
      upd(2, title="Replace both garage door torsion springs"), tasks=ENG_TASKS),
    C("update", "The boiler descaling is now scheduled for 9 December. Please adjust the date accordingly.",
      upd(5, due_date="2026-12-09"), tasks=ENG_TASKS),
    C("update", "Replace the notes on the boiler task with: Use citric acid, not vinegar",
      upd(5, description="Use citric acid, not vinegar"), tasks=ENG_TASKS),
    C("update", "Correction: the title should read 'Check the tyre pressures on the trailer'.",
      upd(6, title="Check the tyre pressures on the trailer"), tasks=ENG_TASKS,
      before=("Please add: Check the tyre pressures on the caravan.",)),
    C("safety", "For the avoidance of doubt, I have not yet replaced the torsion spring.", tasks=ENG_TASKS),
    C("chat", "Thank you. That will be all for this evening."),
]

# Non-native speakers whose first language is Spanish, Portuguese, French or Italian.
ROMANCE_TASKS = ("Pay the electricity bill", "Make the reservation for the restaurant", "Call the bank",
                 "[x] Send the documents to the consulate", "Buy a present for my sister")
NON_NATIVE_ROMANCE = [
    C("add", "Please, I need that you add: renew my residence card", add("Renew my residence card")),
    C("add", "put in the list to call the accountant in the friday", add("Call the accountant", due_date=FRI)),
    C("add", "I must not forget: bring the cake to the office tomorrow at 9h",
      add("Bring the cake to the office", due_date=f"{WED}T09:00")),
    C("add", "Please add with high priority: pick up the package at the post office",
      add("Pick up the package at the post office", priority="high")),
    C("list", "which things I have still to do?", ls("pending"), tasks=ROMANCE_TASKS),
    C("list", "you can show me all my tasks please", ls("all"), tasks=ROMANCE_TASKS),
    C("complete", "I already paid the bill of electricity", done(1), tasks=ROMANCE_TASKS),
    C("complete", "the reservation of the restaurant is made", done(2), tasks=ROMANCE_TASKS),
    C("delete", "cancel the task of the bank, is not necessary anymore", rm(3), tasks=ROMANCE_TASKS),
    C("reopen", "the consulate say they did not receive the documents, put it again like not done", reopen(4),
      tasks=ROMANCE_TASKS),
    C("update", "change the present of my sister for the saturday", upd(5, due_date=SAT), tasks=ROMANCE_TASKS),
    C("update", "in the task of the bank put a note: ask about the card limit",
      upd(3, description="ask about the card limit"), tasks=ROMANCE_TASKS),
    C("update", "no, not for my mother, for my grandmother", upd(6, title="Buy flowers for my grandmother"),
      tasks=ROMANCE_TASKS, before=("please add to buy flowers for my mother",)),
    C("safety", "I have not called the bank still", tasks=ROMANCE_TASKS),
    C("safety", "is it possible to delete a task after?", tasks=ROMANCE_TASKS),
    C("chat", "thank you very much, you are very kind"),
]

# Non-native speakers whose first language is German, Russian, Hindi, Mandarin, Japanese, Arabic or Polish.
OTHER_L1_TASKS = ("Submit the visa form", "Book the meeting room for Thursday", "Pay the internet bill",
                  "[x] Send the report to Mr. Sharma", "Buy rice and lentils", "Call the landlord about the heating")
NON_NATIVE_OTHER = [
    C("add", "please add one task na, renew the gas connection by friday",
      add("Renew the gas connection", due_date=FRI)),
    C("add", "Add please: bring the winter tyres to the garage, on Thursday",
      add("Bring the winter tyres to the garage", due_date=THU)),
    C("add", "add task: buy new kettle, old one is broken", add("Buy new kettle")),
    C("add", "help me add three things: wash clothes, buy milk powder, call my mother", add("Wash clothes"),
      add("Buy milk powder"), add("Call my mother")),
    C("add", "Excuse me, could you please add 'Return library books' for tomorrow?",
      add("Return library books", due_date=WED)),
    C("list", "please tell me what is remaining", ls("pending"), tasks=OTHER_L1_TASKS),
    C("list", "Show me everything what is done already", ls("completed"), tasks=OTHER_L1_TASKS),
    C("complete", "visa form is submitted, close it", done(1), tasks=OTHER_L1_TASKS),
    C("complete", "I have paid internet bill yesterday", done(3), tasks=OTHER_L1_TASKS),
    C("delete", "meeting room booking is not required, please delete the same", rm(2), tasks=OTHER_L1_TASKS),
    C("reopen", "Mr. Sharma did not get the report, kindly reopen that task", reopen(4), tasks=OTHER_L1_TASKS),
    C("update", "please prepone the landlord call to tomorrow", upd(6, due_date=WED), tasks=OTHER_L1_TASKS),
    C("update", "rice and lentils one change to high priority", upd(5, priority="high"), tasks=OTHER_L1_TASKS),
    C("update", "also put high priority for it", upd(7, priority="high"), tasks=OTHER_L1_TASKS,
      before=("please add buy bread",)),
    C("safety", "Was the visa form already done? I am not sure.", tasks=OTHER_L1_TASKS),
    C("chat", "Thank you for your help, it is very useful"),
]

# Voice dictation: spoken punctuation, homophones in the command words.
DICT_TASKS = ("Pick up the dry cleaning", "Email the insurance company", "Water the plants",
              "[x] Book the car service", "Write a thank you card for Aunt Rose")
DICTATION = [
    C("add", "ad a task pick up the prescription tomorrow period",
      add("Pick up the prescription", due_date=WED)),
    C("add", "at to my list call the school about the trip comma its urgent",
      add("Call the school about the trip", priority="high")),
    C("add", "new task renew the parking permit do on the fourth of December",
      add("Renew the parking permit", due_date=DEC_4)),
    C("add", "add two tasks colon buy stamps comma and post the parcel to Leeds", add("Buy stamps"),
      add("Post the parcel to Leeds")),
    C("list", "what's on my list question mark", ANY_LIST, tasks=DICT_TASKS),
    C("list", "reed me the ones I haven't done yet", ls("pending"), tasks=DICT_TASKS),
    C("complete", "mark the dry cleaning won as done", done(1), tasks=DICT_TASKS),
    C("complete", "I've written the thank you card for aunt rose period", done(5), tasks=DICT_TASKS),
    C("delete", "delete the insurance won period", rm(2), tasks=DICT_TASKS),
    C("delete", "scratch that", rm(6), tasks=DICT_TASKS, before=("add a task email the landlord period",)),
    C("reopen", "the car service got cancelled so it's knot booked any more comma reopen that one", reopen(4),
      tasks=DICT_TASKS),
    C("update", "change water the plants two water the plants and feed them",
      upd(3, title="Water the plants and feed them"), tasks=DICT_TASKS),
    C("update", "move the dry cleaning too Thursday period", upd(1, due_date=THU), tasks=DICT_TASKS),
    C("safety", "I haven't emailed the insurance company yet period", tasks=DICT_TASKS),
    C("chat", "thank you new line that's all"),
]

# Fragments pasted from e-mails and meeting notes, with a line of instruction around them.
MAIL_TASKS = ("Send Q4 budget to Priya", Seed("Review the vendor contract", description="Check the liability cap"),
              "Update the onboarding deck", "[x] Schedule the offsite", "Reply to Marcus about the API keys",
              "Reply to Marcus about the offsite agenda")
EMAIL = [
    C("add", "> Could you send me the signed NDA by Friday?\n\nadd that", add("Send the signed NDA", due_date=FRI)),
    C("add", "Action items from today's sync:\n- Draft the release notes\n- Book a room for the retro",
      add("Draft the release notes"), add("Book a room for the retro")),
    C("add", "From: Dana Whitfield\nSubject: Invoice 4471 overdue\nPlease settle invoice 4471 at your earliest "
      "convenience.\n\n^ add 'Pay invoice 4471', high priority", add("Pay invoice 4471", priority="high")),
    C("add", "Re: design review Thu 26 Nov 15:00\nadd prep slides for design review, due then",
      add("Prep slides for design review", due_date=f"{THU}T15:00")),
    C("list", "Per my last message, what's still outstanding on my side?", ls("pending"), tasks=MAIL_TASKS),
    C("complete", "Hi, the Q4 budget went to Priya this morning. Best, J", done(1), tasks=MAIL_TASKS),
    C("complete", "RE: Vendor contract — reviewed, no further comments from legal.", done(2), tasks=MAIL_TASKS),
    C("delete", "FYI the onboarding deck is owned by HR now, please remove it from my list", rm(3),
      tasks=MAIL_TASKS),
    C("reopen", "Offsite has been postponed, please reopen the scheduling task", reopen(4), tasks=MAIL_TASKS),
    C("update", "> Marcus: no rush on the keys, next Friday is fine\nmove the API keys reply to Friday 4 December",
      upd(5, due_date=DEC_4), tasks=MAIL_TASKS),
    C("update", "add to the vendor contract notes: legal wants a 30-day termination clause",
      upd(2, description="Check the liability cap legal wants a 30-day termination clause"), tasks=MAIL_TASKS),
    C("update", "Please rename 'Update the onboarding deck' to 'Update the onboarding deck for January hires'",
      upd(3, title="Update the onboarding deck for January hires"), tasks=MAIL_TASKS),
    C("update", "push the reply to Marcus to Friday", tasks=MAIL_TASKS, choices=("API keys", "agenda")),
    C("update", "make that one due tomorrow", upd(7, due_date=WED), tasks=MAIL_TASKS,
      before=("Action items:\n- Send the minutes to the board",)),
    C("safety", "> Did you send the budget to Priya yet?\nthat's from my boss, what do I tell her?",
      tasks=MAIL_TASKS),
    C("chat", "Sent from my iPhone"),
    C("chat", "Thanks in advance. Kind regards, Tom"),
]

# A gamer and streamer.
GAME_TASKS = ("Finish the raid prep", "Update the stream overlay", "Buy the new DLC",
              "[x] Clip last night's highlights", "Practice aim drills", "Reply to sponsor email",
              "Update the Discord bot")
GAMER = [
    C("add", "add grind the battle pass before season ends sunday", add("Grind the battle pass", due_date=SUN)),
    C("add", "queue up a task: upload the speedrun vod, high prio", add("Upload the speedrun vod", priority="high")),
    C("add", "add: set up discord for raid night, tomorrow", add("Set up discord for raid night", due_date=WED)),
    C("add", "add these: restock energy drinks + fix the mic stand", add("Restock energy drinks"),
      add("Fix the mic stand")),
    C("list", "whats my quest log look like", ANY_LIST, tasks=GAME_TASKS),
    C("list", "show me the quests i already cleared", ls("completed"), tasks=GAME_TASKS),
    C("complete", "raid prep done gg", done(1), tasks=GAME_TASKS),
    C("complete", "check off the third one", done(3), tasks=GAME_TASKS, before=("whats on my list rn",)),
    C("complete", "the update one is done", tasks=GAME_TASKS, choices=("overlay", "Discord")),
    C("delete", "yeet the DLC one, it got bad reviews", rm(3), tasks=GAME_TASKS),
    C("reopen", "the highlights clip got copyright struck, gotta redo it, uncheck it", reopen(4), tasks=GAME_TASKS),
    C("update", "aim drills are top priority now, gotta climb", upd(5, priority="high"), tasks=GAME_TASKS),
    C("update", "rename the sponsor one to reply to Razer sponsor email",
      upd(6, title="Reply to Razer sponsor email"), tasks=GAME_TASKS),
    C("safety", "my duo says he did the raid prep lol", tasks=GAME_TASKS),
    C("safety", "yeah sure i'll totally practice aim drills today 🙄", tasks=GAME_TASKS),
    C("chat", "afk for a bit brb"),
]

# A touring musician: venues, cities, load-in times.
TOUR_TASKS = ("Restring the Telecaster", "Send the set list to the Glasgow venue", "Book the van for Leeds",
              "[x] Print the merch price sheet", "Confirm the hotel in Bristol", "Book the ferry for Belfast")
MUSICIAN = [
    C("add", "soundcheck in Manchester at 4:30pm tomorrow, add it",
      add("Soundcheck in Manchester", due_date=f"{WED}T16:30")),
    C("add", "put down: buy a new capo. by saturday", add("Buy a new capo", due_date=SAT)),
    C("add", "post-gig list:\n1. count the merch cash\n2. load out the amps\n3. thank the support act",
      add("Count the merch cash"), add("Load out the amps"), add("Thank the support act")),
    C("add", "add email the promoter about the guest list, it's urgent",
      add("Email the promoter about the guest list", priority="high")),
    C("list", "what's still to sort before Glasgow?", ANY_LIST, tasks=TOUR_TASKS),
    C("list", "list everything, done stuff too", ls("all"), tasks=TOUR_TASKS),
    C("complete", "tele's restrung", done(1), tasks=TOUR_TASKS),
    C("complete", "Bristol hotel confirmed 👍", done(5), tasks=TOUR_TASKS),
    C("delete", "drummer's driving to Leeds now so bin the van task", rm(3), tasks=TOUR_TASKS),
    C("delete", "cancel the booking one", tasks=TOUR_TASKS, choices=("van", "ferry")),
    C("reopen", "merch prices went up, need to reprint the sheet, undo the tick", reopen(4), tasks=TOUR_TASKS),
    C("update", "set list has to reach Glasgow by Thursday", upd(2, due_date=THU), tasks=TOUR_TASKS),
    C("update", "the Glasgow one, add a note: open with the new single",
      upd(2, description="open with the new single"), tasks=TOUR_TASKS),
    C("update", "and put a note on it: from Dave's van", upd(7, description="from Dave's van"), tasks=TOUR_TASKS,
      before=("add pick up the spare cables",)),
    C("safety", "the bassist reckons he's confirmed the hotel", tasks=TOUR_TASKS),
    C("safety", "what happens if I delete the van one by accident?", tasks=TOUR_TASKS),
    C("chat", "long drive today, just saying hi"),
]

__all__ = ["ANY_LIST", "DEC_1", "DEC_3", "DEC_4", "DEC_5", "EMAIL", "ENGINEER", "FARM", "GAMER", "MUSICIAN",
           "NON_NATIVE_OTHER", "NON_NATIVE_ROMANCE", "TEEN", "TUE", "DICTATION"]
