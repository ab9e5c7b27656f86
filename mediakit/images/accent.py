"""The accent colour: picked from the photo on request, and always readable.

The theme puts white text on the accent (buttons) and uses it for bars and
rules on light surfaces.  Whatever colour a creator picks, it is darkened,
keeping its hue, until white text on it meets WCAG AA (4.5:1); a colour that
dark also stands out at more than 3:1 against the light page.
"""

from __future__ import annotations

import colorsys
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageOps

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
AA_TEXT = 4.5


def parse_hex(colour: str) -> RGB:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_accent(colour: str, backgrounds: Sequence[str] = ()) -> str:
    """`colour`, darkened in steps of lightness until white text on it reaches
    4.5:1, and so does the colour as text on each of `backgrounds` (a theme's
    tinted page is darker than white, so it needs a darker accent)."""
    red, green, blue = (channel / 255 for channel in parse_hex(colour))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    rgb = parse_hex(colour)
    grounds = [WHITE, *map(parse_hex, backgrounds)]
    while min(contrast_ratio(rgb, g) for g in grounds) < AA_TEXT and lightness > 0:
        lightness = max(0.0, lightness - 0.01)
        rgb = _rgb(colorsys.hls_to_rgb(hue, lightness, saturation))
    return to_hex(rgb)


def accent_from_photo(photo: Path) -> str | None:
    """The photo's most prominent clearly coloured tone, or None for a grey photo."""
    with Image.open(photo) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail((96, 96))
    palette_image = image.quantize(colors=12, method=Image.Quantize.MEDIANCUT)
    palette = palette_image.getpalette() or []
    best: tuple[float, RGB] | None = None
    for count, entry in palette_image.getcolors() or []:
        if not isinstance(
            entry, int
        ):  # a "P" image gives palette indexes; anything else is unexpected
            continue
        index = entry
        rgb: RGB = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2])
        _, lightness, saturation = colorsys.rgb_to_hls(*(channel / 255 for channel in rgb))
        # Skin, walls and backgrounds are mostly pale or grey: favour vivid mid-tones.
        if saturation < 0.25 or not 0.15 < lightness < 0.85:
            continue
        score = count * saturation
        if best is None or score > best[0]:
            best = (score, rgb)
    return to_hex(best[1]) if best else None


def _rgb(channels: tuple[float, float, float]) -> RGB:
    red, green, blue = (round(channel * 255) for channel in channels)
    return red, green, blue


def resolve_accent(
    accent: str | None,
    photo: Path | None,
    backgrounds: Sequence[str] = (),
    fallback: str | None = None,
) -> str | None:
    """The kit's accent made readable on the theme's `backgrounds`; `auto` picks
    it from the published photo, or takes the theme's `fallback` when there is
    no photo or it has no usable colour. None leaves the theme's CSS accent.
    """
    if accent == "auto":
        accent = (accent_from_photo(photo) if photo else None) or fallback
    return readable_accent(accent, backgrounds) if accent else None


def mix_with_white(colour: str, white: float) -> str:
    """`colour` with `white` (0 to 1) of white mixed in: a tint for panels behind text.
    Computed here because the PDF engine has no color-mix()."""
    red, green, blue = parse_hex(colour)
    return to_hex(
        (
            round(red + (255 - red) * white),
            round(green + (255 - green) * white),
            round(blue + (255 - blue) * white),
        )
    )
