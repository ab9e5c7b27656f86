"""The PDF a creator emails: checked for what a brand sees, not byte for byte."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from mediakit.load import load_yaml
from mediakit.metrics.engagement import platform_engagement
from mediakit.render.formatting import Formatter
from mediakit.validate import parse_kit


@pytest.fixture
def built(sample_build: Any) -> Any:
    kit_path, result = sample_build
    assert result.pdf is not None
    return parse_kit(load_yaml(kit_path)), result.pdf, PdfReader(result.pdf)


def pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pages_and_metadata(built: Any) -> None:
    kit, _, reader = built
    assert 1 <= len(reader.pages) <= 5
    assert reader.metadata is not None
    assert reader.metadata.title == f"{kit.creator.name} · Media kit"
    assert reader.metadata.author == kit.creator.name


def test_text_holds_name_and_headline_engagement(built: Any) -> None:
    kit, _, reader = built
    text = pdf_text(reader)
    assert kit.creator.name in text
    fmt = Formatter.for_tag(kit.locale)
    for platform in kit.platforms:
        rate = platform_engagement(platform).rate
        if rate is not None:
            assert fmt.percent(rate) in text, (platform.platform, fmt.percent(rate))


def test_links_are_absolute_and_never_local_files(built: Any) -> None:
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
    for platform in kit.platforms:
        if platform.profile_url:
            assert platform.profile_url in uris


def test_prices_are_in_the_pdf(built: Any) -> None:
    kit, _, reader = built
    text = pdf_text(reader)
    fmt = Formatter.for_tag(kit.locale)
    priced = [p for p in kit.rates.packages if p.price is not None] if kit.rates else []
    for package in priced:
        assert fmt.money(package.price, kit.rates.currency) in text


def test_published_images_carry_no_metadata(built: Any) -> None:
    _, pdf, _ = built
    images = list((pdf.parent / "assets").glob("*.jpg"))
    assert images
    for image_path in images:
        with Image.open(image_path) as image:
            assert len(image.getexif()) == 0, image_path
