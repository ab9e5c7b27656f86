"""What a brand downloads: the PDF's size and the site's weight, per sample kit.

Goal: the sample PDF under 1 MB.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import SAMPLES, TODAY, Row, child


def measure(runs: int) -> list[Row]:
    rows = []
    for kit in SAMPLES:
        with tempfile.TemporaryDirectory() as folder:
            pdf = child(
                "import datetime, json; from pathlib import Path; from mediakit.build import build_kit; from mediakit.options import BuildOptions;"
                f"r = build_kit(Path({str(kit)!r}), Path({folder!r}) / 'site',"
                f" BuildOptions(today=datetime.date.fromisoformat({TODAY!r}))); print(json.dumps(str(r.pdf)))"
            )
            site = Path(folder) / "site"
            files = [p for p in site.rglob("*") if p.is_file() and str(p) != pdf]
            pdf_size = Path(pdf).stat().st_size
            fonts = sum(p.stat().st_size for p in files if p.suffix in {".otf", ".ttf", ".woff2"})
            total = sum(p.stat().st_size for p in files)
        name = kit.parent.name
        rows.append(Row(f"PDF size, {name}", f"{pdf_size / 1024:.0f} KB", goal="< 1 MB"))
        rows.append(
            Row(
                f"site weight without the PDF, {name}",
                f"{total / 1024:.0f} KB",
                f"of which fonts {fonts / 1024:.0f} KB; {len(files)} files",
            )
        )
    return rows
