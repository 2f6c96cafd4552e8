"""The guard's second test: is the clause that names a task a command to change it? Not a
question, negated, held, hypothetical, reported, sarcastic ("yeah right"), begun but not done
("started sorting the garage") or taken back; and it says the change (a due date from a statement
needs a deadline word: "the window cleaner is coming on friday" sets nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from todo_chat.agent.offline import clauses
from todo_chat.agent.offline.lexicon import anywhere, entries, pairs, starts
from todo_chat.agent.offline.parse import Request
from todo_chat.agent.offline.resolve import content_words, title_words, word_on
from todo_chat.agent.offline.slots import PAST_FORMS, stem, task_ids, words

Task = dict[str, Any]

# The verbs whose negation `clauses.negates` knows, per tool (a reopen is often said with a
# negation: "the rent is not paid", so it has none).
VERB_KIND = {"complete_task": "verbs_complete", "delete_task": "verbs_delete", "add_task": "verbs_add"}
_EYE_ROLL = "\U0001F644"


@dataclass(frozen=True)
class Said:
    """The message as typed, and the pipeline's reading of it."""

    text: str
    request: Request


def in_force(tool: str, said: Said, task: Task, args: dict[str, Any] | None = None) -> bool:
    """Not a question, not negated or held, not a hypothesis, not taken back."""
    request = said.request
    if clauses.mood(said.text) == "question":
        return False
    parts = clauses.split(said.text) or [said.text]
    at = clause_of(parts, task)
    clause = clauses.plain(parts[at])
    for content in (request.new_title, request.new_description):   # the words it is to say are no mood
        if content:
            clause = clause.replace(clauses.plain(content), " ")
    if _asked(said.text, parts[at]):
        return False
    kind = VERB_KIND.get(tool)
    if kind and clauses.negates(parts[at], kind):
        return False
    if tool == "reopen_task" and request.score < 4.0 and clauses.negates(parts[at], "verbs_complete"):
        return False      # "I didn't mark rent": no reopen word ("untick", "after all", "put back"), a report
    if anywhere("guard_holds").search(_less_level(clause, tool, args)) or anywhere("guard_naming").search(clause) \
            or hypothetical(clause):
        return False
    if any(starts("guard_conditions").match(clauses.plain(p)) for p in parts[:at]):
        return False      # "if the plumber comes, the shower one is done"
    if tool != "update_task" and (about_a_part(clause) or anywhere("guard_reported").search(by_content(clause))):
        return False
    if sarcastic(said.text) or tool == "complete_task" and unfinished(clause):
        return False
    if tool in ("delete_task", "reopen_task") and elsewhere(clause):
        return False
    if not any(said_so(tool, text, task) for text in (clause, clauses.plain(said.text), request.norm.low)):
        return False
    if tool == "update_task" and (dated_by_statement(args or {}, said.text)
                                  or ranked_by_statement(args or {}, said, task)):
        return False
    return not taken_back(parts, at)


def _less_level(clause: str, tool: str, args: dict[str, Any] | None) -> str:
    """The clause less the words of the priority the update sets: "the bags can wait" says the
    low priority it sets, it holds nothing back."""
    level = (args or {}).get("priority") if tool == "update_task" else None
    return anywhere(f"priority_{level}").sub(" ", clause) if level in ("low", "medium", "high") else clause


def taken_back(parts: list[str], at: int) -> bool:
    """A clause after the command's own starts by taking it back ("..., hang on, don't")."""
    return any(starts("guard_retractions").match(clauses.plain(p)) for p in parts[at + 1:])


def _asked(text: str, part: str) -> bool:
    """The clause ends with a question mark in the message (splitting into clauses drops it)."""
    start = text.find(part)
    return start >= 0 and text[start + len(part):].lstrip().startswith("?")


def said_so(tool: str, clause: str, task: Task) -> bool:
    """The clause says the change, not just the task's name: a verb of finishing ("done", "ticked")
    or the title's own verb inflected ("called mum", "paid the gas bill"); a delete verb or "don't
    need"; anything for a reopen or an update (the pipeline asks first or names the field). A finish
    said as an idiom ("has gone back", "been seen to", a tick mark) is a verb of finishing too."""
    if tool == "complete_task":
        return any(anywhere(kind).search(clause) for kind in ("verbs_complete", "done_idioms")) \
            or inflected(clause, task)
    if tool == "delete_task":
        return bool(anywhere("verbs_delete").search(clause) or anywhere("guard_unwanted").search(clause))
    return True


def inflected(clause: str, task: Task, past: bool = False) -> bool:
    """A word of the title said as done: "called", "paid" (stems), "updated", or "is clean";
    `past`: only a past form ("ordered" of "Order printer ink", not "ordering")."""
    title = {w.lower() for w in words(task.get("title", ""))}
    stems = {stem(w) for w in title}
    said = words(clause.lower())
    for before, word in zip(["", *said], said, strict=False):
        done = not past or word.endswith("ed") or word in PAST_FORMS
        if word not in title and done and (stem(word) in stems or _past(word, title)):
            return True
        if word in title and before in ("is", "are", "s", "all") and not past:
            return True
    return False


def _past(word: str, title: set[str]) -> bool:
    return word.endswith("d") and any(len(t) >= 3 and word[: len(t) - 1] == t[:-1] and len(word) <= len(t) + 2
                                      for t in title)


def about_a_part(clause: str) -> bool:
    """The clause speaks of a task's notes or name: a change of that part, not of the task."""
    return bool(anywhere("guard_parts").search(clause))


def by_content(clause: str) -> str:
    """The clause less a task picked by what it says ("the one that says filter sponge", "the task
    whose notes mention ..."): that "says" reports no one's words. A task noun, a relative word,
    and within a few words a verb of saying (`content_ref_verbs`, their first words)."""
    said = clause.split()
    for i, word in enumerate(said[:-2]):
        if word in _TASK_NOUNS and said[i + 1] in _RELATIVES:
            ends = [j for j in range(i + 2, min(i + 6, len(said))) if said[j] in _CONTENT_VERBS]
            if ends:
                return " ".join(said[:i] + said[ends[0] + 1:])
    return clause


_TASK_NOUNS = frozenset(entries("task_nouns"))
_RELATIVES = frozenset({"that", "which", "where", "whose"})
_CONTENT_VERBS = frozenset(entry.split()[0] for entry in entries("content_ref_verbs"))


# Politeness formulas the register reads as "please" ("I was wondering whether you could possibly ..."):
# their "whether" and "possibly" hedge the asking, not the change asked for.
_POLITE = tuple(variant for variant, standard in pairs("register").items() if standard == "please" and " " in variant)


def hypothetical(clause: str) -> bool:
    for formula in _POLITE:
        clause = clause.replace(formula, " ")
    return bool(anywhere("guard_hypothetical").search(anywhere("guard_requests").sub(" ", clause)))


def clause_of(parts: list[str], task: Task) -> int:
    """The clause that names the task: the most of its title's words, else its number, else the first."""
    title = title_words(task.get("title", ""))
    best, at = 0, -1
    for i, part in enumerate(parts):
        hits = sum(1 for w in content_words(part) if word_on(w, title))
        if hits > best:
            best, at = hits, i
    if at >= 0:
        return at
    # No title words: the last clause with its number, or with a verb of a change ("... no wait, mark it done").
    verbs = [anywhere(kind) for kind in ("verbs_complete", "verbs_delete", "verbs_add")]
    named = [i for i, p in enumerate(parts) if task.get("id") in task_ids(p)
             or any(v.search(clauses.plain(p)) for v in verbs)]
    return named[-1] if named else 0


def sarcastic(text: str) -> bool:
    """"yeah right, like I trimmed the hedge", "the gate is fixed... not", "in my dreams", 🙄."""
    last = (clauses.split(text) or [""])[-1]
    return bool(anywhere("guard_sarcasm").search(clauses.plain(text)) or words(last.lower()) == ["not"]
                or _EYE_ROLL in text)


def unfinished(clause: str) -> bool:
    """Work begun, under way or about to be, not done: "started sorting the garage"."""
    return bool(anywhere("guard_unfinished").search(clause))


def dated_by_statement(args: dict[str, Any], text: str) -> bool:
    """An update that only sets a due date, from a message with no word that makes a date a
    deadline or moves one ("the boiler man is coming thursday" is news, not a due date). A shift's
    direction word ("a day earlier", "forward a week") moves the date it has."""
    if not args.get("due_date") or any(k in args for k in ("title", "description")):
        return False
    plain = clauses.plain(text)
    return not any(anywhere(kind).search(plain) for kind in ("guard_due_links", "shift_earlier", "shift_later"))



def elsewhere(clause: str) -> bool:
    """A thing moved to or from a place that is not the list ("remove the dog food from the
    trolley", "put the kettle back on the shelf"): the task's words name the thing."""
    for found in anywhere("guard_places").finditer(clause):
        after = words(clause[found.end():])[:4]
        place = " ".join(after[1:])
        if after[:1] in (["the"], ["my"], ["a"], ["your"], ["our"]) and place \
                and not any(anywhere(kind).search(place) for kind in ("bulk_lists", "task_nouns", "note_nouns")):
            return True
    return False


def ranked_by_statement(args: dict[str, Any], said: Said, task: Task) -> bool:
    """A priority said of a task in a statement ("the shower leak is urgent now") counts for an open
    task all of whose words the statement uses; "plant food is urgent" is news about plant food."""
    if set(args) != {"task_id", "priority"} or anywhere("guard_due_links").search(clauses.plain(said.text)):
        return False
    on_task = title_words(task.get("title", "")) + title_words(task.get("description") or "")
    return bool(task.get("completed")) or not all(word_on(w, on_task) for w in content_words(said.request.query))
