"""Debian's Chromium as the browser tests and the benchmarks launch it, through Playwright."""

from __future__ import annotations

import os
from typing import Any

CHROMIUM = os.environ.get("MEDIAKIT_CHROMIUM", "/usr/bin/chromium")
# Headless, with no background traffic (updates, sync, Google's services): the
# checks need nothing beyond 127.0.0.1, and on a closed network those
# connections only slow Chromium down.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: Any) -> Any:
    """The system's Chromium: Playwright downloads no browser of its own."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
