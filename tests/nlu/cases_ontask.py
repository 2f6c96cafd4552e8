"""Open probe cases for actions on EXISTING tasks (issue 17), written before the reference and
update-content code was tuned: how the task is named (an id in digits, words or '#', a fuzzy title
with typos, plurals, another word order or only part of it, its place on the list or its age, a
topic put first, what its notes say, a pronoun after an earlier turn) and what the change says
(a new name, a correction, a note added or replacing the old one, a date or clock time, a date
moved earlier or later, a priority in everyday words). Registers: terse, rambling, non-native,
British/Australian, emoji, lowercase, dictation. And the must-ask side: two tasks fit equally, or
"it" with nothing before it: nothing changes.

Kinds "p-ref" (the target) and "p-content" (what changes): kept out of the classifier's training
lines (`export_training` skips "p-" kinds), so their pass rate measures what the model was not shown.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, THU, WED, C, Case, Seed, day, done, rm, upd
from tests.nlu.cases import reopen as undone

VAN = (Seed("Book the van hire"), Seed("Cancel the gym membership", description="Contract ends in March, ring PureGym"),
       Seed("Buy printer ink"), Seed("Take the recycling to the tip"), Seed("Text Priya about Saturday", done=True),
       Seed("Renew the parking permit", due_date=FRI), Seed("Water the tomato plants"))
STUDY = (Seed("Finish the chemistry essay", due_date=THU), Seed("Email Dr Okafor about the extension"),
         Seed("Print the lecture slides"), Seed("Return the statistics textbook", done=True),
         Seed("Revise chapter 4 for the exam", priority="high"),
         Seed("Pay the hall fees", description="Bank transfer to the uni, reference STU-4471"))
PETS = (Seed("Take Biscuit to the vet"), Seed("Order cat litter"), Seed("Book the dog groomer", due_date=MON),
        Seed("Buy a new lead for Rolo"), Seed("Clean the fish tank", description="Filter sponge needs replacing"))
ERRANDS = (Seed("Buy oat milk"), Seed("Pick up the prescription"), Seed("Get new batteries for the smoke alarm"),
           Seed("Post the parcel to Mum"), Seed("Drop off the charity bags"))
TWO_BANKS = (Seed("Ring the bank about the loan"), Seed("Ring the bank about the card"), Seed("Buy birdseed"))
TWO_MILKS = (Seed("Buy oat milk"), Seed("Buy almond milk"), Seed("Defrost the freezer"))


def R(say: str, *calls, tasks: tuple = (), before: tuple = (), choices: tuple | None = None) -> Case:
    return C("p-ref", say, *calls, tasks=tasks, before=before, choices=choices)


def K(say: str, *calls, tasks: tuple = (), before: tuple = ()) -> Case:
    return C("p-content", say, *calls, tasks=tasks, before=before)


BY_ID: list[Case] = [
    R("tick off 3 for me", done(3), tasks=VAN),
    R("#2 is done now ✅", done(2), tasks=PETS),
    R("delete number three please x", rm(3), tasks=PETS),
    R("task no. 4 finished today", done(4), tasks=ERRANDS),
    R("item five can go now", rm(5), tasks=ERRANDS),
    R("knock off task two pls", done(2), tasks=STUDY),
    R("nr 6 done pls", done(6), tasks=VAN),
    R("get rid of #7 thx", rm(7), tasks=VAN),
    R("reopen task four again", undone(4), tasks=STUDY),
    R("task number one is complete now, ta", done(1), tasks=PETS),
    R("make #3 high priority pls", upd(3, priority="high"), tasks=ERRANDS),
    R("can u delete task 2 thx", rm(2), tasks=TWO_BANKS),
    R("mark item #5 as complete please", done(5), tasks=PETS),
    R("number six, the permit, is sorted", done(6), tasks=VAN),
]

FUZZY: list[Case] = [
    R("delte the printr ink", rm(3), tasks=VAN),
    R("prescripton picked up", done(2), tasks=ERRANDS),
    R("the tomato plant is watered", done(7), tasks=VAN),
    R("cancelled the membership at the gym", done(2), tasks=VAN),
    R("ink for the printer bought", done(3), tasks=VAN),
    R("biscuit vet done", done(1), tasks=PETS),
    R("remove the groomer", rm(3), tasks=PETS),
    R("fishtank cleaned!", done(5), tasks=PETS),
    R("smoke alarm batteries sorted", done(3), tasks=ERRANDS),
    R("charity bag drop is done and dusted", done(5), tasks=ERRANDS),
    R("the okafor email is sent", done(2), tasks=STUDY),
    R("lecture slide printing can be removed", rm(3), tasks=STUDY),
    R("I have paid the hall fee", done(6), tasks=STUDY),
    R("Rolo's lead, bought it", done(4), tasks=PETS),
    R("mark the chem essay finished", done(1), tasks=STUDY),
    R("the stats text book wasnt returned after all, reopen", undone(4), tasks=STUDY),
    R("parcel for mum posted 📦", done(4), tasks=ERRANDS),
    R("scrap the van hiring", rm(1), tasks=VAN),
    R("the recycling run to the tip is done", done(4), tasks=VAN),
    R("i have finish the revising of chapter four", done(5), tasks=STUDY),
    R("remove the 'buy printer ink' task", rm(3), tasks=VAN),
    R("delete the tomatoe one", rm(7), tasks=VAN),
    R("the essay for chemistry is done", done(1), tasks=STUDY),
    R("please you can delete the task of the groomer", rm(3), tasks=PETS),
    R("mark the cat litter one as done full stop", done(2), tasks=PETS),
    R("chuck out the oat milk one mate", rm(1), tasks=ERRANDS),
    R("untick the priya one", undone(5), tasks=VAN),
    R("done the bank loan call", done(1), tasks=TWO_BANKS),
]

BY_PLACE: list[Case] = [
    R("the one i put in last is done now", done(5), tasks=ERRANDS),
    R("delete my oldest task pls", rm(1), tasks=PETS),
    R("the second-to-last one can go now", rm(4), tasks=ERRANDS),
    R("first one on my list is done now", done(1), tasks=ERRANDS),
    R("bin the most recent one pls", rm(5), tasks=PETS),
    R("the one before last is finished now", done(4), tasks=PETS),
    R("tick the third one for me", done(3), tasks=ERRANDS),
    R("delete the last task please", rm(5), tasks=ERRANDS),
    R("the newest one, make it urgent pls", upd(5, priority="high"), tasks=PETS),
    R("the very first task I made can be deleted", rm(1), tasks=ERRANDS),
    R("the second task is done now", done(2), tasks=VAN),
    R("my latest task - delete pls", rm(5), tasks=ERRANDS),
]

TOPIC_FIRST: list[Case] = [
    R("on the groomer one, it's done", done(3), tasks=PETS),
    R("re: cat litter - ordered", done(2), tasks=PETS),
    R("as for the parking permit, delete it", rm(6), tasks=VAN),
    R("about the oat milk: bin it", rm(1), tasks=ERRANDS),
    R("for the van thing, mark it complete", done(1), tasks=VAN),
    R("the okafor one — finished", done(2), tasks=STUDY),
    R("regarding the charity bags, please remove", rm(5), tasks=ERRANDS),
    R("that litter task, scrap it", rm(2), tasks=PETS),
    R("with the slides one, tick it off", done(3), tasks=STUDY),
    R("the recycling: done", done(4), tasks=VAN),
]

BY_CONTENT: list[Case] = [
    R("delete the one whose notes mention puregym", rm(2), tasks=VAN),
    R("the task with STU-4471 in it is paid", done(6), tasks=STUDY),
    R("mark the one that says filter sponge as done", done(5), tasks=PETS),
    R("remove the task where the description talks about a bank transfer", rm(6), tasks=STUDY),
    R("the one with the contract note can go", rm(2), tasks=VAN),
    R("remove the one that mentions march", rm(2), tasks=VAN),
]

IN_DIALOGUE: list[Case] = [
    R("the third one is done now", done(3), tasks=PETS, before=("show my tasks",)),
    R("number 2 can go now", rm(2), tasks=ERRANDS, before=("what's on my list",)),
    R("delete it pls x", rm(6), tasks=ERRANDS, before=("add buy glue",)),
    R("mark it done actually pls", done(6), tasks=PETS, before=("add brush Biscuit",)),
    R("that one's done now x", done(3), tasks=PETS, before=("when is the groomer due?",)),
    R("the last one on there, get rid of it", rm(5), tasks=ERRANDS, before=("list my tasks",)),
    R("reopen that for me", undone(4), tasks=STUDY, before=("is the statistics textbook done?",)),
    R("make it low priority for now", upd(5, priority="low"), tasks=STUDY,
      before=("tell me about the chapter 4 task",)),
]

MUST_ASK: list[Case] = [
    R("delete the bank one", tasks=TWO_BANKS, choices=()),
    R("done with the milk", tasks=TWO_MILKS, choices=()),
    R("ring the bank task is done", tasks=TWO_BANKS, choices=()),
    R("make the milk task urgent", tasks=TWO_MILKS, choices=()),
    R("bin the milk one pls", tasks=TWO_MILKS, choices=()),
    R("ok just delete it now", tasks=PETS),
    R("yeah mark it as done now", tasks=ERRANDS),
    R("rename it to buy soy milk", tasks=TWO_MILKS),
    R("that one's finished now", tasks=VAN),
    R("remove the passport one", tasks=PETS),
    R("the hoover task is done", tasks=ERRANDS),
    R("is the groomer one done?", tasks=PETS),
    R("don't delete the van hire", tasks=VAN),
]

RENAME: list[Case] = [
    K("call the ink task buy toner instead", upd(3, title="Buy toner"), tasks=VAN),
    K("the litter one should read order clumping litter", upd(2, title="Order clumping litter"), tasks=PETS),
    K("change 'Buy oat milk' to 'Buy oat milk and bread'", upd(1, title="Buy oat milk and bread"), tasks=ERRANDS),
    K("rename the tip run to take the old sofa to the tip", upd(4, title="Take the old sofa to the tip"),
      tasks=VAN),
    K("I meant Rollo not Rolo", upd(4, title="Buy a new lead for Rollo"), tasks=PETS),
    K("sorry, it's prescriptions, not prescription", upd(2, title="Pick up the prescriptions"), tasks=ERRANDS),
    K("in the vet task change Biscuit to Muffin", upd(1, title="Take Muffin to the vet"), tasks=PETS),
    K("task 3 new name: print the seminar slides", upd(3, title="Print the seminar slides"), tasks=STUDY),
    K("the groomer one -> book the cat groomer", upd(3, title="Book the cat groomer"), tasks=PETS),
    K("can you please to change the title of essay task to finish the physics essay",
      upd(1, title="Finish the physics essay"), tasks=STUDY),
    K("call it post the parcel to Dad", upd(4, title="Post the parcel to Dad"), tasks=ERRANDS,
      before=("what's task 4?",)),
    K("rename it water the chilli plants", upd(8, title="Water the chilli plants"), tasks=VAN,
      before=("add water the basil",)),
    K("wrong one, its the dog not the cat", upd(2, title="Order dog litter"), tasks=PETS),
    K("swap permit for licence in the parking task", upd(6, title="Renew the parking licence"), tasks=VAN),
    K("the essay one, retitle: finish the chemistry lab report", upd(1, title="Finish the chemistry lab report"),
      tasks=STUDY),
    K("the prescription task should say pick up Mum's prescription", upd(2, title="Pick up Mum's prescription"),
      tasks=ERRANDS),
    K("change buy to order in the printer ink task", upd(3, title="Order printer ink"), tasks=VAN),
]

NOTES: list[Case] = [
    K("on the van hire one, note that the depot shuts at 4", upd(1, description="the depot shuts at 4"), tasks=VAN),
    K("under the fish tank task add: get the 20l sponge",
      upd(5, description="Filter sponge needs replacing\nget the 20l sponge"), tasks=PETS),
    K("jot on the okafor task that she's away till monday", upd(2, description="she's away till monday"),
      tasks=STUDY),
    K("add a note to number 4: the big tesco has them", upd(4, description="the big tesco has them"), tasks=PETS),
    K("for the gym one write down - 30 days notice",
      upd(2, description="Contract ends in March, ring PureGym\n30 days notice"), tasks=VAN),
    K("the note on the hall fees should now say paid on the 20th", upd(6, description="paid on the 20th"),
      tasks=STUDY),
    K("change the notes on the fish tank to sponge replaced", upd(5, description="sponge replaced"), tasks=PETS),
    K("replace the gym task's description with cancelled online",
      upd(2, description="cancelled online"), tasks=VAN),
    K("add to the description of the slides task: double sided",
      upd(3, description="double sided"), tasks=STUDY),
    K("put a note on the charity bags one saying the shop takes them on weds",
      upd(5, description="the shop takes them on weds"), tasks=ERRANDS),
    K("prescription task, note: repeat form is in the kitchen drawer",
      upd(2, description="repeat form is in the kitchen drawer"), tasks=ERRANDS),
    K("the notes for the hall fees are wrong, should be reference STU-4417",
      upd(6, description="reference STU-4417"), tasks=STUDY),
    K("on the groomer one, add a note: Rolo needs his nails clipped",
      upd(3, description="Rolo needs his nails clipped"), tasks=PETS),
]

DATES: list[Case] = [
    K("move the groomer to next wednesday", upd(3, due_date=day(8)), tasks=PETS),
    K("the chem essay is due on the 3rd now", upd(1, due_date="2026-12-03"), tasks=STUDY),
    K("put the parcel for friday 5pm", upd(4, due_date=FRI + "T17:00"), tasks=ERRANDS),
    K("vet tomorrow at noon", upd(1, due_date=WED + "T12:00"), tasks=PETS),
    K("set the van hire for 10:30 on thursday", upd(1, due_date=THU + "T10:30"), tasks=VAN),
    K("push the parking permit back two days", upd(6, due_date=day(5)), tasks=VAN),
    K("bring the chemistry essay forward a day", upd(1, due_date=WED), tasks=STUDY),
    K("clear the date on the groomer", upd(3, due_date=""), tasks=PETS),
    K("the okafor email needs doing by saturday", upd(2, due_date=SAT), tasks=STUDY),
    K("can we shift the dog groomer to 1 dec", upd(3, due_date="2026-12-01"), tasks=PETS),
    K("reschedule the ink to monday arvo, 3pm", upd(3, due_date=MON + "T15:00"), tasks=VAN),
    K("the permit can wait till next week, push it a week", upd(6, due_date=day(10)), tasks=VAN),
    K("make the batteries due tomorrow", upd(3, due_date=WED), tasks=ERRANDS),
    K("groomer's been moved to the 2nd of December", upd(3, due_date="2026-12-02"), tasks=PETS),
    K("postpone the essay until monday", upd(1, due_date=MON), tasks=STUDY),
    K("the groomer should be a day earlier", upd(3, due_date=day(5)), tasks=PETS),
    K("chem essay: due 28/11", upd(1, due_date="2026-11-28"), tasks=STUDY),
    K("on the ink thing, push it to friday", upd(3, due_date=FRI), tasks=VAN),
]

PRIORITIES: list[Case] = [
    K("the hall fees are top priority", upd(6, priority="high"), tasks=STUDY),
    K("batteries for the smoke alarm - urgent!!", upd(3, priority="high"), tasks=ERRANDS),
    K("downgrade the revision task", upd(5, priority="low"), tasks=STUDY),
    K("cat litter isn't a priority", upd(2, priority="low"), tasks=PETS),
    K("set the van hire to medium priority", upd(1, priority="medium"),
      tasks=(Seed("Book the van hire", priority="high"), *VAN[1:])),
    K("make the tomato watering a high priority", upd(7, priority="high"), tasks=VAN),
    K("the charity bags can wait, low priority", upd(5, priority="low"), tasks=ERRANDS),
    K("bump the okafor email up the list", upd(2, priority="high"), tasks=STUDY),
    K("the fish tank is really not important", upd(5, priority="low"), tasks=PETS),
]

ONTASK_CASES = [*BY_ID, *FUZZY, *BY_PLACE, *TOPIC_FIRST, *BY_CONTENT, *IN_DIALOGUE, *MUST_ASK,
                *RENAME, *NOTES, *DATES, *PRIORITIES]
