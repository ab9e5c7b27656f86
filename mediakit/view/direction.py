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
