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

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "completed": self.done, "priority": self.priority,
                "due_date": self.due_date, "description": self.description}


@dataclass(frozen=True)
class Case:
    kind: str                     # the intent it exercises, for the report
    say: str
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    tasks: tuple[str | Seed, ...] = ()
    before: tuple[str, ...] = ()
    reply: tuple[str, ...] = ()
    not_reply: tuple[str, ...] = ()

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
      reply: tuple = (), not_reply: tuple = ()) -> Case:
    return Case(kind, say, list(calls), tuple(tasks), tuple(before), tuple(reply), tuple(not_reply))


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
    C("add", "please add \"renew car insurance\" to my list, cheers", add("Renew car insurance")),
    C("add", "Would you mind adding water the plants", add("Water the plants")),
    C("add", "new task: clean the gutters", add("Clean the gutters")),
    C("add", "Todo: return library books", add("Return library books")),
    C("add", "TODO - email the landlord", add("Email the landlord")),
    C("add", "note down: pick up dry cleaning", add("Pick up dry cleaning")),
    C("add", "jot down buy a birthday card for Sam", add("Buy a birthday card for Sam")),
    C("add", "stick 'order new glasses' on my list", add("Order new glasses")),
    C("add", "put fix the bike on my todo list", add("Fix the bike")),
    C("add", "pop 'defrost the freezer' on the list", add("Defrost the freezer")),
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
      reply=("Renew my licence", "Mon Nov 30")),
    C("add", "Pick up the parcel from the post office - can you add it?", add("Pick up the parcel from the post office")),
    C("add", "add walk the dog to my tasks", add("Walk the dog")),
    C("add", "add buy bread on my list", add("Buy bread")),
    C("add", "schedule the car service, put it on the list", add("Schedule the car service")),
    C("add", "Book the vet for Rex, can you add that to my list?", add("Book the vet for Rex")),
    C("add", "add finish the essay as a task", add("Finish the essay")),
    C("add", "Call the council about the bins. Add it please", add("Call the council about the bins")),
    # dates
    C("add", "Add a task to buy groceries tomorrow, high priority",
      add("Buy groceries", priority="high", due_date=WED), reply=("high priority", "Wed Nov 25")),
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
    C("update", "change the due date of the rent task to friday", tasks=ERRANDS, reply=("due date",)),
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
