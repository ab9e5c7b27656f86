"""Stage 5: HTML from Jinja templates, with autoescaping on."""

from __future__ import annotations

from babel.support import NullTranslations
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mediakit.render.direction import dir_attribute
from mediakit.render.view import KitView
from mediakit.themes import Theme


def template_environment(theme: Theme, translations: NullTranslations) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(theme.templates)),
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Labels go through gettext: the kit's catalog translates them, and a
    # label missing from it reads as written, in English.
    environment.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    environment.filters["dir"] = dir_attribute
    return environment


def render_page(environment: Environment, template: str, view: KitView, stylesheet: str) -> str:
    return environment.get_template(template).render(kit=view, stylesheet=stylesheet)
