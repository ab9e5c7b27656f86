"""Everything a kit's pages need, laid out in a staging folder: shared by build, pitch and serve.

The theme (with its defaults for what the kit leaves out), the published
images, the theme's static files, the templates, the accent colour and the
pictures drawn from the kit's figures (share card, favicons).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

from mediakit.errors import KitError
from mediakit.images.accent import resolve_accent
from mediakit.images.favicon import write_icons
from mediakit.images.pipeline import Variant
from mediakit.images.publish import publish_images
from mediakit.images.share_card import CardText, publish_share_card
from mediakit.kit.load import LoadedYaml
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit
from mediakit.options import BuildOptions
from mediakit.render.context import RenderContext
from mediakit.render.html import template_environment
from mediakit.render.themes import (
    UnusableTheme,
    find_theme,
    unknown_theme,
    with_theme_defaults,
)
from mediakit.view.formatting import Formatter


def prepare_render(
    document: LoadedYaml,
    kit: Kit,
    stats: KitStats,
    staging: Path,
    options: BuildOptions,
    *,
    web_images_later: bool = False,
) -> RenderContext:
    """Theme, images, stylesheets and accent in `staging`, for `kit` (validated from
    `document`, with the command's overrides applied) and its figures `stats`.

    `options.theme` names a theme to use instead of the kit's (`--theme`). What
    the kit's `theme:` leaves out (accent, paper, sections) comes from the theme.
    """
    name = options.theme or kit.theme.name
    if (unknown := unknown_theme(name)) is not None:
        if options.theme:
            raise KitError(f"--theme: {unknown}")
        raise KitError([document.problem(("theme", "name"), unknown)])
    try:
        resolved = find_theme(name)  # other errors from here are located in a theme.yaml
    except UnusableTheme as error:
        if options.theme:
            raise KitError(f"--theme: {error.problems[0].message}") from None
        raise KitError([document.problem(("theme", "name"), error.problems[0].message)]) from None
    kit = kit.model_copy(update={"theme": with_theme_defaults(kit.theme, resolved)})
    images = publish_images(document, kit, staging, web_later=web_images_later)
    # Parent first: a child theme's file replaces its parent's of the same name.
    for folder in resolved.static_folders:
        copy_folder(folder, staging / "assets")
    environment = template_environment(
        resolved,
        Formatter.for_tag(kit.locale).translations,
        kit_templates=document.path.parent / "templates",
    )
    photo = staging / images.photo.href if images.photo else None
    accent = resolve_accent(kit.theme.accent, photo, resolved.backgrounds, resolved.accent)
    return RenderContext(kit, stats, images, environment, accent, staging, options.today, resolved)


def copy_folder(source: Path, target: Path) -> None:
    """Every file under `source` into `target`, replacing files of the same name.

    Not `shutil.copytree`, which gathers every failure into one error without
    its errno: a full disk must reach the build as one (output.py says so).
    """
    for folder, _, names in os.walk(source, followlinks=True):
        into = target / Path(folder).relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy2(Path(folder) / name, into / name)


def with_share_images(context: RenderContext) -> RenderContext:
    """The Open Graph card and the favicons, drawn once the accent and the figures are known."""
    view = context.view("site", None, prices=False)  # the card shows no price either way
    photo = context.images.photo
    card = CardText(view.name, view.handle, [(f.value, f.label) for f in view.headline])
    fonts = context.theme.image_fonts
    photo_file = context.staging / photo.href if photo else None
    href, width, height = publish_share_card(
        card, context.accent, photo_file, context.staging, fonts
    )
    images = replace(
        context.images,
        share_card=Variant(href, width, height),
        icons=write_icons(view.name, context.accent, context.staging, fonts),
    )
    return replace(context, images=images)
