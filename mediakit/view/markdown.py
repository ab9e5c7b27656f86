"""Markdown to safe HTML: Python-Markdown renders, nh3 sanitizes.

Kits are public and their text may be pasted from anywhere, so the output
keeps only formatting tags and absolute web or mail links: no scripts,
event handlers, styles, iframes or `javascript:` links.  Relative links are
dropped too, because in the PDF they would become `file://` paths of the
machine that built it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from mediakit.view.direction import direction

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
BLOCKS = ("p", "li", "blockquote", "h3", "h4")


class _BlockDirection(Treeprocessor):
    """Marks each right-to-left paragraph dir="rtl", so it reads right to left in the PDF too."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.tag in BLOCKS and direction("".join(element.itertext())) == "rtl":
                element.set("dir", "rtl")


class _BlockDirectionExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # the name Markdown's API calls
        md.treeprocessors.register(_BlockDirection(md), "block_direction", 0)


def _absolute_links_only(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        scheme = urlsplit(value).scheme.lower()
        return value if scheme in LINK_SCHEMES else None
    return value


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = markdown.markdown(text, output_format="html", extensions=[_BlockDirectionExtension()])
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        # Only dir="rtl", set by _BlockDirection: a kit cannot pass its own attributes.
        tag_attribute_values={block: {"dir": {"rtl"}} for block in BLOCKS},
        url_schemes=LINK_SCHEMES,
        attribute_filter=_absolute_links_only,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)
