"""The image pipeline: every image passes through Pillow before it is published.

Orientation from EXIF is applied, then the pixels are re-encoded without any
metadata, so a phone photo's GPS position never reaches the site or the PDF.
Each image is published in a few widths as WebP with a JPEG (PNG for logos)
fallback for the site, and once more as the PDF's copy, sized for its printed
size. Outputs are named by a hash of their source and parameters, and kept in
a disk cache (`mediakit.images.cache`) so a rebuild skips unchanged images.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import threading
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from PIL import Image, ImageFile, ImageOps, PngImagePlugin, UnidentifiedImageError

from mediakit.images import cache as image_cache
from mediakit.images.cache import Encoded

# Far above any photo a phone takes (about 50 megapixels), far below what
# would exhaust memory: a "decompression bomb" fails with a clear message.
MAX_PIXELS = 80_000_000
MAX_IMAGE_BYTES = 40 * 1024 * 1024

# Bump when the same source and parameters would give different pixels: the
# cache keys and the published names change with it. 3: 16-bit greyscale is
# scaled to 8 bits instead of clipped to white. 4: stills cut to 4:3.
PIPELINE_VERSION = 4

# Pillow refuses a PNG chunk that decompresses past 1 MB (a guard against zlib
# bombs in text chunks), and an ICC colour profile is such a chunk: printer and
# wide-gamut profiles with large lookup tables pass 1 MB and are valid. The
# profile is dropped on re-encoding anyway; 16 MB is far above any real one.
MAX_ICC_PROFILE_BYTES = 16 * 1024 * 1024
PngImagePlugin.MAX_TEXT_CHUNK = max(PngImagePlugin.MAX_TEXT_CHUNK, MAX_ICC_PROFILE_BYTES)

# HEIC, the iPhone camera's format, is an ISO media file ("ftyp" box) with one
# of these brands. Pillow cannot read it; the creator is told how to export a JPEG.
HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
HEIC_ADVICE = (
    "is a HEIC photo (the iPhone camera's format), which mediakit cannot read; save a JPEG "
    "copy and use that: on a Mac, open it in Preview and choose File > Export > JPEG; on "
    "Windows, open it in Photos and choose Save as > .jpg; on an iPhone, Settings > Camera > "
    "Formats > Most Compatible takes JPEG photos from then on"
)

Purpose = Literal["photo", "logo", "still", "post"]
Focus = tuple[float, float]  # across, down; 0..1 from the top-left corner
CENTRE: Focus = (0.5, 0.5)

# Web widths in pixels. The headshot shows at 8.5rem to 15rem (site.css), so
# 240/480 cover one and two device pixels per CSS pixel and 800 the largest
# screens; a still fills a phone's width or two-fifths of the 72rem page.
PHOTO_WIDTHS = (240, 480, 800)
STILL_WIDTHS = (480, 800, 1200)
POST_WIDTHS = (240, 480)  # a post's thumbnail: a third of a card at most
# Stills are cropped to one shape, so portrait, landscape and square pictures
# make cards of one size: 4:3 across, around the centre.
STILL_RATIO = (4, 3)
# Logos are shown at a common height (3.25rem in base.css): one size, twice that.
LOGO_HEIGHT = 120
LOGO_MAX_WIDTH = 480

# Printed sizes, from themes/default/static/print.css: `.hero__photo` is
# 30 mm square, `.logos__item img` 7 mm high, `.collab__image` 32 x 24 mm
# (object-fit: cover). The PDF's copy has at most PRINT_DPI at that size.
PRINT_DPI = 300
PRINT_PHOTO_MM = 30.0
PRINT_LOGO_HEIGHT_MM = 7.0
PRINT_STILL_MM = (32.0, 24.0)
PRINT_POST_MM = 24.0

JPEG_QUALITY = {"photo": 86, "still": 82, "post": 82}
WEBP_QUALITY = 80
MODERN_TYPE = "image/webp"


def print_pixels(millimetres: float) -> int:
    """The most pixels an edge printed `millimetres` long needs at PRINT_DPI (rounded down)."""
    return math.floor(millimetres / 25.4 * PRINT_DPI)


class ImageProblem(Exception):
    """A creator's image cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Variant:
    href: str  # relative to the output folder, e.g. "assets/photo-1a2b3c-480.jpg"
    width: int
    height: int


@dataclass(frozen=True)
class PublishedImage:
    """One source image as published: web sizes in two formats, one copy for print."""

    fallback: tuple[Variant, ...]  # JPEG (PNG for logos), narrowest first
    modern: tuple[Variant, ...]  # WebP, the same sizes
    printed: Variant  # what the PDF embeds

    @property
    def href(self) -> str:
        """The largest fallback: the `src` every browser understands."""
        return self.fallback[-1].href

    @property
    def width(self) -> int:
        return self.fallback[-1].width

    @property
    def height(self) -> int:
        return self.fallback[-1].height

    @property
    def srcset(self) -> str:
        return _srcset(self.fallback)

    @property
    def modern_srcset(self) -> str:
        return _srcset(self.modern)

    @property
    def modern_href(self) -> str:
        return self.modern[-1].href

    @property
    def modern_type(self) -> str:
        return MODERN_TYPE


def _srcset(variants: Sequence[Variant]) -> str:
    return ", ".join(f"{v.href} {v.width}w" for v in variants)


def publish_image(
    source: Path,
    purpose: Purpose,
    out_dir: Path,
    *,
    focus: Focus = CENTRE,
    later: Callable[[Callable[[], None]], None] | None = None,
) -> PublishedImage:
    """Process `source` for `purpose` and write its variants under `out_dir/assets/`.

    `focus` is the point of a photo to keep in the middle of its square crop.
    With `later`, the variants the PDF does not need (the site's sizes) are
    handed to it as one piece of work to run meanwhile (while the PDF is laid
    out, say); their names and sizes are known at once.
    """
    data = _read(source)
    key = _cache_key(data, purpose, focus)
    encoded = image_cache.load(key)
    if encoded is not None or later is None:
        if encoded is None:
            encoded = _encode(data, purpose, focus)
            image_cache.store(key, encoded)
        for item in encoded:
            _write(out_dir, _file_name(purpose, key, item.name, item.ext), item.data)
        return _published(purpose, key, [(e.name, e.ext, e.width, e.height) for e in encoded])
    steps = _steps(data, purpose, focus)
    done: dict[int, Encoded] = {}
    for index, step in enumerate(steps):
        if step.urgent:
            done[index] = item = step.make()
            _write(out_dir, _file_name(purpose, key, item.name, item.ext), item.data)

    def finish() -> None:
        for index, step in enumerate(steps):
            if index not in done:
                done[index] = item = step.make()
                _write(out_dir, _file_name(purpose, key, item.name, item.ext), item.data)
        image_cache.store(key, [done[index] for index in range(len(steps))])

    later(finish)
    return _published(purpose, key, [(s.name, s.ext, s.width, s.height) for s in steps])


def _file_name(purpose: Purpose, key: str, name: str, ext: str) -> str:
    return f"{purpose}-{key[:16]}-{name}.{ext}"


def _write(out_dir: Path, name: str, data: bytes) -> None:
    assets = out_dir / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / name).write_bytes(data)


def _published(
    purpose: Purpose, key: str, variants: Sequence[tuple[str, str, int, int]]
) -> PublishedImage:
    groups: dict[str, list[Variant]] = {"fallback": [], "modern": [], "print": []}
    for name, ext, width, height in variants:
        variant = Variant(f"assets/{_file_name(purpose, key, name, ext)}", width, height)
        group = "print" if name == "print" else "modern" if ext == "webp" else "fallback"
        groups[group].append(variant)
    return PublishedImage(
        fallback=tuple(groups["fallback"]),
        modern=tuple(groups["modern"]),
        printed=groups["print"][0],
    )


def _cache_key(data: bytes, purpose: Purpose, focus: Focus) -> str:
    """Source bytes plus everything that shapes the output: a change to any re-encodes."""
    parameters = {
        "version": PIPELINE_VERSION,
        "purpose": purpose,
        "focus": focus if purpose == "photo" else None,
        "widths": PHOTO_WIDTHS if purpose == "photo" else STILL_WIDTHS,
        "logo": (LOGO_HEIGHT, LOGO_MAX_WIDTH),
        "print": (PRINT_DPI, PRINT_PHOTO_MM, PRINT_LOGO_HEIGHT_MM, PRINT_STILL_MM),
        "quality": (JPEG_QUALITY, WEBP_QUALITY),
    }
    digest = hashlib.sha256(json.dumps(parameters, sort_keys=True).encode())
    digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Step:
    """One variant to encode: its name and size are known before it is made."""

    name: str
    ext: str
    width: int
    height: int
    make: Callable[[], Encoded]
    # Needed before the PDF: its own copy, and the photo's largest JPEG (the
    # share card and the accent colour are drawn from it).
    urgent: bool


class _Once:
    """A resized image made once, by whichever variant asks first."""

    def __init__(self, make: Callable[[], Image.Image]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._image: Image.Image | None = None

    def __call__(self) -> Image.Image:
        with self._lock:
            if self._image is None:
                self._image = self._make()
            return self._image


def check_image(source: Path, purpose: Purpose, *, focus: Focus = CENTRE) -> None:
    """Raise the `ImageProblem` that publishing `source` would meet, without encoding it:
    what `mediakit validate` runs, so it finds every image a build would refuse.

    An image whose outputs are in the cache was published before, from these
    very bytes: it is not decoded again.
    """
    data = _read(source)
    if image_cache.has(_cache_key(data, purpose, focus)):
        return
    _pixels(data, purpose, reduced=True)


def _pixels(data: bytes, purpose: Purpose, *, reduced: bool = False) -> Image.Image:
    """The image upright, in the mode its outputs are encoded from (RGBA for logos, RGB else);
    `reduced` for a check only (see `_open`)."""
    image = _open(data, reduced=reduced)
    try:
        upright = _eight_bits(ImageOps.exif_transpose(image))
        return upright.convert("RGBA" if purpose == "logo" else "RGB")
    except (OSError, SyntaxError, ValueError, TypeError) as error:
        raise ImageProblem(f"is damaged or incomplete ({error}); export it again") from None


def _eight_bits(image: Image.Image) -> Image.Image:
    """16-bit and 32-bit greyscale scaled to 8 bits.

    Pillow's convert() clips such pixels to 255, so a 16-bit greyscale PNG
    (values up to 65535) would publish as pure white. 65535 / 256 = 255.996.
    """
    if image.mode not in ("I", "I;16", "I;16L", "I;16B", "I;16N"):
        return image
    return image.convert("I").point(lambda value: value / 256).convert("L")


def _encode(data: bytes, purpose: Purpose, focus: Focus) -> list[Encoded]:
    """Every variant of one image, each re-encoded from pixels only."""
    return [step.make() for step in _steps(data, purpose, focus)]


def _steps(data: bytes, purpose: Purpose, focus: Focus) -> list[_Step]:
    """The variants of one image, in their published order, each still to be made."""
    image = _pixels(data, purpose)
    if purpose == "logo":
        return _logo_steps(image)
    widths: tuple[int, ...]
    if purpose == "photo":
        image = crop_square(image, focus)
        widths = PHOTO_WIDTHS
        side = print_pixels(PRINT_PHOTO_MM)
        print_size = (side, side)
    elif purpose == "post":
        image = crop_square(image)
        widths = POST_WIDTHS
        side = print_pixels(PRINT_POST_MM)
        print_size = (side, side)
    else:
        image = crop_ratio(image, STILL_RATIO)
        widths = STILL_WIDTHS
        print_size = _cover(image.size, tuple(print_pixels(mm) for mm in PRINT_STILL_MM))
    quality = JPEG_QUALITY[purpose]
    steps: list[_Step] = []
    available = _widths_for(image.width, widths)
    for width in available:
        size = (width, round(image.height * width / image.width))
        scaled = _Once(partial(_resize, image, size))
        largest_jpeg = purpose == "photo" and width == available[-1]
        steps.append(
            _Step(
                str(width),
                "webp",
                *size,
                partial(_save_scaled, scaled, str(width), "webp", quality=WEBP_QUALITY),
                urgent=False,
            )
        )
        steps.append(
            _Step(
                str(width),
                "jpg",
                *size,
                partial(_save_scaled, scaled, str(width), "jpg", quality=quality),
                urgent=largest_jpeg,
            )
        )
    printed = _resize(image, print_size) if print_size[0] < image.width else image
    steps.append(
        _Step(
            "print",
            "jpg",
            *printed.size,
            partial(_save, printed, "print", "jpg", quality=quality),
            urgent=True,
        )
    )
    return steps


def _save_scaled(scaled: _Once, name: str, ext: str, **options: int | bool) -> Encoded:
    return _save(scaled(), name, ext, **options)


def _logo_steps(image: Image.Image) -> list[_Step]:
    # Transparent margins would make one logo look smaller than the others at
    # the same height: trim them first.
    if bbox := image.getchannel("A").getbbox():
        image = image.crop(bbox)
    web = ImageOps.contain(image, (LOGO_MAX_WIDTH, LOGO_HEIGHT), Image.Resampling.LANCZOS)
    print_height = print_pixels(PRINT_LOGO_HEIGHT_MM)
    printed = ImageOps.contain(
        image,
        (round(print_height * LOGO_MAX_WIDTH / LOGO_HEIGHT), print_height),
        Image.Resampling.LANCZOS,
    )
    # PNG stays the print copy: a JPEG would lose the logo's transparency.
    return [
        _Step("web", "webp", *web.size, partial(_save, web, "web", "webp", lossless=True), False),
        _Step("web", "png", *web.size, partial(_save, web, "web", "png"), False),
        _Step("print", "png", *printed.size, partial(_save, printed, "print", "png"), True),
    ]


def crop_square(image: Image.Image, focus: Focus = CENTRE) -> Image.Image:
    """The largest square of `image` centred as near `focus` as the edges allow."""
    side = min(image.size)
    left = _clamp(round(focus[0] * image.width - side / 2), 0, image.width - side)
    top = _clamp(round(focus[1] * image.height - side / 2), 0, image.height - side)
    return image.crop((left, top, left + side, top + side))


def crop_ratio(image: Image.Image, ratio: tuple[int, int]) -> Image.Image:
    """The largest centred part of `image` with the proportions `ratio` (across, down)."""
    width = min(image.width, round(image.height * ratio[0] / ratio[1]))
    height = min(image.height, round(width * ratio[1] / ratio[0]))
    left = (image.width - width) // 2
    top = (image.height - height) // 2
    return image.crop((left, top, left + width, top + height))


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


def _widths_for(available: int, widths: Sequence[int]) -> list[int]:
    """The listed widths the source can fill without upscaling, or its own width."""
    return [w for w in widths if w <= available] or [available]


def _cover(size: tuple[int, int], box: Sequence[int]) -> tuple[int, int]:
    """The smallest size with `size`'s proportions that covers `box` (CSS object-fit: cover)."""
    scale = max(box[0] / size[0], box[1] / size[1])
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    return image if image.size == size else image.resize(size, Image.Resampling.LANCZOS)


def _save(image: Image.Image, name: str, ext: str, **options: int | bool) -> Encoded:
    # A new image from the pixels alone: Pillow writes what `info` still holds
    # (a PNG's ICC profile, say) even when no exif=, icc_profile= or xmp= is passed.
    image = Image.frombytes(image.mode, image.size, image.tobytes())
    buffer = io.BytesIO()
    if ext == "jpg":
        image.save(buffer, "JPEG", optimize=True, progressive=True, **options)
    elif ext == "webp":
        image.save(buffer, "WEBP", method=5, **options)
    else:
        image.save(buffer, "PNG", optimize=True)
    return Encoded(name, ext, buffer.getvalue(), image.width, image.height)


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


def _open(data: bytes, *, reduced: bool = False) -> Image.Image:
    # WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES when it is imported, so in
    # a process that made a PDF already (serve, pitch batches) a half-copied
    # photo would load padded with grey. Not here: a truncated file is refused,
    # in every process. (WeasyPrint only ever loads our own complete re-encodes.)
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    previous_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between the limit and twice it; treat that as an error too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if reduced:
                # A JPEG decoded at an eighth of its size: every byte is still
                # read (a cut file still fails), in a fraction of the time.
                image.draft(image.mode, (1, 1))
            image.load()
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(
            f"has more than {MAX_PIXELS // 1_000_000} million pixels; export a smaller copy (3000 px wide is plenty)"
        ) from None
    except UnidentifiedImageError:
        if _is_heic(data):
            raise ImageProblem(HEIC_ADVICE) from None
        raise ImageProblem(
            "is not an image mediakit can read; use a JPEG, PNG or WebP file"
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(f"is damaged or incomplete ({error}); export it again") from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous_limit


def _is_heic(data: bytes) -> bool:
    """An ISO media file ("ftyp" box) whose brands name HEIC."""
    if data[4:8] != b"ftyp":
        return False
    size = int.from_bytes(data[0:4], "big")
    brands = [data[8:12]] + [data[i : i + 4] for i in range(16, min(size, 64), 4)]
    return any(brand in HEIC_BRANDS for brand in brands)
