"""Page breaks in a long PDF: no card cut in two, no heading left alone at a page's foot.

A kit far longer than the samples runs to several pages on A4 and on Letter.
Every card starts with a word `START<n>` and ends with `END<n>`: a card is whole
when both print on the same page. A heading is kept with its section when the
first card of the section starts on the heading's page.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from mediakit.render.pdf import write_pdf
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

PHOTOS = SAMPLES / "maya-okafor" / "images"
PAPER_POINTS = {"A4": (595, 842), "letter": (612, 792)}

BIO_PARAGRAPH = (
    "I bake bread at home and teach others to do it on a weeknight, with a day job, "
    "a small oven and no special tools. Every recipe is tested three times before it goes up, "
    "and every failure goes up too, because that is where people learn the most."
)


def long_kit(paper: str) -> str:
    """A kit with a long bio, 9 collaborations (newest first), 7 testimonials and 9 packages.

    The three newest collaborations print as cards, ending with their
    testimonial; the six others as rows, ending with their deliverables.
    """
    collabs = "".join(
        f"""
  - brand: START{n} Brand {n}
    date: 2026-{10 - n:02d}-10
    platform: instagram
    deliverables: ["1 Reel", "3 Stories"{"" if n <= 3 else f', "END{n}"'}]
    {"image: images/collabs/dutch-oven.jpg" if n % 3 == 0 else ""}
    summary: |
      {" ".join([BIO_PARAGRAPH] * (1 + n % 2))}
    url: https://www.instagram.com/reel/example{n}/
    results: {{views: {20000 + n}, reach: 15000, likes: 900, saves: 300, clicks: 120}}
    testimonial:
      quote: A long and warm quote from the brand about how the work went, with detail.{f" END{n}" if n <= 3 else ""}
      author: Person {n}
      role: Marketing Manager"""
        for n in range(1, 10)
    )
    testimonials = "".join(
        f"""
  - quote: START{n} {"The content was on brief, on time and needed one tiny edit. " * (1 + n % 3)}END{n}
    author: Person {n}
    brand: Company {n}"""
        for n in range(20, 27)
    )
    packages = "".join(
        f"""
    - name: START{n} Package {n}
      platform: instagram
      price: {500 + 100 * n}
      description: One Reel, concept to posting, with one round of edits and a report.
      includes: ["Script outline for approval", "Link in bio for 7 days", "Insights END{n}"]"""
        for n in range(40, 49)
    )
    bio = "\n\n    ".join([BIO_PARAGRAPH] * 4)
    return f"""\
version: 1
creator:
  name: Long Kit Baker
  handle: longkit
  tagline: Bread for busy people.
  bio: |
    {bio}
  photo: images/photo.jpg
  niches: [baking, sourdough]
contact:
  email: hello@example.com
  website: https://example.com
  phone: "+61 400 123 456"
  note: Replies within two days.
platforms:
  - {{platform: instagram, handle: longkit, followers: 40000, as_of: 2026-11-14, avg_likes: 900, avg_comments: 40}}
  - {{platform: tiktok, handle: longkit, followers: 25000, as_of: 2026-11-14, avg_views: 20000, avg_likes: 1500}}
  - {{platform: youtube, handle: longkit, followers: 9000, as_of: 2026-11-14, avg_views: 4000, avg_likes: 200}}
audience:
  source: Instagram Insights
  as_of: 2026-11-01
  age: {{"18-24": 20, "25-34": 45, "35-44": 25, "45+": 10}}
  gender: {{female: 80, male: 20}}
  countries: {{AU: 60, NZ: 10, US: 10}}
collaborations:{collabs}
testimonials:{testimonials}
rates:
  currency: AUD
  packages:{packages}
  terms: Half on signing, half on posting.
theme: {{paper: {paper}}}
site:
  base_url: https://example.com/kit/
"""


@pytest.fixture(scope="module", params=list(PAPER_POINTS))
def long_pdf(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    paper: str = request.param
    folder = tmp_path_factory.mktemp(f"long-{paper}")
    shutil.copytree(PHOTOS, folder / "images")
    kit = folder / "mediakit.yaml"
    kit.write_text(long_kit(paper), encoding="utf-8")
    result = build_kit(kit, folder / "site", BuildOptions(today=dt.date(2026, 11, 21)))
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    return paper, reader, pages


def page_of(pages: list[str], word: str) -> int:
    found = [number for number, text in enumerate(pages, 1) if f"{word} " in f"{text} "]
    assert len(found) == 1, f"{word} should print exactly once, found on pages {found}"
    return found[0]


def test_the_long_kit_spans_several_pages_of_its_paper(long_pdf) -> None:
    paper, reader, _ = long_pdf
    assert len(reader.pages) >= 5
    for page in reader.pages:
        width, height = (round(float(side)) for side in page.mediabox[2:])
        assert (width, height) == PAPER_POINTS[paper]


@pytest.mark.parametrize("number", [*range(1, 10), *range(20, 27), *range(40, 49)])
def test_no_card_is_split_across_pages(long_pdf, number: int) -> None:
    _, _, pages = long_pdf
    assert page_of(pages, f"START{number}") == page_of(pages, f"END{number}")


@pytest.mark.parametrize(
    ("heading", "first_card"),
    [
        ("Brand collaborations", "START1"),
        ("What brands say", "START20"),
        ("Rates", "START40"),
    ],
)
def test_headings_stay_with_their_first_card(long_pdf, heading: str, first_card: str) -> None:
    _, _, pages = long_pdf
    assert page_of(pages, heading) == page_of(pages, first_card)


def test_no_page_ends_with_a_heading(long_pdf) -> None:
    _, _, pages = long_pdf
    headings = ("Platforms", "Audience", "Brand collaborations", "What brands say", "Rates")
    for number, text in enumerate(pages, 1):
        # The running footer ("Long Kit Baker · Media kit · email   3 / 7") closes every page.
        body = text.split("Long Kit Baker · Media kit")[0].strip()
        assert not body.endswith(headings), f"page {number} ends with a heading: {body[-80:]}"


def test_links_are_absolute_and_reach_the_phone(long_pdf) -> None:
    _, reader, _ = long_pdf
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    }
    assert "tel:+61400123456" in uris
    assert "https://example.com/kit/" in uris  # the QR code and the "Online media kit" line
    assert all(uri.startswith(("https://", "mailto:", "tel:")) for uri in uris), uris


def test_the_contact_panel_prints_whole(long_pdf) -> None:
    _, _, pages = long_pdf
    panel = ("Let's work together", "+61 400 123 456", "Scan for the online kit")
    assert len({page_of(pages, text) for text in panel}) == 1


THEME_STATIC = Path(__file__).resolve().parent.parent / "themes" / "default" / "static"


@pytest.mark.parametrize("spacer_mm", range(208, 262, 8))
def test_a_heading_near_the_page_foot_moves_to_the_next_page(
    tmp_path: Path, spacer_mm: int
) -> None:
    """Whatever space is left under the content above, the heading and its card print together."""
    shutil.copytree(THEME_STATIC, tmp_path / "assets")
    card = "START " + "A line of a card that is read as one piece. " * 30 + "END"
    html = f"""<!doctype html><html lang="en"><head>
<link rel="stylesheet" href="assets/print.css"><style>@page {{ size: A4; }}</style></head>
<body class="print"><main class="page">
<div style="height: {spacer_mm}mm"></div>
<section class="section"><div class="section__head"><h2 class="section__title">Orphan test</h2></div>
<div class="grid"><article class="card">{card}</article></div></section>
</main></body></html>"""
    target = tmp_path / "out.pdf"
    write_pdf(html, tmp_path, target, title="t", author="a", lang="en")
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(target).pages]
    assert page_of(pages, "Orphan test") == page_of(pages, "START") == page_of(pages, "END")
