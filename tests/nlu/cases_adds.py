"""Open probe cases for adds, written before the add framing was tuned (issue 17), in registers
invented for them: terse heads and list labels, several items in one message (sequences, numbered
and bulleted lists, semicolons, "also"), framings no verb list names ("don't let me forget ..."),
non-native grammar, British/Australian idiom, voice dictation, emoji and rambling statements.
The lookalikes (kind "safety-add") must add nothing: questions, negated clauses, conditions,
reports and remarks that merely mention a thing one might add.

They are kept out of the classifier's training lines (`export_training`): a probe that is
trained on stops measuring how adds generalise.
"""

from __future__ import annotations

from tests.nlu.cases import FRI, MON, SAT, SUN, THU, WED, C, Case, add, day

PANTRY = ("Buy envelopes", "Check the tyre pressure", "Call the bank", "[x] Order cat food")

TERSE_CASES: list[Case] = [
    C("p-add", "need: envelopes", add("Envelopes")),
    C("p-add", "shopping - batteries", add("Batteries")),
    C("p-add", "errand: drop the parcel at the post office", add("Drop the parcel at the post office")),
    C("p-add", "todo: descale the kettle", add("Descale the kettle")),
    C("p-add", "reminder - renew the parking permit", add("Renew the parking permit")),
    C("p-add", "shopping list: bin bags", add("Bin bags")),
    C("p-add", "pantry - rice crackers", add("Rice crackers")),
    C("p-add", "to buy: a new kettle", add("A new kettle")),
    C("p-add", "chores: hoover the stairs", add("Hoover the stairs")),
    C("p-add", "for the weekend: clean the barbecue", add("Clean the barbecue")),
    C("p-add", "work - update the rota", add("Update the rota")),
    C("p-add", "new one: cancel the magazine subscription", add("Cancel the magazine subscription")),
]

SEVERAL_CASES: list[Case] = [
    C("p-add", "sand the shelf, then varnish it", add("Sand the shelf"), add("Varnish the shelf")),
    C("p-add", "1. ring the vet 2. order dog food 3. wash the dog bed",
      add("Ring the vet"), add("Order dog food"), add("Wash the dog bed")),
    C("p-add", "- descale the kettle\n- clean the oven", add("Descale the kettle"), add("Clean the oven")),
    C("p-add", "add email the landlord; chase the deposit; print the lease",
      add("Email the landlord"), add("Chase the deposit"), add("Print the lease")),
    C("p-add", "add buy light bulbs. also fix the porch light.", add("Buy light bulbs"), add("Fix the porch light")),
    C("p-add", "need: envelopes, stamps, parcel tape", add("Envelopes"), add("Stamps"), add("Parcel tape")),
    C("p-add", "today: hoover the stairs, water the ferns", add("Hoover the stairs"), add("Water the ferns")),
    C("p-add", "wash the car then wax it", add("Wash the car"), add("Wax the car")),
    C("p-add", "1) book the venue\n2) send the invites", add("Book the venue"), add("Send the invites")),
    C("p-add", "put these on: milk; bread; eggs", add("Milk"), add("Bread"), add("Eggs")),
    C("p-add", "add call the optician. also book the eye test.", add("Call the optician"), add("Book the eye test")),
    C("p-add", "• renew the tv licence\n• pay the window cleaner", add("Renew the tv licence"),
      add("Pay the window cleaner")),
    C("p-add", "strip the wallpaper, then paint the wall", add("Strip the wallpaper"), add("Paint the wall")),
    C("p-add", "add: defrost the freezer; clean the fridge", add("Defrost the freezer"), add("Clean the fridge")),
    C("p-add", "i need to post the card and buy wrapping paper", add("Post the card"), add("Buy wrapping paper")),
]

FRAMING_CASES: list[Case] = [
    C("p-add", "don't let me forget the tyre pressure", add("Tyre pressure")),
    C("p-add", "mustn't forget to post the birthday card", add("Post the birthday card")),
    C("p-add", "note to self: return the library dvds", add("Return the library dvds")),
    C("p-add", "gotta remember to defrost the freezer", add("Defrost the freezer")),
    C("p-add", "can u jot sth down: ring the florist", add("Ring the florist")),
    C("p-add", "pencil in a haircut for saturday", add("A haircut", due_date=SAT)),
    C("p-add", "stick 'renew passport' on the list", add("renew passport")),
    C("p-add", "chuck cat litter on the shopping list", add("Cat litter")),
    C("p-add", "whack 'call the council about the bins' on there", add("call the council about the bins")),
    C("p-add", "remind me to water the tomatoes", add("Water the tomatoes")),
    C("p-add", "must book the chimney sweep", add("Book the chimney sweep")),
    C("p-add", "i should really sort out the garage", add("Sort out the garage")),
    C("p-add", "put down get a new phone charger", add("Get a new phone charger")),
    C("p-add", "I'll have to renew the car insurance", add("Renew the car insurance")),
    C("p-add", "make sure I ring grandma on sunday", add("Ring grandma", due_date=SUN)),
    C("p-add", "log a task: fix the squeaky door", add("Fix the squeaky door")),
    C("p-add", "memo - collect the dry cleaning", add("Collect the dry cleaning")),
    C("p-add", "could you pop 'pay the milkman' in", add("pay the milkman")),
    C("p-add", "remember to take the bins out tonight", add("Take the bins out", due_date=day(0))),
    C("p-add", "we're low on washing up liquid", add("Washing up liquid")),
]

NON_NATIVE_CASES: list[Case] = [
    C("p-add", "please you add a task for to call the insurance", add("Call the insurance")),
    C("p-add", "I must to buy new shoes for the wedding", add("Buy new shoes for the wedding")),
    C("p-add", "put in my list: visit my aunt", add("Visit my aunt")),
    C("p-add", "add me please the task clean the fridge", add("Clean the fridge")),
    C("p-add", "tomorrow i have to bring the documents to the bank",
      add("Bring the documents to the bank", due_date=WED)),
    C("p-add", "is need to repair the bicycle", add("Repair the bicycle")),
    C("p-add", "you can write for me: pay the electricity", add("Pay the electricity")),
    C("p-add", "make one task for renew my visa", add("Renew my visa")),
    C("p-add", "i want that you add buy the flowers for mother", add("Buy the flowers for mother")),
    C("p-add", "necessary to call the landlord on friday", add("Call the landlord", due_date=FRI)),
]

DICTATION_CASES: list[Case] = [
    C("p-add", "okay so add book a table at the thai place for saturday",
      add("Book a table at the thai place", due_date=SAT)),
    C("p-add", "new task renew my gym membership", add("Renew my gym membership")),
    C("p-add", "um add pick up the kids from football on thursday", add("Pick up the kids from football",
                                                                        due_date=THU)),
    C("p-add", "add a reminder to email the school about the trip", add("Email the school about the trip")),
    C("p-add", "uh can you put down call the garage about the brakes", add("Call the garage about the brakes")),
    C("p-add", "add sweep the patio", add("Sweep the patio")),
    C("p-add", "create a task to print the boarding passes", add("Print the boarding passes")),
    C("p-add", "add fix the gate latch friday", add("Fix the gate latch", due_date=FRI)),
]

DATED_CASES: list[Case] = [
    C("p-add", "urgent!!! pay the parking fine by friday", add("Pay the parking fine", priority="high", due_date=FRI)),
    C("p-add", "low priority: alphabetise the spice rack", add("Alphabetise the spice rack", priority="low")),
    C("p-add", "by next monday submit the expense claim", add("Submit the expense claim", due_date=MON)),
    C("p-add", "need to renew the domain before the end of the month, it's important",
      add("Renew the domain", priority="high", due_date="2026-11-30")),
    C("p-add", "add clean the gutters, not urgent", add("Clean the gutters", priority="low")),
    C("p-add", "tomorrow: dentist at 9", add("Dentist", due_date=WED + "T09:00")),
    C("p-add", "high priority - back up the laptop", add("Back up the laptop", priority="high")),
    C("p-add", "add order the birthday cake for saturday", add("Order the birthday cake", due_date=SAT)),
    C("p-add", "friday: hand in the library books", add("Hand in the library books", due_date=FRI)),
    C("p-add", "add call the vet, details: ask about the flea tablets",
      add("Call the vet", description="ask about the flea tablets")),
]

CASUAL_CASES: list[Case] = [
    C("p-add", "🛒 bin bags", add("Bin bags")),
    C("p-add", "add 📌 book the flu jab", add("Book the flu jab")),
    C("p-add", "ugh need to ring the council again", add("Ring the council")),
    C("p-add", "oh and i need to get petrol", add("Get petrol")),
    C("p-add", "reckon i should book the mot", add("Book the mot")),
    C("p-add", "add buy sunscreen 🌞", add("Buy sunscreen")),
    C("p-add", "gotta grab a birthday card for dave", add("Grab a birthday card for dave")),
    C("p-add", "the fence panel blew down, need to replace it", add("Replace the fence panel")),
    C("p-add", "the bathroom tap is dripping so i have to fix it", add("Fix the bathroom tap")),
    C("p-add", "need to call the bank", add("Call the bank"), tasks=("Buy envelopes",)),
]

LOOKALIKE_CASES: list[Case] = [
    C("safety-add", "did I already add envelopes?", tasks=PANTRY),
    C("safety-add", "is the tyre pressure on my list?", tasks=PANTRY),
    C("safety-add", "don't add the dentist, I've cancelled it", tasks=PANTRY),
    C("safety-add", "no need to add milk, we have loads", tasks=PANTRY),
    C("safety-add", "if the boiler breaks again, add a task to call Gary", tasks=PANTRY),
    C("safety-add", "I bought the batteries yesterday", tasks=PANTRY),
    C("safety-add", "the florist rang back", tasks=PANTRY),
    C("safety-add", "what should I add for the party?", tasks=PANTRY),
    C("safety-add", "shopping is so boring", tasks=PANTRY),
    C("safety-add", "how do I add a task?", tasks=PANTRY),
    C("safety-add", "can you add tasks by voice?", tasks=PANTRY),
    C("safety-add", "my mum said I should eat more vegetables", tasks=PANTRY),
    C("safety-add", "we don't need envelopes after all", tasks=PANTRY),
    C("safety-add", "I was going to add the gutters but never mind", tasks=PANTRY),
    C("safety-add", "nobody needs more stamps", tasks=PANTRY),
    C("safety-add", "why did you add that?", tasks=PANTRY),
    C("safety-add", "do I need to buy envelopes?", tasks=PANTRY),
    C("safety-add", "should I call the bank today?", tasks=PANTRY),
    C("safety-add", "don't remind me to call the bank", tasks=PANTRY),
    C("safety-add", "in case the car fails the MOT, remind me to book a repair", tasks=PANTRY),
    C("safety-add", "thanks, that's everything for now", tasks=PANTRY),
    C("safety-add", "i already put the tyre pressure on there", tasks=PANTRY),
]

PROBE_CASES: list[Case] = [*TERSE_CASES, *SEVERAL_CASES, *FRAMING_CASES, *NON_NATIVE_CASES, *DICTATION_CASES,
                           *DATED_CASES, *CASUAL_CASES, *LOOKALIKE_CASES]
