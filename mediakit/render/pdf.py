"""Stage 6: the PDF, laid out by WeasyPrint from the print HTML.

WeasyPrint may only read files inside the build folder: the fetcher below
refuses the network and every path outside it, so a kit cannot pull a remote
image or a file of the builder's machine into a PDF it then publishes.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

from mediakit.images.qr import SITE_QR_HREF, qr_svg
from mediakit.render.page_fill import page_fills, shortfalls
from mediakit.render.pdf_metadata import PdfMetadata

# Tagged PDF for accessibility (ISO 14289-1): WeasyPrint adds the structure
# tree, /MarkInfo, /Lang, DisplayDocTitle and the XMP metadata that names it.
PDF_VARIANT = "pdf/ua-1"


class ConfinedFetcher(URLFetcher):  # type: ignore[misc]
    """Serves `file:` URLs inside one folder, and nothing else."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"file"})
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"refused to fetch {url}: the PDF is built offline")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise ValueError(f"refused to read {path}: outside the build folder")
        # WeasyPrint ignores a stylesheet that is not declared as text/css.
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})


# The only links that work in a PDF opened from an email or a download folder.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


# How tightly to set the kit, in order of preference: the theme spaces its
# sections for each (html[data-density="tight"] in print.css).
DENSITIES = ("normal", "tight", "loose")


def write_pdf(
    html: str,
    build_dir: Path,
    target: Path,
    *,
    title: str,
    author: str,
    lang: str,
    subject: str = "",
    keywords: Sequence[str] = (),
    densities: Sequence[str] = DENSITIES,
) -> str:
    """Lay out `html` (its relative paths resolve in `build_dir`) and write the PDF to
    `target`; returns the density it is set in (see `with_density`).

    The PDF is tagged as PDF/UA-1: a structure tree that screen readers follow,
    the language, alt text on images, and the title shown instead of the file name.

    When a page comes out too empty (a last page with two lines, a page left
    half empty by a card that moved on), the kit is laid out again set
    tighter, then looser, and the best of those is kept: see render/page_fill.py.
    """
    build_dir = build_dir.resolve()
    best: tuple[float, int] | None = None
    document, kept = None, densities[0]
    for density in densities:
        laid_out = HTML(
            string=with_density(html, density),
            base_url=build_dir.as_uri() + "/",
            url_fetcher=ConfinedFetcher(build_dir),
        ).render(pdf_variant=PDF_VARIANT)
        score = (shortfalls(page_fills(laid_out)), len(laid_out.pages))
        if best is None or score < best:
            best, document, kept = score, laid_out, density
        if score[0] == 0:
            break
    assert document is not None, "at least one density is tried"
    drop_unusable_links(document)
    metadata = document.metadata
    metadata.title = title
    metadata.authors = [author]
    metadata.description = subject or None
    metadata.keywords = list(keywords)
    metadata.lang = lang
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:  # reproducible builds: the same kit gives the same dates
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).isoformat()
        metadata.created = metadata.modified = stamp
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    return kept


def with_density(html: str, density: str) -> str:
    """`html` with `data-density` on its root element, for the theme's print CSS."""
    if density == "normal":
        return html
    return html.replace("<html", f'<html data-density="{density}"', 1)


def drop_unusable_links(document: Any) -> None:
    """Keep links to the web, email and phone, and jumps inside the PDF; drop the rest,
    and the duplicates WeasyPrint makes for the boxes inside a link.

    A relative href (from a bio's Markdown, say) resolves against the build
    folder to a `file:` URL, which opens nothing on the brand's machine but
    would reveal the builder's folder names. Its text stays, unlinked.
    """
    for page in document.pages:
        page.links = [
            link
            for link in page.links
            if _is_the_anchor(link)
            and (
                link[0] == "internal"
                or (link[0] == "external" and urlsplit(link[1]).scheme in LINK_SCHEMES)
            )
        ]


def _is_the_anchor(link: Any) -> bool:
    """Whether the annotation belongs to the <a> itself. WeasyPrint also gives one
    to each box inside a link (a picture, a span read only by screen readers),
    tagged as that box: PDF/UA wants every link annotation under a Link tag, and
    the <a>'s own annotation already covers its content."""
    box = link[3] if len(link) > 3 else None
    return box is None or getattr(box, "element_tag", "a") == "a"


def write_kit_pdf(
    html: str, build_dir: Path, target: Path, metadata: PdfMetadata, site_url: str | None
) -> str:
    """The kit's PDF, with the QR code to its site that print.html shows when the kit
    has a site address. The code is drawn for the PDF alone and removed after.
    Returns the density the PDF is set in."""
    qr_path = build_dir / SITE_QR_HREF
    if site_url:
        qr_path.parent.mkdir(parents=True, exist_ok=True)
        qr_path.write_bytes(qr_svg(site_url))
    try:
        return write_pdf(html, build_dir, target, **metadata.as_json())  # type: ignore[arg-type]
    finally:
        qr_path.unlink(missing_ok=True)
