"""Open cases for issue 17's kinds, written for the kind (not copied from any example sentence):
notes on tasks, references by position / recency / topic / content, questions, unknown add
framings, several items, corrections, and registers (British, Australian, non-native, texting).
"""

from __future__ import annotations

from tests.nlu.cases import C, Case, Seed, add, done, ls, rm, upd
from tests.nlu.cases import reopen as done_undo

GARAGE = (Seed("Renew van insurance"), Seed("Fix the gutter", description="Ladder in the shed"),
          Seed("Pay council tax"), Seed("Book piano tuner"), Seed("Sort the recycling", done=True))
SHOP = ("Buy dog food", "Return the drill", "Email the school", "Plant the tulip bulbs")
NOTES = (Seed("Chase the plumber", description="He said Thursday, locksmith is next door"),
         Seed("Renew passport", description="Photos at the chemist"), Seed("Call the bank"))

NOTE_CASES: list[Case] = [
    C("note", "on the van insurance task, write down that the renewal letter came today",
      upd(1, description="the renewal letter came today"), tasks=GARAGE),
    C("note", "for the council tax one add a note: pay before the 1st",
      upd(3, description="pay before the 1st"), tasks=GARAGE),
    C("note", "under the piano tuner task put: ask about the pedals",
      upd(4, description="ask about the pedals"), tasks=GARAGE),
    C("note", "on the gutter task, add that the brackets are rusty",
      upd(2, description="Ladder in the shed\nthe brackets are rusty"), tasks=GARAGE),
    C("note", "about the gutter thing - also note: check the downpipe",
      upd(2, description="Ladder in the shed\ncheck the downpipe"), tasks=GARAGE),
    C("note", "the note on the gutter task should now say ladder borrowed from Sam",
      upd(2, description="ladder borrowed from Sam"), tasks=GARAGE),
    C("note", "replace the notes on the gutter task with: hire a cherry picker",
      upd(2, description="hire a cherry picker"), tasks=GARAGE),
    C("note", "add a note to task 4: tuner is called Marek",
      upd(4, description="tuner is called Marek"), tasks=GARAGE),
    C("note", "note on #3 - direct debit set up", upd(3, description="direct debit set up"), tasks=GARAGE),
    C("note", "for the drill one, jot down that the receipt is in the glovebox",
      upd(2, description="the receipt is in the glovebox"), tasks=SHOP),
    C("note", "on the school email task write: ask about the trip money",
      upd(3, description="ask about the trip money"), tasks=SHOP),
    C("note", "on the tulip task, note down that the bulbs are in the garage",
      upd(4, description="the bulbs are in the garage"), tasks=SHOP),
    C("note", "put a note on the dog food task saying get the big bag",
      upd(1, description="get the big bag"), tasks=SHOP),
]

REFERENCE_CASES: list[Case] = [
    C("ref-position", "scrap my oldest one", rm(1), tasks=SHOP),
    C("ref-position", "tick off the newest one", done(4), tasks=SHOP),
    C("ref-position", "remove the last one I added", rm(4), tasks=SHOP),
    C("ref-position", "mark the second-to-last task as done", done(3), tasks=SHOP),
    C("ref-position", "the most recent task is done", done(4), tasks=SHOP),
    C("ref-position", "get rid of the first task on my list", rm(1), tasks=SHOP),
    C("ref-position", "finish the latest one", done(4), tasks=SHOP),
    C("ref-position", "bin the one i added first", rm(1), tasks=SHOP),
    C("ref-topic", "the tulip thing is sorted", done(4), tasks=SHOP),
    C("ref-topic", "scrap anything to do with the drill", rm(2), tasks=SHOP),
    C("ref-topic", "the dog food stuff is done", done(1), tasks=SHOP),
    C("ref-topic", "ditch the school one", rm(3), tasks=SHOP),
    C("ref-content", "delete the task whose notes mention the locksmith", rm(1), tasks=NOTES),
    C("ref-content", "the one with the chemist in its notes is done", done(2), tasks=NOTES),
    C("ref-content", "mark the task that mentions photos as done", done(2), tasks=NOTES),
]

QUESTION_CASES: list[Case] = [
    C("question", "is the tulip planting still open?", tasks=SHOP, reply=("not done yet",)),
    C("question", "have i already put dog food on the list?", tasks=SHOP, reply=("Buy dog food",)),
    C("question", "did I finish the recycling?", tasks=GARAGE, reply=("done",)),
    C("question", "what's in the notes of the gutter one?", tasks=GARAGE, reply=("Ladder in the shed",)),
    C("question", "what does the passport task say?", tasks=NOTES, reply=("Photos at the chemist",)),
    C("question", "how many are finished?", ls("completed"), tasks=GARAGE, reply=("1",)),
    C("question", "how many tasks have I got left?", ls("pending"), tasks=GARAGE, reply=("4",)),
    C("question", "what do i type to rename something?", tasks=SHOP, reply=("rename",)),
    C("question", "should I delete the drill one?", tasks=SHOP),
    C("question", "was the council tax paid?", tasks=GARAGE, reply=("not done yet",)),
    C("question", "is there anything about the school?", tasks=SHOP, reply=("Email the school",)),
    C("question", "do I still need to return the drill?", tasks=SHOP, reply=("not done yet",)),
]

ADD_FRAMING_CASES: list[Case] = [
    C("add-framing", "need: bin bags", add("Bin bags")),
    C("add-framing", "groceries - oat milk", add("Oat milk")),
    C("add-framing", "don't let me forget the car MOT", add("Car MOT")),
    C("add-framing", "can u jot sth down: phone the vet", add("Phone the vet")),
    C("add-framing", "you can add me a task for to collect the parcel?", add("Collect the parcel")),
    C("add-framing", "please to add: pay the electric bill", add("Pay the electric bill")),
    C("add-framing", "memo to self: defrost the chicken", add("Defrost the chicken")),
    C("add-framing", "gotta remember to water the ferns", add("Water the ferns")),
    C("add-framing", "mustn't forget to text Priya back", add("Text Priya back")),
    C("add-framing", "stick this on the list: new wiper blades", add("New wiper blades")),
    C("add-framing", "shopping -> dishwasher tablets", add("Dishwasher tablets")),
    C("add-framing", "errands: drop off the dry cleaning", add("Drop off the dry cleaning")),
    C("add-framing", "reminder for tomorrow - order contact lenses",
      add("Order contact lenses", due_date="2026-11-25")),
    C("add-framing", "I want to add wash the duvet", add("Wash the duvet")),
]

SEVERAL_CASES: list[Case] = [
    C("several", "sand the bookcase, then paint it", add("Sand the bookcase"), add("Paint the bookcase")),
    C("several", "1. buy stamps 2. post the cards", add("Buy stamps"), add("Post the cards")),
    C("several", "add: hoover the stairs; clean the oven; mop the kitchen",
      add("Hoover the stairs"), add("Clean the oven"), add("Mop the kitchen")),
    C("several", "add renew the parking permit. also book the boiler service",
      add("Renew the parking permit"), add("Book the boiler service")),
    C("several", "- fix the fence\n- trim the hedge", add("Fix the fence"), add("Trim the hedge")),
    C("several", "to do: call the garage, pay the window cleaner",
      add("Call the garage"), add("Pay the window cleaner")),
    C("several", "the dog food and the drill are both done", done(1), done(2), tasks=SHOP),
    C("several", "delete the drill task and the tulip task", rm(2), rm(4), tasks=SHOP),
]

CORRECTION_CASES: list[Case] = [
    C("correction", "oops, I meant Lidl not Lidls", upd(1, title="Go to Lidl"), tasks=("Go to Lidls",)),
    C("correction", "wrong word - it's the nursery, not the school", upd(3, title="Email the nursery"), tasks=SHOP),
    C("correction", "I meant tulip bulbs, not daffodil bulbs", upd(1, title="Plant the tulip bulbs"),
      tasks=("Plant the daffodil bulbs",)),
    C("correction", "sorry, should be dog biscuits not dog food", upd(1, title="Buy dog biscuits"), tasks=SHOP),
    C("correction", "not drill, I meant sander", upd(2, title="Return the sander"), tasks=SHOP),
]

REGISTER_CASES: list[Case] = [
    C("register", "chuck 'get the kettle descaled' on me list", add("get the kettle descaled")),
    C("register", "pop 'bins out' on me list for thursday arvo", add("bins out", due_date="2026-11-26")),
    C("register", "ta, the drill's gone back", done(2), tasks=SHOP),
    C("register", "plz add get petrol", add("Get petrol")),
    C("register", "dog food done ✅", done(1), tasks=SHOP),
    C("register", "can u delete the school 1", rm(3), tasks=SHOP),
    C("register", "i have finish the tulips", done(4), tasks=SHOP),
    C("register", "please you delete the task of drill", rm(2), tasks=SHOP),
    C("register", "add for me task: buy the bread", add("Buy the bread")),
    C("register", "wot's left?", ls("pending"), tasks=SHOP),
    C("register", "sorted the recycling, cheers", tasks=GARAGE, reply=("already done",)),
    C("register", "nah leave the drill one, I've not done it", tasks=SHOP),
    C("register", "don't tick off the tulips yet", tasks=SHOP),
]

HOUSE = ("Buy light bulbs", "Clean the windows", "Ring the council", "[x] Take the car for its MOT", "Walk Biscuit")

VARIED_CASES: list[Case] = [
    C("v-add", "light bulbs for the hall pls", add("Light bulbs for the hall")),
    C("v-add", "oh and we're out of teabags", add("Teabags")),
    C("v-add", "ok so tomorrow i gotta pick up the prescription",
      add("Pick up the prescription", due_date="2026-11-25")),
    C("v-add", "put on list: renew the tv licence", add("Renew the tv licence")),
    C("v-add", "i must to call the landlord", add("Call the landlord")),
    C("v-add", "pls remember me to book the ferry", add("Book the ferry")),
    C("v-add", "new one - hoover the car", add("Hoover the car")),
    C("v-add", "add smth: buy a birthday card for nan", add("Buy a birthday card for nan")),
    C("v-add", "🛒 oat milk + bananas", add("Oat milk"), add("Bananas")),
    C("v-add", "could you chuck sort out the loft on there", add("Sort out the loft")),
    C("v-update", "rename the council one to Ring the council about parking",
      upd(3, title="Ring the council about parking"), tasks=HOUSE),
    C("v-update", "the windows task should be called wash the windows", upd(2, title="Wash the windows"), tasks=HOUSE),
    C("v-update", "change 'Walk Biscuit' into 'Walk Biscuit and Rolo'", upd(5, title="Walk Biscuit and Rolo"),
      tasks=HOUSE),
    C("v-update", "can u make #1 say buy LED bulbs", upd(1, title="Buy LED bulbs"), tasks=HOUSE),
    C("v-update", "retitle task 2 as scrub the windows", upd(2, title="Scrub the windows"), tasks=HOUSE),
    C("v-update", "typo in the bulbs one, should be lightbulbs not light bulbs", upd(1, title="Buy lightbulbs"),
      tasks=HOUSE),
    C("v-reopen", "the MOT isn't actually done, put it back", done_undo(4), tasks=HOUSE),
    C("v-reopen", "untick the car one", done_undo(4), tasks=HOUSE),
    C("v-reopen", "I ticked the MOT by mistake", done_undo(4), tasks=HOUSE),
    C("v-reopen", "reopen #4 pls", done_undo(4), tasks=HOUSE),
    C("v-delete", "get shot of the council one", rm(3), tasks=HOUSE),
    C("v-delete", "no need for the windows task any more", rm(2), tasks=HOUSE),
    C("v-delete", "pls remove walk biscuit", rm(5), tasks=HOUSE),
    C("v-delete", "kill task 1", rm(1), tasks=HOUSE),
    C("v-complete", "walked biscuit 🐕", done(5), tasks=HOUSE),
    C("v-complete", "rang the council, all sorted", done(3), tasks=HOUSE),
    C("v-complete", "windows - done", done(2), tasks=HOUSE),
    C("v-complete", "bulbs bought ✔", done(1), tasks=HOUSE),
]

PETS = ("Feed the fish", "Book the groomer", "Order cat litter", "[x] Clean the hutch")

RAMBLING_CASES: list[Case] = [
    C("r-add", "so i was thinking i should probably get the boiler serviced", add("Get the boiler serviced")),
    C("r-add", "right, before i forget, the library books are due back", add("Library books are due back")),
    C("r-add", "hmm what else, oh yeah, ring the optician", add("Ring the optician")),
    C("r-add", "mum's birthday card needs posting", add("Mum's birthday card needs posting")),
    C("r-add", "the bathroom tap is dripping again, need to fix it", add("Fix the bathroom tap")),
    C("r-delete", "honestly the groomer thing isn't needed anymore, scrap it", rm(2), tasks=PETS),
    C("r-delete", "we sold the car so the litter one can go", rm(3), tasks=PETS),
    C("r-delete", "take the fish one off", rm(1), tasks=PETS),
    C("r-update", "the litter task - make it order cat litter and treats", upd(3, title="Order cat litter and treats"),
      tasks=PETS),
    C("r-update", "groomer one, change it to book the vet", upd(2, title="Book the vet"), tasks=PETS),
    C("r-reopen", "hutch isn't clean after all", done_undo(4), tasks=PETS),
    C("r-reopen", "the hutch one needs doing again", done_undo(4), tasks=PETS),
    C("r-complete", "fed the fish earlier", done(1), tasks=PETS),
    C("r-complete", "groomer's booked for saturday", done(2), tasks=PETS),
]

DESK = ("Order printer ink", "Email Tom the slides", "File the receipts", "Back up the laptop")

RENAME_CASES: list[Case] = [
    C("u-rename", "swap 'Email Tom the slides' for 'Email Tom and Ana the slides'",
      upd(2, title="Email Tom and Ana the slides"), tasks=DESK),
    C("u-rename", "printer ink task -> order printer ink and paper", upd(1, title="Order printer ink and paper"),
      tasks=DESK),
    C("u-rename", "change the name of the receipts task to file the tax receipts",
      upd(3, title="File the tax receipts"), tasks=DESK),
    C("u-rename", "rename the laptop one: back up the laptop and phone", upd(4, title="Back up the laptop and phone"),
      tasks=DESK),
    C("u-rename", "call the ink task buy printer ink instead", upd(1, title="Buy printer ink"), tasks=DESK),
    C("u-rename", "fix the title of task 3, it should read file the old receipts",
      upd(3, title="File the old receipts"),
      tasks=DESK),
    C("u-rename", "edit slides task -> email Tom the final slides", upd(2, title="Email Tom the final slides"),
      tasks=DESK),
    C("u-rename", "task 4 should be back up the desktop", upd(4, title="Back up the desktop"), tasks=DESK),
]

MORE_CASES = [
    *RENAME_CASES, *RAMBLING_CASES, *VARIED_CASES, *NOTE_CASES, *REFERENCE_CASES, *QUESTION_CASES,
    *ADD_FRAMING_CASES, *SEVERAL_CASES, *CORRECTION_CASES, *REGISTER_CASES
]
