"""Stage 2: which intent is this message? Scored cues (patterns over the normalised text, an
imperative at the start weighing more), not one rule per phrasing; below the threshold the
message is small talk or "unknown" (the model asks rather than guesses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from todo_chat.agent.offline.lexicon import anywhere, lookup, starts
from todo_chat.agent.offline.rich import take_recurrence, take_time
from todo_chat.agent.offline.slots import BARE_ADD_VERBS, has_date

Action = Literal["add", "list", "complete", "reopen", "delete", "update",
                 "greet", "help", "thanks", "unknown", "cancel"]
THRESHOLD = 2.0


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern
    weight: float


def _cues(*pairs: tuple[str, float]) -> tuple[Cue, ...]:
    return tuple(Cue(re.compile(p, re.IGNORECASE), w) for p, w in pairs)


_LISTNOUN = r"(?:tasks?|todos?|list|items?|everything|agenda|plate|schedule|stuff|things)"

_PAST, _PARTICIPLE = lookup("past_tense"), lookup("past_participles")

CUES: dict[str, tuple[Cue, ...]] = {
    "add": _cues(
        (r"^(?:add|create|insert|jot|note down|write down|log|record|stick|pop|throw|put|new|enter|include|"
         r"append|capture)\b", 3.0),
        # A bare "Buy milk" is a new task; "book me a flight" asks the assistant to do it.
        (rf"^(?:{'|'.join(sorted(BARE_ADD_VERBS))})\b(?!\s+me\b)(?=\s+\S)", 2.0),
        (r"^do not forget (?:to|the|about|my)\b", 3.0),
        (r"^(?:remind me to|remind me that i need to|remember to|do not let me forget|dont let me forget|"
         r"need to|have to|got to|must)\b", 3.0),
        (r"\b(?:i|we) (?:really |also |still |definitely |just |will |am going to )?(?:need to|have to|must|should|"
         r"got to|want to|would like to|ought to|have got to)\b", 2.5),
        (r"^(?:very |super |really )?(?:urgent|critical|important|asap|high priority|low priority|medium priority|"
         r"not urgent|someday|low prio|high prio)\s*[:\-!,]", 2.0),
        (r"\b(?:add|put|stick|pop|chuck|throw)\b", 1.5),
        (r"^remind me\b(?!\s+(?:what|which|how))", 1.5),
    ),
    "list": _cues(
        (rf"^(?:{lookup('verbs_show')})\b", 3.0),
        (rf"^(?:{lookup('list_questions')})\b", 1.0),
        (rf"\b{_LISTNOUN}\b", 1.0),
        (r"\b(?:what|anything)\s+(?:is|are)?\s*(?:left|pending|remaining|outstanding|open|due|on)\b", 2.0),
        (r"\bwhat (?:have|do) i (?:got|have|need|still|left|to do|done|finished|completed)\b", 3.0),
        (r"\bwhat (?:have|did) i (?:ticked|checked|crossed|finish|complete|do|done|already)\b", 3.0),
        (r"\bremind me what\b|\bwhat is (?:on|in) my\b|\bwhat is next\b", 3.0),
        (r"\b(?:tell|show) me what\b|\bwhat (?:do |else do )?i (?:still )?(?:need|have|got) to (?:do|get done)\b", 4.0),
        (r"^remind me (?:of|about) (?:my|all my|the|what)\s+(?:tasks|list|todos|todo list|agenda|plans)\b", 5.0),
        (rf"^(?:{lookup('list_qualifiers')})\s+(?:tasks|todos|ones|items)\b", 3.0),
        (rf"^(?:{lookup('list_requests')})$", 3.0),
        (r"\b(?:show|list|see|view|display)\s+(?:me\s+)?(?:all|everything|my|the|what|which|pending|completed)\b", 1.0),
        (r"\bwhich (?:ones?|tasks?|todos?|items?)?\s*(?:have|did|are|is|do)\b", 2.0),
        (r"\?$", 0.5),
        # Filters and orders: "anything tagged garden?", "order by urgency", "look for the optician".
        (r"^(?:anything|tasks?|todos?|items?|what is|show|list)\b.*\b(?:tagged|labell?ed)\b|^(?:show|list"
            r"|see)\s+#\w+\s*$"
         r"|^#[a-z][\w-]*\s*\??$", 3.0),
        (r"^(?:sort|order|arrange|rank)\s+(?:them\s+|it\s+|my\s+|the\s+)?(?:tasks\s+|list\s+|todos\s+)?by\b", 5.0),
        (r"^(?:search|search for|look for|look up)\b|^find\s+(?:tasks?|anything|todos?|items?)\b", 3.5),
        (rf"^(?:my\s+|all\s+|the\s+)?(?:very\s+)?(?:{lookup('priority_levels')})[\s-]*(?:priority\s+)?"
         r"(?:tasks|todos|items|ones|stuff)\b", 4.0),
        (r"\b(?:overdue|past due)\b|\bwhat is due\b|\bdue (?:today|this week|tomorrow)\s*$", 2.5),
        (r"^(?:tasks|todos|items|anything|stuff|things)\s+(?:left|pending|remaining|outstanding|open|done|completed|"
         r"to do|finished)\b", 3.0),
    ),
    "complete": _cues(
        (rf"^(?:{lookup('verbs_finish')})\b", 2.5),
        (r"\b(?:tick|check|cross|strike)\b.*\boff\b", 3.0),
        (r"\bcomplete\b|\bfinish\b|\bdone\b", 0.5),
        (rf"\w\s*(?:-|:)\s*(?:{lookup('done_marks')})$", 2.5),   # "wash car - done", "haircut: sorted"
        # BE + a state that means the work is done (the thing is tidy, ready, sorted)
        (rf"\b(?:is|are|was|were)\s+(?:now\s+|all\s+|finally\s+)?(?:{lookup('done_states')})\b", 2.5),
        # "I mended the fence", "rang the glazier": a past-tense statement is a report of work done.
        (rf"^(?:i\s+|we\s+)?(?:have\s+)?(?:just\s+|already\s+|finally\s+|now\s+)?(?:\w{{3,}}ed|{_PAST})\b"
         r"(?!\s+(?:to|me)\b)", 2.0),
        # "visa form posted": a noun phrase and a past participle
        (rf"^(?!(?:add|create|put|new|remind|i need|i have)\b)\w+(?:\s+\w+){{0,5}}\s+(?:\w{{3,}}ed|{_PARTICIPLE})"
         r"\s*[!.]*$", 2.0),
        # "the glazier has been rung", "the forms were sent"
        (rf"\b(?:has|have|is|are|was|were)\s+(?:been\s+|now\s+|finally\s+|already\s+)*(?:\w{{3,}}ed|run|{_PARTICIPLE})\b",
         2.5),
    ),
    "reopen": _cues(
        (r"\bneeds?\s+(?:doing|redoing|to be done)\s+again\b|\bnot (?:really |actually )?(?:done"
            r"|finished) after all\b", 5.0),
        (rf"\b(?:{lookup('done_participles')})\b.*\b(?:by mistake|accidentally|by accident|"
         r"in error|wrongly|too early|too soon)\b", 5.0),
        (rf"\b(?:{lookup('verbs_reopen')})\b", 4.0),
        (r"\b(?:put|bring|move|set|add)\s+(?:it|that|this|them|.+?)\s*back\b", 5.0),
        (r"\b(?:mark|set|make|flag)\b.*\b(?:as\s+)?(?:not done|undone|incomplete|not complete|not completed|"
         r"unfinished|pending|open|not finished|to do)\b", 4.5),
        (r"\b(?:did|have|has|had)\s+not\b.*\bafter all\b", 4.5),
        # "the bathroom is not clean after all", "the rent was not paid after all"
        (r"\b(?:is|are|was|were|has|have)\s+not\s+(?:been\s+)?(?:actually\s+|really\s+)?\w+\b.*\bafter all\b", 4.5),
    ),
    "delete": _cues(
        (r"^(?:take|knock)\s+.+?\s+off\b|\b(?:can|could)\s+go\b|\bcan come off\b|"
         rf"\bcan be (?:{lookup('deleted_participles')})\b", 4.0),
        (rf"^(?:{lookup('verbs_delete')})\b", 4.0),
        (rf"\b(?:{lookup('delete_words')})\b", 3.0),
        (r"\b(?:take|strike|knock|get)\b.*\b(?:off|out of|from)\s+(?:my|the)\s+(?:list|tasks|todos|todo list)\b", 4.0),
        (rf"\b(?:{lookup('not_needed')})\b", 2.0),
    ),
    "update": _cues(
        (rf"^(?:{lookup('verbs_update')})\b", 4.0),
        (r"\bshould\s+(?:say|read|be called|be named|be)\b|\binstead of\b", 3.0),
        (r"^#?\d+\s*[:=]\s*\S", 5.0),
        (r"\b(?:description|details|notes?)\s+(?:of|for|on)\b", 2.0),
        # Due dates and priorities cannot change (the tools do not allow it): understood, then said so.
        (r"^(?:move|postpone|reschedule|push back|push|delay|bring forward|defer)\b", 4.0),
        (r"^(?:make|set|mark|change|bump|raise|lower|flag)\b.*\b(?:high|low|medium|normal|top)[\s-]*priority\b"
         r"|\bchange the priority\b|\bpriority (?:of|for) \w+.* to\b|\bchange the due date\b", 4.5),
        (r"^(?:set|give)\b.*\b(?:description|title|name|details|notes?)\b", 4.0),
    ),
}

_GREETING = starts("greetings")
_THANKS = starts("thanks")
_HELP = anywhere("help_phrases")


_ACTION_VERB = re.compile(rf"\b(?:{lookup('action_verbs')})\b",
                          re.IGNORECASE)


_HOW_TO = re.compile(r"^(?:what|how)\s+(?:do|should|can)\s+i\s+(?:type|say|write|ask)\b")


@dataclass(frozen=True)
class Scored:
    action: Action
    score: float
    scores: dict[str, float]


def score(low: str) -> dict[str, float]:
    totals: dict[str, float] = {}
    for action, cues in CUES.items():
        totals[action] = sum(c.weight for c in cues if c.pattern.search(low))
    return totals


def _adjust(low: str, totals: dict[str, float], asked: bool = False) -> None:
    """Interactions between cues that a plain sum gets wrong."""
    question = bool(re.match(rf"^(?:{lookup('list_questions')})\b",
                             low))
    about_tasks = re.search(rf"\b(?:{lookup('task_talk')})\b", low)
    if question and about_tasks:
        # "which ones did I close?", "what is done?" ask to see, not to act.
        totals["list"] += 3.0
        totals["complete"] -= 4.0
        totals["reopen"] -= 4.0
    if re.match(r"^(?:show|list|display|view|let me see|give me|tell me|bring up|pull up)\b", low) and about_tasks:
        totals["list"] += 2.0
        totals["complete"] -= 4.0
    if re.match(r"^(?:is|are|did|have|has|was|were)\b", low) and (asked or re.search(
            r"\b(?:done|finished|complete|completed|paid|yet|already)\b", low)) \
            and not re.search(r"\b(?:mark|delete|remove|add|change|reopen)\b", low):
        # "Is the yoga one finished?", "did I finish the report?": a question, answered from the list.
        totals["list"] += 4.0
        totals["complete"] -= 4.0
        totals["reopen"] -= 4.0
    best_other = max(v for k, v in totals.items() if k != "add")
    timed = (take_recurrence(low)[1] or take_time(low)[1]) and not re.search(r"\b(?:alarm|timer)\b", low)
    if (has_date(low) or timed) and best_other < 2.0:
        # "Dentist friday 3pm", "I have a dentist appointment on friday": a date makes it a task.
        totals["add"] += 1.5 + (1.0 if len(low.split()) <= 5 or take_recurrence(low)[1] else 0.0)
    if totals["reopen"] >= 4.0:
        totals["complete"] = min(totals["complete"], 1.0)
        totals["add"] = min(totals["add"], 1.0)


_ORDER = ("update", "reopen", "delete", "complete", "add", "list")


def classify(low: str, raw_low: str = "") -> Scored:
    """The intent of a normalised message (`raw_low`: as typed, for small talk)."""
    asked = (raw_low or low).rstrip(" !.").endswith("?")
    raw_low = (raw_low or low).strip(" !.?,")
    low = low.strip(" !.?,") if low.strip(" !.?,") else low
    if not low and not raw_low:
        return Scored("unknown", 0.0, {})
    if _HELP.search(raw_low) and (not _ACTION_VERB.search(raw_low) or _HOW_TO.search(raw_low)):
        return Scored("help", 1.0, {})
    totals = score(low)
    _adjust(low, totals, asked)
    best = max(_ORDER, key=lambda a: (totals[a], -_ORDER.index(a)))
    short = len(raw_low.split()) <= 5
    thanked = _THANKS.match(raw_low) or re.search(r"\b(?:thanks|thank you|cheers|thx)\b", raw_low)
    if short and totals[best] < 3.0 and (thanked or _GREETING.match(raw_low)):
        return Scored("thanks" if thanked else "greet", 1.0, totals)
    if totals[best] >= THRESHOLD:
        return Scored(best, totals[best], totals)  # type: ignore[arg-type]
    if _GREETING.match(raw_low):
        return Scored("greet", 1.0, totals)
    if _THANKS.match(raw_low):
        return Scored("thanks", 1.0, totals)
    return Scored("unknown", totals[best], totals)
