"""The roster site's own files: its pages, stylesheet, icon and `roster.json`.

Each kit of the roster has its folder (`<slug>/`), written by its build; the
roster's own files are `index.html`, `roster.json` and the `_roster/` folder
(a slug never starts with "_", so no kit can take its name). The templates
are mediakit's own, not a theme's: a roster lists kits of many themes.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mediakit.view.formatting import Formatter
from mediakit.view.roster_view import RosterEntry, roster_pages

TEMPLATES = Path(__file__).parent / "roster_templates"


def write_roster_site(entries: Sequence[RosterEntry], staging: Path, locale: str = "en") -> None:
    """The roster's pages for `entries` (in any order) and `roster.json`, into `staging`."""
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("page.html")
    fmt = Formatter.for_tag(locale)
    for page in roster_pages(entries, fmt):
        target = staging / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render(page=page), encoding="utf-8")
    for name in ("roster.css", "icon.svg"):
        shutil.copyfile(TEMPLATES / name, staging / "_roster" / name)
    ordered = sorted(entries, key=lambda entry: entry.slug)
    data = {"version": 1, "creators": [entry.as_json() for entry in ordered]}
    (staging / "roster.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    # Pages would run Jekyll over the site, which hides folders starting with "_".
    (staging / ".nojekyll").write_text("", encoding="utf-8")
