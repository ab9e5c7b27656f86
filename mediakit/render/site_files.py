"""The files that make the site work wherever it is served (GitHub Pages first).

`.nojekyll` stops GitHub from running Jekyll over the site; `404.html` is
what Pages shows for a missing page; `robots.txt` and, when the kit gives the
site's address, `sitemap.xml` help search engines; `mediakit.json` publishes
the kit's public data for programs. Nothing private goes into any of them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from mediakit.metrics.summary import KitStats, stats_json
from mediakit.model.kit import Kit


def write_site_files(kit: Kit, stats: KitStats, staging: Path) -> None:
    base_url = kit.site.base_url
    (staging / ".nojekyll").write_text("", encoding="utf-8")
    robots = "User-agent: *\nAllow: /\n"
    if base_url:
        robots += f"Sitemap: {_join(base_url, 'sitemap.xml')}\n"
        (staging / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"  <url><loc>{escape(_join(base_url, ''))}</loc><lastmod>{stats.stats_as_of.isoformat()}</lastmod></url>\n"
            "</urlset>\n",
            encoding="utf-8",
        )
    (staging / "robots.txt").write_text(robots, encoding="utf-8")
    if kit.site.cname:
        (staging / "CNAME").write_text(kit.site.cname + "\n", encoding="utf-8")
    data = public_data(kit, stats)
    (staging / "mediakit.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def public_data(kit: Kit, stats: KitStats) -> dict[str, Any]:
    """What the public site shows, for programs: prices only when `rates.public` is true."""
    creator = kit.creator.model_dump(
        mode="json", exclude={"photo", "photo_focus", "bio"}, exclude_none=True
    )
    contact = kit.contact.model_dump(mode="json", exclude_none=True)
    audience = (
        kit.primary_audience.model_dump(mode="json", exclude_none=True)
        if kit.primary_audience
        else None
    )
    rates = None
    if kit.rates:
        show = kit.rates.public
        rates = {
            "currency": kit.rates.currency,
            "public": show,
            "packages": [
                {
                    "name": package.name,
                    "platform": package.platform.value if package.platform else None,
                    "price": package.price if show else None,
                    "price_from": package.price_from if show else None,
                    "on_request": package.on_request or not show,
                }
                for package in kit.rates.packages
            ],
        }
    return {
        "version": 1,
        "creator": creator,
        "contact": contact,
        "stats": stats_json(stats),
        "audience": audience,
        "collaborations": [
            {
                "brand": c.brand,
                "date": c.date.isoformat(),
                "platform": c.platform.value if c.platform else None,
                "url": c.url,
                "results": c.results.model_dump(mode="json", exclude_none=True)
                if c.results
                else None,
            }
            for c in kit.collaborations
        ],
        "rates": rates,
    }


def _join(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + path
