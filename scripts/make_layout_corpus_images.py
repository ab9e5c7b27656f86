#!/usr/bin/env python3
"""Create every image that the layout corpus in ``tests/data/layout/`` references.

The corpus is a set of kits of shapes the samples lack (see
``tests/test_layout_corpus.py``); what matters in its images is their shape,
not their art: portrait, landscape, square and phone-tall stills, logos from
very wide to tall, a headshot wider than it is tall, and one photo as an
iPhone writes it (4032 x 3024 pixels, turned upright by its EXIF orientation).

Flat shapes drawn with Pillow only, fixed random seeds, no input files and no
network; run it from anywhere, with no arguments::

    python scripts/make_layout_corpus_images.py

Each kit's images go to ``tests/data/layout/<kit>/images/``. The files are
kept small (the whole corpus stays well under 1.5 MB): flat colour compresses
well, and the build resizes every image anyway.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "layout"

SS = 2  # drawn at twice the size and scaled down, for smooth edges
JPEG_QUALITY = 78
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]

# Aspect ratios of stills, as platforms crop them.
PORTRAIT = (600, 800)  # 3:4, an Instagram portrait post
TALL = (540, 960)  # 9:16, a Reel, a TikTok or a Short
LANDSCAPE = (960, 540)  # 16:9, a YouTube frame
CLASSIC = (800, 600)  # 4:3
SQUARE = (700, 700)

Color = tuple[int, int, int]


def hex_rgb(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONTS:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def vertical_gradient(size: tuple[int, int], top: str, bottom: str) -> Image.Image:
    ramp = Image.linear_gradient("L").resize(size)
    return Image.composite(
        Image.new("RGB", size, hex_rgb(bottom)), Image.new("RGB", size, hex_rgb(top)), ramp
    )


def save_jpeg(image: Image.Image, path: Path, **extra: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, **extra)


def save_png(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)


# --------------------------------------------------------------------------
# Headshots
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    background: tuple[str, str]
    skin: str
    hair: str
    top: str
    long_hair: bool = False


def draw_person(draw: ImageDraw.ImageDraw, width: int, height: int, look: Look) -> None:
    """Shoulders, neck, head and hair, centred, filling the lower two thirds."""
    cx = width / 2
    unit = min(width, height * 0.75)
    head_w, head_h = unit * 0.30, unit * 0.38
    head_top = height * 0.22
    if look.long_hair:
        draw.rounded_rectangle(
            (
                cx - head_w * 0.78,
                head_top - unit * 0.03,
                cx + head_w * 0.78,
                head_top + head_h * 1.6,
            ),
            radius=int(unit * 0.12),
            fill=look.hair,
        )
    draw.ellipse(
        (cx - unit * 0.48, height * 0.70, cx + unit * 0.48, height * 0.70 + unit * 0.9),
        fill=look.top,
    )
    draw.rectangle(
        (cx - head_w * 0.22, head_top + head_h * 0.8, cx + head_w * 0.22, height * 0.74),
        fill=look.skin,
    )
    draw.ellipse((cx - head_w / 2, head_top, cx + head_w / 2, head_top + head_h), fill=look.skin)
    draw.chord(
        (
            cx - head_w * 0.56,
            head_top - head_h * 0.10,
            cx + head_w * 0.56,
            head_top + head_h * 0.62,
        ),
        180,
        360,
        fill=look.hair,
    )
    eye_y = head_top + head_h * 0.52
    for side in (-1, 1):
        ex = cx + side * head_w * 0.2
        r = unit * 0.014
        draw.ellipse((ex - r, eye_y - r, ex + r, eye_y + r), fill="#2A1D18")
    draw.arc(
        (cx - head_w * 0.16, eye_y + head_h * 0.12, cx + head_w * 0.16, eye_y + head_h * 0.30),
        20,
        160,
        fill="#6A2E26",
        width=max(2, int(unit * 0.012)),
    )


def headshot(path: Path, size: tuple[int, int], look: Look) -> None:
    big = (size[0] * SS, size[1] * SS)
    image = vertical_gradient(big, *look.background)
    draw_person(ImageDraw.Draw(image), big[0], big[1], look)
    save_jpeg(image.resize(size, Image.Resampling.LANCZOS), path)


def iphone_photo(path: Path, look: Look) -> None:
    """A portrait photo as an iPhone stores it: 4032 x 3024 pixels, EXIF orientation 6.

    The sensor's rows run along the long side, so the pixels lie on their side
    and the EXIF tag says "turn 90 degrees clockwise to show". A tool that
    ignores the tag prints the creator lying down.
    """
    upright = vertical_gradient((3024, 4032), *look.background)
    draw_person(ImageDraw.Draw(upright), 3024, 4032, look)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise: on its side
    exif = Image.Exif()
    exif[0x010F] = "Apple"  # Make
    exif[0x0110] = "iPhone 15"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to display
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=60, optimize=True, exif=exif.tobytes())


# --------------------------------------------------------------------------
# Stills of sponsored content
# --------------------------------------------------------------------------


def still(path: Path, size: tuple[int, int], palette: tuple[str, str, str, str], seed: int) -> None:
    """A product on a table under a sky: background, table, a few objects by seed."""
    rng = random.Random(seed)
    sky, ground, thing, accent = palette
    big = (size[0] * SS, size[1] * SS)
    width, height = big
    image = vertical_gradient(big, sky, ground)
    draw = ImageDraw.Draw(image)
    horizon = height * rng.uniform(0.55, 0.7)
    draw.rectangle((0, horizon, width, height), fill=ground)
    sun = min(width, height) * rng.uniform(0.08, 0.14)
    sx, sy = width * rng.uniform(0.15, 0.85), horizon * rng.uniform(0.2, 0.5)
    draw.ellipse((sx - sun, sy - sun, sx + sun, sy + sun), fill=accent)
    for _ in range(rng.randint(2, 4)):
        w = min(width, height) * rng.uniform(0.12, 0.28)
        h = w * rng.uniform(0.8, 2.2)
        x = width * rng.uniform(0.1, 0.9)
        draw.rounded_rectangle(
            (x - w / 2, horizon + height * 0.05 - h, x + w / 2, horizon + height * 0.05),
            radius=int(w * 0.2),
            fill=thing,
            outline=accent,
            width=SS * 3,
        )
    save_jpeg(image.resize(size, Image.Resampling.LANCZOS), path)


# --------------------------------------------------------------------------
# Logos: from very wide wordmarks to tall stacked marks
# --------------------------------------------------------------------------


def logo(path: Path, name: str, kind: str, ink: str, mark: str) -> None:
    """`kind`: wordmark (text only, very wide), wide (mark then name), badge (square
    with initials), round (a circle emblem), tall (mark above a stacked name),
    skyscraper (a thin vertical mark, three times as tall as wide)."""
    text_font = font(48 * SS)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    words = name.split()
    initials = "".join(word[0] for word in words[:2]).upper()
    if kind == "wordmark":
        left, top, right, bottom = probe.textbbox((0, 0), name, font=text_font)
        size = (round(right - left + 24 * SS), round(bottom - top + 24 * SS))
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        ImageDraw.Draw(image).text((12 * SS - left, 12 * SS - top), name, font=text_font, fill=ink)
    elif kind == "wide":
        left, top, right, bottom = probe.textbbox((0, 0), name, font=text_font)
        box = 80 * SS
        size = (round(box + 20 * SS + right - left + 10 * SS), round(box))
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((0, 0, box, box), radius=18 * SS, fill=mark)
        draw.text(
            (box + 20 * SS - left, (box - (bottom - top)) / 2 - top), name, font=text_font, fill=ink
        )
    elif kind in ("badge", "round"):
        side = 240 * SS
        image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        if kind == "badge":
            draw.rounded_rectangle((0, 0, side, side), radius=30 * SS, fill=mark)
        else:
            draw.ellipse((0, 0, side, side), fill=mark)
            draw.ellipse(
                (14 * SS, 14 * SS, side - 14 * SS, side - 14 * SS), outline=ink, width=6 * SS
            )
        big = font(96 * SS)
        left, top, right, bottom = draw.textbbox((0, 0), initials, font=big)
        draw.text(
            ((side - (right - left)) / 2 - left, (side - (bottom - top)) / 2 - top),
            initials,
            font=big,
            fill="#FFFFFF",
        )
    elif kind == "tall":
        lines = words or [name]
        boxes = [probe.textbbox((0, 0), line, font=text_font) for line in lines]
        text_w = max(b[2] - b[0] for b in boxes)
        line_h = max(b[3] - b[1] for b in boxes) + 12 * SS
        mark_side = max(text_w, 120 * SS)
        size = (round(mark_side), round(mark_side + 24 * SS + line_h * len(lines)))
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.ellipse((0, 0, mark_side, mark_side), fill=mark)
        y = mark_side + 24 * SS
        for line, (left, top, right, _) in zip(lines, boxes, strict=True):
            draw.text(
                ((mark_side - (right - left)) / 2 - left, y - top), line, font=text_font, fill=ink
            )
            y += line_h
    elif kind == "skyscraper":
        size = (90 * SS, 270 * SS)
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((0, 0, *size), radius=16 * SS, fill=mark)
        for k in range(3):
            y = 40 * SS + k * 75 * SS
            draw.ellipse((20 * SS, y, 70 * SS, y + 50 * SS), fill=ink)
    else:
        raise ValueError(f"unknown logo kind {kind}")
    small = image.resize((image.width // SS, image.height // SS), Image.Resampling.LANCZOS)
    save_png(small, path)


# --------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------

WARM = ("#F7E3D0", "#C98F6B", "#FFFFFF", "#D9482B")
COOL = ("#D8E8F2", "#6F8FA6", "#F4F1EA", "#1F5F8B")
GREEN = ("#E4F0DC", "#7FA36B", "#FFF8E7", "#3E7D3A")
NIGHT = ("#1B1F3A", "#3B3F6B", "#9FE3FF", "#FF4FB3")
SAND = ("#FBF2DE", "#D7B98A", "#FFFFFF", "#A0522D")
ROSE = ("#FBE4EC", "#D98BA5", "#FFFFFF", "#8E2C55")


def main() -> None:
    solo = CORPUS / "one-platform" / "images"
    iphone_photo(
        solo / "photo.jpg",
        Look(("#F3E9DC", "#C7D9C5"), "#C68B63", "#2B1B14", "#3E7D3A", long_hair=True),
    )
    logo(solo / "logos" / "leaf-and-loam.png", "Leaf & Loam", "wide", "#23401F", "#3E7D3A")
    logo(solo / "logos" / "potbound.png", "Pot Bound", "badge", "#FFFFFF", "#8A5A2B")
    still(solo / "collabs" / "repotting.jpg", TALL, GREEN, 11)

    six = CORPUS / "six-platforms" / "images"
    headshot(
        six / "photo.jpg",
        (600, 750),
        Look(("#FBE4EC", "#E7B7C8"), "#8D5A3B", "#1A1212", "#8E2C55", long_hair=True),
    )
    logo(six / "logos" / "atelier-nord.png", "ATELIER NORD", "wordmark", "#111111", "#111111")
    logo(six / "logos" / "soleil-studio.png", "Soleil Studio", "round", "#FFFFFF", "#C7772E")
    logo(six / "logos" / "thread-and-needle.png", "Thread Needle", "tall", "#2D2D2D", "#8E2C55")
    still(six / "collabs" / "atelier-nord.jpg", SQUARE, ROSE, 21)
    still(six / "collabs" / "soleil-studio.jpg", PORTRAIT, SAND, 22)
    still(six / "collabs" / "thread-and-needle.jpg", LANDSCAPE, WARM, 23)

    gaming = CORPUS / "no-audience" / "images"
    logo(gaming / "logos" / "voltcore.png", "VoltCore Peripherals", "wide", "#101010", "#FF4FB3")
    logo(gaming / "logos" / "pixelfuel.png", "Pixel Fuel", "badge", "#FFFFFF", "#1F5F8B")
    still(gaming / "collabs" / "voltcore-stream.jpg", LANDSCAPE, NIGHT, 31)

    science = CORPUS / "no-collaborations" / "images"
    headshot(
        science / "photo.jpg",
        (600, 750),
        Look(("#DCE6EF", "#9DB3C8"), "#5C3A28", "#1C1C1C", "#1F3A5F"),
    )

    travel = CORPUS / "twelve-collaborations" / "images"
    headshot(
        travel / "photo.jpg",
        (600, 750),
        Look(("#E0F0F5", "#A9CFDC"), "#E0B48F", "#6B4A2B", "#D9482B", long_hair=True),
    )
    brands = [
        ("Alpine Rail Pass", "wide", PORTRAIT, COOL),
        ("Nordlys Hotels", "wordmark", LANDSCAPE, NIGHT),
        ("Kompass", "badge", SQUARE, GREEN),
        ("Sea Salt Ferries", "round", TALL, COOL),
        ("Wanderkarte Maps", "tall", CLASSIC, SAND),
        ("Hüttenzauber", "skyscraper", PORTRAIT, WARM),
        ("Glacier Outfitters", "wide", SQUARE, COOL),
        ("Bergblick Lodges", "wordmark", LANDSCAPE, GREEN),
        ("Fjord Kayak Co", "badge", TALL, COOL),
        ("Trailmix Snacks", "round", SQUARE, SAND),
        ("Lumen Cameras", "tall", LANDSCAPE, NIGHT),
        ("Rucksack Republic", "wide", PORTRAIT, ROSE),
    ]
    for seed, (brand, kind, shape, palette) in enumerate(brands, 40):
        slug = brand.lower().replace(" ", "-").replace("ü", "ue")
        logo(travel / "logos" / f"{slug}.png", brand, kind, "#1E1E1E", palette[3])
        still(travel / "collabs" / f"{slug}.jpg", shape, palette, seed)

    long_kit = CORPUS / "long-everything" / "images"
    # A headshot wider than tall, as a creator might crop it from a banner.
    headshot(
        long_kit / "photo.jpg",
        (1200, 640),
        Look(("#1B1F3A", "#3B3F6B"), "#B07A55", "#101010", "#FF4FB3"),
    )
    logo(
        long_kit / "logos" / "hyperion.png",
        "Hyperion Extreme Performance Gaming Accessories International",
        "wordmark",
        "#101010",
        "#101010",
    )
    logo(long_kit / "logos" / "tower.png", "Tower", "skyscraper", "#FFFFFF", "#1F5F8B")
    still(long_kit / "collabs" / "hyperion.jpg", LANDSCAPE, NIGHT, 61)

    spanish = CORPUS / "spanish-newsletter-podcast" / "images"
    headshot(
        spanish / "photo.jpg",
        (600, 750),
        Look(("#FBF2DE", "#E9C98F"), "#C08A62", "#3A2418", "#A0522D", long_hair=True),
    )
    logo(spanish / "logos" / "banco-verde.png", "Banco Verde", "wide", "#1E3A1E", "#3E7D3A")
    logo(spanish / "logos" / "libreria-aurora.png", "Aurora", "round", "#FFFFFF", "#A0522D")
    logo(spanish / "logos" / "cafe-origen.png", "Café Origen", "tall", "#2B1B14", "#6B3E26")
    still(spanish / "collabs" / "cafe-origen.jpg", SQUARE, SAND, 71)

    arabic = CORPUS / "arabic-rtl" / "images"
    headshot(
        arabic / "photo.jpg",
        (600, 750),
        Look(("#F4ECE1", "#D8C3A5"), "#B98563", "#1B1310", "#0F5E5A", long_hair=True),
    )
    logo(arabic / "logos" / "zaytuna.png", "Zaytuna", "wide", "#1D3B2A", "#4C7A34")
    logo(arabic / "logos" / "noor-oud.png", "Noor Oud", "badge", "#FFFFFF", "#7A4A1E")
    still(arabic / "collabs" / "zaytuna.jpg", PORTRAIT, SAND, 81)

    japanese = CORPUS / "japanese-cjk" / "images"
    headshot(
        japanese / "photo.jpg",
        (600, 750),
        Look(("#FDEFEF", "#F2C4C4"), "#E8C3A0", "#1A1414", "#C0392B"),
    )
    logo(japanese / "logos" / "kumo-tea.png", "KUMO TEA", "wordmark", "#2E4A2E", "#2E4A2E")
    logo(
        japanese / "logos" / "sakura-ceramics.png", "Sakura Ceramics", "round", "#FFFFFF", "#C0392B"
    )
    logo(japanese / "logos" / "hikari.png", "Hikari", "tall", "#1A1A1A", "#E0A030")
    still(japanese / "collabs" / "kumo-tea.jpg", LANDSCAPE, GREEN, 91)
    still(japanese / "collabs" / "sakura-ceramics.jpg", SQUARE, ROSE, 92)

    total = 0
    for path in sorted(CORPUS.glob("*/images/**/*")):
        if path.is_file():
            total += path.stat().st_size
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    print(f"total {total / 1024:.0f} KB")


if __name__ == "__main__":
    main()
