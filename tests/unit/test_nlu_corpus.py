"""The NLU training corpus (issue 17) is well formed: a span tagger can learn every slot from its text."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

CORPUS_DIR = Path(__file__).resolve().parents[2] / "todo_chat" / "agent" / "offline" / "learned" / "corpus"
INTENTS = frozenset({
    "add", "list", "complete", "reopen", "delete", "update", "question", "chat",
    "yes", "no", "choose", "undo", "bulk_delete", "none",
})
SPAN_SLOTS = frozenset({"title", "target", "new_title", "note", "priority", "due", "tags", "recurrence", "status"})
LIST_SLOTS = frozenset({"items", "tags", "target"})
NOTE_MODES = frozenset({"append", "replace"})


def corpus_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.jsonl"))


def problems(row: Any, intent_of_file: str) -> list[str]:
    """What is wrong with one parsed corpus line (empty when it is well formed)."""
    if not isinstance(row, dict) or set(row) != {"text", "intent", "slots", "register"}:
        return ["a line is an object with exactly text, intent, slots, register"]
    text, slots, found = row["text"], row["slots"], []
    if not isinstance(text, str) or not text.strip():
        found.append("empty text")
        return found
    if row["intent"] not in INTENTS:
        found.append(f"unknown intent {row['intent']!r}")
    if row["intent"] != intent_of_file:
        found.append(f"intent {row['intent']!r} in {intent_of_file}.jsonl")
    if not isinstance(row["register"], str) or not row["register"]:
        found.append("register is a non-empty label")
    if not isinstance(slots, dict):
        return [*found, "slots is an object"]
    for key, value in slots.items():
        if key == "note_mode":
            if value not in NOTE_MODES or "note" not in slots:
                found.append(f"note_mode {value!r} without a note or not append/replace")
            continue
        if key not in SPAN_SLOTS | {"items"}:
            found.append(f"unknown slot {key!r}")
            continue
        values = value if isinstance(value, list) and key in LIST_SLOTS else [value]
        for span in values:
            if not isinstance(span, str) or not span or span not in text:
                found.append(f"slot {key}={span!r} is not a substring of the text")
            elif not unambiguous_span(span, text):
                found.append(f"slot {key}={span!r}: text.find does not give its one whole-word place")
    if "note" in slots and "note_mode" not in slots:
        found.append("a note carries its note_mode")
    return found


def unambiguous_span(span: str, text: str) -> bool:
    """A tagger finds the span with text.find: that place is its only whole-word occurrence."""
    places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(span)}(?!\w)", text)]
    return places == [text.find(span)]


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_corpus_has_a_file_per_intent() -> None:
    assert {path.stem for path in corpus_files()} == INTENTS


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_every_line_is_well_formed(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines, f"{path.name} is empty"
    for number, line in enumerate(lines, 1):
        assert problems(json.loads(line), path.stem) == [], f"{path.name}:{number}: {line}"


def test_no_text_appears_twice() -> None:
    seen: dict[str, str] = {}
    for path in corpus_files():
        for number, row in enumerate(load(path), 1):
            where = f"{path.name}:{number}"
            assert row["text"] not in seen, f"{where} repeats {seen.get(row['text'])}"
            seen[row["text"]] = where


def test_the_checker_rejects_a_slot_that_is_not_in_the_text() -> None:
    good = {"text": "add milk tomorrow", "intent": "add", "slots": {"title": "milk", "due": "tomorrow"},
            "register": "terse"}
    assert problems(good, "add") == []
    assert problems({**good, "slots": {"title": "Milk"}}, "add")
    assert problems({**good, "slots": {"items": ["milk", "eggs"]}}, "add")
    assert problems({**good, "intent": "shout"}, "add")
    assert problems({**good, "slots": {"note": "milk"}}, "add")
    assert problems({**good, "slots": {"title": "mil"}}, "add")  # not on a word boundary
    assert problems({**good, "text": "add milk tomorrow, milk!"}, "add")  # two places for "milk"


def test_the_shipped_models_were_trained_on_this_corpus() -> None:
    """A line added or changed here makes both models stale until `make nlu-train` is run and committed."""
    from todo_chat.agent.offline.learned import data_files, train_tagger
    from todo_chat.agent.offline.learned.inference import WEIGHTS
    from todo_chat.agent.offline.learned.tagger import TAGGER_WEIGHTS

    stale = [path.name for path, current in ((WEIGHTS, data_files.fingerprint()),
                                             (TAGGER_WEIGHTS, train_tagger.fingerprint()))
             if json.loads(path.read_text(encoding="utf-8"))["fingerprint"] != current]
    assert stale == [], f"{stale} stale: run `make nlu-train` and commit the JSON"
