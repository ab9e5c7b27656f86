"""Every image is re-encoded: orientation applied, metadata (GPS) gone, sized for its use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from mediakit import media
from mediakit.media import ImageProblem, publish_image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(path: Path, size: tuple[int, int] = (1200, 800), orientation: int = 6) -> Path:
    """A JPEG like a phone's: landscape pixels, an orientation tag, and a GPS position."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (37.0, 48.0, 50.0), 3: "E", 4: (144.0, 57.0, 47.0)})
    image.save(path, "JPEG", exif=exif.tobytes())
    assert Image.open(path).getexif().get_ifd(GPS_IFD)  # the fixture really carries GPS
    return path


def test_photo_loses_all_metadata_and_is_square(tmp_path: Path) -> None:
    result = publish_image(phone_photo(tmp_path / "me.jpg"), "photo", tmp_path / "out")
    published = Image.open(tmp_path / "out" / result.href)
    assert published.size == (media.PHOTO_SIZE, media.PHOTO_SIZE)
    exif = published.getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert len(exif) == 0
    assert "icc_profile" not in published.info and "exif" not in published.info


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    # Orientation 6 = rotate 90° clockwise to display: the blue left half ends up on top.
    source = phone_photo(tmp_path / "me.jpg", size=(400, 300), orientation=6)
    result = publish_image(source, "still", tmp_path / "out")
    published = Image.open(tmp_path / "out" / result.href).convert("RGB")
    assert published.size == (300, 400)
    top = published.getpixel((150, 20))
    bottom = published.getpixel((150, 380))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert top[2] > 150 and top[0] < 100  # blue
    assert bottom[0] > 150 and bottom[2] < 100  # red


def test_logo_keeps_transparency_and_is_normalised_in_height(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (900, 300), (0, 0, 0, 0)).save(logo)
    result = publish_image(logo, "logo", tmp_path / "out")
    published = Image.open(tmp_path / "out" / result.href)
    assert published.mode == "RGBA"
    assert published.height == media.LOGO_HEIGHT
    assert (result.width, result.height) == published.size


def test_large_still_is_scaled_down(tmp_path: Path) -> None:
    source = tmp_path / "big.jpg"
    Image.new("RGB", (3000, 2000), "white").save(source)
    result = publish_image(source, "still", tmp_path / "out")
    assert (result.width, result.height) == (media.STILL_SIZE, 800)


def test_output_name_is_stable_and_depends_on_content(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "me.jpg")
    first = publish_image(source, "photo", tmp_path / "a")
    assert publish_image(source, "photo", tmp_path / "b").href == first.href
    Image.new("RGB", (50, 50)).save(source)
    assert publish_image(source, "photo", tmp_path / "c").href != first.href


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
