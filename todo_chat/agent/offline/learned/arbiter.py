"""Rules and classifier together: who decides a message's intent.

The rules (`intent.classify`) read constructions; the classifier (`inference.predict`) has seen
many more phrasings. Where the rules find nothing, a confident classifier decides: above its
`act` threshold it acts, between `ask` and `act` the model asks first. Where the rules read an
action that changes data and the classifier confidently reads something else, the model asks
(`confirm`): a disagreement never changes data. (Letting the classifier also overrule a rule of
one weak cue was tried, and measured worse.) Thresholds come from cross-validation
(`train.py`), never from the sealed split.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from todo_chat.agent.offline.learned.inference import WEIGHTS, Prediction, predict

ON_TASKS = ("complete", "reopen", "delete", "update")
_ACTING = ("add", *ON_TASKS)
# The classifier's intents as the pipeline's actions: a question is answered from the list, and
# "none" (a negated statement, "not yet") changes nothing.
_TO_ACTION = {"question": "list", "list": "list", "none": "cancel", **{a: a for a in _ACTING}}


@dataclass(frozen=True)
class Verdict:
    action: str            # an intent.Action, or "undo" / "bulk_delete" for the extension hook
    confirm: bool = False  # plausible, not certain: ask before acting


@cache
def thresholds() -> tuple[float, float]:
    found = json.loads(WEIGHTS.read_text(encoding="utf-8"))["thresholds"]
    return float(found["ask"]), float(found["act"])


def leads(text: str, intent: str, *, likely: bool = False) -> bool:
    """The classifier's first reading of `text` is `intent`, and at least plausible (its ask
    threshold) or, `likely`, past the middle of its ask and act thresholds: where the data settle
    the rest (clean title spans of an add, one task the words fit), such a reading is acted on."""
    guess = predict(text)
    ask, act = thresholds()
    return guess.intent == intent and guess.probability >= ((ask + act) / 2 if likely else ask)


def decide(rule_action: str, text: str) -> Verdict:
    """The intent to follow, given what the rules said of `text` (as typed)."""
    if rule_action not in ("unknown", *_ACTING):
        return Verdict(rule_action)
    guess = predict(text)
    ask, act = thresholds()
    if rule_action == "unknown":
        return _unknown(guess, ask, act)
    if _TO_ACTION.get(guess.intent, guess.intent) == rule_action:
        return Verdict(rule_action)
    # The rules against a confident classifier, or against one that finds their reading
    # implausible (below its ask threshold): ask, never act.
    doubted = guess.probability >= act or guess.probabilities.get(rule_action, 0.0) < ask
    return Verdict(rule_action, confirm=doubted)


def _unknown(guess: Prediction, ask: float, act: float) -> Verdict:
    if guess.probability < ask:
        return Verdict("unknown")
    if guess.intent in ("undo", "bulk_delete"):
        return Verdict(guess.intent)
    action = _TO_ACTION.get(guess.intent)
    if action is None or action == "add":
        # An add no rule read is offered, never made ("Add …?", asking.title_guess): acting on the
        # classifier alone added "Keep buy milk" and "I was not able to call mum".
        return Verdict("unknown")
    return Verdict(action, confirm=action in ON_TASKS and guess.probability < act)
