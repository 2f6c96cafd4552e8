"""The offline model's "undo" and bulk deletions (which ask first): constructions over the
`undo_*` and `bulk_*` lexicons, never sentences. An undo is UNDO-VERB [OBJECT] ("revert the last
change") or PARTICLE-VERB OBJECT "back" ("put it back"; OBJECT names the last changes, never a
task); a bulk deletion is VERB [QUANTIFIER] [DETERMINER] [STATUS] [NOUN] [tagged TAG] ("delete all
completed tasks"); then the answer to its preview. What the turn before did (its calls, carried
as data by `services.dialogue`) decides "put it back" and "redo". `step` is the pipeline's hook.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from rapidfuzz.distance import OSA

from todo_chat.agent.choices import as_text, prompt_of
from todo_chat.agent.offline.dialogue import Call, Step
from todo_chat.agent.offline.lexicon import entries as _entries
from todo_chat.agent.offline.lexicon import lookup as _words

DELETE_TASKS, UNDO = "delete_tasks", "undo_last_turn"
_PLACING = ("on ", "onto ", "in ", "into ")   # a list named after these is where a thing goes, not what goes
NOTHING_DELETED = "OK, I deleted nothing."


def normal(text: str) -> str:
    """Lower case, letters held down once ("undooo"), punctuation as spaces (apostrophes,
    hyphens and # kept), no filler words around, a word said twice once ("undo undo"), and
    near misses of this module's own words corrected ("udno", "compelted")."""
    text = re.sub(r"([a-z])\1{2,}", r"\1", text.lower())
    text = " ".join(re.sub(r"[^\w#'\- ]+", " ", text).split()).strip("- ")
    fillers = _words("bulk_fillers")
    previous = None
    while previous != text:
        previous = text
        text = re.sub(rf"^(?:{fillers})\s+|\s+(?:{fillers})$|^(?:{fillers})$", "", text).strip()
        text = re.sub(r"\b(\w+)(?:\s+\1\b)+", r"\1", text)
    return " ".join(_spelled(word) for word in text.split())


def clauses(text: str) -> list[str]:
    """The text's clauses ("oops, undo that, I didn't mean it"), each normalised."""
    return [c for c in (normal(part) for part in re.split(r"[,.;:!?\u2014\u2013]+|\s-\s", text)) if c]


@cache
def _vocabulary() -> frozenset[str]:
    kinds = ("undo_verbs", "undo_verbs_object", "undo_particle_verbs", "undo_objects", "bulk_verbs", "bulk_quantifiers",
             "bulk_determiners", "bulk_completed", "bulk_pending", "bulk_nouns", "bulk_lists")
    return frozenset(word for kind in kinds for entry in _entries(kind) for word in entry.split())


def _spelled(word: str) -> str:
    """A word one typo away (a letter changed, missing, added or two swapped: optimal string
    alignment distance 1) from exactly one word of the lexicons here, as that word. A
    four-letter word is one changed letter from too many others ("oven" / "open"): it is only
    corrected for two swapped letters ("udno"); shorter words are left alone."""
    known = _vocabulary()
    if word in known or len(word) < 4:
        return word
    near = {w for w in known if len(w) >= 4 and OSA.distance(word, w, score_cutoff=1) <= 1
            and (len(word) > 4 or sorted(w) == sorted(word))}
    return near.pop() if len(near) == 1 else word


# --- undo ----------------------------------------------------------------------------------------

@cache
def _undo_pattern() -> str:
    objects = _words("undo_objects")
    return (rf"(?:{_words('undo_verbs')})(?:\s+(?:{objects}))?"
            rf"|(?:{_words('undo_verbs_object')})\s+(?:{objects})"
            rf"|(?:{_words('undo_particle_verbs')})\s+(?:(?:{objects})\s+back|back\s+(?:{objects}))")


def is_undo(text: str, changed_before: bool = True) -> bool:
    """The text (or a clause: "undo that, I didn't mean it") is an undo; not beside a task's state
    ("it's not done, put it back"), nor, when the turn before changed nothing (`changed_before`),
    "put it back" or an undo beside other words: those name a task ("X wasn't sent, put it back")."""
    parts = clauses(text)
    undo = [c for c in parts if re.fullmatch(_undo_pattern(), c)]
    if not changed_before:    # nothing to undo: "put it back", or "undo that, the car isn't washed", name a task
        undo = [] if len(undo) < len(parts) else \
            [c for c in undo if c.split()[0] not in _entries("undo_particle_verbs")]
    state = rf"\b(?:{_words('bulk_completed')}|{_words('bulk_pending')})\b"
    return bool(undo) and not any(re.search(state, c) for c in parts if c not in undo)


def is_redo(text: str, last_calls: list[str]) -> bool:
    """"redo (that)": the undo of an undo, so only right after one (`last_calls`: the turn before's)."""
    if UNDO not in last_calls:
        return False
    return any(c == "redo" or c.startswith("redo ") and c[5:] in _entries("undo_objects") for c in clauses(text))


CHANGES = frozenset({"add_task", "complete_task", "reopen_task", "delete_task", "update_task", DELETE_TASKS, UNDO})


def last_turn_calls(items: list[dict]) -> list[str]:
    """The names of the turn before's calls that succeeded (`services.dialogue` carries them)."""
    between = _last_turn(items)
    failed = {it.get("call_id") for it in between
              if it.get("type") == "function_call_output" and "error" in _loads(it.get("output"))}
    return [str(it.get("name")) for it in between if it.get("type") == "function_call"
            and it.get("call_id") not in failed]


# --- bulk deletion -------------------------------------------------------------------------------

@cache
def _bulk_pattern() -> str:
    status = (rf"(?:(?P<completed>{_words('bulk_completed')})|(?P<pending>{_words('bulk_pending')}))")
    after = rf"(?:\s+(?:that\s+are|which\s+are|marked(?:\s+as)?|already)?\s*{status.replace('?P<', '?P<late_')})?"
    tag = r"(?:\s+(?:tagged|with\s+(?:the\s+)?tag|labelled|labeled)\s+#?(?P<tag>[\w\-]+))?"
    return (rf"(?:{_words('bulk_verbs')})"
            rf"(?:\s+(?P<quant>{_words('bulk_quantifiers')}))?"
            rf"(?:\s+(?:{_words('bulk_determiners')}))?"
            rf"(?:\s+{status})?"
            rf"(?:\s+(?P<noun>{_words('bulk_lists')}|{_words('bulk_nouns')}))?"
            rf"{after}{tag}"
            rf"(?:\s+(?:from|in|on|off)\s+(?:(?:{_words('bulk_determiners')})\s+)?(?:{_words('bulk_lists')}))?")


def bulk_filters(text: str) -> dict[str, Any] | None:
    """{"status", "tag"?} of a bulk deletion (the text or one of its clauses), or None."""
    return next((found for clause in clauses(text) if (found := _clause_filters(clause)) is not None), None)


def _clause_filters(low: str) -> dict[str, Any] | None:
    found = re.fullmatch(_bulk_pattern(), low)
    if found is None:
        return None
    groups = found.groupdict()
    completed = groups["completed"] or groups["late_completed"]
    pending = groups["pending"] or groups["late_pending"]
    listed = re.search(rf"\b(?:{_words('bulk_determiners')})\s+(?:{_words('bulk_lists')})$", low)
    # "chuck on the list: get petrol" puts something on the list; "clear the list", "bin off my list" empty it
    whole_list = listed is not None and not low[:listed.start()].endswith(_PLACING)
    if not (groups["quant"] or completed or pending or whole_list):
        return None
    if not (groups["quant"] or whole_list) and groups["noun"] in _entries("bulk_nouns_one"):
        return None  # "delete the done task" names one task, not a set
    filters: dict[str, Any] = {"status": "completed" if completed else "pending" if pending else "all"}
    if groups["tag"]:
        filters["tag"] = groups["tag"]
    return filters


# --- the answer to the question ------------------------------------------------------------------

def asked(items: list[dict]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(arguments, result) of the bulk-deletion preview the answer before this message made."""
    between = _last_turn(items)
    outputs = {it.get("call_id"): _loads(it.get("output")) for it in between
               if it.get("type") == "function_call_output"}
    for item in reversed(between):
        if item.get("type") == "function_call" and item.get("name") == DELETE_TASKS:
            arguments, result = _loads(item.get("arguments")), outputs.get(item.get("call_id"), {})
            if not arguments.get("confirm") and result.get("status") == "confirmation_needed":
                return arguments, result
    return None


def answer(text: str, result: dict[str, Any]) -> bool | None:
    """True: delete; False: delete nothing; None: not an answer (a command of its own)."""
    low = _plain(text)
    prompt = prompt_of({"question": result.get("question", ""), "choices": result.get("choices", [])})
    messages = [_plain(c.message) for c in prompt.choices] if prompt else []
    if low in messages:
        return messages.index(low) == 0
    if re.fullmatch(rf"(?:{_words('bulk_yes')})", low):
        return True
    if re.fullmatch(rf"(?:{_words('bulk_no')})(?:\s.*)?", low):
        return False
    if re.match(r"^(?:yes|yeah|yep|yup|sure|ok|okay)\s+delete\b", low):
        return True
    return None


# --- what to say ---------------------------------------------------------------------------------

def said(name: str, result: dict[str, Any]) -> str:
    """The answer after this turn's bulk deletion or undo ran."""
    if "error" in result:
        return f"Sorry, that didn't work: {result['error']}"
    if name == UNDO:
        return str(result.get("summary") or "Done.")
    status = result.get("status")
    if status == "confirmation_needed":
        listed = "\n".join(f"- #{t['id']} {t['title']}" for t in result.get("tasks", []))
        prompt = prompt_of({"question": result.get("question", ""), "choices": result.get("choices", [])})
        question = as_text(prompt) if prompt else str(result.get("question", ""))
        return f"This would delete:\n{listed}\n\n{question}"
    if status == "deleted":
        gone = ", ".join(f"**{t['title']}**" for t in result.get("tasks", []))
        count = int(result.get("count", 0))
        return f"Deleted {count} task{'' if count == 1 else 's'}: {gone}. Say \"undo\" to bring them back." \
            if count else "Nothing was deleted: none of those tasks is left."
    return str(result.get("message") or "Done.")


def step(user_text: str, calls: list[Call], items: list[dict]) -> Step | None:
    """The next step when this turn is an undo, a bulk deletion or the answer to one; else None."""
    if calls:
        name, _arguments, result = calls[-1]
        return Step(text=said(name, result)) if name in (DELETE_TASKS, UNDO) else None
    preview = asked(items)
    if preview is not None:
        agreed = answer(user_text, preview[1])
        if agreed is True:
            confirmed: dict[str, Any] = {k: v for k, v in preview[0].items() if k in ("status", "tag") and v}
            return Step(DELETE_TASKS, {**confirmed, "confirm": True})
        if agreed is False:
            return Step(text=NOTHING_DELETED)
    before = last_turn_calls(items)
    if is_undo(user_text, changed_before=bool(CHANGES.intersection(before))) or is_redo(user_text, before):
        return Step(UNDO, {})
    filters = bulk_filters(user_text)
    return Step(DELETE_TASKS, filters) if filters is not None else None


def _plain(text: str) -> str:
    """Lower case, punctuation as spaces: an answer's words as they are (a bare "no" is one)."""
    words = " ".join(re.sub(r"[^\w#'\- ]+", " ", text.lower()).split())
    return re.sub(r"\s+(?:please|thanks|thank you)$", "", words)


def _last_turn(items: list[dict]) -> list[dict]:
    """The items between the last two user messages: the turn before this one."""
    users = [i for i, it in enumerate(items) if _is_user(it)]
    return items[users[-2] + 1:users[-1]] if len(users) >= 2 else []


def _is_user(item: dict) -> bool:
    return item.get("type", "message") == "message" and item.get("role") == "user"


def _loads(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
