"""`mediakit serve`: from saving the kit to the new page on screen, then to the new PDF.

The sample kit is copied, served on a free port and edited (its tagline
changes) once per run. "Pages ready" is when the open page is told of new
pages; "shown in Chromium" is when the new text is on screen in Debian's
Chromium, driven by Playwright (measured only where both are installed).
Goal: the new page on screen under 300 ms after saving, the PDF after it.
"""

from __future__ import annotations

import http.client
import json
import queue
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.common import SAMPLES, Row, seconds
from mediakit.serve import EVENTS_PATH, preview
from tests.chromium import CHROMIUM, launch


def _listen(url: str, events: queue.Queue[tuple[float, dict[str, Any]]]) -> None:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    connection.request("GET", EVENTS_PATH)
    for line in connection.getresponse():
        if line.startswith(b"data:"):
            events.put((time.perf_counter(), json.loads(line[5:])))


def _next(events: queue.Queue[tuple[float, dict[str, Any]]], accept: Any) -> tuple[float, Any]:
    while True:
        stamp, event = events.get(timeout=120)
        if accept(event):
            return stamp, event


def _browser() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, None
    if not Path(CHROMIUM).exists():
        return None, None
    playwright = sync_playwright().start()
    return playwright, launch(playwright)


def measure(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        kit_dir = Path(folder) / "kit"
        shutil.copytree(
            SAMPLES[0].parent, kit_dir, ignore=shutil.ignore_patterns("site", "pitches")
        )
        kit = kit_dir / "mediakit.yaml"
        original = kit.read_text(encoding="utf-8")
        marker = "tagline: "
        assert marker in original, "the sample kit needs a tagline to edit"
        pages, pdfs, shown = [], [], []
        playwright, browser = _browser()
        with preview(kit, Path(folder) / "preview" / "site", port=0, log=lambda _: None) as server:
            events: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
            threading.Thread(target=_listen, args=(server.url, events), daemon=True).start()
            _, last = _next(events, lambda e: e["pdf_version"] > 0)
            page = browser.new_page() if browser else None
            if page:
                page.goto(server.url)
            for run in range(runs):
                word = f"Run{run}Marker"
                saved = time.perf_counter()
                kit.write_text(original.replace(marker, f"{marker}{word} ", 1), encoding="utf-8")
                stamp, last = _next(events, lambda e, v=last: e["pages_version"] > v["pdf_version"])
                pages.append(stamp - saved)
                if page:
                    page.wait_for_function(
                        f"document.body.innerText.includes({word!r})", timeout=120_000
                    )
                    shown.append(time.perf_counter() - saved)
                stamp, last = _next(events, lambda e, v=last: e["pdf_version"] > v["pages_version"])
                pdfs.append(stamp - saved)
                time.sleep(0.5)
        if browser:
            browser.close()
            playwright.stop()
    rows = [
        Row("serve: save to pages ready", seconds(statistics.median(pages)), goal="< 300 ms"),
    ]
    if shown:
        rows.append(
            Row(
                "serve: save to new text shown in Chromium",
                seconds(statistics.median(shown)),
                goal="< 300 ms",
            )
        )
    rows.append(
        Row(
            "serve: save to new PDF ready", seconds(statistics.median(pdfs)), goal="after the pages"
        )
    )
    return rows
