"""Fonts for the images mediakit draws (share card, favicon): Inter, else a system font.

Inter (bundled with the default theme) covers Latin, Greek and Cyrillic. For a
name in another script, a few well-known system fonts are tried by path; none
is downloaded. When no font has every glyph, the caller is told (None) rather
than handed a font that would draw empty boxes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from mediakit.render.themes import builtin_themes_dir

Weight = Literal["regular", "bold"]

_INTER = {"regular": "Inter-Regular.otf", "bold": "Inter-Bold.otf"}
# Known places of broad fonts on Linux, macOS and Windows, best first.
FALLBACK_FONTS: dict[Weight, tuple[str, ...]] = {
    "bold": (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
        "C:/Windows/Fonts/msyhbd.ttc",
    ),
    "regular": (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        "C:/Windows/Fonts/arial.ttf",
        "C:/Windows/Fonts/msyh.ttc",
    ),
}


def inter_path(weight: Weight) -> Path:
    return builtin_themes_dir() / "default" / "static" / "fonts" / _INTER[weight]


def font_for(text: str, size: int, weight: Weight = "regular") -> ImageFont.FreeTypeFont | None:
    """The first font (Inter, then the fallbacks) that has a glyph for every letter of `text`."""
    for path in (str(inter_path(weight)), *FALLBACK_FONTS[weight]):
        font = _load(path, size)
        if font is not None and covers(font, text):
            return font
    return None


@cache
def _load(path: str, size: int) -> ImageFont.FreeTypeFont | None:
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return None


def covers(font: ImageFont.FreeTypeFont, text: str) -> bool:
    """Whether `font` draws every visible character of `text` with a real glyph.

    Pillow does not expose a font's character map, so a character is taken as
    missing when it draws exactly like the font's "missing glyph" (.notdef),
    which is what a private-use code point draws.
    """
    missing = _notdef(font)
    return all(char.isspace() or _glyph(font, char) != missing for char in set(text))


def _notdef(font: ImageFont.FreeTypeFont) -> tuple[object, ...]:
    return _glyph(font, "\U0010fffd")


def _glyph(font: ImageFont.FreeTypeFont, char: str) -> tuple[object, ...]:
    left, top, right, bottom = (int(edge) for edge in font.getbbox(char))
    image = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(image).text((-left, -top), char, font=font, fill=255)
    return image.size, image.tobytes()
