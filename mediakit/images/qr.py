"""The QR code printed in the PDF's contact panel: a phone camera opens the online kit.

Drawn as SVG, so it prints sharp at any size and adds about 2 KB to the PDF.
"""

from __future__ import annotations

import io

import segno

# Where print.html expects the code, relative to the build folder.
SITE_QR_HREF = "assets/site-qr.svg"


def qr_code(url: str) -> segno.QRCode:
    """The code for `url`; medium error correction survives a scuffed or folded print."""
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str) -> bytes:
    """`url` as an SVG QR code: black on white, with the four-module quiet zone scanners need."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,  # a viewBox only: the stylesheet sets the printed size
        xmldecl=False,
        svgclass=None,
        lineclass=None,
    )
    return buffer.getvalue()
