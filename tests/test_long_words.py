"""A word longer than its line (a 5,000-character token pasted into a bio, an
unbroken brand or quote) breaks where it must: it never runs off the PDF's page,
and the site never scrolls sideways on a phone (390 px), in every theme.

The bio holds the 5,000 characters; every other field a word as long as a
one-line field allows (300 characters), which already spans several lines on
paper and on a phone: enough to find any box that would widen for it, while
the PDF engine, which tries each character of such a word as a place to break,
lays the kit out in seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from mediakit.render.themes import available_themes
from tests.chromium import CHROMIUM, launch
from tests.conftest import TODAY

THEMES = sorted(available_themes())
TOKEN = "Sourdough" * 555  # 4,995 characters without a space


def long_word_kit() -> dict[str, Any]:
    """Every field a creator fills with text, each holding a word longer than any line."""
    line = "W" * 290  # one-line fields hold at most 300 characters
    paragraph = "P" * 300
    return {
        "version": 1,
        "creator": {
            "name": "N" * 120,
            "tagline": line,
            "bio": f"I bake. {TOKEN} And more.",
            "location": line,
            "languages": [line],
            "niches": ["baking", line],
        },
        "contact": {"email": "ana@example.com", "note": line},
        "platforms": [
            {
                "platform": "instagram",
                "handle": "h" * 100,
                "followers": 1000,
                "as_of": "2026-11-01",
                "posts": [{"date": f"2026-10-0{day}", "likes": 10} for day in range(1, 5)]
                + [{"date": "2026-10-05", "likes": 10_000, "title": line}],
            }
        ],
        "audience": {"source": line, "cities": {line: 30}, "interests": [line]},
        "collaborations": [
            {
                "brand": line,
                "date": "2026-10",
                "deliverables": [line],
                "summary": paragraph,
                "results": {"views": 10, "k" * 60: line},
                "testimonial": {"quote": paragraph, "author": line, "role": line},
            },
            {"brand": "Results only", "date": "2026-09", "results": {"x" * 60: line}},
        ],
        "testimonials": [{"quote": paragraph, "author": line, "role": line, "brand": line}],
        "rates": {
            "currency": "USD",
            "terms": paragraph,
            "packages": [
                {"name": line, "price": 100, "description": paragraph, "includes": [line]}
            ],
            "add_ons": [{"name": line, "price": 5, "description": paragraph}],
        },
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("long-words")
    kit = folder / "mediakit.yaml"
    kit.write_text(json.dumps(long_word_kit()), encoding="utf-8")
    return {
        theme: build_kit(kit, folder / theme, BuildOptions(theme=theme, today=TODAY)).out_dir
        for theme in THEMES
    }


@pytest.mark.parametrize("theme", THEMES)
def test_no_text_runs_off_the_pdf_page(built: dict[str, Path], theme: str) -> None:
    [pdf] = built[theme].glob("*.pdf")
    document = pdfium.PdfDocument(pdf)
    outside = []
    for number, page in enumerate(document, start=1):
        width = page.get_width()
        text = page.get_textpage()
        past_edge = [
            text.get_text_range(index, 1)
            for index in range(text.count_chars())
            if not 0 <= text.get_charbox(index)[0] <= text.get_charbox(index)[2] <= width
        ]
        if past_edge:
            outside.append((number, "".join(past_edge)[:30]))
    assert outside == [], f"text past the page's edge (page, text): {outside[:5]}"
    # Broken across lines (a bio column may hold fewer than 40 letters), but all there.
    text = "".join(page.get_textpage().get_text_range() for page in document)
    assert TOKEN[:40] in text.replace("\r\n", "")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser checks need {CHROMIUM} (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.mark.parametrize("theme", THEMES)
def test_the_phone_site_never_scrolls_sideways(
    browser: Any, built: dict[str, Path], theme: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((built[theme] / "index.html").as_uri())
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 390px"
    finally:
        page.close()
