"""What counts as blank, said the same way in Python and in the published JSON schema.

Python's `str.strip()` and a JSON schema's `\\s` (ECMA-262) disagree at the edges (U+001C..1F
and U+0085 are space to Python only, U+FEFF to ECMA only). Checks that the schema also states
use this one explicit set, so a value the schema calls valid is one the server accepts.
"""

from __future__ import annotations

import re

# Python's whitespace and ECMA-262's \s together.
BLANK = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
_BLANK_CLASS = ("\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029"
                "\\u202f\\u205f\\u3000\\ufeff")
# "Has at least one character that is not blank" (a search, not anchored).
NOT_BLANK_PATTERN = f"[^{_BLANK_CLASS}]"


def is_blank(text: str) -> bool:
    return not text.strip(BLANK)


def squeeze(text: str) -> str:
    """Runs of blank characters become one space; none at either end."""
    return re.sub(f"[{_BLANK_CLASS}]+", " ", text).strip(" ")


def blank_class() -> str:
    """The blank characters as the inside of a regex character class (for other patterns)."""
    return _BLANK_CLASS
