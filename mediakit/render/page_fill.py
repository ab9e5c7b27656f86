"""How full each page of a laid-out PDF is, read from WeasyPrint's boxes.

A page's fill is the share of its content area's height that holds
something: a line of text, an image, or a box drawn with a background or a
border (a card counts from its top to its bottom). The bands of white space
between them count as empty. The PDF stage uses it to choose how tightly to
set a kit (render/pdf.py): a last page holding two lines, or a page half
empty because a card jumped to the next, reads as a mistake to a brand.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from weasyprint.formatting_structure import boxes

# Every page but the last should be at least this full, the last at least LAST_PAGE.
FULL_PAGE = 0.6
LAST_PAGE = 0.3


def page_fills(document: Any) -> list[float]:
    """The fill of each page of a rendered WeasyPrint `document`, from 0 to 1."""
    return [_fill(page._page_box) for page in document.pages]


def shortfalls(fills: Sequence[float]) -> float:
    """How far the pages fall short of the targets, summed (0 when every page meets them)."""
    targets = [FULL_PAGE] * (len(fills) - 1) + [LAST_PAGE if len(fills) > 1 else 0.0]
    return sum(max(0.0, target - fill) for fill, target in zip(fills, targets, strict=True))


def _fill(page: Any) -> float:
    top = page.content_box_y()
    bottom = top + page.height
    spans = sorted(
        (max(start, top), min(end, bottom))
        for start, end in _painted(page)
        if end > top and start < bottom
    )
    covered, current_start, current_end = 0.0, None, None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                covered += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None and current_end is not None:
        covered += current_end - current_start
    return covered / page.height if page.height else 0.0


def _painted(page: Any) -> Iterator[tuple[float, float]]:
    """(top, bottom) of every box on `page` that paints something, but the page's
    own background (a box as large as the content area)."""
    for box in page.descendants():
        if isinstance(box, (boxes.TextBox, boxes.ReplacedBox)) or (
            isinstance(box, boxes.BlockBox) and _draws_itself(box) and not _covers(box, page)
        ):
            y = box.border_box_y()
            yield y, y + box.border_height()


def _covers(box: Any, page: Any) -> bool:
    return bool(
        box.border_width() >= 0.95 * page.width and box.border_height() >= 0.95 * page.height
    )


def _draws_itself(box: Any) -> bool:
    style = box.style
    background = style["background_color"]
    has_background = background is not None and getattr(background, "alpha", 0) > 0
    has_border = any(
        getattr(box, f"border_{side}_width", 0) > 0 for side in ("top", "right", "bottom", "left")
    )
    return has_background or has_border
