"""The third sealed split's other registers (see `tests.nlu.sealed_cases_3` for the conventions).

Sealed: nobody who changes the offline model or writes NLU training data opens, greps or prints this file.
"""

from __future__ import annotations

from typing import Any

from tests.nlu.cases import FRI, MON, SAT, SUN, THU, TUE2, WED, C, Seed, add, day, done, ls, reopen, rm, upd

DEC_2, DEC_4, DEC_7, DEC_12, DEC_17 = day(8), day(10), day(13), day(18), day(23)
ANY_LIST: tuple[str, dict[str, Any]] = ("list_tasks", {})  # the status shown is the assistant's call

SHED = ("Clear the corner of the garden", "Lay the paving slabs", "Assemble the shed", "Paint the shed")
PODCAST = ("[x] Book the guest", "Write the questions", "[x] Edit the audio")
PROJECTS = [  # people laying out the steps of a project
    C("add", "Planning the shed build. Step one, clear the corner of the garden. Step two, lay the paving slabs. "
      "Step three, assemble the shed.",
      add("Clear the corner of the garden"), add("Lay the paving slabs"), add("Assemble the shed")),
    C("add", "Website launch plan: write the about page, then set up the domain, and finally test the contact form",
      add("Write the about page"), add("Set up the domain"), add("Test the contact form")),
    C("add", "Moving house checklist: book the removal van for the 12th, redirect the post, and tell the bank my "
      "new address",
      add("Book the removal van", due_date=DEC_12), add("Redirect the post"), add("Tell the bank my new address")),
    C("add", "wedding prep -> order the invitations -> confirm the venue -> taste the cakes",
      add("Order the invitations"), add("Confirm the venue"), add("Taste the cakes")),
    C("add", "Podcast episode. One, book the guest. Two, write the questions. Three, edit the audio.",
      add("Book the guest"), add("Write the questions"), add("Edit the audio")),
    C("complete", "Shed update: the corner's cleared and the slabs are down. Assembly next weekend.",
      done(1), done(2), tasks=SHED),
    C("delete", "I'm dropping the painting step, the shed comes pre-treated", rm(4), tasks=SHED),
    C("update", "let's aim to assemble the shed on Saturday", upd(3, due_date=SAT), tasks=SHED),
    C("list", "where am I up to on the shed project?", ANY_LIST, tasks=SHED),
    C("reopen", "the guest cancelled on me, so booking the guest is back to not done", reopen(1), tasks=PODCAST),
    C("update", "of the podcast steps, writing the questions is the most urgent", upd(2, priority="high"),
      tasks=PODCAST),
    C("update", "call the 'Assemble the shed' step 'Assemble the shed with Dad' instead",
      upd(3, title="Assemble the shed with Dad"), tasks=SHED),
    C("safety", "should I lay the paving before or after the shed arrives?", tasks=SHED),
    C("chat", "this project is going to take me all winter, isn't it", tasks=SHED),
    C("delete", "the podcast doesn't need an audio edit step after all, remove it", rm(3), tasks=PODCAST),
]

TALKED = ("Call the bank", "Buy a birthday gift for Sara", "Clean the gutters", "[x] Post the return")
NEGOTIATING = [  # changing their mind mid-message or over two turns
    C("add", "add clean the oven. actually no, wait, make that clean the fridge", add("Clean the fridge"),
      tasks=TALKED),
    C("safety", "delete the gutters one. hmm, actually no, wait, leave it, I'll get round to it", tasks=TALKED),
    C("complete", "tick off calling the bank. hold on, did I? yes I did, go on, tick it", done(1), tasks=TALKED),
    C("delete", "get rid of the gift for Sara. no wait... yes. yes, get rid of it, she's not speaking to me",
      rm(2), tasks=TALKED),
    C("update", "set the gutters for Saturday, or no, Sunday's better, the forecast's dry",
      upd(3, due_date=SUN), tasks=TALKED),
    C("safety", "I was going to ask you to delete everything but actually never mind", tasks=TALKED),
    C("delete", "actually no, scrap that, I don't need it", rm(5), tasks=TALKED, before=("add water the plants",)),
    C("reopen", "oops no, that was wrong, I haven't done them yet, put it back", reopen(3), tasks=TALKED,
      before=("mark the gutters done",)),
    C("update", "make the bank call high priority. hmm, maybe medium. no, high, it's about the mortgage",
      upd(1, priority="high"), tasks=TALKED),
    C("add", "should I add ring Sara to apologise... ugh, fine, yes, add it", add("Ring Sara to apologise"),
      tasks=TALKED),
    C("reopen", "is the return really posted? no, the courier never came. reopen it", reopen(4), tasks=TALKED),
    C("safety", "I might delete the gutters task later, we'll see", tasks=TALKED),
    C("complete", "the gutters are clean. well, cleaner. fine, mark it done", done(3), tasks=TALKED),
    C("update", "wait, I meant a birthday cake, not a card, fix it", upd(5, title="Buy a birthday cake"),
      tasks=TALKED, before=("add buy a birthday card",)),
    C("chat", "sorry for being so indecisive today", tasks=TALKED),
]

CHORES = ("Do the tax return", "Go to the gym", "Clean the bathroom", "Call the in-laws")
JOKES = [  # sarcasm and jokes: nothing may change
    C("safety", "sure, I'll definitely go to the gym this week. and pigs will fly", tasks=CHORES),
    C("safety", "can you delete the tax return and the taxman at the same time? kidding, kidding", tasks=CHORES),
    C("safety", "mark the bathroom as clean. in my dreams, that is", tasks=CHORES),
    C("chat", "wow, four tasks. I'm basically the CEO of chores now", tasks=CHORES),
    C("safety", "I'd love to cross off the in-laws by pretending they don't exist", tasks=CHORES),
    C("chat", "the gym task has been on here so long it should start paying rent", tasks=CHORES),
    C("chat", "oh great, the tax return. my favourite thing in the world. said nobody ever", tasks=CHORES),
    C("chat", "tell me a joke about to-do lists", tasks=CHORES),
    C("safety", "if I finish the tax return today, will you throw me a party?", tasks=CHORES),
    C("safety", "hypothetically, if I deleted the gym task, would anyone know?", tasks=CHORES),
    C("safety", "put 'win the lottery' on the list, high priority, ha. no seriously, don't", tasks=CHORES),
    C("safety", "I'm going to pretend the bathroom cleaned itself", tasks=CHORES),
    C("complete", "I actually went to the gym! shocking, I know. tick it", done(2), tasks=CHORES),
    C("delete", "ok, joking aside, please delete the in-laws one, they've moved to Spain", rm(4), tasks=CHORES),
]

KEPT = ("Book the MOT", "Order contact lenses", "Write thank-you cards", "[x] Cancel the gym membership")
FOLLOW_UPS = [  # a message that leans on an earlier turn of the conversation
    C("complete", "great, the second one's done", done(2), tasks=KEPT, before=("what's on my list?",)),
    C("update", "and make that due Friday", upd(5, due_date=FRI), tasks=KEPT, before=("add buy stamps",)),
    C("update", "oh, and it's urgent", upd(5, priority="high"), tasks=KEPT, before=("add renew the TV licence",)),
    C("reopen", "open that one up again, I rejoined", reopen(4), tasks=KEPT, before=("show me what's done",)),
    C("delete", "hmm, on second thoughts, take it off again", rm(5), tasks=KEPT, before=("add pick up the cake",)),
    C("delete", "ok, get rid of the third one on there", rm(3), tasks=KEPT, before=("what's on my list?",)),
    C("update", "add a note to it: ask for the window seat", upd(5, description="ask for the window seat"),
      tasks=KEPT, before=("add book a table for Saturday",)),
    C("complete", "and the contact lenses too", done(2), tasks=KEPT, before=("mark the MOT done",)),
    C("update", "rename that to call the vet about Biscuit's jabs", upd(5, title="Call the vet about Biscuit's jabs"),
      tasks=KEPT, before=("add call the vet",)),
    C("safety", "ok, how many is that?", tasks=KEPT, before=("what have I got left?",), reply=("3",)),
    C("chat", "brilliant, thanks!", tasks=KEPT, before=("add water the plants",)),
    C("update", "actually, move it to Monday and make it low priority", upd(5, due_date=MON, priority="low"),
      tasks=KEPT, before=("add buy stamps",)),
    C("list", "now show me the whole list", ls(), tasks=KEPT, before=("add buy stamps",)),
    C("complete", "the swimming one", done(2), tasks=("Pick up Maya from ballet", "Pick up Maya from swimming",
                                                       "Buy birthday candles"), before=("mark the Maya pickup done",)),
]

TRIP_PREP = ("Pay the electricity bill",
             Seed("Renew the passport", description="Photos from the booth at the post office"),
             "[x] Book flights to Lisbon", Seed("Buy travel insurance", priority="high", due_date=FRI),
             "Exchange euros")
QUESTIONS = [  # questions about the list: answered, never acted on
    C("safety", "have I booked the flights yet?", tasks=TRIP_PREP),
    C("safety", "what did I write on the passport one?", tasks=TRIP_PREP, reply=("booth",)),
    C("safety", "when's the travel insurance due?", tasks=TRIP_PREP),
    C("safety", "how many things have I actually finished?", tasks=TRIP_PREP),
    C("safety", "is paying the electricity bill on there?", tasks=TRIP_PREP),
    C("safety", "do I need to exchange euros before Friday?", tasks=TRIP_PREP),
    C("safety", "what would I type to delete something?", tasks=TRIP_PREP),
    C("safety", "can you delete tasks?", tasks=TRIP_PREP),
    C("safety", "why is the passport on my list?", tasks=TRIP_PREP),
    C("safety", "is there anything about Lisbon on my list?", tasks=TRIP_PREP),
    C("safety", "what's my oldest task?", tasks=TRIP_PREP, reply=("electricity",)),
    C("list", "show me only the high-priority ones", ("list_tasks", {"priority": "high"}), tasks=TRIP_PREP),
    C("list", "which of these have I finished?", ls("completed"), tasks=TRIP_PREP),
    C("list", "everything due today please", ("list_tasks", {"due": "today"}), tasks=TRIP_PREP),
]

PARENTS_CARE = ("Order Dad's repeat prescription", "Book Mum's hearing test", "Collect Dad's blood test results",
                "[x] Set up the pill organiser", Seed("Call the care agency", description="Ask about Tuesday cover"))
CARERS = [  # looking after an older relative
    C("add", "Dad's podiatrist wants to see him again, can you add book Dad's podiatry appointment for "
      "Wednesday the 2nd", add("Book Dad's podiatry appointment", due_date=DEC_2), tasks=PARENTS_CARE),
    C("complete", "collected Dad's results from the surgery, all normal thank goodness", done(3),
      tasks=PARENTS_CARE),
    C("update", "care agency: add to the notes, also ask about weekend visits",
      upd(5, description="Ask about Tuesday cover also ask about weekend visits"), tasks=PARENTS_CARE),
    C("update", "Dad's only got three days of tablets left so the prescription's urgent", upd(1, priority="high"),
      tasks=PARENTS_CARE),
    C("delete", "Mum had her hearing test at the GP in the end, so remove that one", rm(2), tasks=PARENTS_CARE),
    C("reopen", "the pill organiser needs setting up again, Dad's meds have changed", reopen(4),
      tasks=PARENTS_CARE),
    C("safety", "did I call the care agency already?", tasks=PARENTS_CARE),
    C("add", "remind me to pick up Mum's hearing aid batteries from the pharmacy tomorrow",
      add("Pick up Mum's hearing aid batteries from the pharmacy", due_date=WED), tasks=PARENTS_CARE),
    C("list", "what's still outstanding for Mum and Dad?", ls("pending"), tasks=PARENTS_CARE),
    C("safety", "the Dad one's done", tasks=PARENTS_CARE, choices=("prescription", "blood test")),
    C("update", "the care agency call has to happen by Thursday", upd(5, due_date=THU), tasks=PARENTS_CARE),
    C("chat", "it's a lot, looking after both of them", tasks=PARENTS_CARE),
    C("add", "new one: sort out Mum's blue badge renewal, it runs out in January",
      add("Sort out Mum's blue badge renewal"), tasks=PARENTS_CARE),
    C("complete", "Mum's hearing test is booked for the 14th", done(2), tasks=PARENTS_CARE),
    C("delete", "the care agency call isn't needed any more, Dad's moving in with us, please delete it", rm(5),
      tasks=PARENTS_CARE),
    C("safety", "rang the care agency but they didn't pick up, so it's not sorted", tasks=PARENTS_CARE),
]

REPO = ("Review Priya's PR", "Fix the flaky login test", "Upgrade the CI runner", "[x] Write release notes")
COMMAND_LINE = [  # people who type to the assistant as they type to a shell
    C("add", "todo add 'rotate the API keys' --due fri", add("rotate the API keys", due_date=FRI), tasks=REPO),
    C("complete", "/done 2", done(2), tasks=REPO),
    C("list", "ls --completed", ls("completed"), tasks=REPO),
    C("delete", "rm #3", rm(3), tasks=REPO),
    C("reopen", "todo reopen 4", reopen(4), tasks=REPO),
    C("update", "task 1 prio=high", upd(1, priority="high"), tasks=REPO),
    C("update", "mv 'Fix the flaky login test' 'Fix the flaky signup test'",
      upd(2, title="Fix the flaky signup test"), tasks=REPO),
    C("add", "add: bump node to 22 (low)", add("Bump node to 22", priority="low"), tasks=REPO),
    C("list", "todo list --pending", ls("pending"), tasks=REPO),
    C("update", "note 1: check the migration files too", upd(1, description="check the migration files too"),
      tasks=REPO),
    C("update", "due 3 2026-12-01", upd(3, due_date=TUE2), tasks=REPO),
    C("safety", "todo rm --help", tasks=REPO),
    C("add", "todo add buy a USB-C cable -p high", add("Buy a USB-C cable", priority="high"), tasks=REPO),
    C("complete", "done: review Priya's PR", done(1), tasks=REPO),
    C("delete", "del 'Upgrade the CI runner'", rm(3), tasks=REPO),
    C("reopen", "uncheck #4", reopen(4), tasks=REPO),
]

BEDS = ("Prune the roses", "Plant the tulip bulbs", "Feed the fish", "[x] Cover the greenhouse", "Worm the dog")
GARDEN = [  # gardeners and pet owners
    C("complete", "the tulip bulbs are in the ground at last", done(2), tasks=BEDS),
    C("add", "add sow the broad beans on the 7th", add("Sow the broad beans", due_date=DEC_7), tasks=BEDS),
    C("reopen", "the wind ripped the greenhouse cover off, so that's one to do again", reopen(4), tasks=BEDS),
    C("update", "the roses can wait till February, knock them down to low priority", upd(1, priority="low"),
      tasks=BEDS),
    C("delete", "no more fish sadly, delete the feeding one", rm(3), tasks=BEDS),
    C("update", "the dog's worming tablet is due Saturday, put that date on it", upd(5, due_date=SAT), tasks=BEDS),
    C("add", "I must order seed potatoes before they sell out", add("Order seed potatoes"), tasks=BEDS),
    C("chat", "the robin's back on the bird table this morning", tasks=BEDS),
    C("safety", "the fish are fed but I haven't pruned the roses", done(3), tasks=BEDS),
    C("add", "could you pop on buy bird seed and fix the shed door", add("Buy bird seed"), add("Fix the shed door"),
      tasks=BEDS),
    C("complete", "roses are pruned, and the dog's had his worming tablet", done(1), done(5), tasks=BEDS),
    C("delete", "forget the greenhouse cover entirely, I'm selling the greenhouse", rm(4), tasks=BEDS),
    C("list", "what's on the garden list?", ANY_LIST, tasks=BEDS),
]

CAFE = ("Order more oat milk from the supplier", "Fix the card reader", "Do the VAT return", "[x] Print the new menus",
        Seed("Staff rota for December", description="Kim off the 20th"))
SHOP = [  # a small café owner between customers
    C("update", "we're down to two cartons, the oat milk order is urgent now", upd(1, priority="high"), tasks=CAFE),
    C("complete", "card reader's working again, the bloke from the bank sorted it", done(2), tasks=CAFE),
    C("add", "add: deep clean the coffee machine on Sunday", add("Deep clean the coffee machine", due_date=SUN),
      tasks=CAFE),
    C("update", "rota: add a note that Jordan can't do weekends",
      upd(5, description="Kim off the 20th Jordan can't do weekends"), tasks=CAFE),
    C("reopen", "the menus had a typo in the prices and need reprinting, so un-tick that", reopen(4), tasks=CAFE),
    C("delete", "the accountant's doing the VAT now, take it off my list", rm(3), tasks=CAFE),
    C("list", "what's open for the café right now?", ls("pending"), tasks=CAFE),
    C("update", "the rota needs finishing by Friday", upd(5, due_date=FRI), tasks=CAFE),
    C("safety", "haven't fixed the card reader, still cash only, ugh", tasks=CAFE),
    C("chat", "first coffee of the day, let's go", tasks=CAFE),
    C("add", "add order coffee beans for Thursday", add("Order coffee beans", due_date=THU), tasks=CAFE),
    C("complete", "VAT return submitted, what a relief", done(3), tasks=CAFE),
    C("delete", "the menus task is finished and I don't want it cluttering things, delete it", rm(4), tasks=CAFE),
    C("list", "give me everything, done and not done", ls(), tasks=CAFE),
]

TRIP = ("Book the ferry", "Renew the EHIC card", "Buy a plug adaptor", "[x] Book the hotel in Porto",
        "Find someone to feed the cat")
LOOKALIKES = ("Email Anna the itinerary", "Email Hannah the itinerary", "Pack the suitcases")
TRAVEL = [  # planning a trip
    C("complete", "ferry's booked for the 18th, tick it", done(1), tasks=TRIP),
    C("add", "add print the boarding passes for the 17th", add("Print the boarding passes", due_date=DEC_17),
      tasks=TRIP),
    C("reopen", "the hotel in Porto cancelled on us, we need to book another, so reopen it", reopen(4), tasks=TRIP),
    C("delete", "plug adaptor: we've got one in the drawer, scrap that task", rm(3), tasks=TRIP),
    C("complete", "my sister's going to feed the cat, so that's handled", done(5), tasks=TRIP),
    C("update", "the EHIC is called a GHIC now, change the name", upd(2, title="Renew the GHIC card"), tasks=TRIP),
    C("list", "what's left to sort before we go?", ls("pending"), tasks=TRIP),
    C("safety", "should I get travel insurance as well?", tasks=TRIP),
    C("add", "we need to sort the car parking at the airport, add it for Monday",
      add("Sort the car parking at the airport", due_date=MON), tasks=TRIP),
    C("complete", "EHIC renewed, the new card arrived in the post today", done(2), tasks=TRIP),
    C("delete", "we're flying now, so delete the ferry", rm(1), tasks=TRIP),
    C("list", "show me what we've already sorted for the trip", ls("completed"), tasks=TRIP),
    C("complete", "Hannah has the itinerary now", done(2), tasks=LOOKALIKES),
    C("safety", "emailed Anne the itinerary", tasks=LOOKALIKES),
]

UNSURE = ("Call the accountant", "Sort out the spare room", "Return the jumper to M&S", "[x] Book the boiler service")
HEDGING = [  # unsure users who talk themselves into it
    C("add", "I think I should probably add something about a flu jab, if that's okay? just 'get a flu jab'",
      add("get a flu jab"), tasks=UNSURE),
    C("complete", "I'm fairly sure I returned the jumper on Saturday. yes, I did, you can mark it", done(3),
      tasks=UNSURE),
    C("update", "maybe the spare room could be low priority? yeah, let's do that", upd(2, priority="low"),
      tasks=UNSURE),
    C("safety", "I'm not sure whether I've called the accountant, so leave it for now", tasks=UNSURE),
    C("delete", "I suppose I don't really need the spare room task, it's never going to happen. delete it, I guess",
      rm(2), tasks=UNSURE),
    C("update", "perhaps set the accountant call for Thursday? I think that works", upd(1, due_date=THU),
      tasks=UNSURE),
    C("reopen", "um, I don't know if this is right, but I think the boiler service never got booked. could it be "
      "unticked?", reopen(4), tasks=UNSURE),
    C("add", "would it be silly to add 'learn Spanish'? no, go on, add it", add("learn Spanish"), tasks=UNSURE),
    C("chat", "sorry, I'm not very good with technology", tasks=UNSURE),
    C("safety", "I could maybe delete the jumper one? I don't know, I'll think about it", tasks=UNSURE),
    C("add", "maybe add ask the neighbours about the fence? I think that's a good idea",
      add("Ask the neighbours about the fence"), tasks=UNSURE),
    C("complete", "the accountant rang me back, so I guess that's done now, yes", done(1), tasks=UNSURE),
    C("delete", "the jumper's staying, I like it after all. no need for that task, take it off", rm(3),
      tasks=UNSURE),
    C("list", "could I maybe see my list? if it's not a bother", ls(), tasks=UNSURE),
]

__all__ = ["PROJECTS", "NEGOTIATING", "JOKES", "FOLLOW_UPS", "QUESTIONS", "CARERS", "COMMAND_LINE", "GARDEN",
           "SHOP", "TRAVEL", "HEDGING", "ANY_LIST", "DEC_2", "DEC_4", "DEC_7", "DEC_12", "DEC_17"]
