"""The PDF a creator emails: checked for what a brand sees, not byte for byte."""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.metrics.engagement import platform_engagement
from mediakit.view.formatting import Formatter


@pytest.fixture
def built(sample_build: Any) -> Any:
    kit_path, result = sample_build
    assert result.pdf is not None
    return parse_kit(load_yaml(kit_path)), result.pdf, PdfReader(result.pdf)


def pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pages_and_metadata(built: Any) -> None:
    kit, _, reader = built
    # Both samples (A4 for Maya, Letter for Tomás) take four pages, none of
    # them blank: each page holds more than its running footer.
    assert len(reader.pages) == 4
    footer = f"{kit.creator.name} · Media kit"
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        assert len(text.replace(footer, "")) > 200
    assert reader.metadata is not None
    assert reader.metadata.title == f"{kit.creator.name} · Media kit"
    assert reader.metadata.author == kit.creator.name
    # Search engines and document managers file the PDF under these.
    assert reader.metadata.subject == kit.creator.tagline
    keywords = reader.metadata["/Keywords"].split(", ")
    assert keywords[: len(kit.creator.niches)] == kit.creator.niches
    assert {platform.label for platform in kit.platforms} <= set(keywords)


def test_paper_size_follows_the_theme(built: Any) -> None:
    kit, _, reader = built
    expected = {"A4": (595, 842), "letter": (612, 792)}[kit.theme.paper]
    for page in reader.pages:
        assert tuple(round(float(side)) for side in page.mediabox[2:]) == expected


def test_tagged_for_screen_readers(built: Any) -> None:
    """PDF/UA-1: a structure tree, the language, the title shown, alt text on every image."""
    kit, _, reader = built
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert root["/Lang"] == kit.locale
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    assert kit.creator.name in xmp
    elements = list(structure_elements(root["/StructTreeRoot"]))
    kinds = {str(element["/S"]) for element in elements}
    assert {"/H1", "/H2", "/P", "/Link", "/Figure"} <= kinds
    figures = [element for element in elements if element["/S"] == "/Figure"]
    # An <img> needs alt="...", an inline <svg> a <title>: PDF/UA-1 has no decorative figures.
    unnamed = [
        str(figure["/P"]["/S"]) for figure in figures if not str(figure.get("/Alt", "")).strip()
    ]
    assert not unnamed, (
        f"{len(unnamed)} of {len(figures)} figures have no alt text (parents: {unnamed})"
    )


def structure_elements(node: Any) -> Any:
    """Every structure element under `node`, depth first."""
    kids = node.get_object().get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from structure_elements(kid)


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
    assert all(uri.startswith(("https://", "http://", "mailto:", "tel:")) for uri in uris), uris
    if kit.contact.email:
        assert f"mailto:{kit.contact.email}" in uris
    for address in (kit.contact.website, kit.contact.booking_url, kit.site.base_url):
        if address:
            assert address in uris
    for platform in kit.platforms:
        if platform.profile_url:
            assert platform.profile_url in uris


def test_qr_code_opens_the_online_kit(built: Any) -> None:
    kit, pdf, _ = built
    document = pdfium.PdfDocument(pdf)
    codes = [
        code.text
        for page in document
        for code in zxingcpp.read_barcodes(page.render(scale=150 / 72).to_pil())
    ]
    assert codes == ([kit.site.base_url] if kit.site.base_url else [])
    assert not (pdf.parent / "assets" / "site-qr.svg").exists()  # the site does not need it


def test_sample_pdf_is_light_enough_to_email(built: Any) -> None:
    _, pdf, _ = built
    assert pdf.stat().st_size < 1_000_000


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
