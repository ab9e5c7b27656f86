"""Markdown to safe HTML: Python-Markdown renders, nh3 sanitizes.

Kits are public and their text may be pasted from anywhere, so the output
keeps only formatting tags and absolute web or mail links: no scripts,
event handlers, styles, iframes or `javascript:` links.  Relative links are
dropped too, because in the PDF they would become `file://` paths of the
machine that built it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "h3",
    "h4",
    "hr",
}
LINK_SCHEMES = {"http", "https", "mailto"}


def _absolute_links_only(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        scheme = urlsplit(value).scheme.lower()
        return value if scheme in LINK_SCHEMES else None
    return value


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = markdown.markdown(text, output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes=LINK_SCHEMES,
        attribute_filter=_absolute_links_only,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)
