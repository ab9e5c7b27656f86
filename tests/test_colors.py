"""The accent colour is always readable, whatever the creator picks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from mediakit.images.accent import (
    WHITE,
    accent_from_photo,
    contrast_ratio,
    parse_hex,
    readable_accent,
    resolve_accent,
)

CANVAS = parse_hex("#f6f5f1")  # the default theme's page background


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio((0, 0, 0), WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast_ratio(parse_hex("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(parse_hex("#777777"), WHITE) < 4.5


@pytest.mark.parametrize(
    "colour", ["#ffff00", "#ffd1dc", "#00ff00", "#b5542d", "#ffffff", "#1d6b66"]
)
def test_any_accent_becomes_readable(colour: str) -> None:
    accent = parse_hex(readable_accent(colour))
    assert contrast_ratio(accent, WHITE) >= 4.5  # white button text on the accent
    assert contrast_ratio(accent, CANVAS) >= 3.0  # the accent as a fill on the page


def test_a_dark_enough_accent_is_left_as_it_is() -> None:
    assert readable_accent("#1d6b66") == "#1d6b66"


def test_darkening_keeps_the_hue() -> None:
    red, green, blue = parse_hex(readable_accent("#ffcc00"))  # a bright yellow stays a yellow-brown
    assert red > green > blue


def test_auto_accent_comes_from_the_photo(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    image = Image.new("RGB", (100, 100), (235, 235, 235))  # a pale grey wall...
    image.paste((200, 80, 30), (0, 0, 100, 35))  # ...and an orange jumper
    image.save(photo)
    red, green, blue = parse_hex(accent_from_photo(photo) or "#000000")
    assert red > 150 and green < 120 and blue < 80
    grey = tmp_path / "grey.jpg"
    Image.new("RGB", (50, 50), (128, 128, 128)).save(grey)
    assert accent_from_photo(grey) is None
    assert resolve_accent("auto", grey) is None  # the theme's own accent stays
    assert resolve_accent("auto", None) is None
    accent = resolve_accent("auto", photo)
    assert accent is not None and contrast_ratio(parse_hex(accent), WHITE) >= 4.5
