"""Adds read by the learned parts: the classifier says "add", the span tagger cuts the titles.

- `learned_items`: an add no rule framed is made when "add" is the classifier's first reading and
  the tagger finds clean commanded title spans in a message in force (not a question, negated,
  conditional or someone else's words): two models reading one add. Otherwise it is only offered
  (`tagged.tagged_add`).
- `arbitrate`: where the rules framed an add, their titles and the tagger's are weighed by the CRF
  itself: the rules' titles labelled into the tagger's best labelling, against that best labelling.
  The tagger's reading wins when the CRF scores it `MARGIN` (log-odds) above the rules' one; a
  quote, a description or a title the rules rewrote (not in the text as typed) keeps the rules'.
- Several titles in one message are the tagger's spans; a pronoun in a later one ("sand the shelf,
  then varnish it") stands for the object of the one before, in a lone one ("the shed door is
  stuck, need to oil it") for the tagger's target span before it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from itertools import pairwise

from todo_chat.agent.offline import clauses
from todo_chat.agent.offline.adding import MAX_ITEMS, _clean_title, add_items
from todo_chat.agent.offline.frames import PRONOUN
from todo_chat.agent.offline.learned import tagger
from todo_chat.agent.offline.learned.arbiter import leads
from todo_chat.agent.offline.learned.span_features import tokenize
from todo_chat.agent.offline.learned.tagger import spans
from todo_chat.agent.offline.lexicon import anywhere, starts
from todo_chat.agent.offline.normalise import Norm, normalise
from todo_chat.agent.offline.resolve import TITLE_STOPWORDS
from todo_chat.agent.offline.slots import TASK_VERBS

ADD_SLOTS = ("title", "due", "priority")
MARGIN = 4.5          # log-odds by which the tagger's labelling must beat the rules' titles (open split)
_BREAKS = frozenset("-:;.+")
_LETTERS = re.compile(r"[^\W\d_]{2}")


def learned_items(norm: Norm, today: date) -> list[dict]:
    """The tasks of a message no rule framed, when the classifier is sure it adds and the
    message is in force; [] otherwise."""
    if not in_force(norm) or not leads(norm.raw, "add"):
        return []
    if norm.quotes:
        return add_items(norm, today)     # the quoted words are the title, byte for byte
    words, labels = _read(norm.text)
    if any(w.isdigit() and label == "O" for w, label in zip(words, labels, strict=True)):
        return []     # a number outside every span may name a task by its id ("I need 2 ...")
    if not _clean(words, labels) or not _commanded(words, labels):
        return []
    return _items(norm.text, words, labels, today)


_CUES = ("verbs_add", "add_leads", "remind_leads", "need_phrases", "add_heads")


def _commanded(words: list[str], labels: list[str]) -> bool:
    """The first title said as a task: it starts with a task's verb ("call the insurance") that
    no subject says, or words before it ask for an add or head it ("need:", "remind me to"); not
    the rest of a statement ("Friday works better for the hostel printout")."""
    first = next((start for slot, start, _ in _spans(labels) if slot == "title"), None)
    if first is None:
        return False
    before = " ".join(words[:first]).lower()
    # a task's verb, or a word before a determiner opening the message ("sand the shelf"; "oat milk" is none)
    if words[first].lower() in TASK_VERBS or first == 0 and words[1:2] and words[1].lower() in _DETERMINERS:
        said = anywhere("report_adverbs").sub(" ", before).split()   # "i already put X on there": a statement
        return not said or not anywhere("subjects").fullmatch(said[-1])
    if {"+", "&"} & set(words) and _listed(words, labels):    # things listed: "oat milk + bananas"
        return True
    return any(mark in before for mark in (":", "-")) or any(anywhere(kind).search(before) for kind in _CUES)


def _clean(words: list[str], labels: list[str]) -> bool:
    """Every title span a whole phrase: no break inside it ("call the council - pretty"), no
    priority word in it, and it does not stop on a word that leads to more ("sort out the")."""
    for slot, start, end in _spans(labels):
        said = [w.lower() for w in words[start:end]]
        if slot != "title":
            continue
        if any(w in _BREAKS for w in said[1:-1]) or said[-1] in TITLE_STOPWORDS:
            return False
        if any(anywhere(f"priority_{level}").fullmatch(w) for w in said for level in ("low", "medium", "high")):
            return False
    return True


def arbitrate(items: list[dict], norm: Norm, today: date) -> list[dict]:
    """The rules' `items`, or the tagger's reading of the message where the CRF clearly prefers it."""
    if not items or norm.quotes or any(i.get("description") for i in items):
        return items
    words, best = _read(norm.text)
    titled = [s for s in _spans(best) if s[0] == "title"]
    if not titled:
        return items
    ruled = _relabel(words, best, [i["title"] for i in items])
    if ruled is None or ruled == best or len(titled) < len(items) or not _clean(words, best):
        return items
    if _score(tuple(words), tuple(best)) - _score(tuple(words), tuple(ruled)) < MARGIN:
        return items
    found = _items(norm.text, words, best, today)
    if len(found) > len(items) and _listed(words, best) and _shares_verb([i["title"] for i in found]):
        return items      # "buy bread and butter": one verb over both nouns is one task
    if len(found) == 1 and len(items) == 1:   # one task either way: the rules' date and rank stand
        found = [{**found[0], **{k: items[0][k] for k in ("priority", "due_date", "recurrence", "tags")
                                 if items[0].get(k)}}]
    return found or items


_LISTING = frozenset({",", "and", "&", "+", "plus", "or"})
_DETERMINERS = frozenset(("the", "a", "an", "my", "our", "your", "his", "her", "their", "some", "this", "that"))


def _listed(words: list[str], labels: list[str]) -> bool:
    """Only list words ("," "and") between the title spans, no break or "then" between them."""
    titles = [(start, end) for slot, start, end in _spans(labels) if slot == "title"]
    between = (w.lower() for (_, end), (start, _) in pairwise(titles) for w in words[end:start])
    return all(w in _LISTING for w in between)


def _shares_verb(titles: list[str]) -> bool:
    """The first title starts with a task's verb and a later one has none of its own."""
    said = [t.lower().split() + [""] for t in titles]    # a known verb, or a word a determiner follows
    verb_first = [words[0] in TASK_VERBS or words[1] in _DETERMINERS for words in said]
    return verb_first[0] and not all(verb_first[1:])


def doubted(items: list[dict], norm: Norm) -> bool:
    """Rules' titles no model supports: the tagger cuts no title from the message and "add" is
    not the classifier's first reading ("can you add tasks by voice?"): asked, never made. So are
    someone else's words ("my mum said I should …"): advice reported is not a request."""
    if not items or norm.quotes:
        return False
    if anywhere("guard_reported").search(clauses.plain(norm.text)):
        return True
    if leads(norm.raw, "add"):
        return False
    return not any(label.endswith("-title") for label in _read(norm.text)[1])


def in_force(norm: Norm) -> bool:
    """Not a question, no negated or conditional clause, nothing held or reported."""
    low = clauses.plain(norm.text)
    if clauses.mood(norm.raw) == "question" or anywhere("guard_hypothetical").search(low):
        return False
    if anywhere("guard_reported").search(low) or anywhere("guard_holds").search(low):
        return False
    unranked = low
    for level in ("priority_low", "priority_medium", "priority_high"):
        unranked = anywhere(level).sub(" ", unranked)    # "not urgent" ranks, it negates nothing
    if anywhere("negators").search(unranked) or anywhere("denials").search(unranked):
        return False
    return not any(starts("guard_conditions").match(clauses.plain(p)) for p in clauses.split(norm.text))


def _items(text: str, words: list[str], labels: list[str], today: date) -> list[dict]:
    """The tasks of a labelling: each title span (cleaned, its pronoun resolved), with the
    labelling's due and priority words read by the rules."""
    tokens = tokenize(text)
    found: dict[str, list[str]] = {}
    for slot, start, end in _spans(labels):
        found.setdefault(slot, []).append(text[tokens[start][1]:tokens[end - 1][2]])
    titles: list[str] = []
    for span in found.get("title", []):
        if titles and PRONOUN.search(span) and len(titles[-1].split()) > 1:
            span = PRONOUN.sub(titles[-1].split(None, 1)[1], span, count=1)
        elif not titles and PRONOUN.search(span) and (thing := _spoken_of(text[:text.find(span)])):
            span = PRONOUN.sub(thing, span, count=1)
        title = _clean_title(span)
        if _LETTERS.search(title):
            titles.append(title)
    # the dates and ranks in the words around the titles, read by the rules' date and priority words
    rest = text
    for slot, start, end in _spans(labels):
        if slot == "title":
            rest = rest.replace(text[tokens[start][1]:tokens[end - 1][2]], " ", 1)
    items = []
    for title in titles[:MAX_ITEMS]:
        quoted = title.replace('"', "'")
        items += add_items(normalise(f'add a task called "{quoted}" {rest}'), today)[:1]
    return items


def _spoken_of(before: str) -> str:
    """What the words before a lone "fix it" speak of ("the shed door is stuck, need to oil it"):
    the tagger's target span there, read as about a task; "" if none."""
    targets = spans(before, "update", ("target",)).get("target", []) if before.strip() else []
    return targets[0] if len(targets) == 1 else ""


def _spans(labels: list[str]) -> list[tuple[str, int, int]]:
    out, start, slot = [], 0, ""
    for k, label in enumerate([*labels, "O"]):
        if label.startswith("I-") and label[2:] == slot:
            continue
        if slot:
            out.append((slot, start, k))
        slot, start = (label[2:], k) if label != "O" else ("", k)
    return out


def _relabel(words: list[str], best: list[str], titles: list[str]) -> list[str] | None:
    """`best` with its titles replaced by the rules' `titles` (found in order, as words, perhaps
    round the date or priority words the rules took out of them); None when a title is not in the
    text as typed (the rules rewrote it)."""
    low = [w.lower() for w in words]
    out = ["O" if label.endswith("-title") else label for label in best]
    at = 0
    for title in titles:
        want = [t.lower() for t, _, _ in tokenize(title)]
        found = next((m for i in range(at, len(low)) if (m := _match(low, best, i, want))), None)
        if not want or found is None:
            return None
        for n, k in enumerate(found):
            out[k] = "B-title" if n == 0 else "I-title"
        at = found[-1] + 1
    # a slot cut short by a title keeps its remaining words as a span of its own
    return [f"B-{label[2:]}" if label.startswith("I-") and (k == 0 or out[k - 1][2:] != label[2:]) else label
            for k, label in enumerate(out)]


def _match(low: list[str], best: list[str], start: int, want: list[str]) -> list[int]:
    """The positions of `want` in `low` from `start`, skipping the words of a date or a priority
    the tagger read; [] if it is not there."""
    found: list[int] = []
    k = start
    for word in want:
        while k < len(low) and low[k] != word and found and _dated(best, k):
            k += 1
        if k >= len(low) or low[k] != word:
            return []
        found.append(k)
        k += 1
    return found


def _dated(best: list[str], k: int) -> bool:
    """A date or priority word, or one of the two before one ("on thursday", "by next friday")."""
    return any(label[2:] in ("due", "priority") for label in best[k:k + 3])


@lru_cache(maxsize=256)
def _read(text: str) -> tuple[list[str], list[str]]:
    """The words of `text` and the tagger's best labelling of them as an add (read once a message)."""
    words = [t for t, _, _ in tokenize(text)]
    return words, tagger.labels(words, "add", ADD_SLOTS)


@lru_cache(maxsize=128)
def _score(words: tuple[str, ...], labels: tuple[str, ...]) -> float:
    """The CRF's unnormalised log-score of one labelling (emissions and transitions)."""
    return tagger.score(list(words), list(labels), "add")
