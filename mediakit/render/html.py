"""Stage 5: HTML from Jinja templates, with autoescaping on."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mediakit.render.direction import dir_attribute
from mediakit.render.view import KitView
from mediakit.themes import Theme


def template_environment(theme: Theme) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(theme.templates)),
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Labels go through gettext so that catalogs can translate them; with no
    # catalog installed they read as written.
    environment.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    environment.filters["dir"] = dir_attribute
    return environment


def render_page(environment: Environment, template: str, view: KitView, stylesheet: str) -> str:
    return environment.get_template(template).render(kit=view, stylesheet=stylesheet)
