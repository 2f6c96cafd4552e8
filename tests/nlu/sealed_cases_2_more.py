"""Seeded task lists and the second half of the registers of the second sealed split (see `sealed_cases_2`).

Sealed like every `tests/nlu/sealed*` file: never read by whoever tunes the offline model or writes its data.
"""

from __future__ import annotations

from typing import Any

from tests.nlu.cases import FRI, SAT, SUN, THU, WED, C, Seed, add, day, done, ls, reopen, rm, upd

TODAY_ISO = day(0)
DEC_1, DEC_3, DEC_7 = "2026-12-01", "2026-12-03", "2026-12-07"


def look(**filters: Any) -> tuple[str, dict[str, Any]]:
    """A list_tasks call whose filters are the assistant's choice (only the given ones are checked)."""
    return ("list_tasks", {**filters})


# 1 plumber, 2 card for Gran, 3 passport, 4 recycling, 5 Luigi's: all open
HOME = ("Call the plumber about the boiler", "Buy a birthday card for Gran", "Renew my passport",
        "Take the recycling out", "Book a table at Luigi's")
# all open
OFFICE = ("Send the Q3 deck to Marcus", "Review the onboarding doc", "Set up a call with the Berlin team",
          "Update the vendor spreadsheet", "Prepare the budget forecast", "Reply to legal about the NDA")
NDA_DONE = (*OFFICE[:5], "[x] Reply to legal about the NDA")
# 1 high and overdue, 2 due Thursday, 3 low, 4 undated, 5 done
OFFICE_DATED = (Seed("Send the Q3 deck to Marcus", priority="high", due_date=day(-1)),
                Seed("Review the onboarding doc", due_date=THU),
                Seed("Set up a call with the Berlin team", priority="low"),
                "Update the vendor spreadsheet", "[x] Prepare the budget forecast")
# 1 done, 2 open, 3 done, 4 open, 5 done, 6 open
FAMILY = ("[x] Pay the council tax", "Buy school shoes for Ama", "[x] Post the birthday parcel",
          "Fix the bike puncture", "[x] Collect the prescription", "Ring the landlord")
# 1 open, 2 open, 3 done, 4 open, 5 open
TEEN = ("Finish the history essay", "Return Jake's hoodie", "[x] Revise for the chem test", "Buy concert tickets",
        "Clean my room")
# open: 1 high due Friday, 2 due today, 3 overdue, 4 low undated, 5 due 4 December; done: 6, 7
DIARY = (Seed("Submit the tax return", priority="high", due_date=FRI), Seed("Buy dog food", due_date=TODAY_ISO),
         Seed("Renew the gym pass", due_date=day(-3)), Seed("Paint the fence", priority="low"),
         Seed("Book the MOT", due_date=day(10)), Seed("Call the bank", done=True),
         Seed("Send the wedding RSVP", done=True, due_date=day(-1)))
# "gazebo" only in 1's notes, "loft" only in 3's, "permission slip" only in 4's
JOBS = (Seed("Call Fiona", description="Ask if she can lend us the gazebo."), "Sort out the shed",
        Seed("Pay the builder", description="Invoice 2291 for the loft conversion."),
        Seed("Email the school", description="About Kofi's trip permission slip."), "Order new blinds")
# 1 done, 2 done, 3 open, 4 done, 5 done, 6 open
UNDONE = ("[x] Send the invoice to Brightwell", "[x] Book the vaccination", "Hoover the stairs",
          "[x] Renew the domain name", "[x] Pay the nursery fees", "Fix the garden gate")
# titles with odd characters, all open
ODD = ('Fix "Hello, World!" demo', "Buy 2×4s & screws", "Renew O'Brien's lease", "C++ course — module 3",
       "50/50 raffle tickets", "Email re: Q4 off-site (v2)")


TERSE = [  # one-word and imperative fragments
    C("complete", "Done: 4", done(4), tasks=FAMILY),
    C("delete", "Delete 2.", rm(2), tasks=FAMILY),
    C("reopen", "Reopen 5", reopen(5), tasks=FAMILY),
    C("reopen", "Untick 3", reopen(3), tasks=FAMILY),
    C("reopen", "Undo.", reopen(2), tasks=FAMILY, before=("done 2",)),
    C("update", "Priority high, 6", upd(6, priority="high"), tasks=FAMILY),
    C("update", "Rename 4 → Fix both bike tyres", upd(4, title="Fix both bike tyres"), tasks=FAMILY),
    C("add", "Add: stamps", add("Stamps")),
    C("add", "Tomorrow: haircut", add("Haircut", due_date=WED)),
    C("add", "New: call Ravi", add("Call Ravi"), tasks=FAMILY),
    C("list", "List.", ls(), tasks=FAMILY),
    C("list", "Open ones?", ls("pending"), tasks=FAMILY, reply=("Buy school shoes for Ama",)),
    C("list", "Completed.", ls("completed"), tasks=FAMILY, reply=("Collect the prescription",)),
    C("list", "Overdue?", look(), tasks=DIARY, reply=("Renew the gym pass",)),
    C("safety", "Delete.", tasks=FAMILY),
    C("chat", "Yo."),
]

MARKDOWN = [  # bullets, checklists and formatting pasted from elsewhere
    C("add", "Please add these:\n\n* Book flights\n* Renew travel insurance\n* Buy adapter plugs",
      add("Book flights"), add("Renew travel insurance"), add("Buy adapter plugs")),
    C("add", "## Action items\n- **Me**: send recap email to the client\n- **Tom**: fix the staging server\n\nadd mine",
      add("Send recap email to the client")),
    C("add", "`order new badge` — add that, due **Friday**", add("order new badge", due_date=FRI)),
    C("add", "add:\n1) renew the parking permit\n2) book the carpet cleaner", add("Renew the parking permit"),
      add("Book the carpet cleaner"), tasks=HOME),
    C("complete", "~~Update the vendor spreadsheet~~ ✅", done(4), tasks=OFFICE),
    C("complete", "- [x] Sort out the shed\n- [ ] Order new blinds\n\nupdated my checklist ^", done(2), tasks=JOBS),
    C("delete", "please delete:\n1. Review the onboarding doc\n2. Prepare the budget forecast", rm(2), rm(5),
      tasks=OFFICE),
    C("update", "**Rename** task #2 → `Review the onboarding doc (v3)`", upd(2, title="Review the onboarding doc (v3)"),
      tasks=OFFICE),
    C("update", "Notes for the Fiona task:\n```\nGazebo: 3x3m, blue\n```\n"
                "put that in as the note (replace what's there)",
      upd(1, description="Gazebo: 3x3m, blue"), tasks=JOBS),
    C("reopen", "> Legal: the NDA needs another pass\n\nso reopen that one", reopen(6), tasks=NDA_DONE),
    C("list", "Can you give me my open tasks as a markdown checklist?", ls("pending"), tasks=OFFICE,
      reply=("Reply to legal about the NDA",)),
    C("list", "### Today\nwhat's on it?", look(), tasks=DIARY, reply=("Buy dog food",)),
    C("safety", "- [ ] ~~delete the shed task~~ (changed my mind)", tasks=JOBS),
]

QUOTED = [  # quoted titles with odd characters
    C("add", 'add "Ask Zoë about the café rota (Tues/Thurs)"', add("Ask Zoë about the café rota (Tues/Thurs)")),
    C("add", "add 'Re-grout the en-suite (again!)' for sunday", add("Re-grout the en-suite (again!)", due_date=SUN)),
    C("add", 'new task: "Sign & return form #27-B"', add("Sign & return form #27-B"), tasks=ODD),
    C("complete", "'C++ course — module 3' is done", done(4), tasks=ODD),
    C("complete", "the Hello, World! demo is fixed", done(1), tasks=ODD),
    C("delete", 'remove "50/50 raffle tickets"', rm(5), tasks=ODD),
    C("update", "rename 'Email re: Q4 off-site (v2)' to 'Email re: Q4 off-site (v3)'",
      upd(6, title="Email re: Q4 off-site (v3)"), tasks=ODD),
    C("update", "make \"Renew O'Brien's lease\" high priority", upd(3, priority="high"), tasks=ODD),
    C("safety", "is '2×4s' on my list?", tasks=ODD),
]

MIXED_LANGUAGE = [  # another language around English task titles
    C("add", "oye, agrega 'call the landlord about the heating' porfa", add("call the landlord about the heating")),
    C("add", "yaar 'submit the reimbursement form' add kar do, kal tak",
      add("submit the reimbursement form", due_date=WED)),
    C("add", "pa-add naman 'buy load for mama' please", add("buy load for mama")),
    C("add", "yalla add 'renew the residence permit' for Sunday inshallah",
      add("renew the residence permit", due_date=SUN)),
    C("add", "ajoute 'buy a present for Chloé' pour samedi stp", add("buy a present for Chloé", due_date=SAT)),
    C("complete", "Peux-tu marquer 'Renew my passport' comme fait ?", done(3), tasks=HOME),
    C("complete", "'Call the plumber about the boiler' ho gaya", done(1), tasks=HOME),
    C("complete", "Task Nr. 2 ist erledigt", done(2), tasks=FAMILY),
    C("delete", "Bitte lösch 'Book a table at Luigi's', danke", rm(5), tasks=HOME),
    C("delete", "帮我把 'Take the recycling out' 删掉", rm(4), tasks=HOME),
    C("update", "cambia 'Buy a birthday card for Gran' a high priority, grazie", upd(2, priority="high"), tasks=HOME),
    C("reopen", "pode reabrir a tarefa 'Book the vaccination'? obrigado", reopen(2), tasks=UNDONE),
    C("list", "qué tasks tengo pending?", ls("pending"), tasks=FAMILY, reply=("Fix the bike puncture",)),
    C("safety", "no borres nada todavía", tasks=HOME),
    C("chat", "merci beaucoup!", tasks=HOME),
]

STATEMENTS = [  # questions phrased as statements
    C("list", "I'd like to know what's still open.", ls("pending"), tasks=DIARY, reply=("Book the MOT",)),
    C("list", "Wondering what I've got due this week", look(), tasks=DIARY, reply=("Submit the tax return",)),
    C("list", "Tell me how many I've finished", ls("completed"), tasks=DIARY, reply=("2",)),
    C("list", "Curious whether anything's overdue", look(), tasks=DIARY, reply=("Renew the gym pass",)),
    C("list", "I need to see the completed ones", ls("completed"), tasks=DIARY, reply=("Send the wedding RSVP",)),
    C("list", "Would be good to know what's high priority", look(), tasks=DIARY, reply=("Submit the tax return",)),
    C("safety", "I'm not sure whether the tax return is marked as done.", tasks=DIARY),
    C("chat", "I wonder if deleting a task can be undone", tasks=DIARY),
]

REFERENCES = [  # plain wording; targets by position, recency, notes, context, and references that fit two tasks
    C("complete", "the second-to-last one is finished", done(4), tasks=HOME),
    C("complete", "the one whose note mentions the loft is paid", done(3), tasks=JOBS),
    C("complete", "number four's done", done(4), tasks=JOBS),
    C("delete", "delete the newest one", rm(5), tasks=HOME),
    C("delete", "the 4th task can go", rm(4), tasks=HOME),
    C("delete", "get rid of the third one from the bottom", rm(3), tasks=HOME),
    C("update", "the task with the permission slip note, make it due friday", upd(4, due_date=FRI), tasks=JOBS),
    C("update", "item 3 → low prio", upd(3, priority="low"), tasks=HOME),
    C("update", "make it due the 1st of December", upd(1, due_date=DEC_1), before=("add buy a present for Lola",)),
    C("update", "wrong day, it's sunday", upd(1, due_date=SUN), before=("add pick up the cake on saturday",)),
    C("update", "*Jonathan", upd(1, title="Email Jonathan about the deposit"),
      before=("add email Jonathon about the deposit",)),
    C("reopen", "hmm no, not yet — put it back", reopen(3), tasks=HOME, before=("passport renewed",)),
    C("safety", "mark the email one dne", tasks=("Email the accountant", "Email Grandad the photos", "Buy lightbulbs"),
      choices=("accountant", "Grandad")),
    C("safety", "delete the car one", tasks=("Wash the car", "Renew the car tax", "Call Mum"), choices=("Wash", "tax")),
    C("safety", "the birthday thing is done", tasks=("Buy Noor's birthday present", "Book Noor's birthday dinner"),
      choices=("present", "dinner")),
    C("safety", "reopen the bill one", tasks=("[x] Pay the water bill", "[x] Pay the phone bill"),
      choices=("water", "phone")),
    C("safety", "push the meeting to friday", tasks=("Prep slides for the board meeting",
                                                     "Book a room for the team meeting"), choices=("board", "team")),
    C("safety", "remove task 12", tasks=HOME),
    C("safety", "tick off the shopping", tasks=HOME),
    C("safety", "I'll do the recycling tonight", tasks=HOME),
    C("safety", "if the plumber calls back I'll tick it off", tasks=HOME),
]

