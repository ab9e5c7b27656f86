"""Stage 6: the PDF, laid out by WeasyPrint from the print HTML.

WeasyPrint may only read files inside the build folder: the fetcher below
refuses the network and every path outside it, so a kit cannot pull a remote
image or a file of the builder's machine into a PDF it then publishes.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse


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


def write_pdf(
    html: str, build_dir: Path, target: Path, *, title: str, author: str, lang: str
) -> None:
    """Lay out `html` (its relative paths resolve in `build_dir`) and write the PDF to `target`."""
    build_dir = build_dir.resolve()
    document = HTML(
        string=html,
        base_url=build_dir.as_uri() + "/",
        url_fetcher=ConfinedFetcher(build_dir),
    ).render()
    metadata = document.metadata
    metadata.title = title
    metadata.authors = [author]
    metadata.lang = lang
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:  # reproducible builds: the same kit gives the same dates
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).isoformat()
        metadata.created = metadata.modified = stamp
    document.write_pdf(target, pdf_tags=True)
