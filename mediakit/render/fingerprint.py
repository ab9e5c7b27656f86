"""A digest of everything that feeds a PDF, so an unchanged one is not laid out again.

It is kept in the build manifest's notes (mediakit/output.py): when the next
build's digest is the same and nobody changed the file, the previous PDF is
still right, and WeasyPrint (most of a build's time) need not run.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path

from mediakit import __version__
from mediakit.render.pdf_metadata import PdfMetadata


def pdf_fingerprint(html: str, metadata: PdfMetadata, build_dir: Path) -> str:
    digest = hashlib.sha256()
    engine = importlib.metadata.version("weasyprint")
    digest.update(f"mediakit {__version__}, weasyprint {engine}\n".encode())
    digest.update(json.dumps(metadata.as_json(), sort_keys=True).encode())
    digest.update(html.encode())
    # The pages' assets are hashed too (fonts, images, stylesheets): the
    # print page may use any of them, and hashing them takes milliseconds.
    for path in sorted((build_dir / "assets").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(build_dir).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
