"""The Open Graph card and the favicons: drawn, published and declared."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from mediakit.build import build_kit
from mediakit.images import fonts as card_fonts
from mediakit.images import share_card
from mediakit.images.fonts import DrawingFonts
from mediakit.images.share_card import CardText, draw_share_card, initials, share_card_png
from mediakit.options import BuildOptions
from mediakit.render.themes import find_theme
from tests.conftest import MINIMAL_KIT, SAMPLES, TODAY
from tests.tools import require

FIGURES = [("66.3K", "Total audience"), ("7.6%", "Instagram engagement"), ("8.7%", "TikTok")]
PHOTO = SAMPLES / "tomas-reyes" / "images" / "photo.jpg"
# The default theme's image_fonts: Inter.
FONTS = find_theme("default").image_fonts


def card(name: str, photo: Path | None = PHOTO) -> Image.Image:
    return draw_share_card(CardText(name, "@handle", FIGURES), "#B5542D", photo, FONTS)


def name_pixels(name: str) -> int:
    """How many pixels of the name's area differ from the same card drawn without a name."""
    text_area = (share_card.MARGIN + share_card.PHOTO_SIDE, 0, share_card.WIDTH, 260)
    diff = ImageChops.difference(card(name).crop(text_area), card("").crop(text_area))
    histogram = diff.convert("L").histogram()
    return sum(histogram[32:])


def test_the_card_is_1200_by_630_and_carries_pixels_only() -> None:
    data = share_card_png(CardText("Maya Okafor", "@mayabakes", FIGURES), None, PHOTO, FONTS)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
        assert not {"exif", "icc_profile", "xmp"} & set(image.info)
        assert not image.text


def test_the_card_carries_the_name() -> None:
    assert name_pixels("Maya Okafor") > 2000


def test_the_theme_names_the_fonts_and_latin_names_use_them() -> None:
    assert FONTS.bold is not None and FONTS.bold.name == "Inter-Bold.otf" and FONTS.bold.is_file()
    font = FONTS.font_for("Maya Okafor", 40, "bold")
    assert font is not None and Path(str(font.path)) == FONTS.bold
    # Every built-in theme inherits them from default.
    assert find_theme("playful").image_fonts == FONTS == find_theme("editorial").image_fonts


def test_a_cjk_name_is_drawn_with_a_font_that_has_it() -> None:
    require("cjk-font")
    font = FONTS.font_for("山田花子", 40, "bold")
    assert font is not None, "a CJK font is installed, but the card does not find it"
    assert "Inter" not in str(font.path)
    assert name_pixels("山田花子") > 2000


def test_text_no_font_can_draw_is_left_off_not_drawn_as_boxes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(card_fonts, "FALLBACK_FONTS", {"bold": (), "regular": ()})
    assert FONTS.font_for("山田花子", 40, "bold") is None
    assert FONTS.font_for("Maya", 40, "bold") is not None
    assert DrawingFonts().font_for("Maya", 40, "bold") is None  # no theme font, no system font
    assert name_pixels("山田花子") == 0  # Inter would draw four .notdef boxes here


def test_a_long_name_is_shortened_inside_the_card() -> None:
    image = card("Maximiliana Alexandrina Wolfeschlegelsteinhausen-Bergerdorff")
    right_margin = image.crop((share_card.WIDTH - share_card.MARGIN + 8, 0, share_card.WIDTH, 260))
    assert right_margin.getcolors() == [(right_margin.width * 260, (246, 245, 241))]


def test_initials() -> None:
    assert initials("Maya Okafor") == "MO"
    assert initials("zoé de la ñúñez") == "ZÑ"
    assert initials("Cher") == "C"
    assert initials("山田 花子") == "山"  # two CJK characters would read as a word
    assert initials("ليلى حسن") == "ل"
    assert initials("@@@") == ""


@pytest.fixture
def site(write_kit: Any, tmp_path: Path) -> Path:
    (tmp_path / "me.jpg").write_bytes(PHOTO.read_bytes())
    text = MINIMAL_KIT.replace("  niches: [baking]", "  niches: [baking]\n  photo: me.jpg")
    kit = write_kit(text + "site:\n  base_url: https://ana.github.io/kit/\n")
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    return tmp_path / "site"


def test_the_card_is_the_preview_image(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(
        r'<meta property="og:image" content="https://ana\.github\.io/kit/([^"]+)">', html
    )
    assert match and re.fullmatch(r"assets/share-[0-9a-f]{16}\.png", match[1])
    with Image.open(site / match[1]) as image:
        assert image.size == (1200, 630)
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert f'<meta name="twitter:image" content="https://ana.github.io/kit/{match[1]}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_favicons_exist_and_are_declared(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', html)
    assert icons == ["favicon.ico", "favicon-32.png", "apple-touch-icon.png"]
    expected = {
        "favicon.ico": (48, 48),
        "favicon-32.png": (32, 32),
        "apple-touch-icon.png": (180, 180),
    }
    for href in icons:
        with Image.open(site / href) as image:  # relative to the page: at the site's root
            assert image.size == expected[href]
    with Image.open(site / "favicon.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48)} <= ico.info["sizes"]
    # 404.html is served at any depth: its icon is inline.
    not_found = (site / "404.html").read_text(encoding="utf-8")
    inline = re.search(r'<link rel="icon" href="data:image/png;base64,([^"]+)"', not_found)
    assert inline
    with Image.open(io.BytesIO(base64.b64decode(inline[1]))) as image:
        assert image.size == (32, 32)


def test_a_rebuild_draws_the_card_and_icons_once(
    write_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    draw = share_card.share_card_png

    def counting(card: Any, accent: Any, photo: Any, fonts: DrawingFonts) -> bytes:
        drawn.append(card.name)
        return draw(card, accent, photo, fonts)

    from mediakit.images import favicon

    draw_icons = favicon._draw_icons

    def counting_icons(name: str, accent: Any, fonts: DrawingFonts) -> tuple[bytes, bytes, bytes]:
        drawn.append(f"icons of {name}")
        return draw_icons(name, accent, fonts)

    monkeypatch.setattr(share_card, "share_card_png", counting)
    monkeypatch.setattr(favicon, "_draw_icons", counting_icons)
    monkeypatch.setattr(share_card, "_drawn_cards", {})  # as in a new process...
    favicon._icon_files.cache_clear()
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path / "cache"))  # ...on a new machine
    kit = write_kit()
    build_kit(kit, tmp_path / "one", BuildOptions(pdf=False))
    build_kit(kit, tmp_path / "two", BuildOptions(pdf=False))
    assert drawn == ["Ana Lima", "icons of Ana Lima"]
    assert (tmp_path / "one" / "favicon.ico").read_bytes() == (
        tmp_path / "two" / "favicon.ico"
    ).read_bytes()
    # New figures make a new card.
    kit.write_text(kit.read_text().replace("12000", "13000"))
    build_kit(kit, tmp_path / "three", BuildOptions(pdf=False))
    assert drawn == ["Ana Lima", "icons of Ana Lima", "Ana Lima"]  # the icons did not change
    favicon._icon_files.cache_clear()


def test_a_new_process_takes_the_card_and_icons_from_the_disk_cache(
    write_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mediakit.images import favicon

    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(share_card, "_drawn_cards", {})
    favicon._icon_files.cache_clear()
    kit = write_kit()
    build_kit(kit, tmp_path / "one", BuildOptions(pdf=False))
    # As a new process: nothing in memory, only what the disk cache kept.
    monkeypatch.setattr(share_card, "_drawn_cards", {})
    favicon._icon_files.cache_clear()
    drawn: list[str] = []

    def draw_card(*arguments: Any) -> bytes:
        drawn.append("card")
        return b""

    def draw_icons(*arguments: Any) -> tuple[bytes, bytes, bytes]:
        drawn.append("icons")
        return b"", b"", b""

    monkeypatch.setattr(share_card, "share_card_png", draw_card)
    monkeypatch.setattr(favicon, "_draw_icons", draw_icons)
    build_kit(kit, tmp_path / "two", BuildOptions(pdf=False))
    assert drawn == []
    for name in ("favicon.ico", "apple-touch-icon.png"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    cards = [sorted((tmp_path / site / "assets").glob("share-*.png")) for site in ("one", "two")]
    assert [p.name for p in cards[0]] == [p.name for p in cards[1]] and cards[0]
    favicon._icon_files.cache_clear()
