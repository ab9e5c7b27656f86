"""Right-to-left text inside a left-to-right kit (an Arabic bio, a Hebrew quote).

Browsers understand dir="auto", but WeasyPrint does not, so the direction is
decided here by the rule browsers use for "auto": the first character with a
strong direction decides (Unicode bidi classes L, R and AL).
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from markupsafe import Markup

Direction = Literal["ltr", "rtl"]


def direction(text: str) -> Direction:
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def dir_attribute(text: str | None) -> Markup:
    """` dir="rtl"` for right-to-left text, nothing otherwise (a Jinja filter)."""
    return Markup(' dir="rtl"') if text and direction(text) == "rtl" else Markup("")


# Bidi classes that can move text around them: strong right-to-left letters,
# Arabic digits, and the explicit embeddings, overrides and isolates.
_REORDERING = frozenset(
    {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)
FSI, PDI = "\u2068", "\u2069"  # first strong isolate, pop directional isolate
_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI


def isolate(text: str) -> str:
    """`text` set apart (FSI ... PDI) so it cannot reorder the words around it.

    A creator's name, brand or source sits beside the tool's own words ("Ana ·
    Media kit"). Arabic or Hebrew text there, or an unterminated U+202E (which
    turns everything after it around), would otherwise reorder those words, on
    the page, in the PDF, in its metadata and in email.txt. The isolate holds
    the text's own direction and ends every embedding opened inside it. Text
    that cannot reorder anything (Latin, CJK, digits) is returned as it is.
    """
    if not any(unicodedata.bidirectional(character) in _REORDERING for character in text):
        return text
    # Balanced, so the final PDI closes our FSI: a PDI in the text with no
    # opener before it would close ours too early, and an opener in the text
    # left open would swallow ours.
    balanced: list[str] = []
    depth = 0
    for character in text:
        if character in _ISOLATE_OPENERS:
            depth += 1
        elif character == PDI:
            if depth == 0:
                continue
            depth -= 1
        balanced.append(character)
    return FSI + "".join(balanced) + PDI * depth + PDI
