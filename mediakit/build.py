"""`mediakit build`: the stages, in order, from the kit file to a published site and PDF.

Load, validate and compute (check.py); prepare the theme, images and assets
(render/prepare.py); render the pages and the site's files; lay out the PDFs;
put everything in place (output.py). Each stage is a function of its own
package: this module only calls them, so the whole path of a build reads in
`build_kit`.
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from mediakit.check import check_kit
from mediakit.errors import KitError, Problem
from mediakit.images.pipeline import PublishedImage
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit
from mediakit.options import BuildOptions
from mediakit.output import (
    default_pdf_name,
    email_pdf_name,
    publish,
    read_build_notes,
    read_manifest,
    reuse_unchanged,
    staging_folder,
)
from mediakit.render.context import RenderContext
from mediakit.render.fingerprint import pdf_fingerprint
from mediakit.render.pdf_metadata import PdfMetadata
from mediakit.render.prepare import prepare_render, with_share_images
from mediakit.render.site_files import write_site_files


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    files: list[str]
    pdf: Path | None  # the PDF the site links
    warnings: list[Problem]
    # With `rates.public: false`, the site's PDF says "on request": this one,
    # outside the site folder, carries the prices for emailing to brands.
    email_pdf: Path | None = None
    # What a roster's card shows: the kit as built (overrides applied), its
    # figures and its published photo.
    kit: Kit | None = None
    stats: KitStats | None = None
    photo: PublishedImage | None = None


def build_kit(
    kit_path: Path, out_dir: Path | None = None, options: BuildOptions | None = None
) -> BuildResult:
    """Build the site (and the PDF) of `kit_path` into `out_dir` (default: site/ beside it)."""
    options = options or BuildOptions()
    checked = check_kit(kit_path, today=options.today)
    if options.strict and checked.warnings:
        raise KitError(checked.warnings)
    kit = options.applied_to(checked.kit)
    out_dir = out_dir or kit_path.parent / "site"
    pdf_name = kit.site.pdf_name or default_pdf_name(kit.creator.name)
    # With private rates, nothing under the site folder carries a price.
    prices_public = kit.rates is None or kit.rates.public
    email_pdf = None
    if options.pdf and options.email_pdf_dir is not None and not prices_public:
        email_pdf = options.email_pdf_dir / email_pdf_name(
            pdf_name, checked.kit.locale, options.locale
        )
    with staging_folder(out_dir) as staging, ExitStack() as later:
        # The site's image sizes are encoded while the PDF is laid out.
        context = prepare_render(
            checked.document, kit, checked.stats, staging, options, web_images_later=options.pdf
        )
        # However the build ends, nothing still writes into `staging` when it goes.
        later.callback(context.images.wait)
        context = with_share_images(context)
        linked_pdf = pdf_name if options.pdf or options.keep_pdf else None
        site_view = context.view("site", linked_pdf, prices=prices_public)
        for page in ("index.html", "404.html"):
            (staging / page).write_text(context.site_page(page, site_view), encoding="utf-8")
        write_site_files(kit, checked.stats, staging)
        notes: dict[str, str] = {}
        if options.pdf:
            notes |= lay_out_pdf(
                context,
                out_dir / pdf_name,
                staging,
                prices=prices_public,
                print_html=options.print_html,
            )
        elif options.keep_pdf and pdf_name in (previous := read_build_notes(out_dir)):
            notes[pdf_name] = previous[pdf_name]
        if email_pdf is not None:
            # Laid out while the site's assets are in `staging`, and moved into
            # place after the site: a failure before then leaves both as they were.
            email_staging = later.enter_context(staging_folder(email_pdf.parent))
            email_notes = lay_out_pdf(context, email_pdf, email_staging, prices=True)
        # The print stylesheets served the PDF; the site does not need them,
        # unless the print HTML written beside it is to be opened in a browser.
        for name in context.theme.print_only_stylesheets if not options.print_html else ():
            (staging / "assets" / name).unlink(missing_ok=True)
        kept = {pdf_name} if options.keep_pdf and not options.pdf else set()
        context.images.wait()
        written = publish(staging, out_dir, keep=kept, notes=notes)
        if email_pdf is not None:
            # pitches/ is shared: another language's PDF there stays.
            others = frozenset(read_manifest(email_pdf.parent))
            publish(email_staging, email_pdf.parent, keep=others, notes=email_notes)
    site_pdf = out_dir / pdf_name if options.pdf else None
    return BuildResult(
        out_dir,
        written,
        site_pdf,
        checked.warnings,
        email_pdf,
        kit=context.kit,
        stats=checked.stats,
        photo=context.images.photo,
    )


def lay_out_pdf(
    context: RenderContext,
    target: Path,
    staging: Path,
    *,
    prices: bool,
    print_html: Path | None = None,
) -> dict[str, str]:
    """The kit's PDF into `staging` under `target`'s name, or the one already at
    `target` when nothing that feeds it changed; returns its manifest note.

    With `print_html`, the HTML the PDF is laid out from is written there too,
    set in the density the PDF kept; the PDF is then laid out even if unchanged,
    since only laying it out tells which density that is."""
    view = context.view("print", None, prices=prices)
    html = context.print_page(view)
    metadata = PdfMetadata.of(view)
    fingerprint = pdf_fingerprint(html, metadata, context.staging)
    if print_html is not None or not reuse_unchanged(
        target.parent, target.name, fingerprint, staging
    ):
        # WeasyPrint takes half a second to import: only what makes a PDF pays for it.
        from mediakit.render.pdf import with_density, write_kit_pdf

        density = write_kit_pdf(
            html, context.staging, staging / target.name, metadata, view.site_url
        )
        if print_html is not None:
            write_print_html(with_density(html, density), print_html, target.parent)
    return {target.name: fingerprint}


def write_print_html(html: str, file: Path, site: Path) -> None:
    """The print page as the PDF engine gets it, with one `<base>` added so that a
    browser (or the bare engine) finds its images and stylesheets in `site`."""
    base = f'<base href="{site.absolute().as_uri()}/">'
    with_base = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n" + base, html, count=1)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(with_base, encoding="utf-8")
    except OSError as error:
        raise KitError([Problem(f"cannot write the print HTML: {error.strerror}.", file)]) from None
