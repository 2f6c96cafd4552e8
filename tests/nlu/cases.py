"""The offline model's development set: commands as people write them, as typed data.

Each case: the tasks that exist before (ids 1, 2, ... in order; "[x] " marks a completed one),
the earlier turns of the same conversation (`before`, sent first), the message, and the tool
calls it must make (list_tasks is checked only where a case lists it). The tasks it must leave
behind follow from those calls (`runner.expected_tasks`); `reply` holds words the answer must say.

"Today" is Tuesday 24 November 2026 for every case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

TODAY = date(2026, 11, 24)  # a Tuesday


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


MON, WED, THU, FRI, SAT, SUN = day(6), day(1), day(2), day(3), day(4), day(5)


@dataclass(frozen=True)
class Seed:
    title: str
    done: bool = False
    priority: str | None = None
    due_date: str | None = None
    description: str = ""
    tags: tuple[str, ...] = ()
    recurrence: str | None = None

    def as_dict(self) -> dict[str, Any]:
        extra = {k: v for k, v in (("tags", list(self.tags)), ("recurrence", self.recurrence)) if v}
        return {"title": self.title, "completed": self.done, "priority": self.priority,
                "due_date": self.due_date, "description": self.description, **extra}


@dataclass(frozen=True)
class Case:
    kind: str                     # the intent it exercises, for the report
    say: str
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    tasks: tuple[str | Seed, ...] = ()
    before: tuple[str, ...] = ()
    reply: tuple[str, ...] = ()
    not_reply: tuple[str, ...] = ()
    # None: no offer expected (nor checked); (): an offer_choices call must be made; words: its labels say them.
    choices: tuple[str, ...] | None = None

    def seeds(self) -> list[Seed]:
        out = []
        for t in self.tasks:
            if isinstance(t, Seed):
                out.append(t)
            elif t.startswith("[x] "):
                out.append(Seed(t[4:], done=True))
            else:
                out.append(Seed(t))
        return out


def add(title: str, **kw: Any) -> tuple[str, dict[str, Any]]:
    return ("add_task", {"title": title, "priority": kw.pop("priority", "medium"), **kw})


def done(i: int) -> tuple[str, dict[str, Any]]:
    return ("complete_task", {"task_id": i})


def reopen(i: int) -> tuple[str, dict[str, Any]]:
    return ("reopen_task", {"task_id": i})


def rm(i: int) -> tuple[str, dict[str, Any]]:
    return ("delete_task", {"task_id": i})


def upd(i: int, **kw: Any) -> tuple[str, dict[str, Any]]:
    return ("update_task", {"task_id": i, **kw})


def ls(status: str = "all") -> tuple[str, dict[str, Any]]:
    return ("list_tasks", {"status": status})


def C(kind: str, say: str, *calls: tuple[str, dict[str, Any]], tasks: tuple = (), before: tuple = (),
      reply: tuple = (), not_reply: tuple = (), choices: tuple | None = None) -> Case:
    return Case(kind, say, list(calls), tuple(tasks), tuple(before), tuple(reply), tuple(not_reply), choices)


HOME = ("Buy milk", "Go to the gym", "Call the plumber", "Write quarterly report", "Do the dishes")
ERRANDS = ("Pay rent", "File tax forms", "Renew passport", "Book dentist appointment", "Wash the car")
MEET = ("Team meeting", "Meeting notes", "Buy groceries")

CASES: list[Case] = [
    # --- adding: plain, polite, quoted ---------------------------------------------------------
    C("add", "Add a task to buy groceries", add("Buy groceries"), reply=("Buy groceries", "#1")),
    C("add", "add buy milk", add("Buy milk")),
    C("add", "Could you please add call grandma", add("Call grandma")),
    C("add", "can you add 'Book a table for Friday night' please?", add("Book a table for Friday night")),
    C("add", "Add 'Book a table' thanks", add("Book a table")),
    C("add", "please add \"renew car insurance\" to my list, cheers", add("renew car insurance")),
    C("add", "Would you mind adding water the plants", add("Water the plants")),
    C("add", "new task: clean the gutters", add("Clean the gutters")),
    C("add", "Todo: return library books", add("Return library books")),
    C("add", "TODO - email the landlord", add("Email the landlord")),
    C("add", "note down: pick up dry cleaning", add("Pick up dry cleaning")),
    C("add", "jot down buy a birthday card for Sam", add("Buy a birthday card for Sam")),
    C("add", "stick 'order new glasses' on my list", add("order new glasses")),
    C("add", "put fix the bike on my todo list", add("Fix the bike")),
    C("add", "pop 'defrost the freezer' on the list", add("defrost the freezer")),
    C("add", "Create a task called Team lunch", add("Team lunch")),
    C("add", "make a new task: prepare slides", add("Prepare slides")),
    C("add", "remind me to call the bank", add("Call the bank")),
    C("add", "Remind me to take the bins out", add("Take the bins out")),
    C("add", "I need to remember to pay the electricity bill", add("Pay the electricity bill")),
    C("add", "don't let me forget to water the tomatoes", add("Water the tomatoes")),
    C("add", "I have to send the invoice to Acme", add("Send the invoice to Acme")),
    C("add", "I should really clean the oven", add("Clean the oven")),
    C("add", "need to get a haircut", add("Get a haircut")),
    C("add", "Hi! Can you add buy stamps?", add("Buy stamps")),
    C("add", "ok so add book flights to Lisbon", add("Book flights to Lisbon")),
    C("add", "Add a new item to my list: sort out the garage", add("Sort out the garage")),
    C("add", "add task titled 'Quarterly review'", add("Quarterly review")),
    C("add", "Buy batteries", add("Buy batteries")),
    C("add", "call mum tonight", add("Call mum", due_date=day(0))),
    # typos
    C("add", "ad a tsak to by batteries", add("Buy batteries")),
    C("add", "pls ad buy bread", add("Buy bread")),
    C("add", "addd a task to feed the cat", add("Feed the cat")),
    C("add", "creat a task to wash the windows", add("Wash the windows")),
    C("add", "add a taks to vacuum the stairs", add("Vacuum the stairs")),
    # trailing clauses
    C("add", "I need to renew my licence by Monday, add that", add("Renew my licence", due_date=MON),
      reply=("Renew my licence", "Mon 30 Nov")),
    C("add", "Pick up the parcel from the post office - can you add it?", add("Pick up the parcel from the post office")),
    C("add", "add walk the dog to my tasks", add("Walk the dog")),
    C("add", "add buy bread on my list", add("Buy bread")),
    C("add", "schedule the car service, put it on the list", add("Schedule the car service")),
    C("add", "Book the vet for Rex, can you add that to my list?", add("Book the vet for Rex")),
    C("add", "add finish the essay as a task", add("Finish the essay")),
    C("add", "Call the council about the bins. Add it please", add("Call the council about the bins")),
    # dates
    C("add", "Add a task to buy groceries tomorrow, high priority",
      add("Buy groceries", priority="high", due_date=WED), reply=("high priority", "Wed 25 Nov")),
    C("add", "remind me to call the dentist on friday", add("Call the dentist", due_date=FRI)),
    C("add", "add submit expenses by next monday", add("Submit expenses", due_date=MON)),
    C("add", "add pay the gas bill in 3 days", add("Pay the gas bill", due_date=FRI)),
    C("add", "add renew the domain by the end of the month", add("Renew the domain", due_date="2026-11-30")),
    C("add", "add prepare the presentation due thursday", add("Prepare the presentation", due_date=THU)),
    C("add", "add clean the house this weekend", add("Clean the house", due_date=SAT)),
    C("add", "remind me to send the report on December 3rd", add("Send the report", due_date="2026-12-03")),
    C("add", "add buy a gift for mum before the 15th", add("Buy a gift for mum", due_date="2026-12-15")),
    C("add", "add book flights in two weeks", add("Book flights", due_date=day(14))),
    C("add", "tomorrow I need to collect the prescription", add("Collect the prescription", due_date=WED)),
    C("add", "add doctor appointment on 2026-12-09", add("Doctor appointment", due_date="2026-12-09")),
    C("add", "add water the garden the day after tomorrow", add("Water the garden", due_date=THU)),
    # priorities in words
    C("add", "add fix the leaking tap, it's urgent", add("Fix the leaking tap", priority="high"),
      reply=("high priority",)),
    C("add", "add call the insurance company asap", add("Call the insurance company", priority="high")),
    C("add", "Critical: patch the production server", add("Patch the production server", priority="high")),
    C("add", "important - sign the contract by friday",
      add("Sign the contract", priority="high", due_date=FRI)),
    C("add", "add learn Spanish someday", add("Learn Spanish", priority="low"), reply=("low priority",)),
    C("add", "eventually I want to repaint the fence", add("Repaint the fence", priority="low")),
    C("add", "add organise the photos, whenever", add("Organise the photos", priority="low")),
    C("add", "add read War and Peace, low priority", add("Read War and Peace", priority="low")),
    C("add", "add clean the car (not urgent)", add("Clean the car", priority="low")),
    C("add", "add review the budget with medium priority", add("Review the budget", priority="medium")),
    C("add", "add high priority task: call the lawyer", add("Call the lawyer", priority="high")),
    C("add", "add update the website, priority high", add("Update the website", priority="high")),
    C("add", "add read important email from HR", add("Read important email from HR")),
    # several at once
    C("add", "add three things: eggs, flour and butter", add("Eggs"), add("Flour"), add("Butter"),
      reply=("Eggs", "Flour", "Butter")),
    C("add", "add walk the dog and feed the cat", add("Walk the dog"), add("Feed the cat")),
    C("add", "add these: call Anna, email Ben; book the hotel", add("Call Anna"), add("Email Ben"),
      add("Book the hotel")),
    C("add", "add buy bread and butter", add("Buy bread and butter")),
    C("add", "Add 'Pay rent' and 'Call mom'", add("Pay rent"), add("Call mom")),
    C("add", "add two tasks: clean the kitchen and take out the recycling", add("Clean the kitchen"),
      add("Take out the recycling")),
    # description
    C("add", "add buy milk - 2 litres, semi-skimmed", add("Buy milk", description="2 litres, semi-skimmed")),
    C("add", "Add task: call mom with description about her birthday",
      add("Call mom", description="about her birthday")),

    # --- listing ------------------------------------------------------------------------------------
    C("list", "Show me all my tasks", ls("all"), tasks=HOME, reply=("Buy milk", "Do the dishes")),
    C("list", "show everything", ls("all"), tasks=HOME),
    C("list", "what have I got?", ls("all"), tasks=HOME),
    C("list", "remind me what's on my list", ls("all"), tasks=HOME),
    C("list", "all tasks including finished ones", ls("all"), tasks=("[x] Buy milk", "Go to the gym")),
    C("list", "which have I ticked off?", ls("completed"), tasks=("[x] Buy milk", "Go to the gym"),
      reply=("Buy milk",), not_reply=("Go to the gym",)),
    C("list", "What's pending?", ls("pending"), tasks=("[x] Buy milk", "Go to the gym")),
    C("list", "what do I have left to do?", ls("pending"), tasks=HOME),
    C("list", "What have I completed?", ls("completed"), tasks=("[x] Buy milk",)),
    C("list", "list my todos", ls("all"), tasks=HOME),
    C("list", "my tasks", ls("all"), tasks=HOME),
    C("list", "tasks?", ls("all"), tasks=HOME),
    C("list", "what's on my plate today", ls("pending"), tasks=HOME),
    C("list", "anything left?", ls("pending"), tasks=HOME),
    C("list", "what still needs doing", ls("pending"), tasks=HOME),
    C("list", "can you show me what's outstanding", ls("pending"), tasks=HOME),
    C("list", "show me the done ones", ls("completed"), tasks=("[x] Buy milk", "Go to the gym")),
    C("list", "What did I finish?", ls("completed"), tasks=("[x] Buy milk",)),
    C("list", "show completed tasks", ls("completed"), tasks=("[x] Buy milk",)),
    C("list", "shwo my tasks", ls("all"), tasks=HOME),
    C("list", "lsit everything", ls("all"), tasks=HOME),
    C("list", "How many tasks do I have?", ls("all"), tasks=HOME, reply=("5 tasks",)),
    C("list", "give me my to-do list", ls("all"), tasks=HOME),
    C("list", "display open tasks", ls("pending"), tasks=HOME),
    C("list", "What's on the agenda?", ls("all"), tasks=HOME),
    C("list", "Could you list my unfinished tasks please", ls("pending"), tasks=HOME),
    C("list", "let me see my list", ls("all"), tasks=HOME),
    C("list", "what do i need to do", ls("pending"), tasks=HOME),
    C("list", "show me the whole list, done ones too", ls("all"), tasks=("[x] Buy milk", "Go to the gym")),
    C("list", "Is there anything I haven't done yet?", ls("pending"), tasks=HOME),
    C("list", "which tasks are finished", ls("completed"), tasks=("[x] Buy milk",)),
    C("list", "view list", ls("all"), tasks=HOME),
    C("list", "What's left on my todo list?", ls("pending"), tasks=HOME),
    C("list", "show my list", ls("all"), tasks=(), reply=("empty",)),

    # --- completing -------------------------------------------------------------------------------
    C("complete", "Mark task 3 as complete", done(3), tasks=HOME, reply=("Call the plumber",)),
    C("complete", "finish 'Wash the car'", done(5), tasks=ERRANDS),
    C("complete", "can you tick task #8 off?", done(8), tasks=HOME + ERRANDS),
    C("complete", "Please complete the report one, cheers", done(4), tasks=HOME),
    C("complete", "the dishes are done", done(5), tasks=HOME),
    C("complete", "I'm finished with the tax forms", done(2), tasks=ERRANDS),
    C("complete", "already paid the rent, you can check it off", done(1), tasks=ERRANDS),
    C("complete", "task 12 is done", done(12), tasks=HOME + ERRANDS + MEET),
    C("complete", "mark number two hundred and five as done", done(205), reply=("not found",)),
    C("complete", "done with the gym", done(2), tasks=HOME),
    C("complete", "I did the dishes", done(5), tasks=HOME),
    C("complete", "Finished the quarterly report!", done(4), tasks=HOME),
    C("complete", "mark buy milk as done", done(1), tasks=HOME),
    C("complete", "check off call the plumber", done(3), tasks=HOME),
    C("complete", "cross off the milk", done(1), tasks=HOME),
    C("complete", "tick off gym", done(2), tasks=HOME),
    C("complete", "complete #2", done(2), tasks=HOME),
    C("complete", "complete 4", done(4), tasks=HOME),
    C("complete", "mark tasks 1 and 3 as done", done(1), done(3), tasks=HOME),
    C("complete", "compelte task 2", done(2), tasks=HOME),
    C("complete", "mrak the plumber task as done", done(3), tasks=HOME),
    C("complete", "the passport is renewed, mark it done", done(3), tasks=ERRANDS),
    C("complete", "Just got back from the gym, that one's done", done(2), tasks=HOME),
    C("complete", "I washed the car", done(5), tasks=ERRANDS),
    C("complete", "called the plumber", done(3), tasks=HOME),
    C("complete", "set the dentist appointment task to done", done(4), tasks=ERRANDS),
    C("complete", "mark task five complete", done(5), tasks=HOME),
    C("complete", "groceries: done", done(3), tasks=MEET),
    C("complete", "I have finished writing the quarterly report", done(4), tasks=HOME),
    C("complete", "Mark the milk one as completed please", done(1), tasks=HOME),
    C("complete", "tick the dishes", done(5), tasks=HOME),
    C("complete", "you can mark the gym as done", done(2), tasks=HOME),
    C("complete", "Dishes done ✅", done(5), tasks=HOME),
    C("complete", "mark Buy milk as finished", done(1), tasks=("Buy milk", "Buy milk and eggs")),
    C("complete", "the tax forms are filed, tick them off", done(2), tasks=ERRANDS),
    C("complete", "mark the meeting as done", tasks=MEET, reply=("Which one",)),
    C("complete", "mark the yoga class as done", tasks=HOME, reply=("couldn't find",)),
    C("complete", "buy milk is already done", tasks=("[x] Buy milk", "Go to the gym"), reply=("already",)),

    # --- reopening --------------------------------------------------------------------------------
    C("reopen", "the gym one isn't done after all", reopen(2), tasks=("Buy milk", "[x] Go to the gym")),
    C("reopen", "reopen task 2", reopen(2), tasks=("Buy milk", "[x] Go to the gym")),
    C("reopen", "put the milk back on my list", reopen(1), tasks=("[x] Buy milk", "Go to the gym")),
    C("reopen", "unmark buy milk", reopen(1), tasks=("[x] Buy milk",)),
    C("reopen", "mark the dishes as not done", reopen(5),
      tasks=("Buy milk", "Go to the gym", "Call the plumber", "Write quarterly report", "[x] Do the dishes")),
    C("reopen", "oops, I didn't actually finish the report, reopen it", reopen(2),
      tasks=("[x] Buy milk", "[x] Write quarterly report")),
    C("reopen", "undo completing #1", reopen(1), tasks=("[x] Buy milk",)),
    C("reopen", "Rent isn't paid yet, mark it as pending again", reopen(1), tasks=("[x] Pay rent", "Renew passport")),
    C("reopen", "untick the car wash", reopen(5),
      tasks=("Pay rent", "File tax forms", "Renew passport", "Book dentist appointment", "[x] Wash the car")),
    C("reopen", "re-open the plumber task", reopen(3),
      tasks=("Buy milk", "Go to the gym", "[x] Call the plumber")),
    C("reopen", "mark task 1 as incomplete", reopen(1), tasks=("[x] Buy milk",)),
    C("reopen", "reopen the gym task", tasks=("Buy milk", "Go to the gym"), reply=("already",)),

    # --- deleting ---------------------------------------------------------------------------------
    C("delete", "Delete the meeting task", tasks=MEET, reply=("Which one",)),
    C("delete", "delete the team meeting", ls("all"), rm(1), tasks=MEET),
    C("delete", "Remove milk from my list", rm(1), tasks=HOME),
    C("delete", "delete #4", rm(4), tasks=HOME),
    C("delete", "take the car wash off the list", rm(5), tasks=ERRANDS),
    C("delete", "scrap the dentist thing", rm(4), tasks=ERRANDS),
    C("delete", "nvm about the passport, remove it", rm(3), tasks=ERRANDS),
    C("delete", "erase task 2", rm(2), tasks=HOME),
    C("delete", "delte the gym task", rm(2), tasks=HOME),
    C("delete", "get rid of the plumber one", rm(3), tasks=HOME),
    C("delete", "cancel the dentist appointment", rm(4), tasks=ERRANDS),
    C("delete", "drop 'Do the dishes'", rm(5), tasks=HOME),
    C("delete", "ditch the report", rm(4), tasks=HOME),
    C("delete", "forget about the gym", rm(2), tasks=HOME),
    C("delete", "I don't need the milk task anymore, delete it", rm(1), tasks=HOME),
    C("delete", "remove tasks 2 and 3", rm(2), rm(3), tasks=HOME),
    C("delete", "please delete task number four", rm(4), tasks=HOME),
    C("delete", "trash #1", rm(1), tasks=HOME),
    C("delete", "remvoe the dishes", rm(5), tasks=HOME),
    C("delete", "wipe the rent task", rm(1), tasks=ERRANDS),
    C("delete", "Could you delete the one about tax forms?", rm(2), tasks=ERRANDS),
    C("delete", "delete the yoga task", tasks=HOME, reply=("couldn't find",)),
    C("delete", "delete task 42", rm(42), tasks=HOME, reply=("not found",)),
    C("delete", "remove buy", tasks=("Buy milk", "Buy bread"), reply=("Which one",)),
    C("delete", "delete 'Buy milk'", rm(1), tasks=("Buy milk", "Buy milk and eggs")),
    C("delete", "delete the passport renewal", rm(3), tasks=ERRANDS),
    C("delete", "kill the gym task", rm(2), tasks=HOME),
    C("delete", "bin the dishes task", rm(5), tasks=HOME),
    C("delete", "We don't need 'Call the plumber' anymore", rm(3), tasks=HOME),
    C("delete", "Remove the task about the car", rm(5), tasks=ERRANDS),
    C("delete", "delete a task", tasks=HOME, reply=("Which task",)),

    # --- updating ---------------------------------------------------------------------------------
    C("update", "Change task 1 to 'Call mom tonight'", upd(1, title="Call mom tonight"), tasks=("Call mum",)),
    C("update", "Rename the groceries task to Buy food", upd(3, title="Buy food"), tasks=MEET),
    C("update", "update task 2 description to bring cake", upd(2, description="bring cake"), tasks=HOME),
    C("update", "#7: dentist at 4pm", upd(7, title="Dentist at 4pm"), tasks=HOME + ("Plan", "Dentist")),
    C("update", "edit 9, new title: Pay council tax", upd(9, title="Pay council tax"),
      tasks=HOME + ERRANDS),
    C("update", "the gym task should say 'Gym at 7am'", upd(2, title="Gym at 7am"), tasks=HOME),
    C("update", "fix the typo in 'Cal plumber', it should be 'Call plumber'", upd(1, title="Call plumber"),
      tasks=("Cal plumber", "Buy milk")),
    C("update", "change the description of the passport task to bring two photos",
      upd(3, description="bring two photos"), tasks=ERRANDS),
    C("update", "add a note to the passport task: bring two photos", upd(3, description="bring two photos"),
      tasks=ERRANDS),
    C("update", "rename 'Buy milk' to 'Buy oat milk'", upd(1, title="Buy oat milk"), tasks=HOME),
    C("update", "change buy milk to buy almond milk", upd(1, title="Buy almond milk"), tasks=HOME),
    C("update", "update the report task: Write Q4 report", upd(4, title="Write Q4 report"), tasks=HOME),
    C("update", "retitle task 3 as Phone the plumber", upd(3, title="Phone the plumber"), tasks=HOME),
    C("update", "change the title of task 2 to Swim at the pool", upd(2, title="Swim at the pool"), tasks=HOME),
    C("update", "set the description of the rent task to transfer before the 1st",
      upd(1, description="transfer before the 1st"), tasks=ERRANDS),
    C("update", "task 4 should read Submit tax forms", upd(4, title="Submit tax forms"), tasks=ERRANDS),
    C("update", "udpate task 1 to Buy soy milk", upd(1, title="Buy soy milk"), tasks=HOME),
    C("update", "rename the dishes one to Empty the dishwasher", upd(5, title="Empty the dishwasher"), tasks=HOME),
    C("update", "add details to task 2: bring the red folder", upd(2, description="bring the red folder"),
      tasks=HOME),
    C("update", "change task 3", tasks=HOME, reply=("say instead",)),
    C("update", "change the due date of the rent task to friday", upd(1, due_date=FRI), tasks=ERRANDS, reply=("due Fri 27 Nov",)),
    C("update", "edit the meeting task to Team sync", tasks=MEET, reply=("Which one",)),
    C("update", "modify #2 to Gym with Alex", upd(2, title="Gym with Alex"), tasks=HOME),
    C("update", "correct 'Renew pasport' to 'Renew passport'", upd(1, title="Renew passport"),
      tasks=("Renew pasport",)),

    # --- context: earlier turns ------------------------------------------------------------------
    C("context", "Now mark it as complete", done(1), before=("Add a task to buy groceries",),
      reply=("Buy groceries",)),
    C("context", "mark it as done", done(2), tasks=("Buy milk",), before=("add call the bank",)),
    C("context", "actually delete that one", rm(1), before=("add a task to walk the dog",)),
    C("context", "the second one", rm(2), tasks=MEET, before=("Delete the meeting task",)),
    C("context", "2", rm(2), tasks=MEET, before=("Delete the meeting task",)),
    C("context", "the first", done(1), tasks=MEET, before=("mark the meeting as done",)),
    C("context", "#2 please", rm(2), tasks=MEET, before=("remove the meeting one",)),
    C("context", "the notes one", rm(2), tasks=MEET, before=("Delete the meeting task",)),
    C("context", "both", done(1), done(2), tasks=MEET, before=("mark the meeting as done",)),
    C("context", "delete the second one", rm(2), tasks=HOME, before=("show my tasks",)),
    C("context", "mark the last one as done", done(5), tasks=HOME, before=("list my tasks",)),
    C("context", "complete the first one", done(1), tasks=HOME, before=("what's pending?",)),
    C("context", "rename it to Buy oat milk", upd(1, title="Buy oat milk"), before=("add buy milk",)),
    C("context", "Call mom tonight", upd(1, title="Call mom tonight"), tasks=("Call mum",),
      before=("change task 1",)),
    C("context", "oops, delete it", rm(3), tasks=("Buy milk", "Go to the gym"), before=("add pay rent",)),
    C("context", "make it high priority... no wait, just mark it done", done(1), before=("add pay rent",)),
    C("context", "it's done", done(3), tasks=("Buy milk", "Go to the gym"), before=("add pay rent",)),
    C("context", "reopen it", reopen(2), tasks=("Buy milk", "Go to the gym"), before=("complete task 2",)),
    C("context", "the gym", done(2), tasks=HOME, before=("mark a task as done",)),
    C("context", "4", rm(4), tasks=HOME, before=("delete a task",)),
    C("context", "mark them both as done", done(1), done(2), before=("add walk the dog and feed the cat",)),
    C("context", "delete it", tasks=HOME, before=("show my tasks",), reply=("Which",)),
    C("context", "and add buy eggs too", add("Buy eggs"), tasks=("Buy milk",), before=("show my tasks",)),
    C("context", "show my tasks", ls("all"), tasks=MEET, before=("Delete the meeting task",)),

    # --- small talk, help, and honest fallbacks ----------------------------------------------------
    C("chat", "hello", reply=("task assistant",)),
    C("chat", "Hi there!", reply=("task assistant",)),
    C("chat", "good morning", reply=("task assistant",)),
    C("chat", "thanks!", reply=("welcome",)),
    C("chat", "thank you so much", reply=("welcome",)),
    C("chat", "cheers", reply=("welcome",)),
    C("chat", "what can you do?", reply=("add tasks",)),
    C("chat", "help", reply=("add tasks",)),
    C("chat", "how does this work?", reply=("add tasks",)),
    C("chat", "book me a flight to Paris", reply=("can only help with your todo list",)),
    C("chat", "what's the weather like?", reply=("rephrase",)),
    C("chat", "asdfgh", reply=("rephrase",)),
    C("chat", "tell me a joke", reply=("rephrase",)),
    C("chat", "hmm", reply=("rephrase",)),
    C("chat", "who won the match last night?", reply=("rephrase",)),
]

# --- later rounds: phrasings written as fresh probes (each first run before the fixes it led to),
# other task lists -------------------------------------------------------------------------------
W1 = ("Buy milk", "Go to the gym", "Call the plumber", "Write quarterly report", "Do the dishes", "Pay rent", "Book dentist appointment")
W2 = ("Buy milk", "Go to the gym", "Call the plumber", "Write quarterly report", "Do the dishes", "Pay rent", "Book dentist appointment")
X2 = ("Renew licence", "[x] Clean the garage", "Email Jane about the party", "[x] Buy a birthday present", "Fix the bike")
Y3 = ("Call mom", "Call dad", "Buy cat food", "Clean the bathroom", "Submit the expense report", "Read 'Dune'", "Pick up the kids", "Pay the phone bill", "Water the plants", "Take the car for MOT", "Email Mr Smith", "Buy new running shoes")
Z3 = ("[x] Call mom", "Buy cat food", "[x] Clean the bathroom", "Submit the expense report")

CASES += [
 C("add", "Add 'Email Sarah the slides'", add("Email Sarah the slides")),
 C("add", "please remind me to pick up Tom from school at 3", add("Pick up Tom from school", due_date=day(0) + "T15:00")),
 C("add", "I gotta buy a new phone charger", add("Buy a new phone charger")),
 C("add", "can u add get car washed", add("Get car washed")),
 C("add", "add a todo for booking the hotel in Rome", add("Booking the hotel in Rome")),
 C("add", "Put 'Call Dad' on the list for Sunday", add("Call Dad", due_date=SUN)),
 C("add", "new todo - order printer ink", add("Order printer ink")),
 C("add", "Add task buy concert tickets, urgent!", add("Buy concert tickets", priority="high")),
 C("add", "add 'clean out the fridge' with low priority", add("clean out the fridge", priority="low")),
 C("add", "I must finish my thesis draft by friday", add("Finish my thesis draft", due_date=FRI)),
 C("add", "add pick up groceries tmrw", add("Pick up groceries", due_date=WED)),
 C("add", "could you create a reminder to renew the gym membership next week",
   add("Renew the gym membership", due_date=day(7))),
 C("add", "add: mow the lawn", add("Mow the lawn")),
 C("add", "Add milk, eggs and bread", add("Milk"), add("Eggs"), add("Bread")),
 C("add", "add call the vet and book a groomer", add("Call the vet"), add("Book a groomer")),
 C("add", "Remember to buy flowers for Mum's birthday", add("Buy flowers for Mum's birthday")),
 C("add", "I want to start running again, put that on my list", add("Start running again")),
 C("add", "add a high priority task to fix the login bug", add("Fix the login bug", priority="high")),
 C("add", "add 'Pay council tax' due 2026-12-01", add("Pay council tax", due_date="2026-12-01")),
 C("add", "Add laundry", add("Laundry")),
 C("add", "please add a task: prepare for the interview on Thursday", add("Prepare for the interview", due_date=THU)),
 C("add", "add back up my laptop, not urgent", add("Back up my laptop", priority="low")),
 C("add", "add a task 'Submit timesheet' for tomorrow", add("Submit timesheet", due_date=WED)),
 C("add", "adda task to call the electrician", add("Call the electrician")),
 C("add", "add task - read chapter 5", add("Read chapter 5")),
 C("add", "Hey, I need to schedule a meeting with the team, can you add it?", add("Schedule a meeting with the team")),
 C("add", "put down 'buy wrapping paper' please", add("buy wrapping paper")),
 C("add", "add an urgent task to call the school", add("Call the school", priority="high")),
 C("add", "I'd like to add a task: clean the windows", add("Clean the windows")),
 C("add", "add a reminder to take my medication tonight", add("Take my medication", due_date=day(0))),
 C("list", "what are my tasks?", ls("all"), tasks=W1),
 C("list", "Show pending tasks", ls("pending"), tasks=W1),
 C("list", "list everything I've finished", ls("completed"), tasks=W1),
 C("list", "what's on my to-do list", ls("all"), tasks=W1),
 C("list", "do I have any tasks?", ls("all"), tasks=W1),
 C("list", "What's still open?", ls("pending"), tasks=W1),
 C("list", "show me what I've done", ls("completed"), tasks=W1),
 C("list", "list all", ls("all"), tasks=W1),
 C("list", "what should I do next?", ls("pending"), tasks=W1),
 C("list", "Show me my completed items", ls("completed"), tasks=W1),
 C("list", "pending?", ls("pending"), tasks=W1),
 C("list", "whats left", ls("pending"), tasks=W1),
 C("list", "Can I see my list?", ls("all"), tasks=W1),
 C("list", "show all my todos, done or not", ls("all"), tasks=W1),
 C("list", "What tasks have I not completed yet?", ls("pending"), tasks=W1),
 C("list", "List tasks", ls("all"), tasks=W1),
 C("list", "what's done so far?", ls("completed"), tasks=W1),
 C("list", "How many things are left to do?", ls("pending"), tasks=W1),
 C("list", "display my whole todo list", ls("all"), tasks=W1),
 C("list", "gimme my tasks", ls("all"), tasks=W1),
 C("complete", "I've done the dishes", done(5), tasks=W1),
 C("complete", "mark 'Pay rent' complete", done(6), tasks=W1),
 C("complete", "Complete the gym task please", done(2), tasks=W1),
 C("complete", "tick off number 3", done(3), tasks=W1),
 C("complete", "the plumber has been called", done(3), tasks=W1),
 C("complete", "finished #4", done(4), tasks=W1),
 C("complete", "mark the dentist one as done", done(7), tasks=W1),
 C("complete", "rent's paid", done(6), tasks=W1),
 C("complete", "Set task 1 to completed", done(1), tasks=W1),
 C("complete", "I bought the milk", done(1), tasks=W1),
 C("complete", "check the gym off my list", done(2), tasks=W1),
 C("complete", "mark task seven as done", done(7), tasks=W1),
 C("complete", "Done: quarterly report", done(4), tasks=W1),
 C("complete", "the report is finished, tick it off", done(4), tasks=W1),
 C("complete", "can you mark 2 and 5 as done", done(2), done(5), tasks=W1),
 C("delete", "delete buy milk", rm(1), tasks=W1),
 C("delete", "Remove task 6", rm(6), tasks=W1),
 C("delete", "please get rid of the dentist task", rm(7), tasks=W1),
 C("delete", "I don't need to call the plumber anymore", rm(3), tasks=W1),
 C("delete", "cancel the gym", rm(2), tasks=W1),
 C("delete", "delete the dishes one, thanks", rm(5), tasks=W1),
 C("delete", "remove 'Pay rent' from the list", rm(6), tasks=W1),
 C("delete", "scratch the report", rm(4), tasks=W1),
 C("delete", "Delete task number 3", rm(3), tasks=W1),
 C("delete", "erase the milk task", rm(1), tasks=W1),
 C("delete", "forget the gym, delete it", rm(2), tasks=W1),
 C("delete", "take 'Do the dishes' off my list", rm(5), tasks=W1),
 C("delete", "drop task #7", rm(7), tasks=W1),
 C("delete", "remove the plumber", rm(3), tasks=W1),
 C("delete", "delete the dentist appointment please", rm(7), tasks=W1),
 C("update", "rename task 1 to Buy oat milk", upd(1, title="Buy oat milk"), tasks=W1),
 C("update", "change 'Go to the gym' to 'Go swimming'", upd(2, title="Go swimming"), tasks=W1),
 C("update", "update the plumber task to Call the electrician", upd(3, title="Call the electrician"), tasks=W1),
 C("update", "edit task 4: Write annual report", upd(4, title="Write annual report"), tasks=W1),
 C("update", "change the title of the rent task to Pay December rent", upd(6, title="Pay December rent"), tasks=W1),
 C("update", "add a description to task 7: bring insurance card", upd(7, description="bring insurance card"), tasks=W1),
 C("update", "the milk task should be 'Buy 2 pints of milk'", upd(1, title="Buy 2 pints of milk"), tasks=W1),
 C("update", "rename dishes to Load the dishwasher", upd(5, title="Load the dishwasher"), tasks=W1),
 C("update", "set task 2's description to leg day", upd(2, description="leg day"), tasks=W1),
 C("update", "Change task 6 title to Pay the landlord", upd(6, title="Pay the landlord"), tasks=W1),
 C("update", "update description of the report task: include Q3 numbers", upd(4, description="include Q3 numbers"), tasks=W1),
 C("update", "can you rename 'Call the plumber' to 'Call a plumber'", upd(3, title="Call a plumber"), tasks=W1),
 C("chat", "hey", reply=("task assistant",)),
 C("chat", "Good evening!", reply=("task assistant",)),
 C("chat", "thanks a lot", reply=("welcome",)),
 C("chat", "what can I ask you?", reply=("add tasks",)),
 C("chat", "how do I use this?", reply=("add tasks",)),
 C("add", "send an email to my boss", add("Send an email to my boss")),
 C("chat", "who are you?", reply=("task",)),
 C("chat", "great, thanks!", reply=("welcome",)),
 C("add", "Could you please add a task to organise the bookshelf?", add("Organise the bookshelf")),
 C("add", "can you put 'call the bank about the mortgage' on my list for next monday?", add("call the bank about the mortgage", due_date=MON)),
 C("add", "add a task: 'Prepare budget' - high priority", add("Prepare budget", priority="high")),
 C("add", "I need to buy a present for Lucy, it's important", add("Buy a present for Lucy", priority="high")),
 C("add", "hey can you remind me to email the accountant", add("Email the accountant")),
 C("add", "add something to my list: replace the smoke alarm batteries", add("Replace the smoke alarm batteries")),
 C("add", "create task 'Plan the holiday' low priority", add("Plan the holiday", priority="low")),
 C("add", "add a task to call mom on saturday", add("Call mom", due_date=SAT)),
 C("add", "Add \"Renew passport\" due next friday", add("Renew passport", due_date=FRI)),
 C("add", "add get the car serviced by the end of the week", add("Get the car serviced", due_date=FRI)),
 C("add", "remind me tomorrow to pay the water bill", add("Pay the water bill", due_date=WED)),
 C("add", "add 'Dentist' for december 10", add("Dentist", due_date="2026-12-10")),
 C("add", "add task buy eggs asap", add("Buy eggs", priority="high")),
 C("add", "please add: water plants, feed fish, take out trash", add("Water plants"), add("Feed fish"), add("Take out trash")),
 C("add", "add 'Buy a lamp' to my list, no rush", add("Buy a lamp", priority="low")),
 C("add", "Add a low-priority task to sort my socks", add("Sort my socks", priority="low")),
 C("add", "i need to call the garage - add that please", add("Call the garage")),
 C("add", "add apply for the visa, top priority", add("Apply for the visa", priority="high")),
 C("add", "Make a note to buy printer paper", add("Buy printer paper")),
 C("add", "add to my list: return the parcel", add("Return the parcel")),
 C("add", "add the task 'Update CV'", add("Update CV")),
 C("add", "add 'Cancel Netflix'", add("Cancel Netflix")),
 C("add", "add remove the old posters", add("Remove the old posters")),
 C("add", "add a task to delete old emails", add("Delete old emails")),
 C("add", "add 'Mark the exam papers'", add("Mark the exam papers")),
 C("add", "please add call grandma this evening", add("Call grandma", due_date=day(0))),
 C("add", "add a task for the dentist appointment on the 3rd of december", add("Dentist appointment", due_date="2026-12-03")),
 C("add", "add buy a new kettle whenever I get a chance", add("Buy a new kettle", priority="low")),
 C("add", "add hang the pictures in the hallway", add("Hang the pictures in the hallway")),
 C("add", "I'll need to renew the car tax in 5 days, add it", add("Renew the car tax", due_date=day(5))),
 C("list", "what do I need to get done?", ls("pending"), tasks=X2),
 C("list", "Show me everything on my list", ls("all"), tasks=X2),
 C("list", "show me what's not done yet", ls("pending"), tasks=X2),
 C("list", "list the completed ones", ls("completed"), tasks=X2),
 C("list", "what's on my list?", ls("all"), tasks=X2),
 C("list", "any pending tasks?", ls("pending"), tasks=X2),
 C("list", "which tasks have I finished?", ls("completed"), tasks=X2),
 C("list", "show tasks", ls("all"), tasks=X2),
 C("list", "What's on my todo list for today?", ls("pending"), tasks=X2),
 C("list", "see all tasks", ls("all"), tasks=X2),
 C("list", "what have I already done?", ls("completed"), tasks=X2),
 C("list", "show my open items", ls("pending"), tasks=X2),
 C("list", "list", ls("all"), tasks=X2),
 C("list", "could you show me my list of tasks", ls("all"), tasks=X2),
 C("list", "show me my complete list", ls("all"), tasks=X2),
 C("list", "what's outstanding", ls("pending"), tasks=X2),
 C("list", "Show me the finished tasks", ls("completed"), tasks=X2),
 C("list", "show everything, finished included", ls("all"), tasks=X2),
 C("list", "what's remaining?", ls("pending"), tasks=X2),
 C("list", "Tell me my tasks", ls("all"), tasks=X2),
 C("complete", "renewed the licence!", done(1), tasks=X2),
 C("complete", "mark the bike as fixed", done(5), tasks=X2),
 C("complete", "Jane has been emailed", done(3), tasks=X2),
 C("complete", "complete task 5 please", done(5), tasks=X2),
 C("complete", "i'm done with the bike", done(5), tasks=X2),
 C("complete", "the licence is sorted", done(1), tasks=X2),
 C("complete", "mark email jane as done", done(3), tasks=X2),
 C("complete", "tick number 1", done(1), tasks=X2),
 C("complete", "Emailed Jane about the party, so that's done", done(3), tasks=X2),
 C("complete", "check off #5", done(5), tasks=X2),
 C("complete", "mark task number three as complete", done(3), tasks=X2),
 C("complete", "fixed the bike", done(5), tasks=X2),
 C("complete", "done: renew licence", done(1), tasks=X2),
 C("complete", "can you mark the licence one finished", done(1), tasks=X2),
 C("complete", "Licence renewal is complete", done(1), tasks=X2),
 C("delete", "delete the bike task", rm(5), tasks=X2),
 C("delete", "remove the garage one", rm(2), tasks=X2),
 C("delete", "I won't need the birthday present task, delete it", rm(4), tasks=X2),
 C("delete", "trash the Jane email", rm(3), tasks=X2),
 C("delete", "delete task #2", rm(2), tasks=X2),
 C("delete", "remove task three", rm(3), tasks=X2),
 C("delete", "get rid of 'Fix the bike'", rm(5), tasks=X2),
 C("delete", "Please remove the licence task from my list", rm(1), tasks=X2),
 C("delete", "delete number 4", rm(4), tasks=X2),
 C("delete", "scrap fixing the bike", rm(5), tasks=X2),
 C("delete", "can you delete the garage task?", rm(2), tasks=X2),
 C("delete", "no need for the bike task anymore", rm(5), tasks=X2),
 C("delete", "remove 1", rm(1), tasks=X2),
 C("delete", "wipe out the party email task", rm(3), tasks=X2),
 C("delete", "delete the present", rm(4), tasks=X2),
 C("update", "rename the bike task to Fix the bike brakes", upd(5, title="Fix the bike brakes"), tasks=X2),
 C("update", "change task 1 to Renew driving licence", upd(1, title="Renew driving licence"), tasks=X2),
 C("update", "'Email Jane about the party' should be 'Email Jane about the picnic'", upd(3, title="Email Jane about the picnic"), tasks=X2),
 C("update", "update the licence task description: bring old licence and photo", upd(1, description="bring old licence and photo"), tasks=X2),
 C("update", "add a note to the bike task - the rear tyre is flat", upd(5, description="the rear tyre is flat"), tasks=X2),
 C("update", "#5: Repair the bike", upd(5, title="Repair the bike"), tasks=X2),
 C("update", "edit task 3, title: Email Jane re party", upd(3, title="Email Jane re party"), tasks=X2),
 C("update", "change 'Renew licence' into 'Renew license'", upd(1, title="Renew license"), tasks=X2),
 C("update", "I made a typo, task 5 should say Fix the bicycle", upd(5, title="Fix the bicycle"), tasks=X2),
 C("update", "update task 3 to say Call Jane about the party", upd(3, title="Call Jane about the party"), tasks=X2),
 C("update", "change the description of task 1 to urgent, expires soon", upd(1, description="urgent, expires soon"), tasks=X2),
 C("update", "rename 5 to Sell the bike", upd(5, title="Sell the bike"), tasks=X2),
 C("context", "mark that as done", done(6), tasks=X2, before=("add pick up the dry cleaning",)),
 C("context", "delete the third one", rm(3), tasks=X2, before=("show me my tasks",)),
 C("context", "the first one", rm(1), tasks=("Call mom", "Call dad"), before=("delete the call task",)),
 C("context", "yes, the dad one", rm(2), tasks=("Call mom", "Call dad"), before=("delete the call task",)),
 C("context", "actually, rename it to Buy soy milk", upd(6, title="Buy soy milk"), tasks=X2, before=("add buy milk",)),
 C("chat", "hiya", reply=("task assistant",)),
 C("chat", "ok thanks", reply=("welcome",)),
 C("chat", "can you order me a pizza?", reply=("todo list",)),
 C("chat", "what's 2 + 2?", reply=("rephrase",)),
 C("add", "yo add pizza night with the guys on friday", add("Pizza night with the guys", due_date=FRI)),
 C("add", "Could you add a reminder for me to buy cat litter?", add("Buy cat litter")),
 C("add", "need to book a haircut for next week, add it to my list", add("Book a haircut", due_date=day(7))),
 C("add", "add prep for the presentation tomorrow morning", add("Prep for the presentation", due_date=WED)),
 C("add", "I need to call the council - pretty urgent", add("Call the council", priority="high")),
 C("add", "add a task, buy a new mattress", add("Buy a new mattress")),
 C("add", "add 'call Jim' and 'email Kate' to my list", add("call Jim"), add("email Kate")),
 C("add", "add to my todo: clean the fish tank", add("Clean the fish tank")),
 C("add", "add task: pay parking fine (urgent)", add("Pay parking fine", priority="high")),
 C("add", "can you add a task to write thank-you cards", add("Write thank-you cards")),
 C("add", "ad 'buy stamps'", add("buy stamps")),
 C("add", "add a tsak: call the bank", add("Call the bank")),
 C("add", "add four tasks: wash, dry, fold, iron", add("Wash"), add("Dry"), add("Fold"), add("Iron")),
 C("add", "add pick up the cake on Saturday morning", add("Pick up the cake", due_date=SAT)),
 C("add", "add get birthday balloons, low prio", add("Get birthday balloons", priority="low")),
 C("add", "Please add to my tasks: renew my library card", add("Renew my library card")),
 C("add", "I have to pick up the prescription today, add it pls", add("Pick up the prescription", due_date=day(0))),
 C("add", "add: book the MOT, due 12/15", add("Book the MOT", due_date="2026-12-15")),
 C("add", "add \"Fix the fence\" as high priority", add("Fix the fence", priority="high")),
 C("add", "add a new todo called 'Research flights'", add("Research flights")),
 C("list", "What's on the list?", ls("all"), tasks=Z3),
 C("list", "show me pending items please", ls("pending"), tasks=Z3),
 C("list", "what have i ticked off", ls("completed"), tasks=Z3),
 C("list", "which ones are done?", ls("completed"), tasks=Z3),
 C("list", "what's not done?", ls("pending"), tasks=Z3),
 C("list", "everything please", ls("all"), tasks=Z3),
 C("list", "show all tasks, even the completed ones", ls("all"), tasks=Z3),
 C("list", "show me everything I still have to do", ls("pending"), tasks=Z3),
 C("list", "tasks left?", ls("pending"), tasks=Z3),
 C("list", "Do I have anything due?", ls("pending"), tasks=Z3),
 C("complete", "mark call mom as done", done(1), tasks=Y3),
 C("complete", "mark 'Call dad' done", done(2), tasks=Y3),
 C("complete", "the bathroom is clean now, tick it off", done(4), tasks=Y3),
 C("complete", "I picked up the kids", done(7), tasks=Y3),
 C("complete", "paid the phone bill", done(8), tasks=Y3),
 C("complete", "watered the plants", done(9), tasks=Y3),
 C("complete", "mark number eleven as done", done(11), tasks=Y3),
 C("complete", "task twelve is finished", done(12), tasks=Y3),
 C("complete", "mark the call task done", tasks=Y3, reply=("Which one",)),
 C("complete", "I finished reading Dune", done(6), tasks=Y3),
 C("complete", "expense report submitted", done(5), tasks=Y3),
 C("complete", "complet the cat food task", done(3), tasks=Y3),
 C("complete", "The MOT is done", done(10), tasks=Y3),
 C("complete", "emailed mr smith", done(11), tasks=Y3),
 C("complete", "bought the running shoes!", done(12), tasks=Y3),
 C("delete", "delet the cat food task", rm(3), tasks=Y3),
 C("delete", "remove the call tasks", tasks=Y3, reply=("Which one",)),
 C("delete", "get rid of Read Dune", rm(6), tasks=Y3),
 C("delete", "delete the one about the MOT", rm(10), tasks=Y3),
 C("delete", "nah remove the running shoes one", rm(12), tasks=Y3),
 C("delete", "delete task twenty", rm(20), tasks=Y3, reply=("not found",)),
 C("delete", "remove 'Email Mr Smith' please", rm(11), tasks=Y3),
 C("delete", "I don't want to read Dune anymore, scrap it", rm(6), tasks=Y3),
 C("delete", "cancel picking up the kids", rm(7), tasks=Y3),
 C("delete", "delete the plants task", rm(9), tasks=Y3),
 C("update", "rename 'Call dad' to 'Call grandad'", upd(2, title="Call grandad"), tasks=Y3),
 C("update", "change the plants task to Water the garden", upd(9, title="Water the garden"), tasks=Y3),
 C("update", "edit #6 - Read 'Dune Messiah'", upd(6, title="Read 'Dune Messiah'"), tasks=Y3),
 C("update", "update the MOT task, new title: Book MOT for Tuesday", upd(10, title="Book MOT for Tuesday"), tasks=Y3),
 C("update", "the bathroom task should say Clean the bathroom and toilet", upd(4, title="Clean the bathroom and toilet"), tasks=Y3),
 C("update", "add a note to the expense report task: include taxi receipts", upd(5, description="include taxi receipts"), tasks=Y3),
 C("update", "upate task 3 to Buy dog food", upd(3, title="Buy dog food"), tasks=Y3),
 C("update", "set the description for task 8 to due on the 20th", upd(8, description="due on the 20th"), tasks=Y3),
 C("update", "change 'Email Mr Smith' to 'Email Mrs Smith'", upd(11, title="Email Mrs Smith"), tasks=Y3),
 C("reopen", "I haven't actually called mom yet, reopen that", reopen(1), tasks=Z3),
 C("reopen", "mark the bathroom task as not done", reopen(3), tasks=Z3),
 C("reopen", "put 'Call mom' back to pending", reopen(1), tasks=Z3),
 C("reopen", "reopen #3", reopen(3), tasks=Z3),
 C("reopen", "the bathroom isn't clean after all", reopen(3), tasks=Z3),
 C("context", "mark it done", done(13), tasks=Y3, before=("add buy bin bags",)),
 C("context", "no, the second one", rm(2), tasks=Y3, before=("delete the call task",)),
 C("context", "delete the first two", rm(1), rm(2), tasks=Y3, before=("show my tasks",)),
 C("context", "change it to Buy bin liners", upd(13, title="Buy bin liners"), tasks=Y3, before=("add buy bin bags",)),
 C("context", "3", done(3), tasks=Y3, before=("mark a task as complete",)),
 C("chat", "Howdy", reply=("task assistant",)),
 C("chat", "cool, thanks", reply=("welcome",)),
 C("chat", "what's your name?", reply=("task",)),
 C("chat", "can you set an alarm for 7am", reply=("todo list",)),
]

W4 = ("Buy milk", "Go to the gym", "Call the plumber", "Write quarterly report", "Do the dishes", "Pay rent", "Book dentist appointment", "[x] Wash the car")

CASES += [
 C("add", "Add 'Order a cake' to the list and mark it urgent", add("Order a cake", priority="high")),
 C("add", "Please put milk on the shopping list", add("Milk")),
 C("add", "can you create a new task for me called 'Gym session'", add("Gym session")),
 C("add", "add a task - call the vet at 10am tomorrow", add("Call the vet", due_date=WED + "T10:00")),
 C("add", "I'd like to add buy a new laptop", add("Buy a new laptop")),
 C("add", "Add: pay the nanny, due friday, important", add("Pay the nanny", priority="high", due_date=FRI)),
 C("add", "new: fix the sink", add("Fix the sink")),
 C("add", "put down dentist for thursday", add("Dentist", due_date=THU)),
 C("add", "add, um, laundry", add("Laundry")),
 C("add", "i need to pick up my suit from the tailor by wednesday!!", add("Pick up my suit from the tailor", due_date=WED)),
 C("add", "add 3 tasks - hoover, dust, mop", add("Hoover"), add("Dust"), add("Mop")),
 C("add", "add a task for tomorrow: send the invoices", add("Send the invoices", due_date=WED)),
 C("add", "Add a task: Finish the Henderson proposal (high priority, due Monday)", add("Finish the Henderson proposal", priority="high", due_date=MON)),
 C("add", "pls add cancel the gym membership", add("Cancel the gym membership")),
 C("add", "add reply to Tom's email", add("Reply to Tom's email")),
 C("add", "add check the tyre pressure", add("Check the tyre pressure")),
 C("add", "create todo: update the team wiki", add("Update the team wiki")),
 C("add", "I must remember to take the bins out on Thursday night", add("Take the bins out", due_date=THU)),
 C("add", "add a task called delete old files", add("Delete old files")),
 C("add", "remind me to show the flat to the new tenants", add("Show the flat to the new tenants")),
 C("list", "what's on for today?", ls("pending"), tasks=W4),
 C("list", "do I have anything left to do?", ls("pending"), tasks=W4),
 C("list", "show me only the open ones", ls("pending"), tasks=W4),
 C("list", "list the tasks I completed", ls("completed"), tasks=W4),
 C("list", "remind me of my tasks", ls("all"), tasks=W4),
 C("list", "what are my pending todos", ls("pending"), tasks=W4),
 C("list", "what's next on my list?", ls("pending"), tasks=W4),
 C("list", "show me the list", ls("all"), tasks=W4),
 C("list", "Which tasks are still open?", ls("pending"), tasks=W4),
 C("list", "what did I get done?", ls("completed"), tasks=W4),
 C("complete", "I'm done with task 4", done(4), tasks=W4),
 C("complete", "task 3 complete", done(3), tasks=W4),
 C("complete", "completed: buy milk", done(1), tasks=W4),
 C("complete", "mark off the dentist", done(7), tasks=W4),
 C("complete", "yay finished the report", done(4), tasks=W4),
 C("complete", "can you check off the gym for me", done(2), tasks=W4),
 C("complete", "consider the rent paid", done(6), tasks=W4),
 C("complete", "the milk one - it's done", done(1), tasks=W4),
 C("complete", "got the dishes done", done(5), tasks=W4),
 C("complete", "Mark #6 as finished", done(6), tasks=W4),
 C("delete", "please remove task 3 from the list", rm(3), tasks=W4),
 C("delete", "i dont need the gym task", rm(2), tasks=W4),
 C("delete", "strike the dishes from my list", rm(5), tasks=W4),
 C("delete", "can you delete the dentist thing please", rm(7), tasks=W4),
 C("delete", "delete the car wash", rm(8), tasks=W4),
 C("delete", "remove the rent reminder", rm(6), tasks=W4),
 C("delete", "delete 'Write quarterly report'", rm(4), tasks=W4),
 C("delete", "Remove #1", rm(1), tasks=W4),
 C("update", "change the gym one to 'Go for a run'", upd(2, title="Go for a run"), tasks=W4),
 C("update", "rename my milk task to Buy oat milk", upd(1, title="Buy oat milk"), tasks=W4),
 C("update", "update #2: go to the gym at 6", upd(2, title="Go to the gym at 6"), tasks=W4),
 C("update", "call task 3 'Phone the plumber' instead", upd(3, title="Phone the plumber"), tasks=W4),
 C("update", "the title of task 1 should be Buy bread", upd(1, title="Buy bread"), tasks=W4),
 C("update", "change 'Pay rent' description to 'transfer by standing order'", upd(6, description="transfer by standing order"), tasks=W4),
 C("update", "rename task 5 'Unload the dishwasher'", upd(5, title="Unload the dishwasher"), tasks=W4),
 C("reopen", "Undo that, the car isn't washed", reopen(8), tasks=W4),
 C("reopen", "mark the car wash as not done", reopen(8), tasks=W4),
 C("context", "mark the second one done", done(2), before=("add walk the dog and feed the cat",)),
 C("context", "delete the last one", rm(8), tasks=W4, before=("show everything",)),
 C("context", "change it to Buy bread", upd(9, title="Buy bread"), tasks=W4, before=("add buy milk",)),
 C("context", "yes the team one", rm(1), tasks=("Team meeting", "Meeting notes"), before=("delete meeting",)),
 C("chat", "good night", reply=("task",)),
 C("chat", "you're great, thanks", reply=("welcome",)),
 C("chat", "can you browse the web?", reply=("todo list",)),
 C("chat", "what's up", reply=("task assistant",)),
]

V5 = ("Buy milk", "Go to the gym", Seed("Call the bank", priority="high"), "[x] Pay rent", Seed("Fix the shelf", priority="low"), "Email the school")

CASES += [
 C("list", "Is the gym task done?", ls("all"), tasks=V5, reply=("not done",)),
 C("list", "did I pay the rent?", ls("all"), tasks=V5, reply=("Pay rent", "is done")),
 C("list", "show me my urgent tasks", ls("all"), tasks=V5, reply=("Call the bank",), not_reply=("Buy milk",)),
 C("list", "what's low priority?", ls("all"), tasks=V5, reply=("Fix the shelf",), not_reply=("Buy milk",)),
 C("list", "tell me what I have to do", ls("pending"), tasks=V5),
 C("list", "what else do I need to do?", ls("pending"), tasks=V5),
 C("delete", "I can't make it to the gym, so bin that one", tasks=V5, reply=("Did you mean", "Go to the gym")),
 C("context", "yes", rm(2), tasks=V5, before=("I can't make it to the gym, so bin that one",)),
 C("context", "Buy eggs", add("Buy eggs"), tasks=V5, before=("add a task",)),
 C("add", "add a task", tasks=V5, reply=("What should I add",)),
 C("update", "move the gym to friday", upd(2, due_date=FRI), tasks=V5, reply=("due Fri 27 Nov",)),
 C("update", "make the milk task high priority", upd(1, priority="high"), tasks=V5, reply=("high priority",)),
 C("add", "add buy bread, no wait, buy rolls", add("Buy rolls")),
 C("add", "I have a haircut on Saturday", add("Haircut", due_date=SAT)),
 C("add", "don't forget to email the landlord", add("Email the landlord")),
 C("add", "dinner with Sam tomorrow", add("Dinner with Sam", due_date=WED)),
 C("delete", "changed my mind about the shelf, remove it", rm(5), tasks=V5),
 C("complete", "finally emailed the school!", done(6), tasks=V5),
 C("complete", "bank called ✔️", done(3), tasks=V5),
 C("complete", "milk bought", done(1), tasks=V5),
 C("reopen", "I didn't pay the rent after all", reopen(4), tasks=V5),
 C("reopen", "rent wasn't paid, put it back", reopen(4), tasks=V5),
 C("update", "the shelf task should say Fix the bookshelf", upd(5, title="Fix the bookshelf"), tasks=V5),
 C("update", "note on the bank task: ask about the loan", upd(3, description="ask about the loan"), tasks=V5),
 C("update", "change the school email to Email the headteacher", upd(6, title="Email the headteacher"), tasks=V5),
 C("delete", "remove the email task and the shelf task", rm(6), rm(5), tasks=V5),
 C("complete", "mark milk and gym as done", done(1), done(2), tasks=V5),
 C("add", "add feed the neighbour's cat on sunday", add("Feed the neighbour's cat", due_date=SUN)),
 C("add", "please note: call the garage about the brakes", add("Call the garage about the brakes")),
 C("add", "Add \"Buy a new umbrella\" - it's raining a lot", add("Buy a new umbrella")),
 C("chat", "who made you?", reply=("task",)),
 C("chat", "nice one", reply=("welcome",)),
]

U6 = ("Buy birthday card", "Clean the oven", "Call the insurance company", "[x] Send the package", "Prepare the slides for Monday", "Walk the dog")

CASES += [
 C("add", "Add to my list - buy a new toothbrush", add("Buy a new toothbrush")),
 C("add", "could you pop 'ring the landlord' onto my list please", add("ring the landlord")),
 C("add", "I really need to sort out my taxes before the end of the year", add("Sort out my taxes", due_date="2026-12-31")),
 C("add", "add a task to buy a christmas tree this saturday", add("Buy a christmas tree", due_date=SAT)),
 C("add", "remember to get petrol", add("Get petrol")),
 C("add", "task: phone the electrician, high priority", add("Phone the electrician", priority="high")),
 C("add", "add iron my shirts tonight - important", add("Iron my shirts", priority="high", due_date=day(0))),
 C("add", "Add wrap the presents and write the cards", add("Wrap the presents"), add("Write the cards")),
 C("add", "add order contact lenses in a week", add("Order contact lenses", due_date=day(7))),
 C("add", "add something: plan the team offsite", add("Plan the team offsite")),
 C("list", "What's on my list right now?", ls("all"), tasks=U6),
 C("list", "what have I finished so far", ls("completed"), tasks=U6),
 C("list", "could you tell me my pending tasks", ls("pending"), tasks=U6),
 C("list", "display everything", ls("all"), tasks=U6),
 C("list", "what tasks are left", ls("pending"), tasks=U6),
 C("complete", "the oven is clean!", done(2), tasks=U6),
 C("complete", "I walked the dog", done(6), tasks=U6),
 C("complete", "tick off the birthday card", done(1), tasks=U6),
 C("complete", "slides are ready, mark them as done", done(5), tasks=U6),
 C("complete", "rang the insurance company, done", done(3), tasks=U6),
 C("complete", "complete number six", done(6), tasks=U6),
 C("delete", "remove the oven task", rm(2), tasks=U6),
 C("delete", "I don't need to walk the dog, my sister did it - delete it", rm(6), tasks=U6),
 C("delete", "delete the insurance one", rm(3), tasks=U6),
 C("delete", "get rid of task 4", rm(4), tasks=U6),
 C("delete", "scrap the slides", rm(5), tasks=U6),
 C("update", "rename the card task to Buy anniversary card", upd(1, title="Buy anniversary card"), tasks=U6),
 C("update", "change 'Walk the dog' to 'Walk the dog twice'", upd(6, title="Walk the dog twice"), tasks=U6),
 C("update", "add a note to the insurance task: policy number 12345", upd(3, description="policy number 12345"), tasks=U6),
 C("update", "edit task 2: Clean the oven and hob", upd(2, title="Clean the oven and hob"), tasks=U6),
 C("reopen", "the package never arrived, reopen it", reopen(4), tasks=U6),
 C("reopen", "mark 'Send the package' as pending", reopen(4), tasks=U6),
 C("context", "tick it off", done(7), tasks=U6, before=("add buy bin bags",)),
 C("context", "delete the 2nd one", rm(2), tasks=U6, before=("list everything",)),
 C("chat", "Hey, how are you?", reply=("task assistant",)),
 C("chat", "can you play music", reply=("todo list",)),
]

# --- issue 11: the richer-task language (tags, times, repeats, reminders, filters, field changes) --
TUE2 = day(7)   # next Tuesday
R7 = (Seed("Dentist appointment", due_date=WED + "T10:00"), Seed("Write the report", due_date=THU, tags=("draft",)),
      Seed("Go to the gym", due_date=MON, recurrence="FREQ=WEEKLY;BYDAY=MO"), Seed("Fix the shelf", priority="high"),
      "Call the bank", Seed("Pay the water bill", due_date=day(-2)), "[x] Renew passport")


def ls_(status: str = "all", **kw: Any) -> tuple[str, dict[str, Any]]:
    return ("list_tasks", {"status": status, **kw})


CASES += [
 C("rich-add", "add a high priority task to file taxes by friday #finance",
   add("File taxes", priority="high", due_date=FRI, tags=["finance"]), reply=("#finance", "Fri 27 Nov")),
 C("rich-add", "remind me every monday at 9 to water the plants",
   add("Water the plants", due_date=MON + "T09:00", recurrence="FREQ=WEEKLY;BYDAY=MO", remind_at=MON + "T09:00"),
   reply=("repeats every Monday", "Mon 30 Nov, 9:00 am")),
 C("rich-add", "add stretch every day", add("Stretch", due_date=day(0), recurrence="FREQ=DAILY"), reply=("repeats every day",)),
 C("rich-add", "standup every weekday at 9:30am",
   add("Standup", due_date=day(0) + "T09:30", recurrence="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), reply=("every weekday",)),
 C("rich-add", "add clean the fridge every 2 weeks", add("Clean the fridge", due_date=day(0), recurrence="FREQ=WEEKLY;INTERVAL=2"),
   reply=("every 2 weeks",)),
 C("rich-add", "pay the rent monthly", add("Pay the rent", due_date=day(0), recurrence="FREQ=MONTHLY")),
 C("rich-add", "add pay rent every month on the 1st", add("Pay rent", due_date=day(7), recurrence="FREQ=MONTHLY;BYMONTHDAY=1"),
   reply=("on the 1st",)),
 C("rich-add", "yoga every tuesday and thursday at 7pm",
   add("Yoga", due_date=day(0) + "T19:00", recurrence="FREQ=WEEKLY;BYDAY=TU,TH")),
 C("rich-add", "call mom tomorrow 5pm", add("Call mom", due_date=WED + "T17:00"), reply=("Wed 25 Nov, 5:00 pm",)),
 C("rich-add", "add standup at 14:30", add("Standup", due_date=day(0) + "T14:30"), reply=("2:30 pm",)),
 C("rich-add", "add book club at 9", add("Book club", due_date=day(0) + "T09:00")),
 C("rich-add", "add take out the recycling tonight", add("Take out the recycling", due_date=day(0))),
 C("rich-add", "add renew the visa in 3 days", add("Renew the visa", due_date=FRI)),
 C("rich-add", "send the invoices by the end of the month", add("Send the invoices", due_date=MON)),
 C("rich-add", "haircut next friday at 11am", add("Haircut", due_date=FRI + "T11:00")),
 C("rich-add", "remind me at 4pm about the parcel pickup",
   add("Parcel pickup", due_date=day(0) + "T16:00", remind_at=day(0) + "T16:00")),
 C("rich-add", "add prepare the slides #work #q4 high priority",
   add("Prepare the slides", priority="high", tags=["work", "q4"])),
 C("rich-add", "add buy a gift for Sam by saturday, tagged family", add("Buy a gift for Sam", due_date=SAT, tags=["family"])),
 C("rich-add", "take the bins out every thursday evening", add("Take the bins out", due_date=THU, recurrence="FREQ=WEEKLY;BYDAY=TH")),
 C("rich-add", "add team retro every 2 weeks on friday at 3pm",
   add("Team retro", due_date=FRI + "T15:00", recurrence="FREQ=WEEKLY;INTERVAL=2;BYDAY=FR")),
 C("rich-list", "what's due this week?", ls_("pending", due="week"), tasks=R7),
 C("rich-list", "what's due today?", ls_("pending", due="today"), tasks=R7),
 C("rich-list", "show my overdue tasks", ls_("pending", due="overdue"), tasks=R7),
 C("rich-list", "what's due tomorrow?", ls_("pending"), tasks=R7, reply=("Dentist appointment",),
   not_reply=("Write the report",)),
 C("rich-list", "anything overdue?", ls_("pending", due="overdue"), tasks=R7),
 C("rich-list", "anything tagged work?", ls_(tag="work"), tasks=R7),
 C("rich-list", "show #draft", ls_(tag="draft"), tasks=R7, reply=("Write the report",)),
 C("rich-list", "sort by priority", ls_(sort="priority", order="desc"), tasks=R7),
 C("rich-list", "show tasks by due date", ls_(sort="due", order="asc"), tasks=R7),
 C("rich-list", "high priority tasks", ls_(priority="high"), tasks=R7, reply=("Fix the shelf",)),
 C("rich-list", "search for dentist", ls_(query="dentist"), tasks=R7, reply=("Dentist appointment",)),
 C("rich-list", "list my tasks alphabetically", ls_(sort="title", order="asc"), tasks=R7),
 C("rich-list", "which tasks have no due date?", ls_(), tasks=R7, reply=("Fix the shelf", "Call the bank"), not_reply=("Dentist",)),
 C("rich-update", "push the dentist to next tuesday", upd(1, due_date=TUE2 + "T10:00"), tasks=R7,
   reply=("Tue 1 Dec, 10:00 am",)),
 C("rich-update", "move task 5 to friday", upd(5, due_date=FRI), tasks=R7, reply=("due Fri 27 Nov",)),
 C("rich-update", "move the report to monday", upd(2, due_date=MON), tasks=R7),
 C("rich-update", "postpone the report by 2 days", upd(2, due_date=SAT), tasks=R7, reply=("Sat 28 Nov",)),
 C("rich-update", "reschedule the bank call for thursday at 2pm", upd(5, due_date=THU + "T14:00"), tasks=R7),
 C("rich-update", "make task 4 urgent", upd(4, priority="high"), tasks=R7, reply=("high priority",)),
 C("rich-update", "make task 5 urgent", upd(5, priority="high"), tasks=R7),
 C("rich-update", "lower the priority of the shelf task", upd(4, priority="low"), tasks=R7, reply=("low priority",)),
 C("rich-update", "set the bank task to low priority", upd(5, priority="low"), tasks=R7),
 C("rich-update", "tag the report task with work", upd(2, tags=["draft", "work"]), tasks=R7, reply=("#work",)),
 C("rich-update", "tag task 5 with finance", upd(5, tags=["finance"]), tasks=R7),
 C("rich-update", "remove the draft tag from the report", upd(2, tags=[]), tasks=R7),
 C("rich-update", "stop repeating the gym task", upd(3, recurrence=""), tasks=R7, reply=("doesn't repeat",)),
 C("rich-update", "make the bank task repeat every week", upd(5, recurrence="FREQ=WEEKLY"), tasks=R7,
   reply=("repeats every week",)),
 C("rich-update", "remove the due date from the dentist", upd(1, due_date=""), tasks=R7, reply=("no due date",)),
 C("rich-update", "remind me about the dentist task tomorrow at 8", upd(1, remind_at=WED + "T08:00"), tasks=R7),
 C("rich-update", "make the water bill due tomorrow", upd(6, due_date=WED), tasks=R7),
]

from tests.nlu.cases_more import MORE_CASES  # noqa: E402  (they build on the helpers above)

CASES += MORE_CASES

from tests.nlu.cases_safety import SAFETY_CASES  # noqa: E402  (adversarial: built to trick a parser)

CASES += SAFETY_CASES

from tests.nlu.cases_refs import REF_CASES  # noqa: E402  (actions on existing tasks, by kind of reference)

CASES += REF_CASES

from tests.nlu.cases_actions import ACTION_CASES  # noqa: E402  (on-task actions and their lookalikes: a probe)

CASES += ACTION_CASES

from tests.nlu.cases_updates import UPDATE_PROBES  # noqa: E402  (updates by kind: the probe written before tuning)

CASES += UPDATE_PROBES

from tests.nlu.cases_adds import PROBE_CASES  # noqa: E402  (adds in invented registers: a probe, never trained on)

CASES += PROBE_CASES

from tests.nlu.cases_calibrate import CALIBRATE_CASES  # noqa: E402  (act or ask: the calibration probe, never trained on)

CASES += CALIBRATE_CASES

from tests.nlu.cases_ontask import ONTASK_CASES  # noqa: E402  (on-task references and content: a probe)

CASES += ONTASK_CASES

from tests.nlu.cases_plain import PLAIN_CASES  # noqa: E402  (plain commands in unseen registers: a probe, never trained on)

CASES += PLAIN_CASES
