"""The pipeline, run in order: load, validate, compute, view, render, write.

Each stage is a plain function in its own module; this orchestrator only
calls them, so a reader sees the whole path of a build on one screen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment

from mediakit import __version__
from mediakit.check import CheckedKit, check_kit, image_jobs
from mediakit.colors import accent_from_photo, readable_accent
from mediakit.errors import KitError, Problem
from mediakit.load import LoadedYaml
from mediakit.media import CENTRE, ImageProblem, PublishedImage, Purpose, Variant, publish_image
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit
from mediakit.output import (
    is_unchanged_since_published,
    publish,
    read_build_notes,
    staging_folder,
)
from mediakit.render.favicon import write_icons
from mediakit.render.formatting import Formatter
from mediakit.render.html import render_page, template_environment
from mediakit.render.share_card import CardText, publish_share_card
from mediakit.render.site_files import write_site_files
from mediakit.render.view import Images, KitView, Target, build_view
from mediakit.themes import ResolvedTheme, find_theme, unknown_theme, with_theme_defaults


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    files: list[str]
    pdf: Path | None
    warnings: list[Problem]


def build_kit(
    kit_path: Path,
    out_dir: Path | None = None,
    *,
    pdf: bool = True,
    strict: bool = False,
    locale: str | None = None,
    today: dt.date | None = None,
    keep_pdf: bool = False,
    theme: str | None = None,
) -> BuildResult:
    """Build the site and the PDF; `locale` overrides the kit's own (one kit, several languages).

    `theme` names a theme to use instead of the kit's (`--theme`).
    `keep_pdf` (with `pdf=False`) still links the PDF and leaves the previous
    one in place: `serve` shows new pages at once and rebuilds the PDF after.
    """
    today = today or dt.date.today()
    checked = check_kit(kit_path, today=today)
    if strict and checked.warnings:
        raise KitError(checked.warnings)
    kit = checked.kit if locale is None else checked.kit.model_copy(update={"locale": locale})
    out_dir = out_dir or kit_path.parent / "site"
    pdf_name = kit.site.pdf_name or default_pdf_name(kit.creator.name)
    with staging_folder(out_dir) as staging:
        render = prepare_render(checked, kit, staging, today, theme=theme)
        render = with_share_images(render)
        site_view = render.view("site", pdf_name if pdf or keep_pdf else None)
        site_html = render_page(render.environment, "index.html", site_view, render.site_stylesheet)
        (staging / "index.html").write_text(site_html, encoding="utf-8")
        (staging / "404.html").write_text(
            render_page(render.environment, "404.html", site_view, render.site_stylesheet),
            encoding="utf-8",
        )
        write_site_files(kit, checked.stats, staging)
        notes = {}
        if pdf:
            print_view = render.view("print", None)
            html = render.print_page(print_view)
            notes[pdf_name] = render.pdf_fingerprint(print_view, html)
            if not reuse_unchanged_pdf(out_dir, pdf_name, notes[pdf_name], staging):
                render.write_pdf(print_view, staging / pdf_name, html)
        elif keep_pdf and pdf_name in (previous := read_build_notes(out_dir)):
            notes[pdf_name] = previous[pdf_name]
        # The print stylesheets served the PDF; the site does not need them.
        for name in render.theme.print_only_stylesheets:
            (staging / "assets" / name).unlink(missing_ok=True)
        written = publish(
            staging, out_dir, keep={pdf_name} if keep_pdf and not pdf else set(), notes=notes
        )
    return BuildResult(out_dir, written, out_dir / pdf_name if pdf else None, checked.warnings)


@dataclass(frozen=True)
class Render:
    """What rendering a kit needs, prepared once in a staging folder."""

    kit: Kit
    stats: KitStats
    images: Images
    environment: Environment
    accent: str | None
    staging: Path
    today: dt.date
    theme: ResolvedTheme

    @property
    def site_stylesheet(self) -> str:
        return f"assets/{self.theme.stylesheets.site}"

    @property
    def print_stylesheet(self) -> str:
        return f"assets/{self.theme.stylesheets.print}"

    def view(self, target: Target, pdf_href: str | None) -> KitView:
        return build_view(
            self.kit,
            self.stats,
            self.images,
            target=target,
            pdf_href=pdf_href,
            today=self.today,
            accent=self.accent,
        )

    def print_page(self, view: KitView) -> str:
        return render_page(self.environment, "print.html", view, self.print_stylesheet)

    def pdf_options(self, view: KitView) -> dict[str, Any]:
        return {
            "title": view.title,
            "author": self.kit.creator.name,
            "lang": view.lang,
            "subject": view.description,
            "keywords": [*view.niches, *(p.name for p in view.platforms)],
        }

    def pdf_fingerprint(self, view: KitView, html: str) -> str:
        """A digest of everything that feeds the PDF: if it matches the last
        build's, that PDF is still right and the engine need not run again."""
        digest = hashlib.sha256()
        engine = importlib.metadata.version("weasyprint")
        digest.update(f"mediakit {__version__}, weasyprint {engine}\n".encode())
        digest.update(json.dumps(self.pdf_options(view), sort_keys=True).encode())
        digest.update(html.encode())
        # The pages' assets are hashed too (fonts, images, stylesheets): the
        # print page may use any of them, and hashing them takes milliseconds.
        for path in sorted((self.staging / "assets").rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(self.staging).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()

    def write_pdf(self, view: KitView, target: Path, html: str | None = None) -> None:
        # WeasyPrint takes half a second to import: only what makes a PDF pays for it.
        from mediakit.render.pdf import write_pdf
        from mediakit.render.qr import SITE_QR_HREF, qr_svg

        # print.html shows the code whenever the kit has a site URL; only the PDF uses it.
        qr_path = self.staging / SITE_QR_HREF
        if view.site_url:
            qr_path.parent.mkdir(parents=True, exist_ok=True)
            qr_path.write_bytes(qr_svg(view.site_url))
        try:
            html = html if html is not None else self.print_page(view)
            write_pdf(html, self.staging, target, **self.pdf_options(view))
        finally:
            qr_path.unlink(missing_ok=True)


def reuse_unchanged_pdf(out_dir: Path, pdf_name: str, fingerprint: str, staging: Path) -> bool:
    """Copy the last build's PDF into `staging` if the same input made it and
    nobody has changed the file since: laying out a PDF is most of a build."""
    previous = out_dir / pdf_name
    if read_build_notes(out_dir).get(pdf_name) != fingerprint or not previous.is_file():
        return False
    if not is_unchanged_since_published(out_dir, pdf_name):
        return False
    shutil.copy2(previous, staging / pdf_name)
    return True


def prepare_render(
    checked: CheckedKit, kit: Kit, staging: Path, today: dt.date, *, theme: str | None = None
) -> Render:
    """Theme, images, stylesheets and accent in `staging`: shared by build, pitch and serve.

    `theme` names a theme to use instead of the kit's (`--theme`). What the
    kit's `theme:` leaves out (accent, paper, sections) comes from the theme.
    """
    name = theme or kit.theme.name
    if (unknown := unknown_theme(name)) is not None:
        if theme:
            raise KitError(f"--theme: {unknown}")
        raise KitError([checked.document.problem(("theme", "name"), unknown)])
    resolved = find_theme(name)  # errors from here are located in a theme.yaml
    kit = kit.model_copy(update={"theme": with_theme_defaults(kit.theme, resolved)})
    images = publish_images(checked.document, kit, staging)
    # Parent first: a child theme's file replaces its parent's of the same name.
    for folder in resolved.static_folders:
        shutil.copytree(folder, staging / "assets", dirs_exist_ok=True)
    environment = template_environment(
        resolved,
        Formatter.for_tag(kit.locale).translations,
        kit_templates=checked.document.path.parent / "templates",
    )
    photo = staging / images.photo.href if images.photo else None
    accent = resolve_accent(kit.theme.accent, photo, resolved.backgrounds, resolved.accent)
    return Render(kit, checked.stats, images, environment, accent, staging, today, resolved)


def with_share_images(render: Render) -> Render:
    """The Open Graph card and the favicons, drawn once the accent and the figures are known."""
    view = render.view("site", None)
    photo = render.images.photo
    card = CardText(view.name, view.handle, [(f.value, f.label) for f in view.headline])
    href, width, height = publish_share_card(
        card, render.accent, render.staging / photo.href if photo else None, render.staging
    )
    images = replace(
        render.images,
        share_card=Variant(href, width, height),
        icons=write_icons(view.name, render.accent, render.staging),
    )
    return replace(render, images=images)


def publish_images(document: LoadedYaml, kit: Kit, staging: Path) -> Images:
    """Run every image through the pipeline, reporting all unusable ones at once.

    Images are encoded in threads: Pillow lets go of the interpreter while it
    resizes and encodes, so a first build (nothing cached) uses every core.
    """
    jobs = image_jobs(kit)

    def run(source: Path, purpose: Purpose) -> PublishedImage:
        focus = kit.creator.photo_focus if purpose == "photo" else None
        return publish_image(source, purpose, staging, focus=focus or CENTRE)

    problems: list[Problem] = []
    photo, logos, stills = None, {}, {}
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        futures = [pool.submit(run, source, purpose) for source, purpose, _ in jobs]
        # Collected in the kit's order, so errors read from top to bottom.
        for (source, purpose, loc), future in zip(jobs, futures, strict=True):
            try:
                image = future.result()
            except ImageProblem as error:
                problems.append(document.problem(loc, f"{source.name} {error}"))
                continue
            if purpose == "photo":
                photo = image
            elif purpose == "logo":
                logos[int(loc[1])] = image
            else:
                stills[int(loc[1])] = image
    if problems:
        raise KitError(problems)
    return Images(photo=photo, logos=logos, stills=stills)


def resolve_accent(
    accent: str | None,
    photo: Path | None,
    backgrounds: Sequence[str] = (),
    fallback: str | None = None,
) -> str | None:
    """The kit's accent made readable on the theme's `backgrounds`; `auto` picks
    it from the published photo, or takes the theme's `fallback` when there is
    no photo or it has no usable colour. None leaves the theme's CSS accent.
    """
    if accent == "auto":
        accent = (accent_from_photo(photo) if photo else None) or fallback
    return readable_accent(accent, backgrounds) if accent else None


def slug(text: str) -> str:
    """`Zoé Ñúñez` -> `zoe-nunez`: ASCII letters, digits and dashes, safe on every system."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


def default_pdf_name(name: str) -> str:
    """`Maya Okafor` -> `maya-okafor-media-kit.pdf`; `media-kit.pdf` when nothing ASCII is left."""
    name_slug = slug(name)
    return f"{name_slug}-media-kit.pdf" if name_slug else "media-kit.pdf"
