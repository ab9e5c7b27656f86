"""The PDF a creator emails: checked for what a brand sees, not byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.load import load_yaml
from mediakit.metrics.engagement import platform_engagement
from mediakit.render.formatting import Formatter
from mediakit.validate import parse_kit
from tests.conftest import SAMPLE_KITS

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module", params=SAMPLE_KITS, ids=lambda p: p.parent.name)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    kit_path: Path = request.param
    result = build_kit(kit_path, tmp_path_factory.mktemp("site"), today=TODAY)
    assert result.pdf is not None
    kit = parse_kit(load_yaml(kit_path))
    return kit, result.pdf, PdfReader(result.pdf)


def pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pages_and_metadata(built) -> None:  # type: ignore[no-untyped-def]
    kit, _, reader = built
    assert 1 <= len(reader.pages) <= 6
    assert reader.metadata is not None
    assert reader.metadata.title == f"{kit.creator.name} · Media kit"
    assert reader.metadata.author == kit.creator.name


def test_text_holds_name_and_headline_engagement(built) -> None:  # type: ignore[no-untyped-def]
    kit, _, reader = built
    text = pdf_text(reader)
    assert kit.creator.name in text
    fmt = Formatter.for_tag(kit.locale)
    for platform in kit.platforms:
        rate = platform_engagement(platform).rate
        if rate is not None:
            assert fmt.percent(rate) in text, (platform.platform, fmt.percent(rate))


def test_links_are_absolute_and_never_local_files(built) -> None:  # type: ignore[no-untyped-def]
    kit, _, reader = built
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert uris, "the PDF should link to the creator's profiles and contact"
    assert all(uri.startswith(("https://", "http://", "mailto:")) for uri in uris), uris
    if kit.contact.email:
        assert f"mailto:{kit.contact.email}" in uris


def test_published_images_carry_no_metadata(built) -> None:  # type: ignore[no-untyped-def]
    _, pdf, _ = built
    from PIL import Image

    for image_path in (pdf.parent / "assets").glob("*.jpg"):
        with Image.open(image_path) as image:
            assert len(image.getexif()) == 0, image_path
