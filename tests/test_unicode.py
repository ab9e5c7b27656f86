"""Names and text in any script: right-to-left marked, file names safe, PDF text intact."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from mediakit.output import default_pdf_name
from mediakit.view.direction import dir_attribute, direction
from mediakit.view.markdown import render_markdown
from tests.conftest import SAMPLES
from tests.tools import require

UNICODE_KIT = """\
version: 1
creator:
  name: 山田 花子 🍞
  tagline: "خبز العجين المخمر في المنزل — sourdough at home"
  bio: |
    こんにちは！東京で**サワードウ**を焼いています。🍞

    مرحبا! أخبز الخبز كل يوم.

    Zoe\u0301 Nguyễn
  photo: photo.jpg
  niches: [パン, خبز]
contact: {email: hanako@example.com}
platforms:
  - {platform: instagram, handle: hanako, followers: 12.5k, as_of: 2026-11-15}
testimonials:
  - {quote: "محتوى رائع وتعاون ممتاز", author: "ليلى حسن"}
"""


def test_direction_follows_the_first_strong_character() -> None:
    assert direction("مرحبا hello") == "rtl"
    assert direction("hello مرحبا") == "ltr"
    assert direction("שלום") == "rtl"
    assert direction("123 — !") == "ltr"
    assert direction("山田") == "ltr"
    assert dir_attribute("مرحبا") == ' dir="rtl"'
    assert dir_attribute("hello") == ""


def test_right_to_left_paragraphs_are_marked_in_markdown() -> None:
    html = str(render_markdown("Hello there.\n\nمرحبا! أخبز الخبز.\n\n- قائمة\n- list"))
    assert "<p>Hello there.</p>" in html
    assert '<p dir="rtl">مرحبا! أخبز الخبز.</p>' in html
    assert '<li dir="rtl">قائمة</li>' in html


def test_dir_cannot_be_smuggled_through_markdown() -> None:
    html = str(render_markdown('<p dir="ltr" style="x">hi</p> <span dir="rtl">x</span>'))
    assert 'dir="ltr"' not in html and "style" not in html and "<span" not in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maya Okafor", "maya-okafor-media-kit.pdf"),
        ("Zoé Ñúñez", "zoe-nunez-media-kit.pdf"),
        ("山田 花子", "media-kit.pdf"),
        ("../../etc/passwd", "etc-passwd-media-kit.pdf"),
        ("CON", "con-media-kit.pdf"),
        ("🍞🍞", "media-kit.pdf"),
    ],
)
def test_file_names_from_names_are_safe(name: str, expected: str) -> None:
    assert default_pdf_name(name) == expected


def test_a_kit_in_japanese_and_arabic_builds(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", tmp_path / "photo.jpg")
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(UNICODE_KIT, encoding="utf-8")
    result = build_kit(kit, tmp_path / "site", BuildOptions(today=dt.date(2026, 11, 21)))
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<h1 class="hero__name">山田 花子 🍞</h1>' in html
    assert 'class="hero__tagline" dir="rtl"' in html
    assert '<p dir="rtl">مرحبا! أخبز الخبز كل يوم.</p>' in html
    assert "Zoe\u0301" in html  # combining marks kept as written
    assert result.pdf is not None
    # The PDF can only carry the Japanese it has a font for (Inter has no kanji).
    require("cjk-font")
    text = "".join(page.extract_text() or "" for page in PdfReader(result.pdf).pages)
    assert "山田" in text and "サワードウ" in text
