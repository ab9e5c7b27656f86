"""The layout checker measures what it says, and the layout corpus has the shapes it promises.

Each measure of tests/layout_check.py is tried on a small PDF whose figures
are worked out by hand below, so that a failing corpus test can be trusted
to point at the kit and not at the checker. The corpus itself (see
tests/data/layout/README.md) must validate and keep its shapes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from mediakit.check import check_kit
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.model.kit import Kit
from mediakit.render.pdf import write_pdf
from tests import layout_check
from tests.chromium import launch
from tests.conftest import ROOT, TODAY
from tests.layout_check import Margins, PageMargins
from tests.tools import require

CORPUS = ROOT / "tests" / "data" / "layout"
CORPUS_KITS = sorted(path.parent.name for path in CORPUS.glob("*/mediakit.yaml"))
MM = 72 / 25.4  # points in a millimetre

# A 100 x 100 mm page with 10 mm margins: 80 mm of printable height.
PAGE_CSS = "@page { size: 100mm 100mm; margin: 10mm; } body { margin: 0; font-family: sans-serif; }"
TEN_MM = PageMargins.same(Margins(10 * MM, 10 * MM, 10 * MM, 10 * MM))


def pdf_of(tmp_path: Path, body: str, css: str = "") -> Path:
    html = (
        f"<!doctype html><html lang='en'><head><title>T</title>"
        f"<style>{PAGE_CSS}{css}</style></head><body>{body}</body></html>"
    )
    target = tmp_path / "check.pdf"
    write_pdf(html, tmp_path, target, title="Check", author="Ana Lima", lang="en")
    return target


def check(tmp_path: Path, body: str, css: str = "") -> layout_check.PdfReport:
    return layout_check.check_pdf(pdf_of(tmp_path, body, css), TEN_MM)


# ---------------------------------------------------------------------------
# Fill
# ---------------------------------------------------------------------------


def test_fill_is_the_share_of_printable_height_covered(tmp_path: Path) -> None:
    # Blocks of 20 mm and 10 mm with 20 mm of nothing between them, on a page
    # whose background (html) covers everything and so does not count:
    # covered 20 + 10 = 30 of 80 mm = 0.375; the lowest content ends at
    # 20 + 20 + 10 = 50 mm of 80 = 0.625.
    report = check(
        tmp_path,
        '<div style="height: 20mm; background: #ccc"></div>'
        '<div style="height: 10mm; margin-top: 20mm; background: #ccc"></div>',
        css="html { background: #f6f5f1; }",
    )
    (page,) = report.pages
    assert page.printable_height == pytest.approx(80 * MM)
    assert page.fill == pytest.approx(30 / 80, abs=0.005)
    assert page.reach == pytest.approx(50 / 80, abs=0.005)


def test_fill_problems_name_the_page_and_the_target(tmp_path: Path) -> None:
    # Page 1: a 70 mm block, 70 / 80 = 87.5 %, passes 60 %; page 2, the last:
    # a 16 mm block, 16 / 80 = 20 %, under 30 %.
    report = check(
        tmp_path,
        '<div style="height: 70mm; background: #ccc"></div>'
        '<div style="height: 16mm; break-before: page; background: #ccc"></div>',
    )
    assert [round(page.fill, 3) for page in report.pages] == [0.875, 0.2]
    (problem,) = layout_check.fill_problems(report)
    assert problem.startswith("page 2 (the last) is 20% filled, target 30%")
    assert "covers 16 of 80 mm" in problem


# ---------------------------------------------------------------------------
# Overlaps, off the page, margins, hidden text
# ---------------------------------------------------------------------------

ABSOLUTE = "position: absolute; left: 0; font-size: 12pt; margin: 0;"


def test_text_printed_over_text_is_an_overlap(tmp_path: Path) -> None:
    report = check(
        tmp_path,
        f'<p style="{ABSOLUTE} top: 0">Overlapping words</p>'
        f'<p style="{ABSOLUTE} top: 3pt; left: 4pt">Printed twice here</p>',
    )
    (overlap,) = report.pages[0].overlaps
    assert {overlap.first.text, overlap.second.text} == {"Overlapping words", "Printed twice here"}
    assert "prints over" in str(overlap)


def test_lines_and_neighbouring_words_do_not_overlap(tmp_path: Path) -> None:
    # Tight leading, a bold word inside a line, a large quote mark above a line.
    report = check(
        tmp_path,
        '<p style="font-size: 12pt; line-height: 1; width: 40mm">Several lines of text set '
        "solid, with a <b>bold</b> word and an <i>italic</i> one among them.</p>"
        '<p style="font-size: 40pt; line-height: 0.6; margin: 0">“</p>'
        '<p style="font-size: 9pt; margin: 0">A quote under its mark.</p>',
    )
    assert report.pages[0].overlaps == []


def test_text_clipped_to_nothing_is_not_measured(tmp_path: Path) -> None:
    # The visually hidden label for screen readers: drawn, but clipped to 1 px.
    hidden = (
        "position: absolute; width: 1px; height: 1px; overflow: hidden; "
        "clip: rect(0 0 0 0); white-space: nowrap; font-size: 5pt"
    )
    report = check(
        tmp_path,
        f'<p style="font-size: 9pt">See the post<span style="{hidden}"> (Brand name)</span></p>',
    )
    assert report.pages[0].overlaps == []
    assert report.characters == len("Seethepost")  # 10 letters, spaces not counted
    assert report.smallest_size == pytest.approx(9)


def test_a_long_word_runs_off_the_page_and_through_the_margin(tmp_path: Path) -> None:
    report = check(tmp_path, f'<p style="font-size: 10pt">{"W" * 200}</p>')
    (off,) = report.pages[0].off_page
    assert list(off.sides) == ["right"]
    # 200 W's at 10 pt are far wider than 100 mm: the box starts at the left
    # margin, 10 mm in, and ends well past the paper's edge.
    assert off.box.x0 == pytest.approx(10 * MM, abs=0.5)
    assert off.sides["right"] > 100 * MM
    (margin,) = report.pages[0].in_margin
    assert margin.sides["right"] == pytest.approx(off.sides["right"] + 10 * MM, abs=0.01)
    assert "past the right" in str(off)


def test_text_in_the_top_margin_is_reported_and_the_bottom_margin_is_free(tmp_path: Path) -> None:
    # Pulled 8 mm up into the 10 mm top margin: 8 mm past the top. The bottom
    # margin holds the running footer by design: text there is no finding.
    report = check(
        tmp_path,
        '<p style="position: absolute; top: -8mm; margin: 0; font-size: 8pt">Header</p>'
        '<p style="position: absolute; bottom: -6mm; margin: 0; font-size: 8pt">Footer</p>',
    )
    (margin,) = report.pages[0].in_margin
    assert margin.box.text == "Header"
    assert list(margin.sides) == ["top"]
    assert margin.sides["top"] == pytest.approx(8 * MM, abs=1.5)  # the line box's leading
    assert report.pages[0].off_page == []


# ---------------------------------------------------------------------------
# Type sizes and the email link
# ---------------------------------------------------------------------------


def test_type_sizes(tmp_path: Path) -> None:
    # Nine letters at 10 pt and one at 6 pt: 9 / 10 = 90 % at 8 pt or more,
    # the smallest 6 pt, under 6.5 pt: the one box holding "J".
    report = check(
        tmp_path, '<p style="font-size: 10pt">ABCDEFGHI</p><p style="font-size: 6pt">J</p>'
    )
    assert report.characters == 10
    assert report.share_at_8pt == pytest.approx(0.9)
    assert report.smallest_size == pytest.approx(6)
    assert [box.text for box in report.small_text] == ["J"]
    (problem,) = layout_check.type_problems(report)
    assert problem.startswith('page 1: "J" (6.0 pt')


def test_an_email_link_in_the_page_counts_one_in_the_margin_does_not(tmp_path: Path) -> None:
    body = '<p><a href="https://example.com/">site</a> <a href="mailto:ana@example.com">ana@example.com</a></p>'
    report = check(tmp_path, body)
    assert report.first_page_mailto == "ana@example.com"
    footer = (
        '<p style="position: absolute; bottom: -7mm; margin: 0; font-size: 7pt">'
        '<a href="mailto:ana@example.com">ana@example.com</a></p>'
    )
    report = check(tmp_path, "<p>Ana Lima</p>" + footer)
    assert report.first_page_mailto is None
    assert report.first_page_margin_mailto == "ana@example.com"


# ---------------------------------------------------------------------------
# Margins from the theme, page counts
# ---------------------------------------------------------------------------


def test_margins_come_from_the_page_rules_of_the_merged_stylesheets(tmp_path: Path) -> None:
    # A parent folder's print.css imports base.css; the child replaces base.css.
    # Page 1 is :first (and a right page), page 2 a left page, page 3 a right one.
    parent, child = tmp_path / "parent", tmp_path / "child"
    parent.mkdir()
    child.mkdir()
    (parent / "print.css").write_text(
        '@import url("base.css"); @page :first { margin-top: 50mm; }', encoding="utf-8"
    )
    (parent / "base.css").write_text("@page { margin: 1mm; }", encoding="utf-8")
    (child / "base.css").write_text(
        "@page { margin: 10mm 20mm 30mm 40mm; } @page :left { margin-left: 5mm; }",
        encoding="utf-8",
    )
    margins = layout_check.stylesheet_margins([parent, child], "print.css", "A4")
    expected = {
        1: (50, 20, 30, 40),
        2: (10, 20, 30, 5),
        3: (10, 20, 30, 40),
        4: (10, 20, 30, 5),
    }
    for page, millimetres in expected.items():
        found = margins.of_page(page)
        assert (found.top, found.right, found.bottom, found.left) == pytest.approx(
            tuple(mm * MM for mm in millimetres), abs=0.01
        )


def test_page_counts_within_one_pass() -> None:
    assert layout_check.page_count_problem({"default": 3, "editorial": 4, "playful": 3}) is None
    problem = layout_check.page_count_problem({"default": 3, "editorial": 5, "playful": 4})
    assert problem == (
        "page counts differ by more than 1 across themes: default 3, editorial 5, playful 4"
    )


# ---------------------------------------------------------------------------
# The phone site
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


def _site(folder: Path, body: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>T</title><style>body {{ margin: 0 }}</style></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    return folder


def test_a_page_wider_than_the_phone_scrolls_sideways(browser: Any, tmp_path: Path) -> None:
    # A 1000 px box on a 390 px screen: 1000 - 390 = 610 px to scroll.
    site = _site(tmp_path / "wide", '<div class="wide" style="width: 1000px">Wide</div>')
    report = layout_check.phone_overflow(browser, site)
    assert report.overflow == 610
    (offender,) = report.offenders
    assert offender == 'div.wide "Wide" spans 0 to 1000 px'


def test_a_page_that_fits_does_not_scroll(browser: Any, tmp_path: Path) -> None:
    site = _site(tmp_path / "fits", "<p>Short text that wraps within the screen.</p>")
    assert layout_check.phone_overflow(browser, site) == layout_check.PhoneReport(390, 0, [])


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------


def corpus_kit(name: str) -> Kit:
    return parse_kit(load_yaml(CORPUS / name / "mediakit.yaml"))


@pytest.mark.parametrize("name", CORPUS_KITS)
def test_corpus_kit_validates_without_warnings(name: str) -> None:
    checked = check_kit(CORPUS / name / "mediakit.yaml", today=TODAY)
    assert checked.warnings == []


def test_the_corpus_has_the_shapes_it_promises() -> None:
    kits = {name: corpus_kit(name) for name in CORPUS_KITS}
    assert len(kits) >= 8
    assert any(len(kit.platforms) == 1 for kit in kits.values())
    assert any(len(kit.platforms) >= 6 for kit in kits.values())
    assert any(kit.primary_audience is None and kit.collaborations for kit in kits.values()), (
        "a kit with no audience data anywhere"
    )
    assert any(not kit.collaborations for kit in kits.values())
    assert {kit.theme.paper for kit in kits.values()} == {"A4", "letter"}
    locales = {kit.locale: kit for kit in kits.values()}
    assert {"es", "ar", "ja"} <= set(locales)
    assert {"newsletter", "podcast"} <= {p.platform for p in locales["es"].platforms}
    bios = " ".join(kit.creator.bio or "" for kit in kits.values())
    assert max(len(word) for word in bios.split()) >= 5000
    assert max(len(kit.creator.name) for kit in kits.values()) >= 50
    assert max(len(kit.creator.handle or "") for kit in kits.values()) >= 90


def _image(name: str, path: Path) -> Image.Image:
    return Image.open(path if path.is_absolute() else CORPUS / name / path)


def test_the_twelve_collaborations_have_every_image_and_logo_shape() -> None:
    kit = corpus_kit("twelve-collaborations")
    assert len(kit.collaborations) == 12
    images = [_image("twelve-collaborations", c.image).size for c in kit.collaborations if c.image]
    logos = [_image("twelve-collaborations", c.logo).size for c in kit.collaborations if c.logo]
    assert any(height > width for width, height in images)  # portrait
    assert any(width > height for width, height in images)  # landscape
    assert any(width == height for width, height in images)  # square
    ratios = [width / height for width, height in logos]
    assert max(ratios) >= 4  # a wordmark
    assert min(ratios) <= 0.5  # a tall mark
    assert any(ratio == 1 for ratio in ratios)  # a square badge


def test_one_headshot_is_an_iphone_photo_on_its_side() -> None:
    kit = corpus_kit("one-platform")
    assert kit.creator.photo is not None
    photo = _image("one-platform", kit.creator.photo)
    assert photo.size == (4032, 3024)
    assert photo.getexif()[0x0112] == 6  # Orientation: turn 90 degrees clockwise to show


def test_corpus_images_stay_small() -> None:
    total = sum(path.stat().st_size for path in CORPUS.rglob("*") if path.is_file())
    assert total < 1.5 * 2**20
