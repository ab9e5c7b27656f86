"""How full each PDF page is, and the density the PDF stage picks from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from mediakit.render.page_fill import page_fills, shortfalls
from mediakit.render.pdf import write_pdf

# A 100 mm square page without margins: a block 50 mm high fills half of it.
PAGE = "@page { size: 100mm 100mm; margin: 0 } body { margin: 0 }"


def fills(body: str, style: str = "") -> list[float]:
    html = f"<html><head><style>{PAGE} {style}</style></head><body>{body}</body></html>"
    return page_fills(HTML(string=html).render())


def test_a_painted_block_fills_its_height() -> None:
    assert fills('<div style="height: 50mm; background: #eee"></div>') == [pytest.approx(0.5)]


def test_white_space_between_blocks_is_empty() -> None:
    # Two 20 mm bordered boxes, 30 mm apart: 40 of 100 mm hold something.
    box = '<div style="height: 18mm; border: 1mm solid #000"></div>'
    assert fills(box + '<div style="height: 30mm"></div>' + box) == [pytest.approx(0.4)]


def test_an_invisible_block_is_not_counted() -> None:
    assert fills('<div style="height: 80mm"></div>') == [0.0]


def test_shortfalls_add_up_what_each_page_misses() -> None:
    # Pages but the last should be 60 % full, the last 30 %: 0.1 + 0.1 short.
    assert shortfalls([0.9, 0.5, 0.2]) == pytest.approx(0.2)
    assert shortfalls([0.7, 0.3]) == 0
    assert shortfalls([0.05]) == 0  # a single page is never too empty


# Two unbreakable 55 mm cards: at the normal density the second moves to page
# 2 and leaves page 1 55 % full; set tight (45 mm each) both fit on one page.
CARDS = f"""<html><head><style>{PAGE}
.card {{ height: 55mm; background: #ddd; break-inside: avoid }}
html[data-density="tight"] .card {{ height: 45mm }}
</style></head><body><div class="card">One</div><div class="card">Two</div></body></html>"""


def test_the_pdf_is_set_tighter_when_a_page_comes_out_too_empty(tmp_path: Path) -> None:
    normal = tmp_path / "normal.pdf"
    chosen = tmp_path / "chosen.pdf"
    options = {"title": "T", "author": "A", "lang": "en"}
    write_pdf(CARDS, tmp_path, normal, densities=("normal",), **options)
    write_pdf(CARDS, tmp_path, chosen, **options)
    assert len(PdfReader(normal).pages) == 2
    assert len(PdfReader(chosen).pages) == 1
