"""What rendering one kit needs, prepared once in a staging folder (render/prepare.py).

A `RenderContext` gives the view of the kit for each output (the site, the
PDF, with or without prices) and renders its pages with the theme's
templates and stylesheets. `build`, `pitch` and `serve` all render through one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from mediakit.images.publish import Images
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit
from mediakit.render.html import render_page
from mediakit.render.themes import ResolvedTheme
from mediakit.view.kit_view import build_view
from mediakit.view.model import KitView, Target


@dataclass(frozen=True)
class RenderContext:
    kit: Kit  # with the command's overrides and the theme's defaults applied
    stats: KitStats
    images: Images
    environment: Environment
    accent: str | None
    staging: Path
    today: dt.date
    theme: ResolvedTheme

    def view(self, target: Target, pdf_href: str | None, *, prices: bool) -> KitView:
        return build_view(
            self.kit,
            self.stats,
            self.images,
            target=target,
            pdf_href=pdf_href,
            today=self.today,
            prices=prices,
            accent=self.accent,
        )

    def site_page(self, template: str, view: KitView) -> str:
        """`index.html` or `404.html`, linking the theme's site stylesheet."""
        stylesheet = f"assets/{self.theme.stylesheets.site}"
        return render_page(self.environment, template, view, stylesheet)

    def print_page(self, view: KitView) -> str:
        """The HTML the PDF is laid out from, linking the theme's print stylesheet."""
        stylesheet = f"assets/{self.theme.stylesheets.print}"
        return render_page(self.environment, "print.html", view, stylesheet)
