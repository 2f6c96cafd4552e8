"""Stage 4: which of the user's real tasks is meant: fuzzy, word by word (rapidfuzz), plural-
and tense-insensitive ("paid the rent" finds "Pay rent"); and the tasks the last answers named.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz import fuzz, process

from todo_chat.agent.offline.lexicon import entries
from todo_chat.agent.offline.slots import stem, words

# Words that never name a task.
STOPWORDS = frozenset(entries("stopwords"))


# Words of a title that say nothing about which task it is.
TITLE_STOPWORDS = frozenset(entries("title_stopwords"))


def content_words(text: str) -> list[str]:
    return [stem(w) for w in words(text.lower()) if w not in STOPWORDS and not w.isdigit()]


def title_words(text: str) -> list[str]:
    return [stem(w) for w in words(text.lower()) if w not in TITLE_STOPWORDS]


def _word_similarity(q: str, title_words: list[str]) -> float:
    best = 0.0
    for t in title_words:
        if q == t:
            return 100.0
        if len(q) >= 4 and len(t) >= 4 and (t.startswith(q) or q.startswith(t)):
            best = max(best, 92.0)
        elif _same_root(q, t):
            best = max(best, 88.0)
        elif len(q) >= 4 and len(t) >= 3:
            best = max(best, fuzz.ratio(q, t))
    return best


ROOT = 5   # a shared beginning this long, short of at most one letter of the shorter word, is one root


def _same_root(a: str, b: str) -> bool:
    """"revision" and "revis(e)", "grooming" and "groomer": one word in two derivations (the
    stemmer strips inflections only). Short words never: "contract" and "contrast" differ."""
    shorter = min(len(a), len(b))
    shared = len(os.path.commonprefix([a, b]))
    return shorter >= ROOT and shared >= max(ROOT, shorter - 1)


@dataclass(frozen=True)
class Candidate:
    task: dict[str, Any]
    coverage: float   # share of the query's words found in the title
    exact: bool       # the title says nothing more than the query
    closeness: float  # rapidfuzz token-set ratio of query and title, for ties
    literal: bool     # some query word is a title word as such, not only a near one


@dataclass(frozen=True)
class Match:
    kind: Literal["one", "several", "weak", "none"]   # weak: some words match; ask before acting
    tasks: list[dict[str, Any]]


def _candidates(query: str, tasks: list[dict[str, Any]]) -> list[Candidate]:
    q_words = list(dict.fromkeys(content_words(query)))
    if not q_words:
        return []
    found = []
    for task in tasks:
        t_words = title_words(task.get("title", ""))
        hits = sum(n for q, n in joined(q_words, t_words) if _word_similarity(q, t_words) >= 80)
        if not hits:
            continue
        found.append(Candidate(task, hits / len(q_words), set(t_words) <= set(q_words),
                               fuzz.token_set_ratio(" ".join(q_words), " ".join(t_words)),
                               bool(set(q_words) & set(t_words))))
    return found


def joined(said: list[str], title: list[str]) -> list[tuple[str, int]]:
    """Two words said where the title has them as one ("text book" of "textbook"): that one word,
    standing for two of the words said; each other word for itself."""
    out: list[tuple[str, int]] = []
    for word in said:
        if out and out[-1][1] == 1 and out[-1][0] + word in title:
            out[-1] = (out[-1][0] + word, 2)
        else:
            out.append((word, 1))
    return out


def match_tasks(query: str, tasks: list[dict[str, Any]],
                prefer: Literal["pending", "completed"] | None = None) -> Match:
    """One clear task, several to choose from, or none."""
    title = _plain(query)
    exact_title = [t for t in tasks if _plain(t.get("title", "")) == title]
    if len(exact_title) == 1:
        return Match("one", exact_title)
    found = _candidates(query, tasks)
    if not found:
        return Match("none", [])
    top = max(c.coverage for c in found)
    # part of the words, and those only loosely ("renewal" ~ "Renew the bike insurance"): ask
    loose = top < 1 and not any(c.literal for c in found if c.coverage == top)
    if top < 0.5 or loose:
        weak = sorted((c for c in found if c.coverage == top), key=lambda c: (-c.closeness, c.task["id"]))
        return Match("weak", [c.task for c in weak[:5]])
    best = [c for c in found if c.coverage == top]
    if prefer and len(best) > 1:
        wanted = [c for c in best if bool(c.task.get("completed")) == (prefer == "completed")]
        best = wanted or best
    if len(best) > 1:
        exact = [c for c in best if c.exact]
        if len(exact) == 1:
            best = exact
    if len(best) > 1:
        ranked = sorted(best, key=lambda c: -c.closeness)
        if ranked[0].closeness >= ranked[1].closeness + 25:
            best = ranked[:1]
    if len(best) == 1:
        return Match("one", [best[0].task])
    return Match("several", [c.task for c in sorted(best, key=lambda c: c.task["id"])])


def _plain(text: str) -> str:
    return " ".join(words(text.lower()))


# --- grounding: the safety gate's stricter test (guard.py) ---------------------------------------

# Chosen on the open split and the adversarial set (tests/nlu/cases_safety.py):
WORD_MATCH = 80.0        # rapidfuzz ratio for a word of the message to be a word of the task
MIN_QUERY_SHARE = 0.5    # share of the picking words that must be on the task
SHORT_WORD = 4           # shorter words must match exactly (fuzzy "gym" ~ "gem" is noise)
Task = dict[str, Any]


def best_fit(query: str, task: Task, tasks: Iterable[Task], gone: list[Task]) -> bool:
    """The query's words are on `task` (enough of them), and on no other task (still there or
    gone since an earlier answer) as well."""
    words = list(dict.fromkeys(content_words(query)))
    if not words:
        return False
    if " ".join(title_words(query)) == " ".join(title_words(task.get("title", ""))):
        return True
    mine = word_score(words, task)
    if not mine[0] or mine[0] / len(words) < MIN_QUERY_SHARE:
        return False
    if mine[0] < len(words) and not _exactly_on(words, task):
        return False     # half the words, and those only loosely ("renewal" ~ "Renew the bike insurance")
    rivals = [*(t for t in tasks if t.get("id") != task.get("id")), *gone]
    return all(word_score(words, t) < mine for t in rivals)


def word_score(words: list[str], task: Task) -> tuple[int, float]:
    """(how many of the words are on the task, how much of its title they cover)."""
    title = title_words(task.get("title", ""))
    on_task = title + title_words(task.get("description") or "")
    hits = sum(n for w, n in joined(words, on_task) if word_on(w, on_task))
    covered = sum(1 for t in title if word_on(t, words)) / len(title) if title else 0.0
    return hits, covered


def word_on(word: str, others: list[str]) -> bool:
    if word in others:
        return True
    if len(word) < SHORT_WORD:
        return False
    long_enough = [o for o in others if len(o) >= SHORT_WORD]
    if any(_same_root(word, o) for o in long_enough):
        return True
    return process.extractOne(word, long_enough, scorer=fuzz.ratio, score_cutoff=WORD_MATCH) is not None


def _exactly_on(words: list[str], task: Task) -> bool:
    on_task = set(title_words(task.get("title", "")) + title_words(task.get("description") or ""))
    return any(w in on_task for w in words)


# --- the conversation -------------------------------------------------------------------------------

_BOLD_ID = re.compile(r"\*\*(.+?)\*\*\s*\(#(\d+)")
_LINE_ID = re.compile(r"^\s*(?:[-*]|\d+\.)\s*(?:\[[ x]\]\s*)?#(\d+)\s+(.+?)(?:\s+\(.*\))?\s*$", re.MULTILINE)


def mentioned(text: str) -> list[dict[str, Any]]:
    """Tasks an earlier answer named, in the order it named them: [{'id', 'title'}]."""
    found: dict[int, tuple[int, str]] = {}
    for m in _BOLD_ID.finditer(text):
        found.setdefault(int(m.group(2)), (m.start(), m.group(1)))
    for m in _LINE_ID.finditer(text):
        found.setdefault(int(m.group(1)), (m.start(), m.group(2).strip("* ")))
    for m in re.finditer(r"#(\d+)", text):
        found.setdefault(int(m.group(1)), (m.start(), ""))
    return [{"id": i, "title": t} for i, (_, t) in sorted(found.items(), key=lambda kv: kv[1][0])]
