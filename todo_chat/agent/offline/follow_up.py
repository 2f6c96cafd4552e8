"""How a message leans on the turns before it: what the conversation so far tells us (`Context`),
the answer to our own question (a picked choice, the title we asked for), and a command carried
over to other tasks ("and 3", "the tree surgeon too", "same with the van").

Split out of `dialogue.py`, which plans the turn from the request these readings give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from todo_chat.agent.choices import Choice, ChoicePrompt
from todo_chat.agent.offline import asking, clauses, replies
from todo_chat.agent.offline.intent import THRESHOLD
from todo_chat.agent.offline.lexicon import anywhere, entries, starts
from todo_chat.agent.offline.parse import Request, understand
from todo_chat.agent.offline.resolve import mentioned
from todo_chat.agent.offline.slots import task_ids


@dataclass
class Context:
    """What the conversation before this message tells us."""

    named: list[dict[str, Any]] = field(default_factory=list)  # tasks the last answer named, in order
    offered: ChoicePrompt | None = None   # the choices the last answer offered (its offer_choices call)
    asked: Request | None = None     # the request a "what should I add / say instead?" came from
    asked_kind: str = ""             # "new_title" | "add_what"

    @classmethod
    def read(cls, texts: list[tuple[str, str]], today: date, offered: ChoicePrompt | None = None) -> Context:
        """`texts`: earlier (role, text) pairs, oldest first; `offered`: the last answer's choices."""
        named: list[dict[str, Any]] = []
        for role, text in reversed(texts):
            if role == "assistant":
                named = mentioned(text)
                if named:
                    break
        if not texts or texts[-1][0] != "assistant":
            return cls(named)
        if offered is not None:
            return cls(named, offered)
        last = texts[-1][1]
        kind = "new_title" if replies.NEW_TITLE_MARK in last else "add_what" if replies.ADD_WHAT_MARK in last else ""
        if kind == "add_what":
            return cls(named, None, Request("add", understand("", today).norm), kind)
        asking = next((t for r, t in reversed(texts[:-1]) if r == "user"), None) if kind else None
        asked = understand(asking, today) if asking else None
        if asked is None or not asked.on_tasks:
            return cls(named)
        return cls(named, None, asked, kind)


# --- a command carried over ("and 3", "the van too") -------------------------------------------------

# The previous command's action, said again over other words: plain commands the rules read whole.
_CARRIED = {"complete": "mark {} as done", "delete": "delete {}", "reopen": "reopen {}"}
_TAILS = tuple(sorted((tuple(tail.split()) for tail in entries("also_tails")), key=len, reverse=True))


def carried_over(text: str, earlier: list[tuple[str, str]], today: date) -> str:
    """"and 3" after "done 2" means "mark 3 as done"; "the tree surgeon too" after a deletion,
    "delete the tree surgeon". The message as that command, when it starts or ends with a word of
    carrying over, reads no action of its own, and the user's message before it completed, deleted
    or reopened tasks; else the message as typed. The command goes through the whole pipeline and
    the guard like any other (its words must still name one task)."""
    rest = _less_markers(" ".join(text.lower().split()))
    if rest is None or not rest or clauses.mood(text) == "question" or anywhere("negators").search(rest):
        return text
    if understand(text, today).score >= THRESHOLD:      # "and delete 4 too": a command of its own
        return text
    before = next((said for role, said in reversed(earlier) if role == "user"), None)
    if before is None or earlier[-1][0] != "assistant":
        return text
    prior = understand(before, today)
    if prior.action not in _CARRIED or prior.confirm:
        return text
    return _CARRIED[prior.action].format(rest)


def _less_markers(low: str) -> str | None:
    """The words between a leading "and" / "same with" and a trailing "too" / "as well"; None
    when there is neither."""
    lead = starts("also_leads").match(low)
    said = (low[lead.end():] if lead else low).strip(" ,.!").split()
    tail = next((t for t in _TAILS if len(said) > len(t) and tuple(w.strip(",.!") for w in said[-len(t):]) == t),
                None)
    if lead is None and tail is None:
        return None
    return " ".join(said[:-len(tail)] if tail else said).strip(" ,.!")


# --- answers to our own questions ------------------------------------------------------------------

def follow_up(request: Request, context: Context) -> Request:
    """The answer to our own question: a picked choice, or the title we asked for."""
    if context.offered is not None:
        return _answered(request, context.offered)
    asked = context.asked
    if asked is None:
        return request
    strong = request.action not in ("unknown", "greet", "thanks", "help") and request.score >= 3.0
    if context.asked_kind == "add_what":
        if strong or not request.norm.text.strip():
            return request
        return understand("add " + request.norm.raw, request.today)
    # The answer is the new title unless it is plainly another command ("Ring the vet at six" is a title).
    if strong and (request.action != "add" or re.match(r"^(?:add|create|new|put)\b", request.norm.low)):
        return request
    value = request.norm.text.strip(" \"'")
    if not value:
        return request
    ids = asked.ids or [t["id"] for t in context.named[:1]]
    return replace(asked, action="update", ids=ids, query="",
                   new_title=value[:1].upper() + value[1:], new_description=None)


def _answered(request: Request, offered: ChoicePrompt) -> Request:
    """'yes', '2', 'the second', 'the dad one', 'no' after choices: the picked choice's command."""
    picked = asking.pick(request.norm.raw, offered)
    if picked == "cancel":
        return Request("cancel", request.norm, 1.0, today=request.today)
    if isinstance(picked, Choice):
        if picked.message == asking.NEVER_MIND:
            return Request("cancel", request.norm, 1.0, today=request.today)
        return understand(picked.message, request.today)
    # Not one of the choices: a command of its own, or the tasks it names for the action offered.
    offered_action = understand(offered.choices[0].message, request.today)
    own = request.action not in ("unknown", "greet", "thanks", "help") and request.score >= 3.0
    if own or not offered_action.on_tasks:
        return request
    if asking.every(request.norm.raw):
        ids = [i for c in offered.choices for i in task_ids(c.message)]
        return replace(offered_action, ids=ids, query="")
    ids = task_ids(request.norm.text)
    if ids or request.norm.text.strip():
        return replace(offered_action, ids=ids, query="" if ids else request.norm.text, ref=request.ref,
                       changes={}, new_title=None, new_description=None) \
            if offered_action.action in ("complete", "reopen", "delete") else request
    return request
