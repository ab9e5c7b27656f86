"""The Open Graph card: the 1200 x 630 picture a link to the kit shows when shared.

Photo, name, handle and three headline figures (already worded for the
kit's locale by the view), on the theme's neutrals with the kit's accent.
Drawn with Pillow in the theme's fonts, or a system font for scripts they
lack; text no installed font can draw is left off rather than drawn as boxes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

from mediakit.images import cache as image_cache
from mediakit.images.fonts import DrawingFonts, Weight

WIDTH, HEIGHT = 1200, 630  # what Facebook, LinkedIn and X recommend (1.91:1)
MAX_FIGURES = 3
DEFAULT_ACCENT = "#1d6b66"  # the default theme's --accent (base.css)
# The default theme's neutrals (base.css): canvas, ink, muted, surface.
CANVAS = "#f6f5f1"
INK = "#1b1e22"
MUTED = "#5a6068"
SURFACE = "#ffffff"

MARGIN = 72
PHOTO_SIDE = 360
GUTTER = 64
BAND = 18  # the accent band along the foot
LABEL_SIZE = 22
LABEL_LINE = 28


@dataclass(frozen=True)
class CardText:
    name: str
    handle: str | None
    figures: Sequence[tuple[str, str]]  # (value, label), at most three are drawn


def share_card_png(
    card: CardText, accent: str | None, photo: Path | None, fonts: DrawingFonts
) -> bytes:
    buffer = io.BytesIO()
    # Pixels only: no text chunks, no ICC profile.
    draw_share_card(card, accent, photo, fonts).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def draw_share_card(
    card: CardText, accent: str | None, photo: Path | None, fonts: DrawingFonts
) -> Image.Image:
    colour = ImageColor.getrgb(accent or DEFAULT_ACCENT)
    image = Image.new("RGB", (WIDTH, HEIGHT), CANVAS)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=colour)
    photo_top = (HEIGHT - BAND - PHOTO_SIDE) // 2
    _paste_round(image, _portrait(photo, card.name, colour, fonts), (MARGIN, photo_top))

    left = MARGIN + PHOTO_SIDE + GUTTER
    width = WIDTH - MARGIN - left
    y = photo_top + 8
    if card.name and (name := _fitting(card.name, width, "bold", 76, 40, fonts)):
        draw.text((left, y), name[0], font=name[1], fill=INK, anchor="lt")
        y += _line_height(*name) + 18
    if card.handle and (handle := _fitting(card.handle, width, "regular", 36, 24, fonts)):
        draw.text((left, y), handle[0], font=handle[1], fill=MUTED, anchor="lt")
        y += _line_height(*handle)
    draw.rectangle((left, y + 28, left + 72, y + 34), fill=colour)

    figures = list(card.figures)[:MAX_FIGURES]
    if figures:
        _draw_figures(draw, figures, left, width, photo_top + PHOTO_SIDE, fonts)
    return image


def _draw_figures(
    draw: ImageDraw.ImageDraw,
    figures: Sequence[tuple[str, str]],
    left: int,
    width: int,
    bottom: int,
    fonts: DrawingFonts,
) -> None:
    """Side by side, values on one baseline at one size, labels in up to two lines below."""
    column = width // len(figures)
    room = column - 32  # the gap between columns
    fitted = [_fitting(value, room, "bold", 60, 32, fonts) for value, _ in figures]
    size = min((int(font.size) for _, font in filter(None, fitted)), default=60)
    baseline = bottom - 2 * LABEL_LINE - 16
    for index, (value, label) in enumerate(figures):
        x = left + index * column
        if shown := _fitting(value, room, "bold", size, size, fonts):
            draw.text((x, baseline), shown[0], font=shown[1], fill=INK, anchor="ls")
        for line, (text, font) in enumerate(_wrapped(label, room, LABEL_SIZE, fonts, lines=2)):
            top = baseline + 14 + line * LABEL_LINE
            draw.text((x, top), text, font=font, fill=MUTED, anchor="lt")


def _wrapped(
    text: str, width: int, size: int, fonts: DrawingFonts, *, lines: int
) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """`text` broken at spaces into at most `lines` lines; the last one shortened if need be."""
    font = fonts.font_for(text, size, "regular")
    if font is None:
        return []
    result: list[str] = []
    for word in text.split():
        if result and font.getlength(result[-1] + " " + word) <= width:
            result[-1] += " " + word
        elif len(result) < lines:
            result.append(word)
        else:
            result[-1] += " " + word
    return [
        fitted for line in result if (fitted := _fitting(line, width, "regular", size, size, fonts))
    ]


def _portrait(
    photo: Path | None, name: str, colour: tuple[int, ...], fonts: DrawingFonts
) -> Image.Image:
    """The headshot, square; without one, the initials on the accent colour."""
    if photo is not None:
        with Image.open(photo) as source:
            return ImageOps.fit(
                source.convert("RGB"), (PHOTO_SIDE, PHOTO_SIDE), Image.Resampling.LANCZOS
            )
    return initials_tile(name, PHOTO_SIDE, colour, fonts)


def initials_tile(
    name: str, side: int, colour: tuple[int, ...], fonts: DrawingFonts
) -> Image.Image:
    """A square of the accent colour with the name's initials in white (also the favicon)."""
    tile = Image.new("RGB", (side, side), colour)
    letters = initials(name)
    fitted = (
        _fitting(letters, round(side * 0.7), "bold", round(side * 0.42), 6, fonts)
        if letters
        else None
    )
    if fitted:
        ImageDraw.Draw(tile).text(
            (side / 2, side / 2), fitted[0], font=fitted[1], fill=SURFACE, anchor="mm"
        )
    return tile


def initials(name: str) -> str:
    """`Maya Okafor` -> `MO`; `山田 花子` -> `山`; `ليلى حسن` -> `ل`.

    Two letters (first and last word) in scripts with capitals; one in the
    others, where two would read as a word (Arabic letters join).
    """
    words = [word for word in name.split() if word[0].isalnum()]
    if not words:
        return ""
    first = words[0][0].upper()
    if len(words) > 1 and first.isupper():
        return first + words[-1][0].upper()
    return first


def _paste_round(image: Image.Image, tile: Image.Image, at: tuple[int, int]) -> None:
    # The mask is drawn four times larger then reduced: a smooth edge.
    big = Image.new("L", (tile.width * 4, tile.height * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, big.width - 1, big.height - 1), fill=255)
    image.paste(tile, at, big.resize(tile.size, Image.Resampling.LANCZOS))


def _fitting(
    text: str, width: int, weight: Weight, largest: int, smallest: int, fonts: DrawingFonts
) -> tuple[str, ImageFont.FreeTypeFont] | None:
    """`text` at the largest size, down to `smallest`, that fits `width`.

    Still too wide at the smallest size, it is shortened with an ellipsis.
    None when no installed font has its letters: nothing beats empty boxes.
    """
    size = largest
    while True:
        font = fonts.font_for(text, size, weight)
        if font is None:
            return None
        if font.getlength(text) <= width:
            return text, font
        if size <= smallest:
            break
        size = max(smallest, size - 4)
    while len(text) > 1 and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…", font


def _line_height(text: str, font: ImageFont.FreeTypeFont) -> int:
    return int(font.getbbox(text, anchor="lt")[3])


# Cards drawn in this process: a rebuild in `serve` or a batch of pitches with
# the same figures draws the card once.
_drawn_cards: dict[str, bytes] = {}


# Bump when the drawing changes, so cached cards are drawn again.
CARD_VERSION = 1


def _card_png(card: CardText, accent: str | None, photo: Path | None, fonts: DrawingFonts) -> bytes:
    """The card, from this process's memory or the image cache when the same
    text, colour, photo and fonts drew it before; drawn otherwise."""
    photo_digest = hashlib.sha256(photo.read_bytes()).hexdigest() if photo else None
    inputs = (
        CARD_VERSION,
        card.name,
        card.handle,
        tuple(card.figures),
        accent,
        photo_digest,
        # The theme's fonts and those found on this machine shape the card
        # (a CJK name needs one).
        fonts.identity(),
    )
    key = "card-" + hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    if (png := _drawn_cards.get(key)) is not None:
        return png
    cached = image_cache.load(key)
    if cached and cached[0].name == "card":
        png = cached[0].data
    else:
        png = share_card_png(card, accent, photo, fonts)
        image_cache.store(key, [image_cache.Encoded("card", "png", png, WIDTH, HEIGHT)])
    _drawn_cards[key] = png
    return png


def publish_share_card(
    card: CardText, accent: str | None, photo: Path | None, out_dir: Path, fonts: DrawingFonts
) -> tuple[str, int, int]:
    """Write the card as `assets/share-<hash>.png`: a new card gets a new address, so
    sites that cached the old one (they do, for days) fetch it again."""
    png = _card_png(card, accent, photo, fonts)
    href = f"assets/share-{hashlib.sha256(png).hexdigest()[:16]}.png"
    (out_dir / "assets").mkdir(parents=True, exist_ok=True)
    (out_dir / href).write_bytes(png)
    return href, WIDTH, HEIGHT
