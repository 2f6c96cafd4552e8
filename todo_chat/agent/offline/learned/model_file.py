"""The learned models' weights on disk and in memory: one sparse row per label, 16-bit integers.

A model is a small JSON header (`weights.json`, `tagger.json`: labels, scale, thresholds, the
training report and fingerprint, and how many weights each label has) beside a binary file of the
same name ending `.bin`, which `make nlu-train` writes and the header checks by its CRC-32:

    uint32 little-endian   the hashed feature ids of label 0 (ascending), then of label 1, ...
    int16  little-endian   their weights, in the same order (integers of 1/scale)

In memory a model is one dict {feature id: all its weights packed into one int} (`pack`): the
scores of every label for a token's features are one C-level `sum` and one `unpack`, instead of
a Python loop over (label, weight) tuples. Against the old JSON of "label:weight" strings parsed
into a tuple of (label, float) tuples per feature, both models hold 6 MiB instead of 11, load
without parsing a string of the whole file, and decode faster. Features with the same weights in
every label (most rare features: one small weight in one label) share one int object, made once as
the labels' rows are merged (`read_packed`): the two models hold 5.1 MiB instead of 7.3 and cost a
worker 5.6 MiB of RSS instead of 9.0, at no cost to a lookup. Read a model as text with
`python -m todo_chat.agent.offline.learned.model_file todo_chat/agent/offline/learned/tagger.json`.
"""
from __future__ import annotations

import json
import sys
import zlib
from array import array
from heapq import merge
from itertools import accumulate, groupby, pairwise, repeat
from operator import itemgetter
from pathlib import Path

Rows = list[dict[int, int]]     # per label: feature id -> weight in integers of 1/scale
Packed = dict[int, int]         # feature id -> its weights in every label, as one int (`pack`)
_ID, _WEIGHT = "I", "h"
_LIMIT = 2 ** 15 - 1
_FIELD, _OFFSET = 32, 2 ** 15
assert array("I").itemsize == 4


def bin_path(header_path: Path) -> Path:
    return header_path.with_suffix(".bin")


def _packed(rows: Rows) -> bytes:
    ids, weights = array(_ID), array(_WEIGHT)
    for row in rows:
        for feature in sorted(row):
            if not -_LIMIT <= row[feature] <= _LIMIT:
                raise ValueError(f"weight {row[feature]} of feature {feature} does not fit 16 bits: lower the scale")
            ids.append(feature)
            weights.append(row[feature])
    if sys.byteorder == "big":
        ids.byteswap()
        weights.byteswap()
    return ids.tobytes() + weights.tobytes()


def write(header_path: Path, header: dict, rows: Rows) -> None:
    """`header` (JSON, sorted keys) with the weights' counts and hash, and `rows` as the `.bin`."""
    body = _packed(rows)
    meta = {**header, "counts": [len(row) for row in rows], "bin_crc32": zlib.crc32(body)}
    bin_path(header_path).write_bytes(body)
    header_path.write_text(json.dumps(meta, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


def header(header_path: Path) -> dict:
    return json.loads(header_path.read_text(encoding="utf-8"))


def read(header_path: Path) -> tuple[dict, Rows]:
    """The header and the per-label rows; a `.bin` that is not the header's fails loudly."""
    meta = header(header_path)
    ids, weights = _arrays(header_path, meta)
    rows, start = [], 0
    for count in meta["counts"]:
        rows.append(dict(zip(ids[start:start + count], weights[start:start + count], strict=True)))
        start += count
    return meta, rows


def _arrays(header_path: Path, meta: dict) -> tuple[array, array]:
    body = bin_path(header_path).read_bytes()
    if zlib.crc32(body) != meta["bin_crc32"]:
        raise ValueError(f"{bin_path(header_path).name} is not the one {header_path.name} was written with")
    total = sum(meta["counts"])
    ids, weights = array(_ID), array(_WEIGHT)
    ids.frombytes(body[:total * ids.itemsize])
    weights.frombytes(body[total * ids.itemsize:])
    if sys.byteorder == "big":
        ids.byteswap()
        weights.byteswap()
    return ids, weights


def read_packed(header_path: Path) -> tuple[dict, Packed]:
    """The header and the weights packed per feature (`pack`), built straight from the file.

    The labels' rows (each sorted by feature) are merged, so each feature's packed int is made
    once and shared with an equal one at once: no int per label and feature, and no second
    mapping, is ever alive, and the process's peak while loading is the model itself."""
    meta = header(header_path)
    ids, weights = _arrays(header_path, meta)
    bounds = list(accumulate(meta["counts"], initial=0))
    rows = [zip(ids[start:end], weights[start:end], repeat(_FIELD * k, end - start), strict=True)
            for k, (start, end) in enumerate(pairwise(bounds))]
    base = _base(len(rows))
    packed: Packed = {}
    one: dict[int, int] = {}
    for feature, weighted in groupby(merge(*rows), key=itemgetter(0)):
        value = base + sum(weight << shift for _, weight, shift in weighted)
        packed[feature] = one.setdefault(value, value)
    return meta, packed


def pack(rows: Rows) -> Packed:
    """Every feature's weights in all labels as one int, so that the scores of all labels for a
    set of features are one C-level `sum` of ints: label k's weight + 2**15 in the 32 bits from
    32*k, and a 1 in the field after the last label (how many features were summed, whose
    offsets `unpack` takes off). 2**16 features summed would overflow a field; a token has ~40."""
    base = _base(len(rows))
    packed: Packed = {}
    for k, row in enumerate(rows):
        for feature, weight in row.items():
            packed[feature] = packed.get(feature, base) + (weight << (_FIELD * k))
    return _shared(packed)


def _shared(packed: Packed) -> Packed:
    """The same mapping with one int object per distinct value: a packed int of 13-14 labels is
    80-84 bytes, and half the features' values repeat another's (equal ints, so lookups and sums
    are unchanged)."""
    one: dict[int, int] = {}
    return {feature: one.setdefault(weights, weights) for feature, weights in packed.items()}


def _base(labels: int) -> int:
    return sum(_OFFSET << (_FIELD * k) for k in range(labels)) + (1 << (_FIELD * labels))


def unpack(total: int, labels: int) -> list[int]:
    """The per-label sums of weights in a sum of packed ints (`pack`)."""
    fields = array("I", total.to_bytes(4 * (labels + 1), sys.byteorder))
    offset = fields[labels] * _OFFSET
    return [fields[k] - offset for k in range(labels)]


def main(argv: list[str]) -> int:
    """Print a model as text: its header, then one line per label and feature."""
    meta, rows = read(Path(argv[0]))
    labels = meta.get("labels") or meta.get("classes") or []
    print(json.dumps({k: v for k, v in meta.items() if k != "counts"}, indent=1, sort_keys=True))
    for label, row in zip(labels, rows, strict=True):
        for feature in sorted(row):
            print(f"{label}\t{feature}\t{row[feature]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
