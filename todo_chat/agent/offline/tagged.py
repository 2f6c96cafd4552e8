"""The span tagger's reading of an add the framing rules could not cut a title from.

Used only to *offer* an add ("Or should I add “sort the spare key”?"): the task is made only
after a "yes", so a wrong span costs a question, never a wrong change. Due and priority words the
tagger finds ride along in the offered command, where the existing parsers read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from todo_chat.agent.offline.learned.arbiter import thresholds
from todo_chat.agent.offline.learned.inference import predict
from todo_chat.agent.offline.learned.tagger import spans

ADD_SLOTS = ("title", "due", "priority")
LONG_TITLE = 8     # words: a rule title longer than this is likely the whole sentence


@dataclass(frozen=True)
class TaggedAdd:
    title: str
    when_words: str     # the due and priority spans as typed ("friday urgent"); "" if none


def tagged_add(text: str, *, classifier_must_agree: bool) -> TaggedAdd | None:
    """One title span in `text`, cleaned; None if the tagger finds none or several, or (when
    `classifier_must_agree`) the classifier does not confidently read an add."""
    from todo_chat.agent.offline.adding import _clean_title
    from todo_chat.agent.offline.asking import asks_the_assistant
    from todo_chat.agent.offline.clauses import mood

    if asks_the_assistant(text) or mood(text) == "question":
        return None
    if classifier_must_agree:
        guess = predict(text)
        if guess.intent != "add" or guess.probability < thresholds()[0]:
            return None
    found = spans(text, "add", ADD_SLOTS)
    titles = found.get("title", [])
    if len(titles) != 1:
        return None
    title = _clean_title(titles[0])
    if not re.search(r"[^\W\d_]{2}", title):
        return None
    extra = [*found.get("due", [])[:1], *found.get("priority", [])[:1]]
    return TaggedAdd(title, " ".join(extra))


def offer_command(tagged: TaggedAdd) -> str:
    """The command a "yes" sends: the title quoted (taken byte for byte), the time words after it."""
    quoted = tagged.title.replace('"', "'")
    return f'add a task called "{quoted}" {tagged.when_words}'.strip()


def rule_add_items(items: list[dict], raw: str, today: date) -> list[dict]:
    """The tasks of an add the rules read: theirs, unless they cut no title or kept a whole long
    sentence ("the boiler guy is coming thursday and i need to sort the spare key") where the
    tagger finds a title inside it; then the tagger's title, due and priority."""
    from todo_chat.agent.offline.adding import add_items
    from todo_chat.agent.offline.normalise import normalise

    if len(items) > 1 or (items and len(items[0]["title"].split()) <= LONG_TITLE):
        return items
    tagged = tagged_add(raw, classifier_must_agree=False)
    if tagged is None or (items and len(tagged.title.split()) >= len(items[0]["title"].split())):
        return items
    found = add_items(normalise(offer_command(tagged)), today)
    if items and len(found) == 1:
        kept = {k: items[0][k] for k in ("priority", "due_date") if items[0].get(k) and not found[0].get(k)}
        found = [{**found[0], **kept}]
    return found or items
