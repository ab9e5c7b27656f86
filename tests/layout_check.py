"""Measure a built kit as a brand manager meets it: the PDF's pages, and the site on a phone.

Everything is read back from the output, never from the templates: the PDF
through pdfplumber (the characters, drawings, images and links on each page)
and the site through Chromium. The measures, in PDF points (1/72 inch) and,
in messages, millimetres from the page's top-left corner:

Text box
    The characters of one marked-content sequence (one MCID: WeasyPrint
    writes one per line of each inline box), split where the baseline moves
    or the text jumps back or more than an em ahead. A box is one line of
    one element, so two boxes never share ink unless one prints over the
    other. Untagged PDFs are split on the same rules alone. A box is cut to
    the clipping path it is drawn under (read with pdfium, as pdfplumber
    ignores clipping): text that an `overflow: hidden` box truncates is
    measured as printed, and text clipped to nothing (the visually hidden
    labels for screen readers) is left out of every measure.
Overlap
    Two text boxes whose rectangles (a character's rectangle is its advance
    by its font size) share more than max(1 pt, 10 % of the smaller font
    size) across (glyphs of neighbouring boxes overhang by a fraction of a
    point) and more than 30 % of the smaller box's height down (tight
    leading makes consecutive lines' rectangles touch, never share a third
    of their height), and where the ink of a glyph of one meets the ink of
    a glyph of the other by more than 0.5 pt both ways (pdfium's tight
    glyph boxes: a large decorative quote mark sits in the top of its
    rectangle, clear of the line below).
Off the page
    A text box reaching more than 0.5 pt beyond an edge of the paper.
In the margin
    A text box reaching more than 1 pt into the left, right or top margin,
    as the theme's `@page` rule sets them (see `theme_margins`). The bottom
    margin holds the running footer and the page number by design, so text
    there is only checked against the paper's edges.
Fill ratio of a page
    Printable height = paper height - top margin - bottom margin. Every
    painted object (text box, filled or stroked shape, line, image) is
    clipped to the printable area and projected on the vertical axis,
    except backgrounds that cover the whole printable area (the page and
    `<main>` colours). Fill = length of the union of those vertical
    intervals / printable height. A band across the page with nothing in it
    (white space, at any horizontal position) counts as empty; a card with
    a background counts as filled from its top to its bottom. `reach` is
    how far down the lowest object goes, as a share of the same height.
Type sizes
    Every character that is not white space counts once, at the size it
    prints at (font size times the text matrix and transformation). The
    report gives the share at 8 pt or more, the smallest size and every
    text box under 6.5 pt.
Email link on page 1
    A link annotation on page 1 whose target starts with `mailto:` and whose
    rectangle lies inside the printable area. The running footer's email
    sits in the bottom margin in small type: it is reported apart and does
    not count as a way to book.
Phone site
    The site's index.html served over HTTP on 127.0.0.1 (file: URLs would
    block its fonts) in Chromium, 390 x 844 CSS pixels, once its fonts have
    loaded: overflow = the page's scroll width - its client width, in CSS
    pixels, plus the innermost elements that stick out of the viewport,
    furthest first.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c

PT_PER_MM = 72 / 25.4
CSS_PX_PER_PT = 4 / 3

# The targets of issue 14 (items 2, 3 and 5).
MIN_FILL = 0.60  # every page but the last
MIN_FILL_LAST = 0.30
MIN_SHARE_AT_8PT = 0.90
SMALLEST_SIZE = 6.5  # pt: nothing under it
MAX_PAGE_COUNT_SPREAD = 1  # the same kit in every theme: page counts within one
PHONE_WIDTH = 390  # CSS px, an iPhone 12 to 15
PHONE_HEIGHT = 844

# Tolerances, explained in the module docstring.
OVERLAP_ACROSS_PT = 1.0
OVERLAP_ACROSS_OF_SIZE = 0.10
OVERLAP_DOWN_OF_HEIGHT = 0.30
OFF_PAGE_PT = 0.5
IN_MARGIN_PT = 1.0
INK_OVERLAP_PT = 0.5
VISIBLE_PT = 1.0  # a box clipped narrower or shorter than this prints nothing readable
BACKGROUND_COVER = 0.98  # a shape covering this share of the printable area both ways
SIZE_EPSILON = 0.01  # a 7.995 pt character is an 8 pt one rounded by the PDF writer


@dataclass(frozen=True)
class Margins:
    """A page's margins in points."""

    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class PageMargins:
    """The margins of the first page, then of left and right pages (`@page :first/:left/:right`)."""

    first: Margins
    second: Margins
    third: Margins

    def of_page(self, number: int) -> Margins:
        if number == 1:
            return self.first
        return self.second if number % 2 == 0 else self.third

    @classmethod
    def same(cls, margins: Margins) -> PageMargins:
        return cls(margins, margins, margins)


@dataclass(frozen=True)
class TextBox:
    page: int
    mcid: int | None
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the largest character size in the box, in points
    char_sizes: tuple[float, ...] = ()  # of each character that is not white space

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def where(self) -> str:
        """Its text, size and place, for a message to a designer."""
        text = self.text if len(self.text) <= 48 else self.text[:45] + "…"
        return (
            f'"{text}" ({self.size:.1f} pt, {_mm(self.x0)}–{_mm(self.x1)} mm across, '
            f"{_mm(self.top)}–{_mm(self.bottom)} mm down)"
        )


@dataclass(frozen=True)
class Overlap:
    first: TextBox
    second: TextBox
    across: float  # pt shared horizontally
    down: float  # pt shared vertically

    def __str__(self) -> str:
        return (
            f"{self.first.where()} prints over {self.second.where()} "
            f"({self.across:.1f} x {self.down:.1f} pt shared)"
        )


@dataclass(frozen=True)
class Outside:
    """A text box beyond the paper's edge or into a margin, and by how much on each side."""

    box: TextBox
    sides: dict[str, float]  # "left", "right", "top", "bottom": points beyond

    def __str__(self) -> str:
        beyond = ", ".join(
            f"{_mm(points)} mm past the {side}" for side, points in self.sides.items()
        )
        return f"{self.box.where()}: {beyond}"


@dataclass(frozen=True)
class PageReport:
    number: int
    width: float
    height: float
    margins: Margins
    fill: float  # share of the printable height covered by content
    reach: float  # how far down content goes, as a share of the printable height
    overlaps: list[Overlap]
    off_page: list[Outside]
    in_margin: list[Outside]

    @property
    def printable_height(self) -> float:
        return self.height - self.margins.top - self.margins.bottom


@dataclass(frozen=True)
class PdfReport:
    path: Path
    pages: list[PageReport]
    characters: int
    share_at_8pt: float
    smallest_size: float
    small_text: list[TextBox]  # boxes with characters under SMALLEST_SIZE
    first_page_mailto: str | None  # a mailto: link's address in page 1's printable area
    first_page_margin_mailto: str | None  # one in page 1's margins (the running footer)

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class PhoneReport:
    width: int
    overflow: float  # CSS px the page scrolls sideways
    offenders: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Margins, from the theme's own print stylesheet
# ---------------------------------------------------------------------------


@functools.cache
def theme_margins(theme: str, paper: str, direction: str = "ltr") -> PageMargins:
    """The margins the theme's `@page` rules give pages 1, 2 and 3 of `paper`, in points."""
    from mediakit.render.themes import find_theme

    resolved = find_theme(theme)
    return stylesheet_margins(
        tuple(resolved.static_folders), resolved.stylesheets.print, paper, direction
    )


def stylesheet_margins(
    static_folders: Sequence[Path], stylesheet: str, paper: str, direction: str = "ltr"
) -> PageMargins:
    """The margins `stylesheet` gives pages 1, 2 and 3 of `paper`, in points.

    The folders are merged as a build merges a theme's static folders (in
    order, a later file replacing an earlier one of the same name); then
    WeasyPrint lays out three empty pages linking `stylesheet`, which
    resolves imports, units and `:first`, `:left`, `:right`. A theme that
    gives some pages other margins through named pages is not seen here.
    """
    from weasyprint import HTML

    with tempfile.TemporaryDirectory() as folder:
        static = Path(folder)
        for source in static_folders:
            shutil.copytree(source, static, dirs_exist_ok=True)
        stub = (
            f'<!doctype html><html lang="en" dir="{direction}"><head>'
            f'<link rel="stylesheet" href="{stylesheet}">'
            f'<style>@page {{ size: {paper}; }}</style></head><body class="print">'
            '<p>1</p><p style="break-before: page">2</p><p style="break-before: page">3</p>'
            "</body></html>"
        )
        pages = HTML(string=stub, base_url=static.as_uri() + "/").render().pages
    # WeasyPrint has no public accessor for a page's margins; its page box
    # holds them in CSS pixels.
    found = [
        Margins(
            *(
                float(getattr(page._page_box, f"margin_{side}")) / CSS_PX_PER_PT
                for side in ("top", "right", "bottom", "left")
            )
        )
        for page in pages
    ]
    return PageMargins(*found[:3])


# ---------------------------------------------------------------------------
# The PDF
# ---------------------------------------------------------------------------


def check_pdf(path: Path, margins: PageMargins) -> PdfReport:
    """Measure every page of the PDF at `path` (see the module docstring for each measure)."""
    pages: list[PageReport] = []
    sizes: list[float] = []
    small: list[TextBox] = []
    mailto: dict[bool, str] = {}  # in the printable area (True) or a margin (False)
    facts = pdfium_facts(path)
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            number = page.page_number
            page_margins = margins.of_page(number)
            boxes = text_boxes(page.chars, number, facts[number - 1].clips)
            sizes += [size for box in boxes for size in box.char_sizes]
            small += [box for box in boxes if box.size < SMALLEST_SIZE - SIZE_EPSILON]
            if number == 1:
                for link in page.hyperlinks:
                    target = str(link["uri"])
                    if target.startswith("mailto:"):
                        inside = _within(link, page, page_margins)
                        mailto.setdefault(inside, target.removeprefix("mailto:"))
            fill, reach = page_fill(page, boxes, page_margins)
            pages.append(
                PageReport(
                    number=number,
                    width=float(page.width),
                    height=float(page.height),
                    margins=page_margins,
                    fill=fill,
                    reach=reach,
                    overlaps=overlaps(boxes, facts[number - 1].inks),
                    off_page=outside(boxes, Margins(0, 0, 0, 0), page, OFF_PAGE_PT),
                    in_margin=outside(
                        boxes,
                        page_margins,
                        page,
                        IN_MARGIN_PT,
                        sides=("left", "right", "top"),
                    ),
                )
            )
    at_8pt = sum(1 for size in sizes if size >= 8 - SIZE_EPSILON)
    return PdfReport(
        path=path,
        pages=pages,
        characters=len(sizes),
        share_at_8pt=at_8pt / len(sizes) if sizes else 1.0,
        smallest_size=min(sizes, default=0.0),
        small_text=small,
        first_page_mailto=mailto.get(True),
        first_page_margin_mailto=mailto.get(False),
    )


def _within(shape: dict[str, Any], page: Any, margins: Margins) -> bool:
    """Whether `shape` (pdfplumber coordinates) lies inside the page's printable area."""
    return (
        float(shape["x0"]) >= margins.left - IN_MARGIN_PT
        and float(shape["x1"]) <= float(page.width) - margins.right + IN_MARGIN_PT
        and float(shape["top"]) >= margins.top - IN_MARGIN_PT
        and float(shape["bottom"]) <= float(page.height) - margins.bottom + IN_MARGIN_PT
    )


def text_boxes(
    chars: Sequence[dict[str, Any]], page: int, clips: dict[int, Rectangle] | None = None
) -> list[TextBox]:
    """The page's visible characters grouped into text boxes, cut to their clipping paths.

    `clips` maps an MCID to the rectangle its text is clipped to (see
    `clip_rectangles`); a box clipped to almost nothing is left out.
    """
    boxes: list[TextBox] = []
    run: list[dict[str, Any]] = []
    clips = clips or {}

    def close() -> None:
        if not run:
            return
        x0 = min(float(c["x0"]) for c in run)
        top = min(float(c["top"]) for c in run)
        x1 = max(float(c["x1"]) for c in run)
        bottom = max(float(c["bottom"]) for c in run)
        clip = clips.get(run[0]["mcid"]) if run[0].get("mcid") is not None else None
        if clip is not None:
            x0, top = max(x0, clip.x0), max(top, clip.top)
            x1, bottom = min(x1, clip.x1), min(bottom, clip.bottom)
        visible = [c for c in run if clip is None or _inside(c, clip)]
        text = "".join(str(c["text"]) for c in visible).strip()
        if x1 - x0 >= VISIBLE_PT and bottom - top >= VISIBLE_PT and text:
            boxes.append(
                TextBox(
                    page=page,
                    mcid=run[0].get("mcid"),
                    text=text,
                    x0=x0,
                    top=top,
                    x1=x1,
                    bottom=bottom,
                    size=max(float(c["size"]) for c in visible),
                    char_sizes=tuple(
                        float(c["size"]) for c in visible if not str(c["text"]).isspace()
                    ),
                )
            )
        run.clear()

    for char in chars:
        if run:
            last = run[-1]
            em = max(float(char["size"]), 1.0)
            if (
                char.get("mcid") != last.get("mcid")
                or abs(float(char["bottom"]) - float(last["bottom"])) > 0.5
                or float(char["x0"]) < float(last["x0"]) - 0.5
                or float(char["x0"]) > float(last["x1"]) + em
            ):
                close()
        run.append(char)
    close()
    return boxes


@dataclass(frozen=True)
class Rectangle:
    """In pdfplumber's coordinates: points from the page's left and top edges."""

    x0: float
    top: float
    x1: float
    bottom: float


def _inside(char: dict[str, Any], clip: Rectangle) -> bool:
    """Whether any of the character prints inside `clip`."""
    return (
        min(float(char["x1"]), clip.x1) - max(float(char["x0"]), clip.x0) > 0
        and min(float(char["bottom"]), clip.bottom) - max(float(char["top"]), clip.top) > 0
    )


@dataclass(frozen=True)
class PageFacts:
    """What pdfium knows of a page and pdfplumber does not, by MCID."""

    clips: dict[int, Rectangle]  # the rectangle its text is clipped to; absent: not clipped
    inks: dict[int, list[Rectangle]]  # its glyphs' ink, clipped


def pdfium_facts(path: Path) -> list[PageFacts]:
    """Clipping and ink of every MCID's text, page by page.

    pdfium reports each text object's clipping path as the paths that were
    intersected to make it; their bounding boxes' intersection bounds what
    can print (exact for the rectangles WeasyPrint clips with). Its tight
    character boxes are the glyphs' ink.
    """
    document = pypdfium2.PdfDocument(path)
    try:
        return [_page_facts(page) for page in document]
    finally:
        document.close()


def _page_facts(page: Any) -> PageFacts:
    height = float(page.get_height())

    def flip(left: float, low: float, right: float, high: float) -> Rectangle:
        return Rectangle(left, height - high, right, height - low)

    pieces: dict[int, list[Rectangle | None]] = {}
    for text in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=15):
        mcid = int(pdfium_c.FPDFPageObj_GetMarkedContentID(text.raw))
        if mcid >= 0:
            bounds = _clip_bounds(text.raw)
            pieces.setdefault(mcid, []).append(None if bounds is None else flip(*bounds))
    clips: dict[int, Rectangle] = {}
    for mcid, rectangles in pieces.items():
        # Pieces of one MCID under different clips: what any of them shows can print.
        shown = [rectangle for rectangle in rectangles if rectangle is not None]
        if shown and len(shown) == len(rectangles):
            clips[mcid] = functools.reduce(_union, shown)
    inks: dict[int, list[Rectangle]] = {}
    textpage = page.get_textpage()
    try:
        for index in range(textpage.count_chars()):
            text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
            if not text_object:
                continue  # a space or line break pdfium made up
            mcid = int(pdfium_c.FPDFPageObj_GetMarkedContentID(text_object))
            ink = flip(*textpage.get_charbox(index))
            clip = clips.get(mcid)
            if clip is not None:
                ink = Rectangle(
                    max(ink.x0, clip.x0),
                    max(ink.top, clip.top),
                    min(ink.x1, clip.x1),
                    min(ink.bottom, clip.bottom),
                )
            if mcid >= 0 and ink.x1 > ink.x0 and ink.bottom > ink.top:
                inks.setdefault(mcid, []).append(ink)
    finally:
        textpage.close()
    return PageFacts(clips, inks)


def _clip_bounds(page_object: Any) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) in PDF space that the object's clipping path allows."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(page_object)
    if not clip:
        return None
    left, low, right, high = -1e9, -1e9, 1e9, 1e9
    for index in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for segment in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, index)):
            handle = pdfium_c.FPDFClipPath_GetPathSegment(clip, index, segment)
            x, y = ctypes.c_float(), ctypes.c_float()
            pdfium_c.FPDFPathSegment_GetPoint(handle, x, y)
            xs.append(x.value)
            ys.append(y.value)
        if xs:
            left, low = max(left, min(xs)), max(low, min(ys))
            right, high = min(right, max(xs)), min(high, max(ys))
    if right < left or high < low:
        return (left, low, left, low)  # clipped to nothing
    return (left, low, right, high)


def _union(a: Rectangle, b: Rectangle) -> Rectangle:
    return Rectangle(min(a.x0, b.x0), min(a.top, b.top), max(a.x1, b.x1), max(a.bottom, b.bottom))


def overlaps(
    boxes: Sequence[TextBox], inks: dict[int, list[Rectangle]] | None = None
) -> list[Overlap]:
    """Pairs of text boxes printed over each other (thresholds in the module docstring).

    `inks` maps an MCID to its glyphs' ink rectangles; without it (an
    untagged PDF) the boxes' rectangles decide alone.
    """
    found = []
    ordered = sorted(boxes, key=lambda box: box.x0)
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.x0 >= first.x1:
                break  # sorted by x0: no later box reaches back into `first`
            across = min(first.x1, second.x1) - max(first.x0, second.x0)
            down = min(first.bottom, second.bottom) - max(first.top, second.top)
            smaller = min(first.size, second.size)
            if (
                across > max(OVERLAP_ACROSS_PT, OVERLAP_ACROSS_OF_SIZE * smaller)
                and down > OVERLAP_DOWN_OF_HEIGHT * min(first.height, second.height)
                and (inks is None or _inks_meet(first, second, inks))
            ):
                found.append(Overlap(first, second, across, down))
    return found


def _ink_of(box: TextBox, inks: dict[int, list[Rectangle]]) -> list[Rectangle] | None:
    """The ink rectangles of the box's glyphs; None when pdfium knows nothing of its MCID."""
    if box.mcid is None or box.mcid not in inks:
        return None
    return [
        ink
        for ink in inks[box.mcid]
        if ink.x0 >= box.x0 - 1
        and ink.x1 <= box.x1 + 1
        and ink.top >= box.top - box.size
        and ink.bottom <= box.bottom + box.size
    ]


def _inks_meet(first: TextBox, second: TextBox, inks: dict[int, list[Rectangle]]) -> bool:
    first_ink, second_ink = _ink_of(first, inks), _ink_of(second, inks)
    if first_ink is None or second_ink is None:
        return True  # nothing finer to go on: the rectangles decide
    return any(
        min(a.x1, b.x1) - max(a.x0, b.x0) > INK_OVERLAP_PT
        and min(a.bottom, b.bottom) - max(a.top, b.top) > INK_OVERLAP_PT
        for a in first_ink
        for b in second_ink
    )


def outside(
    boxes: Sequence[TextBox],
    margins: Margins,
    page: Any,
    tolerance: float,
    sides: Sequence[str] = ("left", "right", "top", "bottom"),
) -> list[Outside]:
    """Text boxes reaching beyond the area inside `margins` by more than `tolerance`."""
    width, height = float(page.width), float(page.height)
    found = []
    for box in boxes:
        beyond = {
            "left": margins.left - box.x0,
            "right": box.x1 - (width - margins.right),
            "top": margins.top - box.top,
            "bottom": box.bottom - (height - margins.bottom),
        }
        past = {
            side: points for side, points in beyond.items() if side in sides and points > tolerance
        }
        if past:
            found.append(Outside(box, past))
    return found


def page_fill(page: Any, boxes: Sequence[TextBox], margins: Margins) -> tuple[float, float]:
    """(fill, reach) of one page, as the module docstring defines them."""
    top, bottom = margins.top, float(page.height) - margins.bottom
    left, right = margins.left, float(page.width) - margins.right
    printable = bottom - top
    if printable <= 0:
        return 0.0, 0.0
    spans: list[tuple[float, float]] = [(box.top, box.bottom) for box in boxes]
    for kind in ("rects", "lines", "curves", "images"):
        for shape in getattr(page, kind):
            x0, x1 = float(shape["x0"]), float(shape["x1"])
            y0, y1 = float(shape["top"]), float(shape["bottom"])
            covers_across = min(x1, right) - max(x0, left) >= BACKGROUND_COVER * (right - left)
            covers_down = min(y1, bottom) - max(y0, top) >= BACKGROUND_COVER * printable
            if covers_across and covers_down:
                continue  # the page's or <main>'s background, not content
            spans.append((y0, y1))
    clipped = sorted((max(a, top), min(b, bottom)) for a, b in spans if b > top and a < bottom)
    covered, reach, current_start, current_end = 0.0, top, None, None
    for start, end in clipped:
        reach = max(reach, end)
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                covered += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        covered += current_end - current_start
    return covered / printable, (reach - top) / printable


# ---------------------------------------------------------------------------
# The site on a phone
# ---------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 for as long as the block runs; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# Runs in the page: how far it scrolls sideways, and the innermost elements
# that stick out of the viewport, furthest first (an element whose children
# stick out too is left out, so the list names the culprits, not their parents).
_OVERFLOW_SCRIPT = """
async () => {
  await document.fonts.ready;
  const root = document.scrollingElement;
  const width = root.clientWidth;
  // An element's text can overflow its box (a long word): its scroll width says how far.
  const right = el => {
    const box = el.getBoundingClientRect();
    return Math.max(box.right, box.left + el.scrollWidth);
  };
  const sticking = [...document.body.querySelectorAll('*')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (right(el) > width + 0.5 || box.left < -0.5);
  });
  const innermost = sticking.filter(el => !sticking.some(other => other !== el && el.contains(other)));
  const beyond = el => Math.max(right(el) - width, -el.getBoundingClientRect().left);
  innermost.sort((a, b) => beyond(b) - beyond(a));
  return {
    overflow: root.scrollWidth - width,
    offenders: innermost.slice(0, 8).map(el => {
      const box = el.getBoundingClientRect();
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return `${name} "${text}" spans ${Math.round(box.left)} to ${Math.round(right(el))} px`;
    }),
  };
}
"""


def phone_overflow(browser: Any, site: Path, width: int = PHONE_WIDTH) -> PhoneReport:
    """How far the built site in `site` scrolls sideways in `browser` (Playwright) at `width` px."""
    with serve_folder(site) as base_url:
        page = browser.new_page(viewport={"width": width, "height": PHONE_HEIGHT})
        try:
            page.goto(base_url + "index.html", wait_until="load")
            found: dict[str, Any] = page.evaluate(_OVERFLOW_SCRIPT)
        finally:
            page.close()
    return PhoneReport(width, float(found["overflow"]), list(found["offenders"]))


# ---------------------------------------------------------------------------
# Words for designers
# ---------------------------------------------------------------------------


def _mm(points: float) -> str:
    return f"{points / PT_PER_MM:.0f}"


def fill_problems(report: PdfReport) -> list[str]:
    """Pages under the fill targets: 60 % for every page but the last, 30 % for the last."""
    problems = []
    for page in report.pages:
        last = page.number == report.page_count
        target = MIN_FILL_LAST if last else MIN_FILL
        if page.fill < target:
            covered = page.fill * page.printable_height
            problems.append(
                f"page {page.number}{' (the last)' if last else ''} is {page.fill:.0%} filled, "
                f"target {target:.0%}: content covers {_mm(covered)} of "
                f"{_mm(page.printable_height)} mm of printable height and reaches "
                f"{page.reach:.0%} of the way down"
            )
    return problems


def type_problems(report: PdfReport) -> list[str]:
    problems = []
    if report.share_at_8pt < MIN_SHARE_AT_8PT:
        problems.append(
            f"{report.share_at_8pt:.1%} of the {report.characters} characters are at 8 pt or "
            f"more, target {MIN_SHARE_AT_8PT:.0%}"
        )
    seen: set[tuple[int, str, float]] = set()
    for box in report.small_text:
        key = (box.page, box.text[:48], round(box.size, 1))
        if key not in seen:
            seen.add(key)
            problems.append(f"page {box.page}: {box.where()} is under {SMALLEST_SIZE} pt")
    return problems


def page_count_problem(counts: dict[str, int]) -> str | None:
    """None when the page counts (by theme) are within MAX_PAGE_COUNT_SPREAD of each other."""
    if max(counts.values()) - min(counts.values()) <= MAX_PAGE_COUNT_SPREAD:
        return None
    listed = ", ".join(f"{theme} {count}" for theme, count in sorted(counts.items()))
    return f"page counts differ by more than {MAX_PAGE_COUNT_SPREAD} across themes: {listed}"


def listing(title: str, problems: Sequence[str], limit: int = 25) -> str:
    """`problems` under a title, one a line, the first `limit` of them."""
    shown = [f"  - {problem}" for problem in problems[:limit]]
    if len(problems) > limit:
        shown.append(f"  ... and {len(problems) - limit} more")
    return "\n".join([title, *shown])


def page_problems(report: PdfReport, what: Callable[[PageReport], Sequence[object]]) -> list[str]:
    """Every item `what` finds on each page, prefixed with its page number."""
    return [f"page {page.number}: {item}" for page in report.pages for item in what(page)]
