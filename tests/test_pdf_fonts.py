"""Fonts: the themes ship theirs with a licence, load nothing remote, and other scripts fall back."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any, cast

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from tests.conftest import ROOT, SAMPLES
from tests.tools import require

FONT_FILES = sorted(
    path for path in (ROOT / "themes").glob("*/static/fonts/*") if path.suffix in {".otf", ".ttf"}
)


def test_the_themes_ship_fonts() -> None:
    assert any(path.parent.parent.parent.name == "default" for path in FONT_FILES)


@pytest.mark.parametrize("font", FONT_FILES, ids=lambda path: f"{path.parts[-4]}/{path.name}")
def test_every_shipped_font_is_open_and_carries_its_licence(font: Path) -> None:
    names = TTFont(font)["name"]
    declared = f"{names.getDebugName(13) or ''} {names.getDebugName(14) or ''}"
    assert "Open Font License" in declared or "scripts.sil.org/OFL" in declared, declared
    family = (names.getDebugName(1) or "").split()[0]
    licences = [path.read_text(encoding="utf-8") for path in font.parent.glob("*OFL*.txt")]
    assert any(
        "SIL OPEN FONT LICENSE, VERSION 1.1" in text.upper() and family in text for text in licences
    ), f"no OFL licence file for {family} beside {font.name}"


def test_no_theme_loads_anything_from_the_network() -> None:
    """Fonts and stylesheets come from the theme: a font CDN would leak every reader's visit."""
    remote = re.compile(r"""(url\(|@import|href=|src=)\s*["']?(https?:)?//""", re.IGNORECASE)
    for path in (ROOT / "themes").glob("*/*/*"):
        if path.suffix in {".css", ".html"}:
            match = remote.search(path.read_text(encoding="utf-8"))
            assert match is None, f"{path.relative_to(ROOT)} loads {match.group(0)}"


def test_japanese_and_emoji_fall_back_to_system_fonts(tmp_path: Path) -> None:
    """Inter has no kana or emoji: fontconfig finds fonts that do, and the PDF embeds them."""
    require("cjk-font", "emoji-font")
    shutil.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", tmp_path / "photo.jpg")
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(
        """\
version: 1
creator:
  name: 山田 花子
  tagline: サワードウを焼いています 🍞
  photo: photo.jpg
  niches: [パン]
contact: {email: hanako@example.com}
platforms:
  - {platform: instagram, handle: hanako, followers: 12.5k, as_of: 2026-11-15}
""",
        encoding="utf-8",
    )
    result = build_kit(kit, tmp_path / "site", BuildOptions(today=dt.date(2026, 11, 21)))
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "山田 花子" in text and "サワードウを焼いています" in text
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in cast(Any, page["/Resources"])["/Font"].values()
    }
    assert any(name.startswith("Inter") for name in fonts), fonts
    assert any("CJK" in name for name in fonts), fonts  # Noto Sans CJK, fonts-noto-cjk
    assert any("Emoji" in name for name in fonts), fonts  # Noto Color Emoji
