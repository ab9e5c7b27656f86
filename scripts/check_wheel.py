"""Check that a built wheel carries everything mediakit reads at run time.

The themes live outside the package folder (hatchling force-includes them),
and the starter kit, the catalogs and the shipped benchmarks are data files:
a wheel without them installs fine and fails on the first build.

    python scripts/check_wheel.py dist/creator_mediakit-0.1.0-py3-none-any.whl
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

NEEDED = (
    "mediakit/themes/default/theme.yaml",
    "mediakit/themes/default/templates/index.html",
    "mediakit/themes/editorial/theme.yaml",
    "mediakit/themes/playful/theme.yaml",
    "mediakit/kit/starter/mediakit.yaml",
    "mediakit/kit/starter/photo.jpg",
    "mediakit/kit/starter/pages.yml",
    "mediakit/serve_reload.js",
    "mediakit/render/roster_templates/page.html",
    "mediakit/render/roster_templates/shortlist.html",
    "mediakit/render/roster_templates/roster.css",
    "mediakit/locale/fr/LC_MESSAGES/mediakit.po",
    "mediakit/data/benchmarks.yaml",
)


def missing_files(wheel: Path) -> list[str]:
    names = set(zipfile.ZipFile(wheel).namelist())
    return [name for name in NEEDED if name not in names]


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(arguments[0])
    missing = missing_files(wheel)
    for name in missing:
        print(f"{name} is missing from {wheel.name}", file=sys.stderr)
    if not missing:
        print(f"{wheel.name} ships the themes, the starter kit, the catalogs and the benchmarks")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
