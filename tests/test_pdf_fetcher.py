"""WeasyPrint reads only files inside the build folder: no network, nothing else on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image
from pypdf import PdfReader

from mediakit.render.pdf import ConfinedFetcher, write_pdf


def test_fetcher_serves_only_files_inside_its_folder(tmp_path: Path) -> None:
    build = tmp_path / "build"
    build.mkdir()
    (build / "inside.txt").write_text("ok")
    (tmp_path / "outside.txt").write_text("secret")
    fetcher = ConfinedFetcher(build)
    assert fetcher.fetch((build / "inside.txt").as_uri()).read() == b"ok"
    with pytest.raises(ValueError, match="outside the build folder"):
        fetcher.fetch((tmp_path / "outside.txt").as_uri())
    with pytest.raises(ValueError, match="outside the build folder"):
        fetcher.fetch(build.as_uri() + "/../outside.txt")
    for url in (
        "https://example.com/a.png",
        "http://127.0.0.1:9/a.png",
        "data:text/plain,hi",
        "ftp://x/y",
    ):
        with pytest.raises(ValueError, match="offline"):
            fetcher.fetch(url)


def test_pdf_never_embeds_remote_or_outside_images(tmp_path: Path) -> None:
    build = tmp_path / "build"
    build.mkdir()
    Image.new("RGB", (40, 40), "red").save(build / "ok.png")
    Image.new("RGB", (40, 40), "blue").save(tmp_path / "secret.png")
    html = (
        '<img src="ok.png"><img src="https://example.com/track.png">'
        f'<img src="{(tmp_path / "secret.png").as_uri()}"><img src="../secret.png">'
    )
    target = build / "out.pdf"
    write_pdf(html, build, target, title="t", author="a", lang="en")
    page = PdfReader(target).pages[0]
    assert len(page.images) == 1  # only the image inside the build folder


def test_only_links_that_work_from_an_email_become_pdf_links(tmp_path: Path) -> None:
    """A relative href resolves to a file: URL of the builder's machine: its text stays, unlinked."""
    html = """<html lang="en"><body>
<a href="https://example.com/kit/">site</a> <a href="mailto:a@example.com">mail</a>
<a href="tel:+61400123456">phone</a> <a href="#contact">jump</a>
<a href="guide.html">relative</a> <a href="/etc/passwd">absolute path</a>
<a href="ftp://example.com/x">ftp</a>
<p id="contact">Contact</p></body></html>"""
    target = tmp_path / "out.pdf"
    write_pdf(html, tmp_path, target, title="t", author="a", lang="en")
    reader = PdfReader(target)
    annotations = [annotation.get_object() for annotation in cast(Any, reader.pages[0]["/Annots"])]
    uris = [annotation["/A"]["/URI"] for annotation in annotations if "/A" in annotation]
    assert uris == ["https://example.com/kit/", "mailto:a@example.com", "tel:+61400123456"]
    assert sum("/Dest" in annotation for annotation in annotations) == 1  # the jump to #contact
    text = reader.pages[0].extract_text()
    assert "relative" in text and "absolute path" in text
