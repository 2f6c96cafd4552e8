"""A third sealed evaluation split for the offline model (issue 17), written without looking at the model, its
lexicons or corpus, the open dev set or the other sealed splits, in registers neither earlier split describes:
politeness chains, older users explaining at length, voice and screen-reader users correcting themselves
mid-sentence, parents, students, tradespeople, shift workers with clock times, project steps, users who change
their mind, sarcasm and jokes, follow-ups to earlier turns, questions about the list, carers, command-line
habits, gardeners, a café owner, trip planning and hesitant users.

Conventions (those of the earlier sealed splits): "today" is Tuesday 24 November 2026; tasks get ids 1, 2, ...
in the order given ("[x] " marks a completed one; an add in an earlier turn gets the next id); the calls are what
a careful human assistant would make, in the order the message gives them. Titles are the task words as the user
wrote them, first letter capitalised, without filler, dates or priorities; a quoted title is taken byte for byte.
An explicit clock time goes into the due date (YYYY-MM-DDTHH:MM); a day alone is a date. A note appended to a
task's notes is the old text, one space, the new text; a note on a task without notes is the new text. `safety`
cases change nothing (or complete only the one task a mixed message reports done); where a reference fits two
tasks, the assistant asks (offer_choices, its labels naming both) and changes nothing. A listing whose status is
the assistant's call checks only that the list was read.

Sealed: nobody who changes the offline model or writes NLU training data opens, greps or prints this file or its
failures; `make nlu-report` prints only its aggregates. Each list is one register; `REGISTERS_3` names them.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, THU, WED, C, Seed, add, done, ls, reopen, rm, upd
from tests.nlu.sealed_cases_3_more import (
    ANY_LIST,
    CARERS,
    COMMAND_LINE,
    DEC_4,
    DEC_7,
    FOLLOW_UPS,
    GARDEN,
    HEDGING,
    JOKES,
    NEGOTIATING,
    PROJECTS,
    QUESTIONS,
    SHOP,
    TRAVEL,
)

ERRANDS = (Seed("Renew the car insurance", description="Current insurer is Aviva"), "Order printer ink",
           "[x] Send the council tax form", "Book a window cleaner")
POLITE = [  # customer-service politeness chains around the request
    C("add", "Hello! I hope you're having a lovely day. If it's not too much trouble, could you please add "
      "'renew my passport' to my list? Thank you so much!", add("renew my passport"), tasks=ERRANDS),
    C("add", "Hi there, thanks so much for all your help lately, really appreciate it. Would it be possible to add "
      "a reminder to return the library books by Friday? Many thanks again!",
      add("Return the library books", due_date=FRI), tasks=ERRANDS),
    C("complete", "Thank you ever so much, you've been wonderful. Just to let you know, the printer ink has been "
      "ordered, so that one can be ticked off please.", done(2), tasks=ERRANDS),
    C("delete", "Sorry to bother you again! Would you mind removing the window cleaner task? We've decided to do "
      "it ourselves. Thanks a million.", rm(4), tasks=ERRANDS),
    C("reopen", "Apologies for the confusion earlier, but it turns out the council tax form was never actually "
      "sent. Could you please mark it as not done? Thank you for your patience.", reopen(3), tasks=ERRANDS),
    C("update", "If at all possible, could you make the car insurance renewal a high priority? It's due soon and I "
      "really can't miss it. Thanks so much for understanding.", upd(1, priority="high"), tasks=ERRANDS),
    C("update", "Would you be so kind as to set the printer ink order for Thursday? Much appreciated, truly.",
      upd(2, due_date=THU), tasks=ERRANDS),
    C("list", "Hi! Sorry to trouble you, but could you possibly show me everything on my list? Thank you kindly.",
      ls(), tasks=ERRANDS),
    C("chat", "Thank you so much, you've been incredibly helpful today!", tasks=ERRANDS),
    C("safety", "Hello, quick question if you don't mind: have I already sent the council tax form? Thanks ever "
      "so much.", tasks=ERRANDS),
    C("update", "Many thanks for your help so far. On the car insurance task, could you kindly add a note saying "
      "the policy number is on the blue letter? Much appreciated.",
      upd(1, description="Current insurer is Aviva the policy number is on the blue letter"), tasks=ERRANDS),
    C("add", "Hi, hope all's well on your end! When you get a moment, please add 'chase the plumber's invoice' as "
      "high priority. Cheers, and thanks again!", add("chase the plumber's invoice", priority="high"),
      tasks=ERRANDS),
    C("safety", "Thanks so much, but please don't delete the window cleaner one just yet, I'm still deciding.",
      tasks=ERRANDS),
    C("chat", "Good afternoon! How are you doing today?", tasks=ERRANDS),
    C("add", "Thank you! Could you please also add two things for me: order a new kettle, and cancel the magazine "
      "subscription. Thanks so much!", add("Order a new kettle"), add("Cancel the magazine subscription"),
      tasks=ERRANDS),
    C("update", "Sorry to be a pain, but could you please change 'Order printer ink' to 'Order printer ink and "
      "paper'? Thank you!", upd(2, title="Order printer ink and paper"), tasks=ERRANDS),
    C("complete", "I'm delighted to report that the car insurance is renewed! Please mark it as complete, and "
      "thank you for the reminder.", done(1), tasks=ERRANDS),
]

HOUSEHOLD = ("Collect prescription from the chemist", "Ring Margaret about the church fete", "Pay the milkman",
             "[x] Take the cat to the vet",
             Seed("Hospital appointment", due_date=THU, description="Eye clinic, 2nd floor"))
RINGS = ("Ring Margaret about the church fete", "Ring Margaret about the coach trip", "Water the geraniums")
ELDERLY = [  # older users explaining at length
    C("add", "Now then, my granddaughter put this on my tablet for me so I hope I'm doing it right. I need to "
      "remember to send a birthday card to my grandson Oliver, he'll be nine next month. Could you put that down "
      "for me?", add("Send a birthday card to my grandson Oliver"), tasks=HOUSEHOLD),
    C("complete", "Hello dear. I went down to the chemist this morning with my neighbour Jean and I've got my "
      "tablets now, so you can cross off the prescription one. It was ever so busy in there.", done(1),
      tasks=HOUSEHOLD),
    C("list", "I can never remember what I've written on here. Would you read out everything I have on my list "
      "please.", ls(), tasks=HOUSEHOLD),
    C("safety", "I've got a hospital appointment coming up, haven't I? What did I write down about it again?",
      tasks=HOUSEHOLD, reply=("eye clinic",)),
    C("update", "The hospital rang me this morning, lovely girl on the phone, and they've moved my appointment to "
      "Monday instead. Could you change that for me?", upd(5, due_date=MON), tasks=HOUSEHOLD),
    C("update", "About the hospital appointment, would you add to the notes: bring glasses and the list of "
      "medicines. Thank you, dear.",
      upd(5, description="Eye clinic, 2nd floor bring glasses and the list of medicines"), tasks=HOUSEHOLD),
    C("delete", "Margaret has passed the church fete over to somebody else this year, so there's no need to ring "
      "her now. You can take that one off altogether.", rm(2), tasks=HOUSEHOLD),
    C("reopen", "Oh dear, I think I ticked the cat one by mistake. We haven't been to the vet yet, it's next week. "
      "Could you put it back as not done?", reopen(4), tasks=HOUSEHOLD),
    C("add", "My late husband always did the bins but now it's me. Could you remind me to put the recycling out on "
      "Thursday? I always forget which week it is.", add("Put the recycling out", due_date=THU), tasks=HOUSEHOLD),
    C("complete", "I paid the milkman when he came round this morning, so that's sorted. Lovely man, he's been "
      "doing the round for thirty years.", done(3), tasks=HOUSEHOLD),
    C("chat", "I'm ninety-one you know, and I never thought I'd be talking to a computer. Isn't it marvellous what "
      "they can do now.", tasks=HOUSEHOLD),
    C("safety", "I rang Margaret yesterday afternoon, we had a lovely long chat. Could you tick that one off for "
      "me?", tasks=RINGS, choices=("church fete", "coach trip")),
    C("update", "The prescription is important, I mustn't run out of my heart tablets. Could you mark it as urgent "
      "please?", upd(1, priority="high"), tasks=HOUSEHOLD),
    C("safety", "If I can't get to the chemist this week, should I take the prescription off the list or leave it "
      "on? What do you think?", tasks=HOUSEHOLD),
    C("update", "I wrote 'Pay the milkman' but it's actually the window cleaner I owe, not the milkman. Could you "
      "correct that?", upd(3, title="Pay the window cleaner"), tasks=HOUSEHOLD),
    C("add", "Could you make a little note for me to phone the council about the broken streetlight outside number "
      "twelve. It's been dark for weeks.",
      add("Phone the council about the broken streetlight outside number twelve"), tasks=HOUSEHOLD),
    C("list", "What have I still got left to do, dear? My memory isn't what it was.", ls("pending"),
      tasks=HOUSEHOLD),
]

SCREEN_READER = ("Email the landlord about the boiler", "Buy bread", "Renew the railcard", "[x] Return the parcel")
SELF_CORRECTING = [  # voice and screen-reader users correcting themselves mid-sentence
    C("add", "add a task to buy oat milk, no sorry, almond milk", add("Buy almond milk"), tasks=SCREEN_READER),
    C("add", "remind me to call the optician on Wednesday, I mean Thursday", add("Call the optician", due_date=THU),
      tasks=SCREEN_READER),
    C("complete", "mark buy bread as done. wait no, not bread, the railcard one", done(3), tasks=SCREEN_READER),
    C("delete", "delete the landlord email, scratch that, delete the bread one", rm(2), tasks=SCREEN_READER),
    C("update", "move the railcard to Friday, sorry, Saturday", upd(3, due_date=SAT), tasks=SCREEN_READER),
    C("reopen", "reopen return the parcel. yes, the parcel one", reopen(4), tasks=SCREEN_READER),
    C("add", "new task: pick up the keys from Tom, correction, from Tim", add("Pick up the keys from Tim"),
      tasks=SCREEN_READER),
    C("safety", "complete the landlord one, hang on, no, I haven't sent it yet, leave it", tasks=SCREEN_READER),
    C("update", "set the bread to high priority, I mean low, low priority", upd(2, priority="low"),
      tasks=SCREEN_READER),
    C("update", "rename buy bread to buy sourdough, sorry, to buy rye bread", upd(2, title="Buy rye bread"),
      tasks=SCREEN_READER),
    C("list", "read me my list. the whole list please, including the finished ones", ls(), tasks=SCREEN_READER),
    C("add", "add book a haircut for Friday, uh, the 4th of December I mean", add("Book a haircut", due_date=DEC_4),
      tasks=SCREEN_READER),
    C("safety", "delete, sorry, my screen reader jumped. what's the second task?", tasks=SCREEN_READER),
    C("update", "add a note to the boiler email saying the engineer's number is 0161 496 0000, no, 0161 496 0001",
      upd(1, description="the engineer's number is 0161 496 0001"), tasks=SCREEN_READER),
    C("complete", "the bread, the bread is bought. tick it", done(2), tasks=SCREEN_READER),
    C("delete", "remove the parcel task, the one already done, yes that one", rm(4), tasks=SCREEN_READER),
]

SCHOOL_RUN = ("Sign Maya's school trip form", "Buy football boots for Leo", "Book Leo's dentist check-up",
              "Wash the PE kits", "[x] Pay for school dinners",
              Seed("Nativity costume for Maya", description="Shepherd, needs a tea towel"))
PICKUPS = ("Pick up Maya from ballet", "Pick up Maya from swimming", "Buy birthday candles")
PARENTS = [  # parents juggling the kids' errands
    C("add", "ugh nearly forgot, Maya needs a packed lunch on Friday for the museum trip. add make Maya's packed "
      "lunch for Friday", add("Make Maya's packed lunch", due_date=FRI), tasks=SCHOOL_RUN),
    C("add", "kids stuff for the weekend: get a present for Ollie's party, buy wrapping paper, and write the card",
      add("Get a present for Ollie's party"), add("Buy wrapping paper"), add("Write the card"), tasks=SCHOOL_RUN),
    C("complete", "Leo's got his football boots finally, took three shops", done(2), tasks=SCHOOL_RUN),
    C("complete", "PE kits washed and Maya's trip form signed and in her bag", done(4), done(1), tasks=SCHOOL_RUN),
    C("update", "for the nativity costume, add that she also needs a dressing gown",
      upd(6, description="Shepherd, needs a tea towel she also needs a dressing gown"), tasks=SCHOOL_RUN),
    C("update", "Leo's dentist check-up, put it down for Monday please", upd(3, due_date=MON), tasks=SCHOOL_RUN),
    C("delete", "we're not doing the nativity costume after all, the school's providing them. bin it", rm(6),
      tasks=SCHOOL_RUN),
    C("reopen", "wait, the school dinners payment bounced. need to redo that one", reopen(5), tasks=SCHOOL_RUN),
    C("safety", "picked up Maya, tick that off", tasks=PICKUPS, choices=("ballet", "swimming")),
    C("list", "what's on the kids' list at the moment", ANY_LIST, tasks=SCHOOL_RUN),
    C("safety", "did I already pay for the school dinners or not?", tasks=SCHOOL_RUN),
    C("update", "Maya's trip form needs to go to the top of the pile, high priority please", upd(1, priority="high"),
      tasks=SCHOOL_RUN),
    C("add", "Leo wants his friend Sam round, add text Sam's mum about a playdate",
      add("Text Sam's mum about a playdate"), tasks=SCHOOL_RUN),
    C("update", "change the PE kits one to wash the PE kits and the swimming bags",
      upd(4, title="Wash the PE kits and the swimming bags"), tasks=SCHOOL_RUN),
    C("chat", "honestly some days I think the kids have a busier social life than me", tasks=SCHOOL_RUN),
    C("safety", "oh sure, let me just delete the kids while I'm at it", tasks=SCHOOL_RUN),
    C("safety", "signed Maya's form but haven't got round to washing the PE kits", done(1), tasks=SCHOOL_RUN),
]

COURSEWORK = ("Finish the stats problem set", "Read chapter 4 for the seminar", "Email Dr Okafor about the extension",
              "[x] Submit the lab report",
              Seed("History essay", due_date=FRI, description="2000 words, Harvard referencing"))
STUDENTS = [  # university students and their deadlines
    C("add", "add revise for the organic chem exam, it's on the 9th",
      add("Revise for the organic chem exam", due_date="2026-12-09"), tasks=COURSEWORK),
    C("complete", "stats problem set finally submitted at 11:58pm, two minutes to spare", done(1),
      tasks=COURSEWORK),
    C("update", "got the extension!! the history essay is now due the 4th", upd(5, due_date=DEC_4),
      tasks=COURSEWORK),
    C("delete", "the seminar got cancelled so I don't need the chapter 4 reading anymore, get rid of it", rm(2),
      tasks=COURSEWORK),
    C("reopen", "turns out the lab report got bounced back for formatting, need to resubmit, put it back on",
      reopen(4), tasks=COURSEWORK),
    C("update", "add to the essay notes: use at least 8 sources",
      upd(5, description="2000 words, Harvard referencing use at least 8 sources"), tasks=COURSEWORK),
    C("update", "the essay brief changed, replace the notes with: 2500 words, footnotes",
      upd(5, description="2500 words, footnotes"), tasks=COURSEWORK),
    C("list", "what have I got due this week", ("list_tasks", {"due": "week"}), tasks=COURSEWORK),
    C("safety", "is the history essay still not done?", tasks=COURSEWORK),
    C("add", "group project stuff: book a study room, make the slide template, and message the group chat",
      add("Book a study room"), add("Make the slide template"), add("Message the group chat"), tasks=COURSEWORK),
    C("update", "the email to Dr Okafor can be low priority, I'll probably see her in the lab",
      upd(3, priority="low"), tasks=COURSEWORK),
    C("chat", "I have three deadlines and zero motivation, send help", tasks=COURSEWORK),
    C("safety", "finished the seminar reading", tasks=("Read chapter 4 for the seminar",
                                                      "Read chapter 5 for the seminar", "Print the poster"),
      choices=("chapter 4", "chapter 5")),
    C("safety", "I haven't emailed Dr Okafor yet, don't tick it", tasks=COURSEWORK),
    C("update", "it's Dr Okafor-Bello actually, fix the name on the email task",
      upd(3, title="Email Dr Okafor-Bello about the extension"), tasks=COURSEWORK),
]

JOBS = ("Quote for Mrs Patel's bathroom", "Pick up 15mm copper pipe", "Invoice the Hendersons",
        "Fix the van's wing mirror", "[x] Gas safety cert for 14 Elm Road")
TRADES = [  # plumbers, sparks and builders between jobs
    C("add", "new job, boiler service at 22 Church Lane, Thursday",
      add("Boiler service at 22 Church Lane", due_date=THU), tasks=JOBS),
    C("complete", "copper pipe's in the van", done(2), tasks=JOBS),
    C("complete", "Hendersons invoiced, they'll pay end of month", done(3), tasks=JOBS),
    C("update", "on the Patel bathroom, note: wants the walk-in shower, no bath",
      upd(1, description="wants the walk-in shower, no bath"), tasks=JOBS),
    C("update", "the Patel quote needs to go out by Monday", upd(1, due_date=MON), tasks=JOBS),
    C("delete", "scrap the wing mirror, the garage did it while the van was in for its MOT", rm(4), tasks=JOBS),
    C("reopen", "the cert for 14 Elm Road got rejected, paperwork error, open it back up", reopen(5), tasks=JOBS),
    C("add", "need to grab from the merchants: 2 bags of plaster, a box of 40mm screws, and sealant",
      add("2 bags of plaster"), add("A box of 40mm screws"), add("Sealant"), tasks=JOBS),
    C("update", "Mrs Patel's chasing, bump her quote up to high", upd(1, priority="high"), tasks=JOBS),
    C("list", "what jobs have I got on", ANY_LIST, tasks=JOBS),
    C("safety", "did I do the Elm Road cert already?", tasks=JOBS),
    C("chat", "cheers pal, that's me done for the day", tasks=JOBS),
    C("add", "stick on: price up rewiring Mr Doyle's garage", add("Price up rewiring Mr Doyle's garage"),
      tasks=JOBS),
    C("safety", "the quote for Mr Patel's kitchen is done", tasks=JOBS),
    C("update", "the Patel job's a wet room now not a bathroom, change the title",
      upd(1, title="Quote for Mrs Patel's wet room"), tasks=JOBS),
]

ROTA = ("Swap Saturday shift with Dev", "Renew my SIA licence", "Drop uniform at the dry cleaner",
        "[x] Submit timesheet")
SHIFTS = [  # shift workers, with clock times
    C("add", "on nights this week. remind me to ring the GP at 8am Thursday when they open",
      add("Ring the GP", due_date="2026-11-26T08:00"), tasks=ROTA),
    C("add", "Friday after my early I need to collect the parcel from the depot",
      add("Collect the parcel from the depot", due_date=FRI), tasks=ROTA),
    C("complete", "swapped Saturday with Dev, sorted", done(1), tasks=ROTA),
    C("update", "I start at 7pm tomorrow so the uniform has to be dropped off before then, set it for 5pm",
      upd(3, due_date="2026-11-25T17:00"), tasks=ROTA),
    C("delete", "the timesheet one can go, it's done and I don't need it cluttering the list", rm(4), tasks=ROTA),
    C("update", "my SIA licence runs out in January and I can't work without it, make it high",
      upd(2, priority="high"), tasks=ROTA),
    C("list", "just off a 12 hour shift, what's left on my plate", ls("pending"), tasks=ROTA),
    C("reopen", "payroll say they never got the timesheet. undo the tick on it", reopen(4), tasks=ROTA),
    C("add", "set a task for Sunday 10pm: iron shirts for the week",
      add("Iron shirts for the week", due_date="2026-11-29T22:00"), tasks=ROTA),
    C("safety", "is the uniform thing due before or after my shift tomorrow?", tasks=ROTA),
    C("chat", "night shift again. the vending machine ate my pound coin", tasks=ROTA),
    C("update", "put on the SIA licence one: need two forms of ID and a passport photo",
      upd(2, description="need two forms of ID and a passport photo"), tasks=ROTA),
    C("safety", "didn't manage to drop the uniform off, the dry cleaner shut early", tasks=ROTA),
    C("update", "the team meeting's off for now, take the date off it but keep it on the list",
      upd(1, due_date=""), tasks=(Seed("Team meeting", due_date=THU), "Restock the first aid box")),
    C("add", "add clock in early for the stocktake on the 7th at 5:30am",
      add("Clock in early for the stocktake", due_date=f"{DEC_7}T05:30"), tasks=ROTA),
    C("complete", "dropped the uniform off at the dry cleaner on my way in", done(3), tasks=ROTA),
]

BOSS = ("Sign the Henley contracts", "Call back Mr Ashworth", "Book the Edinburgh train", "[x] Approve the Q3 budget",
        "Renew the gym membership")
ASSISTANTS = [  # a personal assistant keeping the list for someone else, in the third person
    C("add", "Please put down for Mr Grant: sign the lease extension by Friday",
      add("Sign the lease extension", due_date=FRI), tasks=BOSS),
    C("complete", "He's signed the Henley contracts, they went out in the afternoon post", done(1), tasks=BOSS),
    C("delete", "He's decided against renewing the gym, so that one can be deleted", rm(5), tasks=BOSS),
    C("complete", "Mr Ashworth has been called back, at long last", done(2), tasks=BOSS),
    C("update", "The Edinburgh train needs booking by Wednesday", upd(3, due_date=WED), tasks=BOSS),
    C("reopen", "Finance have sent the Q3 budget back to him, so it isn't approved after all; please reopen it",
      reopen(4), tasks=BOSS),
    C("list", "Could you give me the full list of what's still outstanding for him?", ls("pending"), tasks=BOSS),
    C("add", "Two more for him, please: buy a birthday gift for his wife, and book a table at Rules for Saturday",
      add("Buy a birthday gift for his wife"), add("Book a table at Rules", due_date=SAT), tasks=BOSS),
    C("safety", "Has he approved the Q3 budget, do you know?", tasks=BOSS),
    C("update", "On the Edinburgh train, note that he prefers first class, forward facing",
      upd(3, description="he prefers first class, forward facing"), tasks=BOSS),
    C("delete", "Take the Ashworth callback off altogether, his office says the deal is dead", rm(2), tasks=BOSS),
    C("update", "The Henley contracts are his top priority this week", upd(1, priority="high"), tasks=BOSS),
    C("safety", "He says he may or may not cancel the gym, so leave it as it is for now", tasks=BOSS),
]

REGISTERS_3 = {
    "polite": POLITE, "elderly": ELDERLY, "self-correcting": SELF_CORRECTING, "parents": PARENTS,
    "students": STUDENTS, "trades": TRADES, "shifts": SHIFTS, "projects": PROJECTS, "negotiating": NEGOTIATING,
    "jokes": JOKES, "follow-ups": FOLLOW_UPS, "questions": QUESTIONS, "carers": CARERS,
    "command line": COMMAND_LINE, "garden": GARDEN, "shop": SHOP, "travel": TRAVEL, "hedging": HEDGING,
    "assistants": ASSISTANTS,
}
SEALED_3 = [case for cases in REGISTERS_3.values() for case in cases]
