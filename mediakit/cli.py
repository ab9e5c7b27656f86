"""The command line: each command parses its options and calls one function.

Heavy imports (WeasyPrint) happen inside the build path only, so `--help`,
`validate` and `stats` start fast.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mediakit import DISTRIBUTION, __version__
from mediakit.errors import KitError, Problem, echo_problems
from mediakit.options import BuildOptions

if TYPE_CHECKING:
    from mediakit.build import BuildResult

KIT_ARGUMENT = click.argument(
    "kit", type=click.Path(path_type=Path, dir_okay=False), default="mediakit.yaml", required=False
)


def _check_locale(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from babel import Locale, UnknownLocaleError

    if value is None:
        return None
    try:
        Locale.parse(value.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise click.BadParameter(
            f'"{value}" is not a language code such as en, fr, es, de, pt or pt-BR'
        ) from None
    return value


LOCALE_OPTION = click.option(
    "--locale",
    callback=_check_locale,
    help="Language and formats for this output (en, fr, es, de, pt, pt-BR...) instead of the kit's.",
)


def _check_base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from urllib.parse import urlsplit

    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise click.BadParameter(
            f'"{value}" is not a web address such as https://you.github.io/mediakit/'
        )
    return value


BASE_URL_OPTION = click.option(
    "--base-url",
    metavar="URL",
    callback=_check_base_url,
    help="The address the site is served from, for its canonical link, sitemap, link "
    "previews and the PDF's QR code, when the kit's site.base_url does not say "
    "(the kit's wins). The Pages workflow passes the address GitHub gives.",
)

THEME_OPTION = click.option(
    "--theme",
    metavar="NAME",
    help="Use this theme instead of the kit's theme.name (`mediakit themes` lists them).",
)


WORKERS_OPTION = click.option(
    "--workers",
    type=click.IntRange(min=1),
    metavar="N",
    help="Jobs at a time on this machine (default: the CPUs mediakit may use here).",
)
SCHEDULER_OPTION = click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the jobs on a Dask cluster, e.g. tcp://HOST:8786 "
    f'(pip install "{DISTRIBUTION}[dask]" here and on the workers, which must see '
    "the kits at the same path).",
)


def _one_place(workers: int | None, scheduler: str | None) -> None:
    if workers is not None and scheduler is not None:
        raise click.UsageError(
            "--workers is for this machine; with --scheduler the cluster decides."
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="mediakit",
    message=f"%(prog)s %(version)s (pip package {DISTRIBUTION})",
)
def cli() -> None:
    """Turn one YAML file into a media kit: a static site and a PDF.

    Start with `mediakit init`, edit mediakit.yaml, then run `mediakit build`.
    KIT defaults to ./mediakit.yaml in every command.
    """


@cli.command()
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False), default=".", required=False
)
def init(folder: Path) -> None:
    """Create a starter kit in FOLDER (default: here): a commented mediakit.yaml,
    a placeholder photo, a .gitignore, the schema for editor hints and a GitHub
    Pages workflow that publishes the kit."""
    from mediakit.kit.starter import create_starter_kit

    created, skipped = create_starter_kit(folder)
    for name in created:
        click.echo(f"  created {folder / name}")
    for name in skipped:
        click.echo(f"  kept your {folder / name}")
    where = "" if folder == Path() else f" in {folder}"
    click.echo(f"\nNext: edit {folder / 'mediakit.yaml'}, then run `mediakit build`{where}.")


@cli.command()
@KIT_ARGUMENT
@click.option(
    "--strict", is_flag=True, help="Fail (exit 1) on warnings too, such as stale figures."
)
def validate(kit: Path, strict: bool) -> None:
    """Check KIT and report every problem with its line and column, images
    included: each is opened as the build would open it."""
    from mediakit.check import check_kit

    checked = check_kit(kit, today=dt.date.today(), images=True)
    _report_warnings(checked.warnings, strict)
    platforms = len(checked.kit.platforms)
    posts = sum(len(p.posts) for p in checked.kit.platforms)
    click.echo(
        f"{kit} is valid: {platforms} platform{'s' if platforms != 1 else ''}, {posts} posts."
    )


@cli.command()
@KIT_ARGUMENT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the site into (default: site/ beside the kit).",
)
@click.option(
    "--pdf/--no-pdf", default=True, show_default=True, help="Also write the PDF media kit."
)
@click.option("--strict", is_flag=True, help="Do not build when there are warnings.")
@click.option(
    "--print-html",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Also write the HTML the PDF is laid out from to FILE, for working on a "
    "theme's print stylesheet in a browser (it loads its images and stylesheets "
    "from the output folder).",
)
@LOCALE_OPTION
@THEME_OPTION
@BASE_URL_OPTION
def build(
    kit: Path,
    output: Path | None,
    pdf: bool,
    strict: bool,
    print_html: Path | None,
    locale: str | None,
    theme: str | None,
    base_url: str | None,
) -> None:
    """Build the site (index.html) and the PDF from KIT.

    The build is prepared in a temporary folder inside the output folder and
    moved into place only when it succeeds; files in the output folder that
    mediakit did not write are never touched. A build stopped half-way is
    finished by the next one, and a build into a folder another build is
    writing to waits for it. With --locale, one kit gives a French and an
    English version: build each into its own folder with -o.

    With rates.public: false, nothing in the site carries a price (its PDF says
    "on request"), and the PDF with your prices, to attach to emails, is
    written to pitches/ beside the kit.
    """
    from mediakit.build import build_kit

    options = BuildOptions(
        locale=locale,
        theme=theme,
        pdf=pdf,
        strict=strict,
        base_url=base_url,
        email_pdf_dir=kit.parent / "pitches",
        print_html=print_html,
    )
    if print_html is not None and not pdf:
        raise click.UsageError("--print-html writes what the PDF is made from: drop --no-pdf.")
    result = build_kit(kit, output, options)
    _report_warnings(result.warnings, strict=False)
    _report_build(result)


@cli.command()
@KIT_ARGUMENT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to build the site into before publishing it (default: site/ beside the kit).",
)
@click.option(
    "--push/--no-push",
    default=True,
    show_default=True,
    help="Push the gh-pages branch to the remote, or only commit it.",
)
@click.option("--remote", default="origin", show_default=True, help="The git remote to push to.")
@click.option(
    "--branch",
    default="gh-pages",
    show_default=True,
    help="The branch GitHub Pages serves the site from.",
)
@LOCALE_OPTION
@THEME_OPTION
@BASE_URL_OPTION
def deploy(
    kit: Path,
    output: Path | None,
    push: bool,
    remote: str,
    branch: str,
    locale: str | None,
    theme: str | None,
    base_url: str | None,
) -> None:
    """Build KIT and publish the site on GitHub Pages from your own computer.

    The built site becomes one commit on the gh-pages branch of the git
    repository the kit is in (your current branch and files are not touched),
    which is then pushed to GitHub. In the repository on github.com: Settings >
    Pages > Build and deployment > Source: Deploy from a branch, gh-pages.
    (The Pages workflow that `mediakit init` writes does the same on GitHub
    itself, at every push: use one or the other.)
    """
    from mediakit.deploy import deploy_kit

    options = BuildOptions(
        locale=locale, theme=theme, base_url=base_url, email_pdf_dir=kit.parent / "pitches"
    )
    deployed = deploy_kit(kit, output, options, remote=remote, branch=branch, push=push)
    _report_warnings(deployed.build.warnings, strict=False)
    _report_build(deployed.build)
    where = f"pushed to {deployed.pushed_to}" if deployed.pushed_to else "not pushed (--no-push)"
    click.echo(
        f"Committed the site on {deployed.branch} ({deployed.commit[:7]}), {where}.", err=True
    )


@cli.command()
@KIT_ARGUMENT
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve from (0: any free port).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in your browser.")
@LOCALE_OPTION
@THEME_OPTION
def serve(kit: Path, port: int, open_browser: bool, locale: str | None, theme: str | None) -> None:
    """Preview KIT in your browser while you edit it.

    The kit is built into a temporary folder (your site/ folder is not
    touched) and served at http://127.0.0.1:PORT/ (and localhost, only).
    Every time you save the kit, a file it names (a photo, a posts CSV), a
    template or your theme, the open page shows the change in place (keeping
    where you were on it); the PDF follows a few seconds later. A mistake in
    the file is shown in the terminal and on the page; fix it and save
    again. Stop with Ctrl+C.
    """
    import signal
    import tempfile
    import threading
    import webbrowser

    from mediakit.render.themes import unknown_theme
    from mediakit.serve import preview

    if not kit.is_file():
        raise KitError([Problem("was not found; run `mediakit init` to start a kit.", kit)])
    if theme and (problem := unknown_theme(theme)):
        raise KitError(f"--theme: {problem}")

    def stop(signum: int, frame: object) -> None:
        # As Ctrl+C does: the blocks below stop the server and remove the folder.
        raise SystemExit(128 + signum)

    # `kill`, a closed terminal, `docker stop`: each would end the process at
    # once and leave the temporary folder behind.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # Windows has no SIGHUP
            signal.signal(getattr(signal, name), stop)
    with (
        tempfile.TemporaryDirectory(prefix="mediakit-serve-") as folder,
        preview(
            kit,
            Path(folder) / "site",
            port=port,
            options=BuildOptions(locale=locale, theme=theme),
            log=lambda line: click.echo(line, err=True),
        ) as server,
    ):
        click.echo(f"Previewing {kit} at {server.url}  (Ctrl+C to stop)", err=True)
        if open_browser:
            webbrowser.open(server.url)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)


@cli.command()
@KIT_ARGUMENT
@click.option(
    "--json", "as_json", is_flag=True, help="Print the figures as JSON on standard output."
)
@LOCALE_OPTION
def stats(kit: Path, as_json: bool, locale: str | None) -> None:
    """Show the computed figures: followers, tiers, engagement, views, growth."""
    from mediakit.check import check_kit
    from mediakit.metrics.summary import stats_json
    from mediakit.render.stats_table import stats_table

    checked = check_kit(kit, today=dt.date.today())
    _report_warnings(checked.warnings, strict=False)
    if as_json:
        click.echo(json.dumps(stats_json(checked.stats), indent=2))
    else:
        click.echo(stats_table(checked.stats, locale or checked.kit.locale))


@cli.command()
@click.argument(
    "briefs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True)
)
@click.option(
    "--kit",
    type=click.Path(path_type=Path, dir_okay=False),
    default="mediakit.yaml",
    show_default=True,
    help="The kit to pitch with.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the pitches (default: pitches/ beside the kit), one folder per brand.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the fit as JSON on standard output: an object for one brief, a list for several.",
)
@WORKERS_OPTION
@SCHEDULER_OPTION
@LOCALE_OPTION
@THEME_OPTION
def pitch(
    briefs: tuple[Path, ...],
    kit: Path,
    output: Path | None,
    as_json: bool,
    workers: int | None,
    scheduler: str | None,
    locale: str | None,
    theme: str | None,
) -> None:
    """Tailor the kit to each brand BRIEF: a PDF prepared for the brand, email.txt
    (a short pitch to send with it) and fit.json (how much of your audience the
    brand wants to reach), in a folder named after the brand (pitches/acme-flour-co/).
    A file there that you changed (an edited email.txt) is never overwritten:
    that brand's pitch stops and says so. Many briefs run in parallel; one that
    fails does not stop the others, and the exit status is 1 if any failed."""
    from mediakit.pitch import PitchResult, pitch_briefs

    _one_place(workers, scheduler)
    with click.progressbar(range(len(briefs)), label="Pitching", file=sys.stderr) as bar:

        def done(result: PitchResult) -> None:
            bar.update(1)

        options = BuildOptions(locale=locale, theme=theme)
        results = pitch_briefs(
            kit, briefs, output, options, workers=workers, scheduler=scheduler, on_done=done
        )
    for result in results:
        if result.ok:
            click.echo(f"Wrote {result.folder}", err=True)
        else:
            echo_problems(result.problems)
    if as_json:
        fits = [result.fit for result in results if result.fit is not None]
        click.echo(
            json.dumps(
                fits[0] if len(results) == 1 and fits else fits, indent=2, ensure_ascii=False
            )
        )
    if not all(result.ok for result in results):
        raise SystemExit(1)


def _check_shard(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    from mediakit.roster import Shard

    if value is None:
        return None
    try:
        return Shard.parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the roster site (default: site/ in FOLDER), one folder per creator.",
)
@WORKERS_OPTION
@SCHEDULER_OPTION
@click.option(
    "--shard",
    metavar="I/N",
    callback=_check_shard,
    help="Build part I of N of the kits only, and not the roster's pages: for "
    "spreading a large roster over several machines; then --site-only.",
)
@click.option(
    "--site-only",
    is_flag=True,
    help="Build nothing: write the roster's pages from what the parts (--shard) built into -o.",
)
@click.option("--force", is_flag=True, help="Build every kit again, changed or not.")
@click.option(
    "--pdf/--no-pdf", default=True, show_default=True, help="Also write each creator's PDF."
)
@THEME_OPTION
@BASE_URL_OPTION
def roster(
    folder: Path,
    output: Path | None,
    workers: int | None,
    scheduler: str | None,
    shard: object,
    site_only: bool,
    force: bool,
    pdf: bool,
    theme: str | None,
    base_url: str | None,
) -> None:
    """Build every kit in FOLDER (each mediakit.yaml in a subfolder) and a roster
    site listing them: OUTPUT/<creator>/ holds each kit's site and PDF, exactly as
    `mediakit build` makes them, OUTPUT/index.html the roster (one card per creator,
    filtered by niche, platform or country, sorted by audience or engagement) and
    OUTPUT/roster.json the same data.

    Kits are built in parallel; one with an error is reported and keeps its last
    good site, the others go on, and the exit status is 1 if any failed. Kits
    whose files have not changed since their last build are not built again.
    With --base-url, each kit's address is that address followed by its folder.
    """
    from mediakit.render.themes import unknown_theme
    from mediakit.roster import BuildOutcome, Shard, build_roster

    _one_place(workers, scheduler)
    if site_only and shard is not None:
        raise click.UsageError("--site-only writes the pages of every part: drop --shard.")
    if theme and (problem := unknown_theme(theme)):
        raise KitError(f"--theme: {problem}")
    assert shard is None or isinstance(shard, Shard)
    options = BuildOptions(theme=theme, pdf=pdf, base_url=base_url)

    def done(outcome: BuildOutcome) -> None:
        if outcome.status == "failed":
            echo_problems(outcome.problems)
        else:
            echo_problems(outcome.warnings)
            click.echo(f"  {outcome.status:<9} {outcome.kit.path.parent.name}", err=True)

    result = build_roster(
        folder,
        output,
        options,
        workers=workers,
        scheduler=scheduler,
        shard=shard,
        site_only=site_only,
        force=force,
        on_done=done,
    )
    for kit in result.missing:
        click.echo(
            f"{kit.path}  was built by no part (--shard) into {result.out_dir}; "
            "its card is left out.",
            err=True,
        )
    counts = ", ".join(
        f"{result.count(status)} {status}"
        for status in ("built", "unchanged", "failed")
        if result.count(status)
    )
    if counts:
        click.echo(f"Kits: {counts}.", err=True)
    if shard is None:
        click.echo(f"Wrote {result.out_dir / 'index.html'} ({result.listed} creators).", err=True)
    if not result.ok:
        raise SystemExit(1)


@cli.command()
@click.argument("brief", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--roster",
    "roster_folder",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    required=True,
    help="The folder of kits (each mediakit.yaml in a subfolder).",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Pitch this many of the best-ranked creators (0: rank only).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the shortlist and the pitches (default: BRIEF's name + -shortlist, beside it).",
)
@WORKERS_OPTION
@SCHEDULER_OPTION
def shortlist(
    brief: Path,
    roster_folder: Path,
    top: int,
    output: Path | None,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Rank every creator of a roster against a brand's BRIEF and pitch the best.

    Each creator is scored with the fit formulas of `mediakit pitch`: the share
    of the audience the brief targets, on-target views per post (the ranking)
    and the cost per 1,000 on-target views of the cheapest package with a price.
    Writes shortlist.csv, shortlist.html (the ranking with its working) and, for
    the top creators, a tailored PDF, email.txt and fit.json in pitches/. Creators
    whose figures cannot answer the brief are listed apart, never ranked as zero.
    """
    from mediakit.shortlist import ScoreOutcome, shortlist_roster

    _one_place(workers, scheduler)

    def failed(outcome: ScoreOutcome) -> None:
        echo_problems(outcome.problems)

    result = shortlist_roster(
        brief,
        roster_folder,
        output,
        BuildOptions(),
        top=top,
        workers=workers,
        scheduler=scheduler,
        on_failed=failed,
    )
    for pitched in result.pitches.values():
        if not pitched.ok:
            echo_problems(pitched.problems)
    click.echo(
        f"Ranked {len(result.ranked)} creators, listed {len(result.apart)} apart"
        + (f", {len(result.failed)} kits with errors" if result.failed else "")
        + f"; pitched {sum(r.ok for r in result.pitches.values())}.",
        err=True,
    )
    click.echo(f"Wrote {result.out_dir / 'shortlist.html'} and shortlist.csv", err=True)
    if not result.ok:
        raise SystemExit(1)


@cli.command()
@KIT_ARGUMENT
@click.option("--strict", is_flag=True, help="Exit 1 when anything is found.")
def audit(kit: Path, strict: bool) -> None:
    """Check KIT as a brand manager would: stale figures, suspicious follower jumps,
    too many sponsored posts, figures typed by hand that an export could bring in,
    missing audience, terms or results. Advice only: the
    build never depends on it."""
    from mediakit.advice.audit import audit_kit
    from mediakit.check import check_kit

    checked = check_kit(kit, today=dt.date.today())
    findings = audit_kit(checked.kit, checked.stats, dt.date.today(), document=checked.document)
    for finding in findings:
        where = checked.document.position(finding.loc)
        location = f"{kit}:{where[0]}" if where else str(kit)
        click.echo(f"[{finding.severity}] {finding.title}\n    {location}\n    Fix: {finding.fix}")
    if not findings:
        click.echo(f"{kit}: nothing a brand would question.")
    else:
        high = sum(f.severity == "high" for f in findings)
        click.echo(f"\n{len(findings)} finding{'s' if len(findings) != 1 else ''} ({high} high).")
    if strict and findings:
        raise SystemExit(1)


@cli.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--kit",
    type=click.Path(path_type=Path, dir_okay=False),
    default="mediakit.yaml",
    show_default=True,
    help="The kit to bring the figures into.",
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
def import_(sources: tuple[Path, ...], kit: Path, dry_run: bool) -> None:
    """Bring in your numbers from the analytics files the platforms let you download:
    Meta Business Suite posts (CSV), TikTok Studio (zip of CSV files), YouTube Studio
    (Export current view: folder or zip), Instagram's Download your information (JSON)
    and Substack's posts.csv. Each SOURCE is a file, a folder or a zip, as the platform
    gives it; the format is recognised from the content.

    Posts go into a posts CSV file beside the kit (matched by link or ID, so importing
    twice adds nothing; no post is ever deleted); followers, history and audience into
    the kit, whose comments and layout are kept. Files are written only when the whole
    import succeeds."""
    from mediakit.kit.imports.run import import_exports
    from mediakit.kit.imports.summary import summary_lines

    report = import_exports(kit, list(sources), dry_run=dry_run, today=dt.date.today())
    for line in summary_lines(report, kit, dry_run=dry_run):
        click.echo(line)


@cli.command()
def themes() -> None:
    """List the themes: built in, and installed with pip (entry points in the
    mediakit.themes group). A kit picks one with theme.name; --theme overrides it."""
    from mediakit.render.themes import UnusableTheme, discover_themes

    found = discover_themes()
    problems: list[Problem] = []
    notes = list(found.notes)
    width = max(map(len, found.names), default=0)
    for name in found.names:
        try:
            theme = found.locate(name)
        except UnusableTheme as error:  # a broken install: the others are still listed
            notes.append(error.problems[0].message)
            continue
        try:
            settings = theme.settings
        except KitError as error:
            problems += error.problems
            continue
        origin = theme.origin + (f", extends {settings.extends}" if settings.extends else "")
        click.echo(f"{name:<{width}}  {settings.description}  ({origin})")
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if problems:
        raise KitError(problems)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of mediakit.yaml (for editor autocompletion)."""
    from mediakit.kit.schema import kit_schema_text

    click.echo(kit_schema_text(), nl=False)


def _report_build(result: BuildResult) -> None:
    click.echo(f"Built {result.out_dir / 'index.html'}", err=True)
    if result.email_pdf:
        click.echo(f"Built {result.pdf}  (for the site: rates on request)", err=True)
        click.echo(
            f"Built {result.email_pdf}  (with your prices: attach this one to emails)", err=True
        )
    elif result.pdf:
        click.echo(f"Built {result.pdf}", err=True)


def _report_warnings(warnings: list[Problem], strict: bool) -> None:
    if not warnings:
        return
    if strict:
        raise KitError([*warnings])
    echo_problems(warnings)


def main() -> None:
    cli(prog_name="mediakit")
