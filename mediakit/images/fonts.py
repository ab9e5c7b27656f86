"""Fonts for the images mediakit draws (share card, favicon): the theme's, else a system font.

A theme names the fonts its pictures are drawn with (`image_fonts` in
theme.yaml: the default theme's Inter covers Latin, Greek and Cyrillic). For a
name in another script, a few well-known system fonts are tried by path; none
is downloaded. When no font has every glyph, the caller is told (None) rather
than handed a font that would draw empty boxes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

Weight = Literal["regular", "bold"]

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


@dataclass(frozen=True)
class DrawingFonts:
    """The font files tried first, before the system's: the theme's `image_fonts`."""

    regular: Path | None = None
    bold: Path | None = None

    def font_for(
        self, text: str, size: int, weight: Weight = "regular"
    ) -> ImageFont.FreeTypeFont | None:
        """The first font (the theme's, then the fallbacks) with a glyph for every letter of `text`."""
        preferred = self.bold if weight == "bold" else self.regular
        paths = [str(preferred)] if preferred else []
        for path in (*paths, *FALLBACK_FONTS[weight]):
            font = _load(path, size)
            if font is not None and covers(font, text):
                return font
        return None

    def identity(self) -> tuple[tuple[str, str], ...]:
        """What a drawing depends on, for cache keys: each font file that can be
        used (the theme's and the system's found here) and a digest of it."""
        paths = [p for p in (self.regular, self.bold) if p is not None]
        paths += [Path(p) for weight in FALLBACK_FONTS.values() for p in weight]
        return tuple((str(path), _digest(path)) for path in paths if path.is_file())


@cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


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
