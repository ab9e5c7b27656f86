"""The site's icons: the creator's initials on the accent colour.

`favicon.ico` and `apple-touch-icon.png` sit at the site's root, where
browsers and phones ask for them even when a page declares nothing, so no
icon request ends in a 404; `favicon-32.png` is the sharp one pages declare.
`404.html` is served at any depth, where relative links break, so it carries
the small icon inline as a data: URI.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageColor

from mediakit.images import cache as image_cache
from mediakit.images.fonts import DrawingFonts
from mediakit.images.share_card import DEFAULT_ACCENT, initials_tile

# Bump when the drawing changes, so cached icons are drawn again.
ICONS_VERSION = 1
ICO_SIZES = ((16, 16), (32, 32), (48, 48))
TOUCH_ICON = 180  # what iOS asks for
DRAWN = 192  # drawn once at this size, then reduced: small icons stay crisp


@dataclass(frozen=True)
class SiteIcons:
    ico: str = "favicon.ico"
    png: str = "favicon-32.png"
    touch: str = "apple-touch-icon.png"
    data_uri: str = ""  # the 32 px PNG, for pages that cannot link relatively


def write_icons(name: str, accent: str | None, out_dir: Path, fonts: DrawingFonts) -> SiteIcons:
    small, touch, ico = _icon_files(name, accent, fonts)
    icons = SiteIcons()
    (out_dir / icons.png).write_bytes(small)
    (out_dir / icons.touch).write_bytes(touch)
    (out_dir / icons.ico).write_bytes(ico)
    return SiteIcons(data_uri="data:image/png;base64," + base64.b64encode(small).decode("ascii"))


@cache  # the same initials and colour draw the same icons: once per process
def _icon_files(name: str, accent: str | None, fonts: DrawingFonts) -> tuple[bytes, bytes, bytes]:
    # ...and once per machine, through the image cache.
    inputs = (ICONS_VERSION, name, accent, fonts.identity())
    key = "icons-" + hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    cached = {variant.name: variant.data for variant in image_cache.load(key) or []}
    if set(cached) == {"small", "touch", "ico"}:
        return cached["small"], cached["touch"], cached["ico"]
    small, touch, ico = _draw_icons(name, accent, fonts)
    image_cache.store(
        key,
        [
            image_cache.Encoded("small", "png", small, 32, 32),
            image_cache.Encoded("touch", "png", touch, TOUCH_ICON, TOUCH_ICON),
            image_cache.Encoded("ico", "ico", ico, 48, 48),
        ],
    )
    return small, touch, ico


def _draw_icons(name: str, accent: str | None, fonts: DrawingFonts) -> tuple[bytes, bytes, bytes]:
    tile = initials_tile(name, DRAWN, ImageColor.getrgb(accent or DEFAULT_ACCENT), fonts)
    small = _png(tile.resize((32, 32), Image.Resampling.LANCZOS))
    touch = _png(tile.resize((TOUCH_ICON, TOUCH_ICON), Image.Resampling.LANCZOS))
    buffer = io.BytesIO()
    tile.save(buffer, "ICO", sizes=list(ICO_SIZES))
    return small, touch, buffer.getvalue()


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
