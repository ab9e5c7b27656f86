"""Names that break only between words: "Chen-Whitfield" never as "Chen-/Whitfield".

A Jinja filter for the theme's templates: each word of a name that holds a
hyphen is kept on one line. A word too long to fit any line (a 5,000-letter
"word") is left free to break, so it can never run off the page.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A hyphenated word longer than this may break anywhere, as any long word.
LONGEST_UNBROKEN = 32


def unbroken(text: str | None) -> Markup:
    if not text:
        return Markup("")

    def keep(match: re.Match[str]) -> str:
        word = match.group(0)
        if "-" in word and len(word) <= LONGEST_UNBROKEN:
            return f'<span class="nowrap">{escape(word)}</span>'
        return str(escape(word))

    return Markup(re.sub(r"\S+", keep, text))
