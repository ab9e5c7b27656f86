"""Every image is re-encoded: orientation applied, metadata (GPS) gone, sized for its use."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageCms, ImageDraw
from PIL.PngImagePlugin import PngInfo

from mediakit.build import build_kit
from mediakit.images import cache as image_cache
from mediakit.images import pipeline as media
from mediakit.images.pipeline import ImageProblem, PublishedImage, publish_image
from mediakit.options import BuildOptions
from tests.conftest import MINIMAL_KIT, TODAY

GPS_IFD = 0x8825
ORIENTATION = 0x0112
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description Creator="SecretXmp"/></x:xmpmeta>'
RED, BLUE = (200, 30, 30), (30, 30, 200)


def phone_photo(path: Path, size: tuple[int, int] = (1200, 800), orientation: int = 6) -> Path:
    """A JPEG like a phone's: landscape pixels, an orientation tag, GPS, XMP and an ICC profile."""
    image = Image.new("RGB", size, RED)
    image.paste(BLUE, (0, 0, size[0] // 2, size[1]))  # left half blue
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (37.0, 48.0, 50.0), 3: "E", 4: (144.0, 57.0, 47.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", exif=exif.tobytes(), xmp=XMP, icc_profile=icc)
    with Image.open(path) as saved:  # the fixture really carries all of it
        assert saved.getexif().get_ifd(GPS_IFD) and "icc_profile" in saved.info
        assert b"SecretXmp" in path.read_bytes()
    return path


def published_files(result: PublishedImage, out: Path) -> list[Path]:
    variants = [*result.fallback, *result.modern, result.printed]
    return [out / variant.href for variant in variants]


def rgb(image: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    pixel = image.convert("RGB").getpixel(xy)
    assert isinstance(pixel, tuple)
    return pixel[0], pixel[1], pixel[2]


def assert_pixels_only(path: Path) -> None:
    data = path.read_bytes()
    for secret in (b"PhoneMaker", b"SecretXmp", b"Secret text", b"sRGB"):
        assert secret not in data, (path.name, secret)
    with Image.open(path) as image:
        assert len(image.getexif()) == 0, path.name
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(image.info), path.name
        assert not getattr(image, "text", {}), path.name  # PNG tEXt/iTXt chunks


def test_every_variant_of_a_photo_loses_all_metadata(tmp_path: Path) -> None:
    result = publish_image(phone_photo(tmp_path / "me.jpg"), "photo", tmp_path / "out")
    files = published_files(result, tmp_path / "out")
    assert {path.suffix for path in files} == {".jpg", ".webp"}
    for path in files:
        assert_pixels_only(path)


def test_every_variant_of_a_logo_loses_its_text_chunks_and_profile(tmp_path: Path) -> None:
    info = PngInfo()
    info.add_text("Author", "Secret text")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    logo = tmp_path / "logo.png"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGBA", (600, 200), (10, 20, 30, 255)).save(logo, pnginfo=info, icc_profile=icc)
    result = publish_image(logo, "logo", tmp_path / "out")
    for path in published_files(result, tmp_path / "out"):
        assert_pixels_only(path)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    # Orientation 6 = rotate 90° clockwise to display: the blue left half ends up on top.
    # Turned upright it is a 300 x 400 portrait; a still is then cut to 4:3 around
    # its middle: 300 x 225, blue above, red below.
    source = phone_photo(tmp_path / "me.jpg", size=(400, 300), orientation=6)
    result = publish_image(source, "still", tmp_path / "out")
    assert (result.width, result.height) == (300, 225)
    for path in published_files(result, tmp_path / "out"):
        with Image.open(path) as published:
            width, height = published.size
            # Unturned, blue and red would sit side by side: both points in one colour.
            top, bottom = rgb(published, (width // 3, 5)), rgb(published, (width // 3, height - 5))
            assert top[2] > 150 and top[0] < 100, path.name  # blue
            assert bottom[0] > 150 and bottom[2] < 100, path.name  # red


def test_photo_widths_for_srcset_and_a_square_crop(tmp_path: Path) -> None:
    result = publish_image(phone_photo(tmp_path / "me.jpg", (2000, 1500)), "photo", tmp_path / "o")
    assert [v.width for v in result.fallback] == list(media.PHOTO_WIDTHS)
    assert [v.width for v in result.modern] == list(media.PHOTO_WIDTHS)
    assert all(v.width == v.height for v in (*result.fallback, *result.modern))
    assert result.srcset.split(", ")[0] == f"{result.fallback[0].href} {media.PHOTO_WIDTHS[0]}w"
    assert result.href == result.fallback[-1].href and result.href.endswith(".jpg")
    for variant in (*result.fallback, *result.modern):
        with Image.open(tmp_path / "o" / variant.href) as image:
            assert image.size == (variant.width, variant.height)


def test_a_small_photo_is_not_upscaled(tmp_path: Path) -> None:
    result = publish_image(phone_photo(tmp_path / "me.jpg", (300, 200)), "photo", tmp_path / "o")
    assert [v.width for v in result.fallback] == [200]  # its own square, nothing larger


def dpi(pixels: int, millimetres: float) -> float:
    return pixels / (millimetres / 25.4)


def test_print_copies_have_at_most_300_dpi_at_their_printed_size(tmp_path: Path) -> None:
    photo = publish_image(phone_photo(tmp_path / "me.jpg", (3000, 2000)), "photo", tmp_path / "o")
    # 30 mm at 300 dpi is 354.3 px: a 354 px square, not the 800 px web copy.
    assert (photo.printed.width, photo.printed.height) == (354, 354)
    assert dpi(354, media.PRINT_PHOTO_MM) <= 300 < dpi(355, media.PRINT_PHOTO_MM)
    assert photo.printed.href.endswith(".jpg")

    still_source = tmp_path / "wide.jpg"
    Image.new("RGB", (3200, 1800), "white").save(still_source)  # 16:9, for a 32 x 24 mm box
    still = publish_image(still_source, "still", tmp_path / "o").printed
    # Cut to 4:3 first, then the box at 300 dpi: 32 mm is 377.95 px, 24 mm 283.46 px.
    assert (still.width, still.height) == (377, 283)
    assert still.href.endswith(".jpg")

    logo_source = tmp_path / "logo.png"
    Image.new("RGBA", (2000, 800), (0, 0, 0, 255)).save(logo_source)
    logo = publish_image(logo_source, "logo", tmp_path / "o").printed
    mm = media.PRINT_LOGO_HEIGHT_MM
    assert dpi(logo.height, mm) <= 300 < dpi(logo.height + 1, mm)
    assert logo.href.endswith(".png")  # keeps the logo's transparency on paper


def portrait_with_red_top(path: Path) -> Path:
    """600 x 1800: a red band over the top sixth, blue below."""
    image = Image.new("RGB", (600, 1800), BLUE)
    image.paste(RED, (0, 0, 600, 300))
    image.save(path, "PNG")
    return path


def test_the_focal_point_moves_the_crop(tmp_path: Path) -> None:
    source = portrait_with_red_top(tmp_path / "tall.png")
    centred = publish_image(source, "photo", tmp_path / "a")
    with Image.open(tmp_path / "a" / centred.href) as image:
        assert rgb(image, (image.width // 2, 5))[2] > 150  # the centre square is all blue
    top = publish_image(source, "photo", tmp_path / "b", focus=(0.5, 0.1))
    assert top.href != centred.href
    with Image.open(tmp_path / "b" / top.href) as image:
        # A square around 10 % down starts at the top edge: the red band is in it.
        assert rgb(image, (image.width // 2, 5))[0] > 150
        assert rgb(image, (image.width // 2, image.height - 5))[2] > 150


def test_crop_square_clamps_to_the_edges() -> None:
    image = Image.new("RGB", (300, 100))
    image.paste((255, 0, 0), (250, 0, 300, 100))  # a red strip on the right
    assert rgb(media.crop_square(image, (1.0, 0.5)), (99, 50)) == (255, 0, 0)
    assert media.crop_square(image, (1.0, 0.5)).size == (100, 100)
    assert rgb(media.crop_square(image, (0.0, 0.5)), (99, 50)) == (0, 0, 0)


def test_bad_focus_is_reported_at_its_line(write_kit: Any, runner: Any) -> None:
    from mediakit.cli import cli

    kit = write_kit(
        MINIMAL_KIT.replace("  niches: [baking]", '  niches: [baking]\n  photo_focus: "120% top"')
    )
    result = runner.invoke(cli, ["validate", str(kit)])
    assert result.exit_code != 0
    assert f"{kit}:5:16" in result.output + result.stderr
    assert 'expected two percentages, across then down, such as "50% 30%"' in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_logos_share_one_height_with_transparent_margins_trimmed(tmp_path: Path) -> None:
    heights = set()
    for index, (size, box) in enumerate(
        [((900, 300), None), ((200, 200), None), ((1000, 600), (100, 200, 900, 400))]
    ):
        logo = tmp_path / f"logo{index}.png"
        image = Image.new("RGBA", size, (0, 0, 0, 0 if box else 255))
        if box:  # a wide mark inside a lot of transparent padding
            image.paste((0, 0, 0, 255), box)
        image.save(logo)
        result = publish_image(logo, "logo", tmp_path / "out")
        for variant in (*result.fallback, *result.modern):
            with Image.open(tmp_path / "out" / variant.href) as published:
                assert published.size == (variant.width, variant.height)
                heights.add(published.height)
        if box:  # trimmed: the 800 x 200 mark fills the height
            assert result.width == media.LOGO_HEIGHT * 4
    assert heights == {media.LOGO_HEIGHT}


def test_a_logo_keeps_its_transparency(tmp_path: Path) -> None:
    logo = tmp_path / "round.png"
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((0, 0, 399, 399), fill=(200, 30, 30, 255))
    image.save(logo)
    result = publish_image(logo, "logo", tmp_path / "out")
    for path in published_files(result, tmp_path / "out"):
        with Image.open(path) as published:
            assert published.mode == "RGBA", path.name
            assert published.getpixel((0, 0))[3] == 0, path.name
            middle = (published.width // 2, published.height // 2)
            assert published.getpixel(middle)[3] == 255, path.name


def test_output_name_is_stable_and_depends_on_content(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "me.jpg")
    first = publish_image(source, "photo", tmp_path / "a")
    assert publish_image(source, "photo", tmp_path / "b").href == first.href
    Image.new("RGB", (50, 50)).save(source)
    assert publish_image(source, "photo", tmp_path / "c").href != first.href


def counting_encoder(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = media._encode

    def encode(data: bytes, purpose: media.Purpose, focus: media.Focus) -> Any:
        calls.append(purpose)
        return real(data, purpose, focus)

    monkeypatch.setattr(media, "_encode", encode)
    return calls


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(folder))
    return folder


def test_a_rebuild_takes_unchanged_images_from_the_cache(
    write_kit: Any, tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting_encoder(monkeypatch)
    phone_photo(tmp_path / "me.jpg")
    kit = write_kit(
        MINIMAL_KIT.replace("  niches: [baking]", "  niches: [baking]\n  photo: me.jpg")
    )
    build_kit(kit, tmp_path / "one", BuildOptions(pdf=False, today=TODAY))
    assert calls == ["photo"]
    build_kit(kit, tmp_path / "two", BuildOptions(pdf=False, today=TODAY))
    assert calls == ["photo"]  # not encoded again
    one = sorted(p.name for p in (tmp_path / "one" / "assets").glob("photo-*"))
    assert one and one == sorted(p.name for p in (tmp_path / "two" / "assets").glob("photo-*"))
    for name in one:
        assert (tmp_path / "one/assets" / name).read_bytes() == (
            tmp_path / "two/assets" / name
        ).read_bytes()
    for cached in (own_cache / "images").iterdir():
        if cached.suffix != ".json":
            assert_pixels_only(cached)


def test_a_corrupt_cache_entry_is_ignored(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting_encoder(monkeypatch)
    source = phone_photo(tmp_path / "me.jpg")
    first = publish_image(source, "photo", tmp_path / "a")
    damaged = next((own_cache / "images").glob("*-480.jpg"))
    damaged.write_bytes(damaged.read_bytes()[:100])  # cut short, as by a full disk
    second = publish_image(source, "photo", tmp_path / "b")
    assert calls == ["photo", "photo"]  # encoded again rather than published broken
    assert second == first
    with Image.open(tmp_path / "b" / second.fallback[1].href) as image:
        image.load()
    next((own_cache / "images").glob("*.json")).write_text("{not json")
    assert publish_image(source, "photo", tmp_path / "c") == first
    assert len(calls) == 3


def test_an_unwritable_cache_does_not_break_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(blocker / "cache"))
    result = publish_image(phone_photo(tmp_path / "me.jpg"), "photo", tmp_path / "out")
    assert (tmp_path / "out" / result.href).is_file()


def test_cache_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert image_cache.images_dir() == tmp_path / "mediakit" / "images"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    assert image_cache.images_dir() == Path.home() / ".cache" / "mediakit" / "images"


def test_mediakit_cache_dir_holds_images_and_templates(
    write_kit: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both kinds under the one folder the variable names (the templates once
    # went beside it, to its parent folder).
    root = tmp_path / "cache"
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(root))
    phone_photo(tmp_path / "me.jpg")
    kit = write_kit(
        MINIMAL_KIT.replace("  niches: [baking]", "  niches: [baking]\n  photo: me.jpg")
    )
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    assert sorted(path.name for path in root.iterdir()) == ["images", "templates"]
    assert list((root / "images").glob("*.json")) and list((root / "templates").iterdir())
    assert not (tmp_path / "templates").exists()


def test_the_pdf_embeds_the_print_copies(sample_build: Any) -> None:
    from pypdf import PdfReader

    _, build = sample_build
    assets = build.out_dir / "assets"
    print_sizes = set()
    for path in assets.glob("*-print.*"):
        with Image.open(path) as image:
            print_sizes.add(image.size)
    embedded = {
        (image.image.width, image.image.height)
        for page in PdfReader(build.pdf).pages
        for image in page.images
        if image.image is not None
    }
    assert print_sizes and embedded <= print_sizes
    assert max(width for width, _ in embedded) < min(media.PHOTO_WIDTHS[-1], 400)


def test_a_file_that_is_not_an_image(tmp_path: Path) -> None:
    fake = tmp_path / "photo.jpg"
    fake.write_text("I am text")
    with pytest.raises(ImageProblem, match="is not an image"):
        publish_image(fake, "photo", tmp_path / "out")


def test_decompression_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(media, "MAX_PIXELS", 10_000)
    source = tmp_path / "bomb.png"
    Image.new("1", (150, 100)).save(
        source
    )  # 15,000 pixels: in Pillow's warning band, not its error
    with pytest.raises(ImageProblem, match="million pixels"):
        publish_image(source, "still", tmp_path / "out")
    assert Image.MAX_IMAGE_PIXELS != 10_000  # the global limit is restored


def test_an_oversized_image_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(media, "MAX_IMAGE_BYTES", 1024)
    source = tmp_path / "huge.png"
    Image.effect_noise((200, 200), 64).save(source)  # noise does not compress below 1 KB
    with pytest.raises(ImageProblem, match="images up to 0 MB are accepted"):
        publish_image(source, "photo", tmp_path / "out")


def test_print_pixels_rounds_down() -> None:
    assert media.print_pixels(30) == math.floor(30 / 25.4 * 300) == 354
    assert media.print_pixels(7) == 82  # 82.68: rounding up would give 301 dpi


@pytest.mark.parametrize("size", [(600, 1800), (3200, 1800), (1000, 1000)])
def test_stills_of_any_shape_make_cards_of_one_shape(tmp_path: Path, size: tuple[int, int]) -> None:
    """Portrait, landscape and square pictures are cut to 4:3 around their middle,
    so a portrait never makes a card three times as tall as its neighbours."""
    source = tmp_path / "still.jpg"
    Image.new("RGB", size, "white").save(source)
    still = publish_image(source, "still", tmp_path / "o")
    for variant in (*still.fallback, *still.modern, still.printed):
        assert abs(variant.width * 3 - variant.height * 4) <= 4, (size, variant)


def test_post_pictures_are_square_thumbnails(tmp_path: Path) -> None:
    post = publish_image(phone_photo(tmp_path / "post.jpg", (1080, 1920)), "post", tmp_path / "o")
    assert [v.width for v in post.fallback] == list(media.POST_WIDTHS)
    assert all(v.width == v.height for v in (*post.fallback, *post.modern, post.printed))
    # 24 mm at 300 dpi is 283.46 px.
    assert post.printed.width == 283
