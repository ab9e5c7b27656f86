"""Names that break only between words: "Chen-Whitfield" never as "Chen-/Whitfield".

A Jinja filter for the theme's templates: the hyphen inside a name's word
becomes a non-breaking hyphen (U+2011), so a line breaks at a space, never
after "Chen-". A word too long for its box can still break anywhere where
the theme allows it (`overflow-wrap: anywhere`), so it never runs off the
page or makes a phone scroll sideways.
"""

from __future__ import annotations

NON_BREAKING_HYPHEN = "\u2011"


def unbroken(text: str | None) -> str:
    return (text or "").replace("-", NON_BREAKING_HYPHEN)
