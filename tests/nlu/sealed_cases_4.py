"""A fourth sealed evaluation split for the offline model (issue 17): language it was never tuned on.

Written without looking at the model, its lexicons or corpus, the open dev set or the other sealed splits (only
the runner, the `Case` format, the report, the format test, the task tools and the first lines of the third
split for its layout), in registers none of those describe: a farmer, a teenager texting, a retired engineer,
non-native speakers of two families of first languages, voice dictation with homophones, pasted e-mail
fragments, a gamer, a touring musician, a bilingual code-switcher, a pedant quoting titles, a night-shift ward
nurse, a youth sports coach, a landlord, an academic researcher, radio-style brevity, a restaurant kitchen and
a couple planning a wedding.

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
failures; `make nlu-report` prints only its aggregates. Each list is one register; `REGISTERS_4` names them.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, SUN, THU, WED, C, Seed, add, done, ls, reopen, rm, upd
from tests.nlu.sealed_cases_4_more import (
    ANY_LIST,
    DEC_1,
    DEC_3,
    DEC_5,
    DICTATION,
    EMAIL,
    ENGINEER,
    FARM,
    GAMER,
    MUSICIAN,
    NON_NATIVE_OTHER,
    NON_NATIVE_ROMANCE,
    TEEN,
    TUE,
)

# Spanish, Hindi and Tagalog mixed with English in one message.
CS_TASKS = ("Pagar la renta", "Call tita Baby about the party", "Buy sabzi for dinner", "[x] Recoger a los niños",
            "Book the salon appointment", "Send the pasalubong box", "Pagar el agua")
CODE_SWITCHING = [
    C("add", "oye add comprar tortillas y queso for tonight", add("Comprar tortillas y queso", due_date=TUE)),
    C("add", "yaar please add karo - renew gym membership", add("Renew gym membership")),
    C("add", "pa-add naman: buy ube for the leche flan, bukas", add("Buy ube for the leche flan", due_date=WED)),
    C("add", "ponme un reminder: llamar al dentista el viernes", add("Llamar al dentista", due_date=FRI)),
    C("list", "qué tengo pending?", ls("pending"), tasks=CS_TASKS),
    C("list", "mera list dikhao please", ANY_LIST, tasks=CS_TASKS),
    C("complete", "ya pagué la renta, mark it done", done(1), tasks=CS_TASKS),
    C("complete", "tapos na yung salon appointment, booked na", done(5), tasks=CS_TASKS),
    C("complete", "ya pagué, márcalo", tasks=CS_TASKS, choices=("renta", "agua")),
    C("delete", "sabzi wala task delete kar do, mummy le aayi", rm(3), tasks=CS_TASKS),
    C("reopen", "oops, no recogí a los niños todavía, reopen that", reopen(4), tasks=CS_TASKS),
    C("update", "yung call kay tita Baby, move mo sa Saturday", upd(2, due_date=SAT), tasks=CS_TASKS),
    C("update", "pasalubong box wala task ko high priority bana do", upd(6, priority="high"), tasks=CS_TASKS),
    C("update", "ponle for Sunday", upd(8, due_date=SUN), tasks=CS_TASKS, before=("add llamar a mi abuela",)),
    C("safety", "¿ya le pagué la renta? no me acuerdo", tasks=CS_TASKS),
    C("safety", "hindi ko pa na-send yung pasalubong box", tasks=CS_TASKS),
    C("chat", "gracias, you're the best"),
]

# A pedant who quotes titles exactly and expects them kept to the letter.
PED_TASKS = ('Proofread "The Lighthouse Keeper" manuscript', "Return 'Godel, Escher, Bach' to the library",
             "Buy a 12-inch ruler", "[x] Write to the council re: bin collection",
             "Fix the typo in the parish newsletter")
PEDANT = [
    C("add", 'Add a task titled exactly "Reply to Mrs. Abernathy (re: hedge)" — no alterations.',
      add("Reply to Mrs. Abernathy (re: hedge)")),
    C("add", "Please add 'by the canal path: pick up litter' verbatim.", add("by the canal path: pick up litter")),
    C("add", "Add \"Order 'Strunk & White', 4th ed.\" for Friday.", add("Order 'Strunk & White', 4th ed.",
                                                                       due_date=FRI)),
    C("add", "New task (spelled correctly this time, please): 'Recalibrate the hygrometer'. Priority: low.",
      add("Recalibrate the hygrometer", priority="low")),
    C("list", "Enumerate my completed tasks, if you would.", ls("completed"), tasks=PED_TASKS),
    C("list", 'Is "Buy a 12-inch ruler" still on the list? Not "12 inch", mind.', ANY_LIST, tasks=PED_TASKS),
    C("complete", 'Mark "Fix the typo in the parish newsletter" as done. Ironically, it had a typo.', done(5),
      tasks=PED_TASKS),
    C("complete", "The Lighthouse Keeper manuscript has been proofread — commas, semicolons and all.", done(1),
      tasks=PED_TASKS),
    C("delete", "Delete the ruler task. I found mine; it is, in fact, 30 centimetres.", rm(3), tasks=PED_TASKS),
    C("reopen", "The council replied; that is not the same as resolving it. Reopen the bin collection letter.",
      reopen(4), tasks=PED_TASKS),
    C("update", "Rename task 3 to: Buy a 30-centimetre ruler", upd(3, title="Buy a 30-centimetre ruler"),
      tasks=PED_TASKS),
    C("update", "Correct the library task: it is Gödel with an umlaut, not Godel.",
      upd(2, title="Return 'Gödel, Escher, Bach' to the library"), tasks=PED_TASKS),
    C("update", "The library book is due back on 1 December. Set that date, please.", upd(2, due_date=DEC_1),
      tasks=PED_TASKS),
    C("update", "I said A4. I meant A3. Correct it.", upd(6, title="Buy A3 paper"), tasks=PED_TASKS,
      before=('Add "Buy A4 paper"',)),
    C("safety", "I did not say 'delete the newsletter task'; I said 'edit'. Do nothing yet.", tasks=PED_TASKS),
    C("chat", "Thank you. It's 'whom', not 'who', in your help text, by the way."),
]

# A night-shift ward nurse on a phone: clinical shorthand, 24-hour times.
WARD_TASKS = ("Restock the crash cart", "Chase bed 4 bloods", "Handover notes for day team", "[x] Check fridge temps",
              "Call pharmacy re: IV abx", "Chase bed 9 bloods")
WARD_NURSE = [
    C("add", "add obs on bed 7 at 2300", add("Obs on bed 7", due_date=f"{TUE}T23:00")),
    C("add", "remind me to chase the MRI report for bed 12 before handover at 0730 tmrw",
      add("Chase the MRI report for bed 12", due_date=f"{WED}T07:30")),
    C("add", "add: reorder saline flushes, urgent", add("Reorder saline flushes", priority="high")),
    C("add", "quick: order more gloves size M, and sign off the controlled drugs book",
      add("Order more gloves size M"), add("Sign off the controlled drugs book")),
    C("list", "whats outstanding for the rest of my shift", ls("pending"), tasks=WARD_TASKS),
    C("list", "anything due before 0800?", ANY_LIST, tasks=WARD_TASKS),
    C("complete", "crash cart restocked", done(1), tasks=WARD_TASKS),
    C("complete", "bed 4 bloods back, done", done(2), tasks=WARD_TASKS),
    C("complete", "bloods are back, tick it", tasks=WARD_TASKS, choices=("bed 4", "bed 9")),
    C("delete", "pharmacy rang me back, scrap the abx one", rm(5), tasks=WARD_TASKS),
    C("reopen", "fridge alarm went off, temps need redoing, reopen", reopen(4), tasks=WARD_TASKS),
    C("update", "handover notes - make that high", upd(3, priority="high"), tasks=WARD_TASKS),
    C("update", "on the bed 4 bloods one note: repeat K+ at 0600", upd(2, description="repeat K+ at 0600"),
      tasks=WARD_TASKS),
    C("update", "make that 2200", upd(7, due_date=f"{TUE}T22:00"), tasks=WARD_TASKS, before=("add check bed 9 obs",)),
    C("safety", "HCA says she restocked the crash cart, will check myself first", tasks=WARD_TASKS),
    C("safety", "crash cart done, bed 9 bloods still not back", done(1), tasks=WARD_TASKS),
    C("chat", "long night. thx"),
]

# A volunteer coach of a children's football team.
COACH_TASKS = ("Wash the U12 kits", "Book the pitch for Saturday", "Email parents about the tournament",
               "[x] Collect subs from the squad", "Pump up the match balls", "Print the team sheets",
               "Email parents about photo day")
COACH = [
    C("add", "add order new cones and bibs, by thursday", add("Order new cones and bibs", due_date=THU)),
    C("add", "need a task to sort the carpool for the away game on sunday",
      add("Sort the carpool for the away game", due_date=SUN)),
    C("add", "add first aid kit check, high priority, the ref said ours was short",
      add("First aid kit check", priority="high")),
    C("add", "training moved: add set up the nets at 5:45pm Thursday", add("Set up the nets", due_date=f"{THU}T17:45")),
    C("list", "what's left before the weekend", ANY_LIST, tasks=COACH_TASKS),
    C("list", "show me all of it, done ones too", ls("all"), tasks=COACH_TASKS),
    C("complete", "kits are washed and folded", done(1), tasks=COACH_TASKS),
    C("complete", "the last one's done", done(7), tasks=COACH_TASKS, before=("show me what's left",)),
    C("delete", "get rid of the team sheets one, the league does them online now", rm(6), tasks=COACH_TASKS),
    C("delete", "remove the parents email", tasks=COACH_TASKS, choices=("tournament", "photo")),
    C("reopen", "two lads still haven't paid subs, put that back on", reopen(4), tasks=COACH_TASKS),
    C("update", "the tournament email, add: bring packed lunch and shin pads",
      upd(3, description="bring packed lunch and shin pads"), tasks=COACH_TASKS),
    C("update", "match balls aren't urgent, drop it to low", upd(5, priority="low"), tasks=COACH_TASKS),
    C("safety", "the assistant coach emailed the parents already I think?", tasks=COACH_TASKS),
    C("safety", "we haven't got the pitch yet, the council never replied", tasks=COACH_TASKS),
    C("chat", "we won 3-1 today!!"),
]

# A landlord with a handful of flats.
LET_TASKS = ("Fix the leaking tap in flat 2", "Gas safety check for 14 Elm Road", "Chase rent from flat 3",
             "[x] Replace the smoke alarm in flat 1", "Renew the landlord insurance",
             Seed("Fix the leaking gutter at 14 Elm Road", description="Downpipe cracked too"))
LANDLORD = [
    C("add", "new job: boiler service at flat 4 on friday", add("Boiler service at flat 4", due_date=FRI)),
    C("add", "add - get 3 quotes for repainting the stairwell", add("Get 3 quotes for repainting the stairwell")),
    C("add", "add: inspect the damp in flat 5, high priority", add("Inspect the damp in flat 5", priority="high")),
    C("list", "which repairs are still open?", ANY_LIST, tasks=LET_TASKS),
    C("list", "what have I actually finished?", ls("completed"), tasks=LET_TASKS),
    C("complete", "tap in flat 2 fixed, new washer", done(1), tasks=LET_TASKS),
    C("complete", "flat 3 paid up", done(3), tasks=LET_TASKS),
    C("complete", "the leak's sorted", tasks=LET_TASKS, choices=("tap", "gutter")),
    C("complete", "the gutter one", done(6), tasks=LET_TASKS, before=("that leak's fixed",)),
    C("delete", "sold 14 Elm Road, delete the gas check for it", rm(2), tasks=LET_TASKS),
    C("reopen", "smoke alarm in flat 1 is chirping again, reopen it", reopen(4), tasks=LET_TASKS),
    C("update", "insurance renewal is due on the 5th of December", upd(5, due_date=DEC_5), tasks=LET_TASKS),
    C("update", "for the gutter one, note: roofer can come Wednesday morning",
      upd(6, description="Downpipe cracked too roofer can come Wednesday morning"), tasks=LET_TASKS),
    C("safety", "tenant in flat 2 says the tap's fine now, I'll believe it when I see it", tasks=LET_TASKS),
    C("safety", "should I delete the insurance one once it's renewed?", tasks=LET_TASKS),
    C("chat", "morning"),
]

# An academic researcher: hedged, parenthetical, long sentences.
LAB_TASKS = ("Respond to reviewer 2", "Submit the ethics amendment", "Rerun the regression with clustered errors",
             "[x] Book the conference travel", "Read Okafor et al. 2024", "Send draft to co-authors",
             "Send draft to the editor")
RESEARCHER = [
    C("add", "Please add 'Reformat references to APA 7' — the journal is strict about that, I'm told",
      add("Reformat references to APA 7")),
    C("add", "Could you add a task to upload the preprint to arXiv by Friday? Before the weekend, anyway.",
      add("Upload the preprint to arXiv", due_date=FRI)),
    C("add", "Adding two things, I think: renew the lab's software licence; and ask Dr. Lindqvist about the "
      "sample size", add("Renew the lab's software licence"), add("Ask Dr. Lindqvist about the sample size")),
    C("add", "add a high-priority task to submit the grant report, deadline 3 December at 17:00",
      add("Submit the grant report", priority="high", due_date=f"{DEC_3}T17:00")),
    C("list", "What remains, roughly, before I can call this paper finished?", ANY_LIST, tasks=LAB_TASKS),
    C("list", "Could you list what I've completed? I need it for my weekly report to my supervisor.",
      ls("completed"), tasks=LAB_TASKS),
    C("complete", "Reviewer 2 has, at long last, been answered.", done(1), tasks=LAB_TASKS),
    C("complete", "I've read the Okafor paper; it was less relevant than I'd hoped.", done(5), tasks=LAB_TASKS),
    C("delete", "On reflection, drop the clustered-errors rerun — the reviewers didn't ask for it.", rm(3),
      tasks=LAB_TASKS),
    C("reopen", "The travel booking fell through (a visa issue), so that one isn't done after all.", reopen(4),
      tasks=LAB_TASKS),
    C("update", "The ethics amendment deadline has moved to 10 December, I believe.", upd(2, due_date="2026-12-10"),
      tasks=LAB_TASKS),
    C("update", "Move the draft one to Monday, if that's possible.", tasks=LAB_TASKS,
      choices=("co-authors", "editor")),
    C("update", "Actually, make that due Thursday, and high priority.", upd(8, due_date=THU, priority="high"),
      tasks=LAB_TASKS, before=("Add a task to email the ethics board",)),
    C("safety", "I'm wondering whether I ought to delete the Okafor one or just leave it.", tasks=LAB_TASKS),
    C("safety", "My co-author says she already sent the draft round.", tasks=LAB_TASKS),
    C("chat", "Sorry, just thinking aloud. Carry on."),
]

# Radio-procedure brevity (a former signaller running a remote site).
SITE_TASKS = ("Clean the generator", "Inventory the ration packs", "Check the radio batteries",
              "[x] Brief the night watch", "Refuel the quad bike", "[x] Brief the day watch")
RADIO = [
    C("add", "New task. Grease the winch. Due 1600 today. Over.", add("Grease the winch", due_date=f"{TUE}T16:00")),
    C("add", "Task: resupply run to the depot. Priority: high. Time: 0900 Thursday. Out.",
      add("Resupply run to the depot", priority="high", due_date=f"{THU}T09:00")),
    C("add", "Add: sweep the perimeter fence line. Tomorrow.", add("Sweep the perimeter fence line", due_date=WED)),
    C("add", "Two tasks. One: replace the torch bulbs. Two: log the fuel usage. Over.",
      add("Replace the torch bulbs"), add("Log the fuel usage")),
    C("list", "Request status of all open tasks. Over.", ls("pending"), tasks=SITE_TASKS),
    C("list", "Sitrep on completed items.", ls("completed"), tasks=SITE_TASKS),
    C("complete", "Generator cleaned. Mark complete. Out.", done(1), tasks=SITE_TASKS),
    C("complete", "Radio batteries checked, all green.", done(3), tasks=SITE_TASKS),
    C("delete", "Quad bike's gone for repair. Scrub the refuel task.", rm(5), tasks=SITE_TASKS),
    C("reopen", "Night watch brief needs redoing. Reopen it.", reopen(4), tasks=SITE_TASKS),
    C("reopen", "Reopen the briefing task.", tasks=SITE_TASKS, choices=("night", "day")),
    C("update", "Amend ration pack inventory: due 0800 Friday.", upd(2, due_date=f"{FRI}T08:00"), tasks=SITE_TASKS),
    C("update", "Generator task: raise to high priority.", upd(1, priority="high"), tasks=SITE_TASKS),
    C("update", "Correction: water tank due 1800 today.", upd(7, due_date=f"{TUE}T18:00"), tasks=SITE_TASKS,
      before=("Add: check the water tank level.",)),
    C("safety", "Negative, generator is not clean yet. Do not mark it.", tasks=SITE_TASKS),
    C("safety", "Say again, did I log the batteries as done?", tasks=SITE_TASKS),
    C("chat", "Roger that. Standing by."),
]

# A restaurant kitchen: prep lists, suppliers, service.
KITCHEN_TASKS = (Seed("Order the fish", due_date=FRI), "Deep clean the walk-in", "Prep the veal stock",
                 "[x] Sharpen the knives", "Call the produce supplier about the short delivery",
                 "Call the dairy supplier about the invoice")
KITCHEN = [
    C("add", "add confit 40 duck legs, due saturday", add("Confit 40 duck legs", due_date=SAT)),
    C("add", "86 list is long tonight — add reorder the scallops, urgent",
      add("Reorder the scallops", priority="high")),
    C("add", "mise for tomorrow:\n- pick the herbs\n- portion the short ribs\n- make the beurre blanc base",
      add("Pick the herbs", due_date=WED), add("Portion the short ribs", due_date=WED),
      add("Make the beurre blanc base", due_date=WED)),
    C("add", "add health inspector visit thursday 11am", add("Health inspector visit", due_date=f"{THU}T11:00")),
    C("list", "what's on the board?", ANY_LIST, tasks=KITCHEN_TASKS),
    C("list", "what's not done yet, chef", ls("pending"), tasks=KITCHEN_TASKS),
    C("complete", "walk-in's deep cleaned", done(2), tasks=KITCHEN_TASKS),
    C("complete", "supplier called back, strike it", tasks=KITCHEN_TASKS, choices=("produce", "dairy")),
    C("delete", "produce guy sorted the delivery himself, lose that task", rm(5), tasks=KITCHEN_TASKS),
    C("delete", "no wait, delete that, pastry's got it", rm(7), tasks=KITCHEN_TASKS,
      before=("add prep the pastry cream",)),
    C("reopen", "knives are dull again after the banquet, put sharpening back on", reopen(4), tasks=KITCHEN_TASKS),
    C("update", "fish order is thursday now not friday", upd(1, due_date=THU), tasks=KITCHEN_TASKS),
    C("update", "note on the walk-in task: shelf 3 bracket is loose", upd(2, description="shelf 3 bracket is loose"),
      tasks=KITCHEN_TASKS),
    C("safety", "did the sous already do the veal stock?", tasks=KITCHEN_TASKS),
    C("safety", "if the fish doesn't come friday we're done for", tasks=KITCHEN_TASKS),
    C("safety", "walk-in's clean; the stock isn't", done(2), tasks=KITCHEN_TASKS),
    C("chat", "yes chef"),
]

# A couple planning their wedding: excited, emoji, vendors.
WEDDING_TASKS = ("Confirm the florist", "Send the seating chart to the venue", "Pay the photographer deposit",
                 "[x] Order the cake", "Book hair and makeup trial", "Pay the DJ deposit")
WEDDING = [
    C("add", "omg add pick up the rings from the jeweller on saturday",
      add("Pick up the rings from the jeweller", due_date=SAT)),
    C("add", "add welcome bags for the out of town guests", add("Welcome bags for the out of town guests")),
    C("add", "add 'Call Nana re: dress alterations' — top priority!!",
      add("Call Nana re: dress alterations", priority="high")),
    C("add", "add three: buy guest book, buy cake knife, buy sparklers", add("Buy guest book"), add("Buy cake knife"),
      add("Buy sparklers")),
    C("add", "tasting with the caterer monday at 6:30pm, add it pls",
      add("Tasting with the caterer", due_date=f"{MON}T18:30")),
    C("list", "what's left to do for the wedding 😩", ls("pending"), tasks=WEDDING_TASKS),
    C("complete", "florist confirmed!!! 💐", done(1), tasks=WEDDING_TASKS),
    C("complete", "paid the deposit today", tasks=WEDDING_TASKS, choices=("photographer", "DJ")),
    C("complete", "the DJ", done(6), tasks=WEDDING_TASKS, before=("deposit's paid 🎉",)),
    C("delete", "we're doing our own hair so delete the trial", rm(5), tasks=WEDDING_TASKS),
    C("reopen", "the bakery lost our order 😭 the cake needs ordering again", reopen(4), tasks=WEDDING_TASKS),
    C("update", "seating chart has to be with the venue by the 5th of December", upd(2, due_date=DEC_5),
      tasks=WEDDING_TASKS),
    C("update", "add a note to the DJ one: no Macarena, under any circumstances",
      upd(6, description="no Macarena, under any circumstances"), tasks=WEDDING_TASKS),
    C("update", "make the photographer deposit urgent", upd(3, priority="high"), tasks=WEDDING_TASKS),
    C("safety", "my mum keeps asking if I've paid the photographer lol", tasks=WEDDING_TASKS),
    C("safety", "not confirming the florist until they send the quote", tasks=WEDDING_TASKS),
    C("chat", "I'm so stressed haha"),
]

REGISTERS_4 = {
    "farmer": FARM,
    "teenager texting": TEEN,
    "retired engineer": ENGINEER,
    "non-native, Romance first language": NON_NATIVE_ROMANCE,
    "non-native, other first languages": NON_NATIVE_OTHER,
    "voice dictation with homophones": DICTATION,
    "pasted e-mail fragments": EMAIL,
    "gamer": GAMER,
    "touring musician": MUSICIAN,
    "bilingual code-switching": CODE_SWITCHING,
    "pedant quoting titles": PEDANT,
    "night-shift ward nurse": WARD_NURSE,
    "youth sports coach": COACH,
    "landlord": LANDLORD,
    "academic researcher": RESEARCHER,
    "radio brevity": RADIO,
    "restaurant kitchen": KITCHEN,
    "wedding planning": WEDDING,
}
SEALED_4 = [case for register in REGISTERS_4.values() for case in register]
