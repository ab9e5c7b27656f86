"""Image files as creators have them: 16-bit greyscale, large colour profiles, iPhone
HEIC photos, damaged files; and `validate` finds every image the build would refuse."""

from __future__ import annotations

import io
import random
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageCms, ImageStat
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.images.pipeline import ImageProblem, publish_image
from mediakit.options import BuildOptions
from tests.conftest import MINIMAL_KIT, TODAY

# 16-bit greyscale at 30000 of 65535: mid grey, 30000 / 65535 x 255 = 116.7, which
# scaled by 256 (the top byte) is 30000 / 256 = 117.2 -> 117 in 8 bits.
GREY_16 = 30_000
GREY_8 = 117


def grey_16_bit_png(path: Path, size: tuple[int, int] = (600, 400)) -> Path:
    Image.new("I;16", size, GREY_16).save(path, "PNG")
    with Image.open(path) as image:  # the fixture is what a scanner or a camera app writes
        assert image.mode == "I;16" and image.getpixel((0, 0)) == GREY_16
    return path


def grey_level(image: Image.Image) -> float:
    """The mean of the image's pixels, as 8-bit grey (alpha ignored)."""
    return float(ImageStat.Stat(image.convert("L")).mean[0])


@pytest.mark.parametrize("purpose", ["photo", "logo", "still"])
def test_a_16_bit_greyscale_png_keeps_its_grey(tmp_path: Path, purpose: str) -> None:
    source = grey_16_bit_png(tmp_path / "scan.png")
    result = publish_image(source, purpose, tmp_path / "out")  # type: ignore[arg-type]
    for variant in (*result.fallback, *result.modern, result.printed):
        with Image.open(tmp_path / "out" / variant.href) as published:
            assert grey_level(published) == pytest.approx(GREY_8, abs=2), variant.href


def test_a_16_bit_greyscale_png_is_grey_in_the_pdf_and_on_the_site(tmp_path: Path) -> None:
    grey_16_bit_png(tmp_path / "still.png")
    grey_16_bit_png(tmp_path / "logo.png", (300, 100))
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(
        MINIMAL_KIT
        + "collaborations:\n  - {brand: Acme, date: 2026-10, image: still.png, logo: logo.png}\n",
        encoding="utf-8",
    )
    result = build_kit(kit, tmp_path / "site", BuildOptions(today=TODAY))
    assert result.pdf is not None
    embedded = [
        image.image for page in PdfReader(result.pdf).pages for image in page.images if image.image
    ]
    assert len(embedded) == 2  # the still and the logo
    for image in embedded:
        assert grey_level(image) == pytest.approx(GREY_8, abs=2)
    site_images = list((tmp_path / "site" / "assets").glob("still-*.jpg"))
    assert site_images
    for path in site_images:
        with Image.open(path) as image:
            assert grey_level(image) == pytest.approx(GREY_8, abs=2)


def big_icc_profile(extra_bytes: int) -> bytes:
    """The sRGB profile with one more (private, "zzzz") tag of random bytes: valid and large."""
    base = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (count,) = struct.unpack(">I", base[128:132])
    entries = [struct.unpack(">4sII", base[132 + 12 * i : 144 + 12 * i]) for i in range(count)]
    entries = [(sig, offset + 12, size) for sig, offset, size in entries]  # one more entry
    payload = b"data" + bytes(4) + struct.pack(">I", 1) + random.Random(0).randbytes(extra_bytes)
    start = len(base) + 12
    start += -start % 4  # tags start on 4-byte boundaries
    entries.append((b"zzzz", start, len(payload)))
    out = bytearray(base[:128]) + struct.pack(">I", count + 1)
    for entry in entries:
        out += struct.pack(">4sII", *entry)
    out += base[132 + 12 * count :]
    out += bytes(start - len(out)) + payload
    out[0:4] = struct.pack(">I", len(out))  # the header's size field
    return bytes(out)


def test_a_png_with_a_large_valid_colour_profile_is_not_called_damaged(tmp_path: Path) -> None:
    icc = big_icc_profile(2 * 1024 * 1024)  # 2 MB: past Pillow's 1 MB text-chunk guard
    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))  # LittleCMS reads it: it is valid
    assert profile.profile.profile_description == "sRGB built-in"
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (200, 30, 30)).save(logo, "PNG", icc_profile=icc)
    result = publish_image(logo, "logo", tmp_path / "out")
    with Image.open(tmp_path / "out" / result.href) as published:
        assert published.convert("RGB").getpixel((150, 50)) == (200, 30, 30)
        assert "icc_profile" not in published.info  # still dropped, as every profile is


def heic_file(path: Path) -> Path:
    """The start of an iPhone photo: an ISO media "ftyp" box with the HEIC brands."""
    ftyp = b"ftyp" + b"heic" + bytes(4) + b"mif1" + b"heic"
    path.write_bytes(struct.pack(">I", 4 + len(ftyp)) + ftyp + bytes(2000))
    return path


def test_a_heic_photo_says_how_to_save_a_jpeg(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem, match="is a HEIC photo") as caught:
        publish_image(heic_file(tmp_path / "IMG_0001.HEIC"), "photo", tmp_path / "out")
    assert "File > Export > JPEG" in str(caught.value)


def kit_with_photo(tmp_path: Path, photo: str) -> Path:
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(
        MINIMAL_KIT.replace("  niches: [baking]", f"  niches: [baking]\n  photo: {photo}"),
        encoding="utf-8",
    )
    return kit


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])  # a half-copied file
    return path


@pytest.mark.parametrize(
    ("make", "name", "words"),
    [
        (heic_file, "IMG_0001.HEIC", "IMG_0001.HEIC is a HEIC photo (the iPhone camera's format)"),
        (truncated_jpeg, "photo.jpg", "photo.jpg is damaged or incomplete"),
    ],
    ids=["heic", "truncated"],
)
def test_validate_finds_what_the_build_would_refuse(
    tmp_path: Path, make: object, name: str, words: str
) -> None:
    make(tmp_path / name)  # type: ignore[operator]
    kit = kit_with_photo(tmp_path, name)
    result = CliRunner().invoke(cli, ["validate", str(kit)])
    assert result.exit_code == 1, result.output
    # creator.photo is on line 5, its value at column 10.
    assert result.output.startswith(f"{kit}:5:10  creator.photo: {words}"), result.output
    assert "Traceback" not in result.output
    with pytest.raises(KitError) as caught:  # and the build says the same
        build_kit(kit, tmp_path / "site", BuildOptions(today=TODAY))
    assert caught.value.problems[0].format() == result.output.splitlines()[0]


def test_a_truncated_photo_is_refused_after_a_pdf_was_made_in_the_same_process(
    tmp_path: Path,
) -> None:
    import weasyprint  # noqa: F401  (importing it sets Pillow's LOAD_TRUNCATED_IMAGES)

    with pytest.raises(ImageProblem, match="is damaged or incomplete"):
        publish_image(truncated_jpeg(tmp_path / "photo.jpg"), "photo", tmp_path / "out")


def test_validate_accepts_the_images_the_build_publishes(tmp_path: Path) -> None:
    grey_16_bit_png(tmp_path / "photo.png")
    result = CliRunner().invoke(cli, ["validate", str(kit_with_photo(tmp_path, "photo.png"))])
    assert result.exit_code == 0, result.output
