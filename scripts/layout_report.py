#!/usr/bin/env python3
"""Print the layout corpus's measures as one Markdown table: every kit in every theme.

The same builds and measures as `python -m pytest -m slow tests/test_layout_corpus.py`
(tests/layout_check.py defines each column), as a table to read at a glance
and to compare before and after a change to a theme::

    python scripts/layout_report.py                    # every kit, every theme
    python scripts/layout_report.py six-platforms      # some kits
    python scripts/layout_report.py --keep build/corpus  # keep the PDFs and sites

Needs Debian's Chromium for the phone column (left blank without it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel import Locale  # noqa: E402

from mediakit.build import build_kit  # noqa: E402
from mediakit.kit.load import load_yaml  # noqa: E402
from mediakit.kit.validate import parse_kit  # noqa: E402
from mediakit.options import BuildOptions  # noqa: E402
from mediakit.render.themes import available_themes  # noqa: E402
from tests import layout_check  # noqa: E402
from tests.chromium import CHROMIUM, launch  # noqa: E402
from tests.conftest import TODAY  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "layout"
HEADER = (
    "| kit | theme | paper | pages | fill per page | smallest | ≥ 8 pt | overlaps "
    "| off page | in margin | mailto p. 1 | phone overflow |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def row(kit: str, theme: str, out: Path, browser: Any) -> str:
    model = parse_kit(load_yaml(CORPUS / kit / "mediakit.yaml"))
    result = build_kit(CORPUS / kit / "mediakit.yaml", out, BuildOptions(theme=theme, today=TODAY))
    assert result.pdf is not None
    rtl = Locale.parse(model.locale.replace("-", "_")).character_order == "right-to-left"
    margins = layout_check.theme_margins(theme, model.theme.paper, "rtl" if rtl else "ltr")
    report = layout_check.check_pdf(result.pdf, margins)
    fill = " / ".join(f"{page.fill:.0%}" for page in report.pages)
    mailto = (
        "yes"
        if report.first_page_mailto
        else "footer only"
        if report.first_page_margin_mailto
        else "no"
    )
    phone = ""
    if browser is not None:
        phone = f"{layout_check.phone_overflow(browser, out).overflow:.0f} px"
    cells = [
        kit,
        theme,
        model.theme.paper,
        str(report.page_count),
        fill,
        f"{report.smallest_size:.1f} pt",
        f"{report.share_at_8pt:.0%}",
        str(sum(len(page.overlaps) for page in report.pages)),
        str(sum(len(page.off_page) for page in report.pages)),
        str(sum(len(page.in_margin) for page in report.pages)),
        mailto,
        phone,
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kits", nargs="*", help="corpus kit names (default: all)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the output")
    parser.add_argument("--theme", action="append", help="only this theme (may be repeated)")
    args = parser.parse_args()
    kits = args.kits or sorted(path.parent.name for path in CORPUS.glob("*/mediakit.yaml"))
    themes = args.theme or sorted(available_themes())
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        print(HEADER)
        if Path(CHROMIUM).exists():
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch(playwright)
                for kit in kits:
                    for theme in themes:
                        print(row(kit, theme, base / f"{kit}-{theme}", browser), flush=True)
                browser.close()
        else:
            for kit in kits:
                for theme in themes:
                    print(row(kit, theme, base / f"{kit}-{theme}", None), flush=True)


if __name__ == "__main__":
    main()
