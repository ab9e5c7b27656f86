"""The playful theme's own layout, read back from its PDF and from its site in Chromium.

What the playful commits promise beyond the layout corpus's targets: a
collaboration's results set in balanced rows on paper (seven as four and
three), the cover's "Stats as of" line clear of the tilted stickers above
it, and on a phone the photo above the name, so a long name has the coloured
band's whole width (from 640 px the photo sits in the band's corner).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from mediakit.build import build_kit
from mediakit.images.accent import parse_hex
from mediakit.options import BuildOptions
from tests import layout_check
from tests.chromium import launch
from tests.conftest import MINIMAL_KIT, SAMPLES, TODAY
from tests.tools import require

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parent / "data" / "layout"
PLAYFUL = BuildOptions(theme="playful", today=TODAY)

# Results whose figures print as themselves (under 1,000: no "K"), each once.
RESULTS = {
    "views": 101,
    "reach": 202,
    "likes": 303,
    "comments": 404,
    "shares": 505,
    "saves": 606,
    "clicks": 707,
    "code_uses": 808,
    "sales": 909,
}


def kit_with_results(count: int) -> str:
    results = ", ".join(f"{key}: {value}" for key, value in list(RESULTS.items())[:count])
    return MINIMAL_KIT + textwrap.dedent(
        f"""\
        collaborations:
          - brand: Oven Co
            date: 2026-10-01
            platform: instagram
            summary: A Reel about bread.
            results: {{{results}}}
        theme:
          name: playful
        """
    )


def rows_of_figures(pdf: Path, figures: list[str]) -> list[list[float]]:
    """Where each figure prints: the left edges of the figures, one list per line, top first."""
    with pdfplumber.open(pdf) as document:
        words = [word for page in document.pages for word in page.extract_words()]
    found = [word for word in words if word["text"] in figures]
    assert sorted(word["text"] for word in found) == sorted(figures), "each figure prints once"
    rows: dict[float, list[float]] = {}
    for word in found:
        line = next((top for top in rows if abs(top - word["top"]) < 2), word["top"])
        rows.setdefault(line, []).append(word["x0"])
    return [sorted(rows[top]) for top in sorted(rows)]


@pytest.mark.parametrize(
    ("count", "row_lengths"),
    [
        # Up to six in one row; more in two balanced rows of (count + 1) // 2
        # columns: seven in 4 columns = 4 + 3, nine in 5 = 5 + 4, never 6 + 1.
        (6, [6]),
        (7, [4, 3]),
        (9, [5, 4]),
    ],
)
def test_collaboration_results_print_in_balanced_rows(
    write_kit, tmp_path: Path, count: int, row_lengths: list[int]
) -> None:
    kit = Path(write_kit(kit_with_results(count)))
    result = build_kit(kit, tmp_path / "site", PLAYFUL)
    assert result.pdf is not None
    figures = [str(value) for value in list(RESULTS.values())[:count]]
    rows = rows_of_figures(result.pdf, figures)
    assert [len(row) for row in rows] == row_lengths
    # The short row keeps the long row's columns: its figures start where theirs do.
    for first, second in zip(rows[0], rows[-1], strict=False):
        assert second == pytest.approx(first, abs=1)


def accent_shapes(page: Any, accent: str) -> list[dict[str, Any]]:
    """The filled shapes on a page painted in the accent: sticker edges, bands, the bubble's edge."""
    colour = tuple(channel / 255 for channel in parse_hex(accent))
    found = []
    for shape in [*page.rects, *page.curves]:
        fill = shape.get("non_stroking_color")
        if (
            shape.get("fill")
            and isinstance(fill, (tuple, list))
            and len(fill) == 3
            and all(abs(a - b) < 0.01 for a, b in zip(fill, colour, strict=True))
        ):
            found.append(shape)
    return found


# How far below the stickers the date must start, in points: 2 mm. Under the
# audience bubble's level edge it starts 2.4 mm down (a 1.5 mm margin and the
# line's half-leading). A sticker tilted by 2 degrees reaches lower than its
# box: for the cover's 166 x 61 pt sticker, by (166 x sin 2 + 61 x cos 2 - 61) / 2
# = (5.79 - 0.04) / 2 = 2.9 pt, or 1 mm; a date 1.5 mm under the stickers' boxes
# came within 1.4 mm of that corner and read as touching it.
CLEAR_OF_STICKERS_PT = 2 * 72 / 25.4  # 5.67 pt


@pytest.mark.parametrize(
    "kit",
    [
        CORPUS / "no-audience/mediakit.yaml",  # the date straight under the stickers
        SAMPLES / "tomas-reyes/mediakit.yaml",  # the date under the audience bubble
    ],
    ids=lambda path: path.parent.name,
)
def test_the_stats_date_prints_clear_of_the_stickers(kit: Path, tmp_path: Path) -> None:
    result = build_kit(kit, tmp_path / "site", PLAYFUL)
    assert result.pdf is not None
    with pdfplumber.open(result.pdf) as document:
        page = document.pages[0]
        words = page.extract_words()
        # The cover's "Stats as of Nov 13, 2026" is the first (the platforms have their own).
        start = next(i for i, word in enumerate(words) if word["text"] == "Stats")
        line = words[start : start + 6]
        assert [word["text"] for word in line[:3]] == ["Stats", "as", "of"]
        left, right = min(w["x0"] for w in line), max(w["x1"] for w in line)
        top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
        # No kit here sets an accent: playful's berry paints the stickers and the bubble's edge.
        shapes = accent_shapes(page, "#b8246a")
    # What is drawn in the accent above the date's line, or into it, over its width.
    above = [
        shape
        for shape in shapes
        if shape["top"] < bottom and shape["x0"] < right and shape["x1"] > left
    ]
    assert len(above) >= 2, "the stickers' accent edges were not found"
    lowest = max(shape["bottom"] for shape in above)
    gap = top - lowest
    assert gap >= CLEAR_OF_STICKERS_PT, f"the date starts {gap:.1f} pt under the accent above it"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


# The name's printed lines (not its block, which runs under a float) and the photo, in CSS px.
_BAND_SCRIPT = """
async () => {
  await document.fonts.ready;
  const box = el => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const name = document.querySelector('.hello .hero__name');
  const range = document.createRange();
  range.selectNodeContents(name);
  const lines = [...range.getClientRects()].map(r =>
    ({left: r.left, right: r.right, top: r.top, bottom: r.bottom}));
  return {band: box(document.querySelector('.hello')),
          photo: box(document.querySelector('.hello__photo')), lines};
}
"""


@pytest.mark.parametrize(
    "kit",
    [SAMPLES / "tomas-reyes/mediakit.yaml", CORPUS / "long-everything/mediakit.yaml"],
    ids=lambda path: path.parent.name,
)
def test_on_a_phone_the_photo_sits_above_the_name(browser: Any, kit: Path, tmp_path: Path) -> None:
    build_kit(kit, tmp_path, BuildOptions(theme="playful", today=TODAY, pdf=False))
    with layout_check.serve_folder(tmp_path) as base_url:
        placed = {}
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            try:
                page.goto(base_url + "index.html", wait_until="load")
                placed[width] = page.evaluate(_BAND_SCRIPT)
            finally:
                page.close()

    phone = placed[390]
    photo, lines, band = phone["photo"], phone["lines"], phone["band"]
    assert lines, "the name prints no line"
    # Above the name, and the name's lines inside the band.
    assert photo["bottom"] <= min(line["top"] for line in lines)
    assert all(band["left"] <= line["left"] and line["right"] <= band["right"] for line in lines)

    laptop = placed[1280]
    photo, lines = laptop["photo"], laptop["lines"]
    # In the band's corner: to the right of the name's first line, level with it.
    assert photo["left"] >= lines[0]["right"]
    assert photo["top"] < lines[0]["bottom"] and photo["bottom"] > lines[0]["top"]


# Each word of the name (split at spaces; a hyphenated name is one word) and
# how many lines it prints on: one, unless the browser broke it inside.
_NAME_WORDS_SCRIPT = """
async () => {
  await document.fonts.ready;
  const text = document.querySelector('.hello .hero__name').firstChild;
  const words = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    words.push([match[0], tops.size]);
  }
  return words;
}
"""


@pytest.mark.parametrize("width", [390, 700, 960, 1280])
def test_a_long_name_breaks_only_between_words(browser: Any, tmp_path: Path, width: int) -> None:
    # "Montgomery-Fitzwilliam", 22 characters, is wider than a phone's band at
    # the name's usual size and than the room beside the photo up to 1000 px.
    kit = CORPUS / "long-everything/mediakit.yaml"
    build_kit(kit, tmp_path, BuildOptions(theme="playful", today=TODAY, pdf=False))
    with layout_check.serve_folder(tmp_path) as base_url:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(base_url + "index.html", wait_until="load")
            words = page.evaluate(_NAME_WORDS_SCRIPT)
        finally:
            page.close()
    assert len(words) == 4  # Maximiliana Alexandra Montgomery-Fitzwilliam Chen-Whitfield
    assert [word for word, lines in words if lines != 1] == []
