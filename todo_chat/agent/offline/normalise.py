"""Stage 1: turn what a person typed into text the later stages can read reliably.

- curly quotes and dashes become plain ones; quoted spans are kept (in order) as exact titles;
- contractions are expanded ("isn't" -> "is not", "what's" -> "what is");
- politeness and filler go ("could you please", "thanks", "cheers", "ok so");
- number words that name a task become digits ("number two hundred and five" -> "number 205");
- misspelt command words are put right ("ad a tsak" -> "add a task", "delte" -> "delete"),
  with an edit distance over a small vocabulary, only where commands live (the first and the
  last few words), so titles are left as typed.

The result keeps case (`text`) for titles and a lower-case twin (`low`) of the same length, so a
span found in one is the same span in the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from todo_chat.agent.offline.lexicon import entries, lookup, pairs, starts, table

_QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'",
                              "“": '"', "”": '"', "„": '"', "″": '"', "«": '"', "»": '"',
                              "–": "-", "—": "-", "‑": "-", "…": "...", "\u00a0": " "})

# Quoted spans: "..." anywhere; '...' only when the quote marks are not apostrophes.
_QUOTED = re.compile(r'"([^"]{1,200})"|(?<![\w])\'([^\']{1,200}?)\'(?![\w])')

# A replacement is a string or, for a few, a function of the match.
_Replacement = str | Callable[[re.Match[str]], str]
_CONTRACTIONS: list[tuple[str, _Replacement]] = [
    (r"\bcan'?t\b", "cannot"), (r"\bwon'?t\b", "will not"), (r"\bain'?t\b", "is not"),
    (r"\bshan'?t\b", "shall not"),
    (r"\b(is|are|was|were|do|does|did|has|have|had|could|should|would|must|need)n'?t\b", r"\1 not"),
    (r"\b(i)'m\b", r"\1 am"), (r"\bim\b(?=\s+(?:done|finished|through|not|going|all))", "i am"),
    (r"\b(what|that|it|there|here|who|where|how|when|which|everything|nothing|something)'s\b", r"\1 is"),
    (r"\blet's\b", "let us"),
    (r"\b(you|we|they|i|what|who)'re\b", r"\1 are"),
    (r"\b(i|you|we|they|would|should|could|might|must|what)'ve\b", r"\1 have"),
    (r"\b(i|you|we|they|he|she|it|that|there)'ll\b", r"\1 will"),
    (r"\b(i|you|we|they|he|she|it|that)'d\b", r"\1 would"),
    (r"\b(?:i\s+)?(?:have\s+)?chang(?:e|ed)\s+my\s+mind\s+(?:about|on|regarding)\b", "forget about"),
    # NOUN's DONE-WORD: a possessive-looking 's before a done-word is "is"
    (r"\b(\w+)'s\s+(?=(?:done|finished|complete|completed|paid|sorted|booked|called|fixed|sent|bought|"
     r"handled|cleaned|over|\w+ed)\b)", r"\1 is "),
    (r"\bto-?dos?\b", lambda m: "todo" + ("s" if m.group(0).endswith("s") else "")),
    (r"\bre-open", "reopen"), (r"\bun-(tick|check|mark)", r"un\1"),
]
_CONTRACTIONS_RE = [(re.compile(p, re.IGNORECASE), r) for p, r in _CONTRACTIONS]

# Politeness and filler: dropped wherever they stand (outside quotes).
_FILLER = re.compile(
    r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:kindly\s+)?(?:just\s+)?"
    r"|\bwould\s+you\s+mind\s+|\bdo\s+me\s+a\s+favou?r\s+(?:and\s+)?"
    r"|\bi\s+would\s+like\s+you\s+to\s+|\bi\s+(?:want|need)\s+you\s+to\s+|\bcan\s+i\s+get\s+you\s+to\s+"
    r"|\b(?:um+|uh+|erm+|er|hmm+|uhm+)\b,?"
    r"|\bplease\b|\bkindly\b|\bif\s+(?:you\s+)?(?:can|could|possible|you\s+do\s+not\s+mind)\b"
    r"|\bfor\s+me\b(?=\s*[,.!?]*\s*$)|\bfor\s+me\s+(?=to\b)|\b(?:real\s+)?quick(?:ly)?\b(?=\s*[,.!?]*\s*$)",
    re.IGNORECASE,
)
_LEADING_FILLER = re.compile(rf"^(?:(?:{lookup('leading_fillers')})\b[\s,.!:;-]*)+(?=\S)", re.IGNORECASE)
_DISCOURSE = re.compile(rf"^(?:(?:{lookup('discourse')})\b[\s,.!:;-]*)+(?=\S)", re.IGNORECASE)
_TRAILING_FILLER = re.compile(rf"(?:[\s,.!;:-]*\b(?:{lookup('trailing_fillers')})\b[\s,.!]*)+$", re.IGNORECASE)

# --- number words ----------------------------------------------------------------------------

_CARDINALS = table("cardinals")
_NUMBER_WORD = lookup("cardinals")
_NUMBER_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_NUMBER_WORD})\b)*\b", re.IGNORECASE)
# A single number word is a task number only right after a word that asks for one.
_ID_CONTEXT = re.compile(
    r"(?:\b(?:task|number|no\.?|item|id|todo|#|complete|finish|delete|remove|reopen|mark|tick|edit|"
    r"update|change|rename|erase|scrap|check)\s*(?:number\s+|no\.?\s+|#\s*)?)$", re.IGNORECASE)


def words_to_number(words: str) -> int | None:
    """'two hundred and five' -> 205, 'forty-two' -> 42; None if it is not a number."""
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        value = _CARDINALS.get(word)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
        seen = True
    return total + current if seen else None


def _numbers_to_digits(text: str) -> str:
    def replace(match: re.Match) -> str:
        words = match.group(0)
        value = words_to_number(words)
        if value is None:
            return words
        several = len(re.split(r"[\s-]+", words.strip())) > 1
        before = text[: match.start()]
        whole = not text[: match.start()].strip(" ,.!?") and not text[match.end():].strip(" ,.!?")
        if several or whole or _ID_CONTEXT.search(before):
            return str(value)
        return words

    return _NUMBER_RUN.sub(replace, text)


# --- typo-tolerant command words ---------------------------------------------------------------

# The words that carry a command. Misspellings of these (within a small edit distance) are fixed.
COMMAND_WORDS = frozenset(entries("command_words"))
# Real words that look like a misspelt command word: never "fix" them.
_PROTECTED = frozenset(entries("typo_protected"))


def _best_command_word(token: str) -> str | None:
    low = token.lower()
    if low in COMMAND_WORDS or low in _PROTECTED or not low.isalpha() or len(low) < 2:
        return None
    return _closest(low)


@lru_cache(maxsize=4096)
def _closest(low: str) -> str | None:
    best, best_d, tie = None, (99, 99), False
    for word in sorted(COMMAND_WORDS):
        if abs(len(word) - len(low)) > 2:
            continue
        limit = 1 if len(word) <= 5 else 2
        # Keep the first letter (or a swap of the first two), as nearly every real typo does.
        if low[0] != word[0] and not (len(low) > 1 and low[:2] == word[1::-1]):
            continue
        distance = OSA.distance(low, word, score_cutoff=limit)
        if distance > limit:
            continue
        d = (distance, abs(len(word) - len(low)))
        if d < best_d:
            best, best_d, tie = word, d, False
        elif d == best_d:
            tie = True
    return None if tie else best


_TOKEN = re.compile(r"[A-Za-z]+")
LEAD_WORDS = 4
TAIL_WORDS = 3
_TAIL_VOCAB = frozenset({"done", "complete", "completed", "finished", "list", "tasks", "todo", "todos"})


def _fix_typos(text: str, protected_spans: list[tuple[int, int]]) -> str:
    tokens = list(_TOKEN.finditer(text))
    fixes: list[tuple[int, int, str]] = []
    for index, match in enumerate(tokens):
        if any(a <= match.start() < b for a, b in protected_spans):
            continue
        in_lead = index < LEAD_WORDS
        in_tail = index >= len(tokens) - TAIL_WORDS
        if not (in_lead or in_tail):
            continue
        word = _best_command_word(match.group(0))
        if word and (in_lead or word in _TAIL_VOCAB):
            fixes.append((match.start(), match.end(), word))
    for start, end, word in reversed(fixes):
        text = text[:start] + word + text[end:]
    return text


# --- the whole stage -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Norm:
    raw: str                    # what was typed, whitespace collapsed
    text: str                   # normalised, case kept
    quotes: tuple[str, ...] = field(default=())  # quoted spans, in order, as typed
    polite: bool = False        # said thanks / please somewhere

    @property
    def low(self) -> str:
        return self.text.lower()


def _outside_quotes(text: str, transform) -> str:
    """Apply `transform` to the parts of `text` outside quoted spans."""
    parts, last = [], 0
    for match in _QUOTED.finditer(text):
        parts.append(transform(text[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(transform(text[last:]))
    return "".join(parts)


_REGISTER = re.compile(rf"(?<![\w'])(?:{lookup('register')})(?![\w'])", re.IGNORECASE)


def _plain_words(text: str) -> str:
    """Register variants (texting, British/Australian, non-native) read as the plain word."""
    return _REGISTER.sub(lambda m: pairs("register").get(" ".join(m.group(0).lower().split()), m.group(0)), text)


def _expand(text: str) -> str:
    text = _plain_words(text)
    for pattern, replacement in _CONTRACTIONS_RE:
        text = pattern.sub(replacement, text)
    return text


_MIND_GERUND = re.compile(r"\b(?:would|do|will)\s+you\s+mind\s+(\w+?)(\w)?ing\b", re.IGNORECASE)


def _gerund_verb(match: re.Match[str]) -> str:
    """"would you mind adding" -> "add": the verb (a command or task verb) the -ing form is made from."""
    stem, last = match.group(1).lower(), (match.group(2) or "").lower()
    verbs = {w for kind in ("command_words", "verbs_add", "verbs_delete", "task_verbs") for w in entries(kind)}
    found = next((v for v in (stem + last, stem + last + "e", stem) if v in verbs), None)
    return found or match.group(0)


_DONE_MARKS = re.compile("[\u2705\u2714\u2611]\ufe0f?")
_SYMBOLS = re.compile("[\u2190-\u21ff\u2300-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")


# "make it urgent... no wait, tick it": what counts is after the correction.
_SELF_CORRECTION = re.compile(rf"^.*\b(?:{lookup('self_corrections')})\b[\s,.;:!-]*(?=\S)", re.IGNORECASE)


_QUOTES_ONLY = str.maketrans({k: v for k, v in _QUOTE_CHARS.items() if chr(k) in "‘’‚′`“”„″«»"})


def _exact_quotes(typed: str) -> tuple[str, ...]:
    """The quoted spans as typed, byte for byte: the quote marks are read in a copy with curly
    and prime marks made plain (one character for one, so offsets agree), and each span is cut
    from the typed text, so a prime or curly apostrophe inside a title stays as typed."""
    typed = typed or ""
    matches = _QUOTED.finditer(typed.translate(_QUOTES_ONLY))
    spans = (m.span(1) if m.group(1) is not None else m.span(2) for m in matches)
    return tuple(typed[start:end] for start, end in spans)


def normalise(typed: str) -> Norm:
    raw = " ".join((typed or "").split())
    corrected = _SELF_CORRECTION.match(raw)
    text = raw if corrected is None or '"' in corrected.group(0) or "“" in corrected.group(0) \
        else raw[corrected.end():]
    text = _DONE_MARKS.sub(" done ", text)
    text = re.sub("[\u2192\u21d2\u27a1]\ufe0f?", " -> ", text)   # an arrow: "X -> Y" (before symbols go)
    text = _SYMBOLS.sub(" ", text)
    text = _MIND_GERUND.sub(_gerund_verb, text)
    text = " ".join(text.split()).translate(_QUOTE_CHARS)
    text = re.sub(r"\s+-\s+|\s+-$", " - ", text).strip()
    quotes = tuple(m.group(1) or m.group(2) for m in _QUOTED.finditer(text))
    exact = _exact_quotes(typed)
    if len(exact) == len(quotes):
        quotes = tuple(e if e.strip() else q for e, q in zip(exact, quotes, strict=False))
    polite = bool(re.search(r"\b(please|pls|plz|thanks|thank you|cheers|thx|ta)\b", text, re.IGNORECASE))
    text = _outside_quotes(text, _expand)
    text = _outside_quotes(text, lambda part: _FILLER.sub(" ", part))
    text = " ".join(text.split())
    text = _DISCOURSE.sub("", text) or text
    text = _LEADING_FILLER.sub("", text)
    if (lead := starts("request_starts").match(text.lower())) and text[lead.end():].strip():
        text = text[lead.end():].lstrip(" ,")   # "you can add ...", "why don't you ...": a request
    text = _TRAILING_FILLER.sub("", text) or text
    text = _outside_quotes(text, _numbers_to_digits)
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    text = _fix_typos(text, spans)
    text = " ".join(text.split()).strip(" ,")
    return Norm(raw=raw, text=text, quotes=quotes, polite=polite)
