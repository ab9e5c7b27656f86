"""The image pipeline: every image passes through Pillow before it is published.

Orientation from EXIF is applied, then the pixels are re-encoded without any
metadata, so a phone photo's GPS position never reaches the site or the PDF.
Outputs are named by a hash of their source and purpose, so they are stable
across builds and safe to cache.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, ImageOps, UnidentifiedImageError

# Far above any photo a phone takes (about 50 megapixels), far below what
# would exhaust memory: a "decompression bomb" fails with a clear message.
MAX_PIXELS = 80_000_000
MAX_IMAGE_BYTES = 40 * 1024 * 1024

Purpose = Literal["photo", "logo", "still"]
# Longest side, in pixels, of each purpose's output.
PHOTO_SIZE = 800
LOGO_HEIGHT = 120
LOGO_MAX_WIDTH = 480
STILL_SIZE = 1200
JPEG_QUALITY = {"photo": 86, "still": 82}


class ImageProblem(Exception):
    """A creator's image cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class PublishedImage:
    href: str  # relative to the output folder, e.g. "assets/photo-1a2b3c.jpg"
    width: int
    height: int


# Encoded outputs by content hash, for this process: a batch of pitches (or a
# rebuild in `serve`) encodes each image once.
_encoded: dict[str, tuple[bytes, int, int]] = {}


def publish_image(source: Path, purpose: Purpose, out_dir: Path) -> PublishedImage:
    """Process `source` for `purpose` and write it under `out_dir/assets/`."""
    data = _read(source)
    digest = hashlib.sha256(data + purpose.encode()).hexdigest()[:16]
    suffix = "png" if purpose == "logo" else "jpg"
    href = f"assets/{purpose}-{digest}.{suffix}"
    if digest not in _encoded:
        _encoded[digest] = _encode(source, purpose)
    encoded, width, height = _encoded[digest]
    target = out_dir / href
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(encoded)
    return PublishedImage(href=href, width=width, height=height)


def _encode(source: Path, purpose: Purpose) -> tuple[bytes, int, int]:
    image = ImageOps.exif_transpose(_open(source))
    if purpose == "photo":
        image = ImageOps.fit(
            image.convert("RGB"), (PHOTO_SIZE, PHOTO_SIZE), Image.Resampling.LANCZOS
        )
    elif purpose == "logo":
        image = image.convert("RGBA")
        image = ImageOps.contain(image, (LOGO_MAX_WIDTH, LOGO_HEIGHT), Image.Resampling.LANCZOS)
    else:
        image = image.convert("RGB")
        if max(image.size) > STILL_SIZE:
            image = ImageOps.contain(image, (STILL_SIZE, STILL_SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # No exif=, icc_profile= or pnginfo= is passed: the saved file carries pixels only.
    if purpose == "logo":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=JPEG_QUALITY[purpose], optimize=True, progressive=True)
    return buffer.getvalue(), image.width, image.height


def _read(source: Path) -> bytes:
    try:
        size = source.stat().st_size
    except OSError as error:
        raise ImageProblem(f"cannot be read ({error.strerror})") from None
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(
            f"is {size / 2**20:.0f} MB; images up to {MAX_IMAGE_BYTES // 2**20} MB are accepted. Export a smaller copy"
        )
    return source.read_bytes()


def _open(source: Path) -> Image.Image:
    previous_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between the limit and twice it; treat that as an error too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source)
            image.load()
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(
            f"has more than {MAX_PIXELS // 1_000_000} million pixels; export a smaller copy (3000 px wide is plenty)"
        ) from None
    except UnidentifiedImageError:
        raise ImageProblem(
            "is not an image mediakit can read; use a JPEG, PNG or WebP file"
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(f"is damaged or incomplete ({error}); export it again") from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous_limit
