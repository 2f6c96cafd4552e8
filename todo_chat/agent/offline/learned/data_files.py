"""The training data of the intent classifier and the hash that says which data and features
code the shipped weights come from (`weights.json` records it; a test checks it is current)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = (HERE / "corpus", HERE / "examples")   # corpus: written apart from the rules; examples: the open split
FEATURES_CODE = HERE / "features.py"


def files() -> list[Path]:
    return sorted(p for d in SOURCES for p in d.glob("*.jsonl"))


def examples() -> list[dict]:
    """Every labelled line, file by file in name order: {"text", "intent", "register", ...}."""
    out = []
    for path in files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append({**row, "source": path.parent.name})
    return out


def fingerprint() -> str:
    """sha256 of the training files (names and bytes) and of the features code."""
    digest = hashlib.sha256()
    for path in [*files(), FEATURES_CODE]:
        digest.update(path.relative_to(HERE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
