"""Writes the OPEN dev split as training lines for the intent classifier (`make nlu-train`).

    python -m tests.nlu.export_training

Only the open split (`cases.py`): the sealed one is never read. Each case's intent follows from
the call it expects; a case that expects no change of an acting kind (it asks instead) and a
follow-up turn (its meaning is the earlier turn's) are left out, and so is the actions probe
(`cases_actions.py`): it measures how the model does on phrasings it was not trained on.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.nlu.cases import CASES, Case
from tests.nlu.cases_actions import ACTION_CASES

OUT = Path(__file__).resolve().parents[2] / "todo_chat/agent/offline/learned/examples/open_split.jsonl"
_BY_TOOL = {"add_task": "add", "complete_task": "complete", "delete_task": "delete",
            "reopen_task": "reopen", "update_task": "update"}
_QUIET_KINDS = {"list": "list", "rich-list": "list", "question": "question", "chat": "chat"}


def intent_of(case: Case) -> str | None:
    acting = [name for name, _ in case.calls if name in _BY_TOOL]
    if acting:
        return _BY_TOOL[acting[0]]
    return _QUIET_KINDS.get(case.kind)


_PROBE = {id(case) for case in ACTION_CASES}
# Probe kinds: "p-..." (calibration, adds, updates, on-task) and "pl-..." (plain commands, cases_plain.py).
PROBE_KIND_PREFIXES = ("p-", "pl-")


def is_probe(case: Case) -> bool:
    """A probe case: written before tuning, never trained on, not part of the tuned set's bar."""
    return case.kind.startswith(PROBE_KIND_PREFIXES)


def export_lines() -> list[str]:
    """The training lines of the open split, one JSON object each (the probes left out)."""
    lines = []
    for case in CASES:
        intent = intent_of(case)
        if intent is None or case.before or id(case) in _PROBE or is_probe(case):
            continue   # (the probes and cases_actions.py: unseen, a measure of the untrained)
        lines.append(json.dumps({"text": case.say, "intent": intent, "register": "open-split"},
                                ensure_ascii=False, sort_keys=True))
    return lines


def main() -> None:
    lines = export_lines()
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {OUT}")


if __name__ == "__main__":
    main()
