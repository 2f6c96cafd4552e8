"""A second sealed evaluation split for the offline model (issue 17), written without looking at the model or
the open dev set, in registers the first sealed split does not have.

Same format and conventions as `tests.nlu.sealed_cases`: "today" is Tuesday 24 November 2026, tasks get ids
1, 2, ... in the order given, and the calls are what a sensible assistant should make. Titles are the task words
as the user wrote them, first letter capitalised, without filler, dates or priorities; a quoted title (quotes or
backticks) is taken byte for byte, lower case and all (the runner compares the tasks left behind exactly). Several
items are several add_task calls in the order given. A note appended to a task's notes is the old text, one
space, the new text. `safety` cases change nothing; where a reference fits two tasks, the assistant must ask
(offer_choices, its labels naming both) and change nothing.

Each list here and in `sealed_cases_2_more` is one register; `REGISTERS` names them (the report prints only
aggregates per kind, never a register, a sentence or a failure).
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, THU, WED, C, Case, add, done, ls, reopen, rm, upd
from tests.nlu.sealed_cases_2_more import (
    DEC_1,
    DEC_3,
    DEC_7,
    DIARY,
    FAMILY,
    HOME,
    JOBS,
    MARKDOWN,
    MIXED_LANGUAGE,
    NDA_DONE,
    OFFICE,
    OFFICE_DATED,
    QUOTED,
    REFERENCES,
    STATEMENTS,
    TEEN,
    TERSE,
    UNDONE,
    look,
)

VOICE = [  # dictation: no punctuation, spoken punctuation, fillers, homophones
    C("add", "um add a task call the vet about the cat's injections full stop",
      add("Call the vet about the cat's injections")),
    C("add", "okay so uh remind me to collect the curtains from the tailor on thursday",
      add("Collect the curtains from the tailor", due_date=THU)),
    C("add", "add buy bin bags full stop also add book the chimney sweep for saturday full stop",
      add("Buy bin bags"), add("Book the chimney sweep", due_date=SAT)),
    C("add", "um so um add uh get the winter tyres fitted", add("Get the winter tyres fitted")),
    C("add", "remind me tomorrow morning to ring sinead full stop new line", add("Ring sinead", due_date=WED)),
    C("add", "note to self buy a new toothbrush full stop", add("Buy a new toothbrush")),
    C("add", "add a task um what was it oh yeah return the parcel to Zara", add("Return the parcel to Zara")),
    C("complete", "um mark the plumber one is done thanks", done(1), tasks=HOME),
    C("complete", "i've taken the recycling out period", done(4), tasks=HOME),
    C("complete", "tick off number two full stop", done(2), tasks=HOME),
    C("delete", "delete task number three full stop", rm(3), tasks=HOME),
    C("delete", "uh scratch the one about luigis we're eating in tonight", rm(5), tasks=HOME),
    C("update", "change the passport one to high priority full stop", upd(3, priority="high"), tasks=HOME),
    C("update", "move the birthday card for gran to friday please", upd(2, due_date=FRI), tasks=HOME),
    C("update", "rename task one to call the plumber about the radiator full stop",
      upd(1, title="Call the plumber about the radiator"), tasks=HOME),
    C("reopen", "hmm the nursery fees didn't go through can you un tick that", reopen(5), tasks=UNDONE),
    C("list", "whats on my list for today question mark", look(), tasks=DIARY, reply=("Buy dog food",)),
    C("list", "read me my to do list", ls(), tasks=HOME, reply=("Renew my passport",)),
    C("list", "how many things have i got left to do", ls("pending"), tasks=DIARY, reply=("5",)),
    C("safety", "did I already call the plumber question mark", tasks=HOME),
    C("safety", "don't delete the passport one I still need it", tasks=HOME),
    C("chat", "hello hello is this thing on"),
]

RAMBLE = [  # long messages with the command buried
    C("add", "So I was at my sister's on the weekend and we got talking about Dad's 70th which is coming up fast, "
             "and honestly none of us have done anything about it, typical, so I said I'd sort the cake at least, "
             "which means I need to order the cake from the bakery on Harris Street by Friday, can you put that in, "
             "and then I suppose we'll see about the rest",
      add("Order the cake from the bakery on Harris Street", due_date=FRI)),
    C("add", "Okay this is going to sound silly but ever since we moved in the bathroom door has been sticking, and "
             "this morning my daughter got stuck in there for ten minutes and was really upset. I've been meaning "
             "to deal with it for ages. Could you add sand down the bathroom door, and make it high priority this time",
      add("Sand down the bathroom door", priority="high")),
    C("add", "My mum rang, she's fine, the hip is healing well and the physio is pleased with her, but she mentioned "
             "the pharmacy hasn't sent her new prescription yet so I said I'd chase it up tomorrow. Put that down "
             "for me: chase mum's prescription with the pharmacy",
      add("Chase mum's prescription with the pharmacy", due_date=WED)),
    C("add", "We had parents' evening last night and Ms Okafor said Ama's reading is coming along but she needs more "
             "practice at home, which, fair enough, we've been slack since the summer, so put down buy Ama some new "
             "reading books, that's something I can actually manage",
      add("Buy Ama some new reading books"), tasks=FAMILY),
    C("complete", "Long day. The kids were off school with a bug, the dog was sick on the rug, and I spent an hour on "
                  "hold with the bank. The one bright spot: I finally got through to the plumber about the boiler and "
                  "he's coming on Thursday, so that call is done at least", done(1), tasks=HOME),
    C("complete", "Productive Saturday! Popped to the card shop first thing and got Gran's birthday card (a cheesy one "
                  "with a cat on it, she'll love it), then took the recycling out, then spent the whole afternoon in "
                  "the garden. Tick those two off please", done(2), done(4), tasks=HOME),
    C("delete", "You know what, I've been going back and forth on the passport thing for weeks. We're not travelling "
                "next year after all, the money's going on the roof, and it doesn't expire until 2028 anyway, so "
                "there's really no point keeping it on the list. Take it off.", rm(3), tasks=HOME),
    C("delete", "Oh wait, forget it, my neighbour just knocked and she's giving us her old one since she's moving to "
                "Spain, so we don't need to buy one after all, bin that last task", rm(1),
      before=("add buy a new kettle",)),
    C("update", "Right, the restaurant. Luigi's is closed for refurbishment until December, my friend Pat told me at "
                "work today, which is annoying because it's our anniversary, so rather than Luigi's can you change "
                "that task to book a table at the Olive Tree instead, same idea different place",
      upd(5, title="Book a table at the Olive Tree"), tasks=HOME),
    C("update", "Just got off the phone with Fiona. She said yes to the gazebo but her brother is using it for a party "
                "so she needs it back by the 12th. Could you add that to my notes on the Fiona task: needs it back "
                "by the 12th", upd(1, description="Ask if she can lend us the gazebo. Needs it back by the 12th"),
      tasks=JOBS),
    C("update", "Bit of a change of plan with the car. The garage rang and the earliest they can fit it in is the 9th "
                "of December, and the old MOT runs out on the 8th, so I need to book it before then. Please move the "
                "MOT task to the 7th of December so I don't forget", upd(5, due_date=DEC_7), tasks=DIARY),
    C("reopen", "I thought I'd sorted the domain renewal last week, I even got an email, but today the website was "
                "down and when I looked into it the payment had bounced because my card expired, so that one is "
                "definitely not done, please put it back to open", reopen(4), tasks=UNDONE),
    C("list", "I'm feeling a bit overwhelmed to be honest, work has been relentless and I've lost track of everything "
              "at home, I don't even know what's still hanging over me, could you just tell me what I haven't done "
              "yet", ls("pending"), tasks=DIARY, reply=("Paint the fence",)),
    C("safety", "Had a chat with the builder today, lovely guy, turns out the invoice he sent was wrong so he's "
                "sending a new one. So please don't mark paying the builder as done, I haven't paid anything yet and "
                "won't until the new invoice comes", tasks=JOBS),
    C("safety", "I was talking to my colleague and she said you can set things to repeat every week, is that true? "
                "Because the recycling goes out every Tuesday and it would save me typing it each time", tasks=HOME),
    C("chat", "Honestly I just need to vent for a second, the week has been absolutely relentless and my manager "
              "keeps moving the goalposts. I'm not asking you to do anything, I just needed to say it somewhere",
      tasks=OFFICE),
]

SMS = [  # texting shorthand around ordinary task words
    C("add", "pls add get new phone case 2moro", add("Get new phone case", due_date=WED)),
    C("add", "add call gran by fri k thx", add("Call gran", due_date=FRI)),
    C("add", "add kids dentist thu 3pm", add("Kids dentist", due_date=THU)),
    C("add", "add: book hair appt fri", add("Book hair appt", due_date=FRI)),
    C("add", "add pay back Kemi 2moro", add("Pay back Kemi", due_date=WED), tasks=FAMILY),
    C("complete", "dne w/ #4", done(4), tasks=FAMILY),
    C("complete", "rang landlord, tick it pls", done(6), tasks=FAMILY),
    C("complete", "no. 2 sorted, got the shoes", done(2), tasks=FAMILY),
    C("delete", "del 2 pls", rm(2), tasks=FAMILY),
    C("delete", "cn u rmv the bike 1", rm(4), tasks=FAMILY),
    C("update", "chg #2 2 high prio", upd(2, priority="high"), tasks=FAMILY),
    C("update", "mv landlord 1 to tmrw", upd(6, due_date=WED), tasks=FAMILY),
    C("reopen", "undo #3 pls nt sent yet", reopen(3), tasks=FAMILY),
    C("reopen", "council tax nt pd actually, reopn", reopen(1), tasks=FAMILY),
    C("list", "wot's left", ls("pending"), tasks=FAMILY, reply=("Ring the landlord",)),
    C("list", "hw many dne?", ls("completed"), tasks=FAMILY, reply=("3",)),
    C("list", "anythin ovrdue?", look(), tasks=DIARY, reply=("Renew the gym pass",)),
    C("list", "wat's due 2day", look(), tasks=DIARY, reply=("Buy dog food",)),
    C("safety", "nt dne w/ landlord yet", tasks=FAMILY),
    C("chat", "ty ttyl", tasks=FAMILY),
]

TYPOS = [  # heavy typos and autocorrect slips in the command words
    C("add", "ad a tsak: buy new headphones", add("Buy new headphones")),
    C("add", "Ads pay the window cleaner", add("Pay the window cleaner")),
    C("add", "remnd me tmorow: renew the car tax", add("Renew the car tax", due_date=WED)),
    C("add", "Add get the gutters cleaned by saturdya", add("Get the gutters cleaned", due_date=SAT)),
    C("add", "add a taks to pay the paper bill", add("Pay the paper bill"), tasks=HOME),
    C("complete", "compete task 3", done(3), tasks=HOME),
    C("complete", "Marc the plumber call as done", done(1), tasks=HOME),
    C("delete", "delight the recycling one", rm(4), tasks=HOME),
    C("update", "chnage the gran card one too due firday", upd(2, due_date=FRI), tasks=HOME),
    C("update", "mkae task 1 hihg priorty", upd(1, priority="high"), tasks=HOME),
    C("update", "renmae #4 to: take the glass to the bottle bank", upd(4, title="Take the glass to the bottle bank"),
      tasks=HOME),
    C("reopen", "reopne the vaccinaton one", reopen(2), tasks=UNDONE),
    C("reopen", "untick nuber 1 plz i didnt sned it", reopen(1), tasks=UNDONE),
    C("list", "shwo me evrything", ls(), tasks=HOME, reply=("Book a table at Luigi's",)),
    C("list", "waht is stil pendng", ls("pending"), tasks=FAMILY, reply=("Buy school shoes for Ama",)),
    C("list", "lsit my comlpeted tasks", ls("completed"), tasks=UNDONE, reply=("Renew the domain name",)),
    C("chat", "thnaks a lot", tasks=HOME),
]

NON_NATIVE = [  # German, Spanish, Indian, Chinese and Nigerian English patterns, in that order
    C("add", "Please add: call the tax advisor until Friday", add("Call the tax advisor", due_date=FRI)),
    C("add", "Please note for me: on Thursday I must bring the winter coat to the cleaning",
      add("Bring the winter coat to the cleaning", due_date=THU)),
    C("update", "Please set the school shoes task on high priority, it is urgent", upd(2, priority="high"),
      tasks=FAMILY),
    C("delete", "The landlord task you can delete, this has become obsolete", rm(6), tasks=FAMILY),
    C("reopen", "The prescription is not yet fetched, please open it again", reopen(5), tasks=FAMILY),
    C("list", "What is still open by me?", ls("pending"), tasks=FAMILY, reply=("Fix the bike puncture",)),
    C("add", "Please add to buy the tickets for the concert of my son, I must do it on Friday",
      add("Buy the tickets for the concert of my son", due_date=FRI)),
    C("complete", "Already I did the recycling, you can to mark it", done(4), tasks=HOME),
    C("delete", "Eliminate the task of Luigi's, please", rm(5), tasks=HOME),
    C("update", "Change the date of the passport for the day 3 of December", upd(3, due_date=DEC_3), tasks=HOME),
    C("list", "Show me please which tasks I have finished", ls("completed"), tasks=UNDONE,
      reply=("Pay the nursery fees",)),
    C("safety", "No, the card for my grandmother I have not bought still", tasks=HOME),
    C("add", "Please add one task, I have to get my PAN card updated, do the needful", add("Get my PAN card updated")),
    C("add", "Add task: collect my cousin-brother's wedding card from the press, by day after tomorrow",
      add("Collect my cousin-brother's wedding card from the press", due_date=THU)),
    C("update", "The Berlin call, please make it tomorrow only", upd(3, due_date=WED), tasks=OFFICE),
    C("complete", "Vendor spreadsheet updation is over, close it", done(4), tasks=OFFICE),
    C("delete", "I am out of station next week, so remove the budget forecast task, my colleague will take care",
      rm(5), tasks=OFFICE),
    C("list", "What all tasks are pending?", ls("pending"), tasks=OFFICE, reply=("Reply to legal about the NDA",)),
    C("add", "Help me add a task, tomorrow go to bank open account", add("Go to bank open account", due_date=WED)),
    C("add", "Add one: Saturday take mother to see doctor", add("Take mother to see doctor", due_date=SAT)),
    C("complete", "The renew passport, I already finish", done(3), tasks=HOME),
    C("delete", "Table at Luigi's no need already, help me delete", rm(5), tasks=HOME),
    C("update", "Card for Gran change to high priority can?", upd(2, priority="high"), tasks=HOME),
    C("list", "Today I have what tasks?", look(), tasks=DIARY, reply=("Buy dog food",)),
    C("safety", "Recycling I not yet take out", tasks=HOME),
    C("add", "Abeg add 'buy fuel for the gen' to my list", add("buy fuel for the gen")),
    C("add", "Add 'pay NEPA bill' for Friday abeg", add("pay NEPA bill", due_date=FRI), tasks=FAMILY),
    C("complete", "I have done the needful on the landlord matter, you can mark it", done(6), tasks=FAMILY),
    C("update", "Kindly shift the school shoes to next tomorrow", upd(2, due_date=THU), tasks=FAMILY),
    C("reopen", "The council tax never pay o, the bank reversed it. Return it to pending", reopen(1), tasks=FAMILY),
    C("chat", "How far, hope you dey fine"),
]

FORMAL = [  # older formal letters
    C("add", "Dear Assistant, Would you kindly add to my list a reminder to write to the parish council regarding "
             "the hedge. With thanks, Margaret", add("Write to the parish council regarding the hedge")),
    C("add", "Dear Assistant, I must ask that you record the following as a matter of some urgency: have the rear "
             "guttering repaired. Yours sincerely, G. Whitlock",
      add("Have the rear guttering repaired", priority="high")),
    C("add", "Please be so kind as to add 'renew my bus pass', which falls due on the first of December. Many thanks.",
      add("renew my bus pass", due_date=DEC_1)),
    C("complete", "Dear Sir or Madam, I write to inform you that the card for Gran has now been purchased. Please "
                  "amend my list accordingly. Yours faithfully, R. Pennington", done(2), tasks=HOME),
    C("delete", "To whom it may concern: I should be grateful if you would remove the item concerning Luigi's from my "
                "list, as the reservation is no longer required. Regards, D. Osei", rm(5), tasks=HOME),
    C("update", "Dear Assistant, I should be obliged if you would alter the date of the passport renewal to Monday "
                "next.", upd(3, due_date=MON), tasks=HOME),
    C("update", "Dear assistant, please append to the note on the builder's payment: 'Cheque to be posted, not "
                "handed over.'",
      upd(3, description="Invoice 2291 for the loft conversion. Cheque to be posted, not handed over."), tasks=JOBS),
    C("reopen", "I regret to inform you that Brightwell have no record of receiving our invoice. Kindly restore the "
                "item to my outstanding tasks.", reopen(1), tasks=UNDONE),
    C("list", "Would you be so good as to furnish me with a list of the matters still outstanding?", ls("pending"),
      tasks=HOME, reply=("Take the recycling out",)),
    C("list", "Might I trouble you for a complete account of everything on my list, finished or otherwise?", ls(),
      tasks=UNDONE, reply=("Hoover the stairs",)),
    C("chat", "Good evening. I am not accustomed to these contraptions; my grandson set this up for me. How does one "
              "begin?"),
]

TEENS = [  # teenager slang
    C("add", "ngl i need to finish the bio homework by thurs fr", add("Finish the bio homework", due_date=THU)),
    C("add", "add get a fit for maya's party no cap", add("Get a fit for maya's party"), tasks=TEEN),
    C("add", "add 'return library book' and 'buy eyeliner' thx bestie", add("return library book"),
      add("buy eyeliner")),
    C("add", "pls add 'sign up for the ski trip' its due fri or im cooked fr fr",
      add("sign up for the ski trip", due_date=FRI), tasks=TEEN),
    C("complete", "history essay is DONE bestie 😮‍💨", done(1), tasks=TEEN),
    C("delete", "concert tickets sold out 💀 yeet that task", rm(4), tasks=TEEN),
    C("update", "room cleaning can be low prio its not that deep", upd(5, priority="low"), tasks=TEEN),
    C("update", "push the hoodie thing to sat", upd(2, due_date=SAT), tasks=TEEN),
    C("reopen", "chem test got moved so i gotta revise again, unmark it", reopen(3), tasks=TEEN),
    C("list", "wait what do i still have to do rn", ls("pending"), tasks=TEEN, reply=("Buy concert tickets",)),
    C("list", "spill, whats on my list", ls(), tasks=TEEN, reply=("Clean my room",)),
    C("safety", "don't u dare delete the concert tickets", tasks=TEEN),
    C("chat", "ur kinda goated ngl", tasks=TEEN),
]

CORPORATE = [  # office jargon
    C("add", "Action item for me: circle back with Priyanka on the hiring plan by EOD Thursday",
      add("Circle back with Priyanka on the hiring plan", due_date=THU), tasks=OFFICE),
    C("add", "Capture a to-do: socialise the new pricing model with the sales leads, P1",
      add("Socialise the new pricing model with the sales leads", priority="high")),
    C("add", "Park this for later, no urgency: explore a Notion migration",
      add("Explore a Notion migration", priority="low")),
    C("add", "Add a follow-up: get sign-off from procurement on the SOW by end of week",
      add("Get sign-off from procurement on the SOW", due_date=FRI)),
    C("add", "New action item: refresh the team OKRs before the all-hands",
      add("Refresh the team OKRs before the all-hands"), tasks=OFFICE),
    C("complete", "Q3 deck is shipped to Marcus, close it out", done(1), tasks=OFFICE),
    C("delete", "The onboarding doc review is descoped, please remove it from my list", rm(2), tasks=OFFICE),
    C("delete", "Kill the vendor spreadsheet item, finance owns it now", rm(4), tasks=OFFICE),
    C("update", "Let's deprioritise the onboarding doc review", upd(2, priority="low"), tasks=OFFICE),
    C("update", "Can we move the needle on the NDA reply — make it top priority", upd(6, priority="high"),
      tasks=OFFICE),
    C("update", "Push the Berlin call to Monday, bandwidth is tight this week", upd(3, due_date=MON), tasks=OFFICE),
    C("reopen", "Legal came back with redlines so the NDA item needs to be reopened", reopen(6), tasks=NDA_DONE),
    C("reopen", "Reopen the budget forecast, finance wants another iteration", reopen(5), tasks=OFFICE_DATED),
    C("list", "Give me a quick status on my open action items", ls("pending"), tasks=OFFICE,
      reply=("Review the onboarding doc",)),
    C("list", "What's on my plate in terms of high-priority deliverables?", look(), tasks=OFFICE_DATED,
      reply=("Send the Q3 deck to Marcus",)),
    C("list", "Any deliverables past due?", look(), tasks=OFFICE_DATED, reply=("Send the Q3 deck to Marcus",)),
    C("list", "Can I get visibility on everything I've closed out?", ls("completed"), tasks=OFFICE_DATED,
      reply=("Prepare the budget forecast",)),
    C("safety", "Let's not touch the Berlin call for now, I'll take it offline", tasks=OFFICE),
    C("chat", "Thanks for the sync, appreciate you", tasks=OFFICE),
]

REGIONAL = [  # Scottish, Irish, Kiwi, Canadian and South African idiom
    C("add", "Gonnae add 'phone the factor about the stair lighting' tae the list",
      add("phone the factor about the stair lighting")),
    C("complete", "Aye, that's the recycling oot, tick it aff", done(4), tasks=HOME),
    C("delete", "Och, bin the Luigi's yin, we're no gaun", rm(5), tasks=HOME),
    C("list", "Whit's left tae dae?", ls("pending"), tasks=HOME, reply=("Renew my passport",)),
    C("chat", "Cheers pal, that's braw", tasks=HOME),
    C("add", "Would you ever add ring the county council about the pothole",
      add("Ring the county council about the pothole")),
    C("update", "Sure look, put the passport one off till Friday so", upd(3, due_date=FRI), tasks=HOME),
    C("complete", "I'm after ringing the plumber", done(1), tasks=HOME),
    C("reopen", "Ah here, the domain thing isn't done at all, open it back up", reopen(4), tasks=UNDONE),
    C("add", "chuck 'get jandals for the bach' on the list, sweet as", add("get jandals for the bach")),
    C("list", "what've I still got on, bro", ls("pending"), tasks=FAMILY, reply=("Ring the landlord",)),
    C("safety", "yeah nah haven't got the card for gran yet", tasks=HOME),
    C("add", "add grab a double-double and timbits for the team on friday eh",
      add("Grab a double-double and timbits for the team", due_date=FRI)),
    C("update", "bump the Luigi's reservation to Saturday, bud", upd(5, due_date=SAT), tasks=HOME),
    C("add", "add fetch the kids from school just now", add("Fetch the kids from school")),
    C("add", "Add braai wood for Saturday, boet", add("Braai wood", due_date=SAT)),
    C("update", "Can you make the plumber one urgent, the geyser's leaking", upd(1, priority="high"), tasks=HOME),
    C("reopen", "Ag no, the vaccination booking fell through, put it back", reopen(2), tasks=UNDONE),
]

REGISTERS: dict[str, list[Case]] = {
    "voice dictation": VOICE, "rambling": RAMBLE, "SMS shorthand": SMS, "typos and autocorrect": TYPOS,
    "non-native (de, es, in, zh, ng)": NON_NATIVE, "formal letters": FORMAL, "teen slang": TEENS,
    "corporate jargon": CORPORATE, "regional idiom (sco, ie, nz, ca, za)": REGIONAL, "terse": TERSE,
    "pasted markdown": MARKDOWN, "quoted odd titles": QUOTED, "mixed languages": MIXED_LANGUAGE,
    "statements as questions": STATEMENTS, "references and ambiguity": REFERENCES,
}
SEALED_2: list[Case] = [case for cases in REGISTERS.values() for case in cases]
