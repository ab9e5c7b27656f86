"""`shortlist.csv` and `shortlist.html`: the ranking, with the working shown."""

from __future__ import annotations

import csv
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mediakit.model.brief import Brief
from mediakit.render.roster_site import TEMPLATES
from mediakit.view.shortlist_view import CSV_COLUMNS, ShortlistRow


def write_shortlist(rows: list[ShortlistRow], brief: Brief, staging: Path) -> None:
    with (staging / "shortlist.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(row.csv for row in rows)
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    target = brief.target
    wanted = [
        f"age {', '.join(target.age)}" if target.age else "",
        ", ".join(target.gender),
        ", ".join(target.countries),
    ]
    html = environment.get_template("shortlist.html").render(
        lang="en",
        brief=brief,
        target="Target: " + ("; ".join(w for w in wanted if w) or "everyone") + ".",
        platforms=", ".join(p.value for p in brief.platforms) or "their platforms",
        ranked=[row for row in rows if row.rank is not None],
        apart=[row for row in rows if row.rank is None],
    )
    (staging / "shortlist.html").write_text(html, encoding="utf-8")
