"""`mediakit pitch`: from brand briefs to tailored kits, emails and fit figures.

Each brand gets a folder of its own, named after the brand (`Acme Flour
Co.` -> `pitches/acme-flour-co/`, whatever the brief's file is called or
the order it is given in), with a tailored PDF, `email.txt` and `fit.json`,
written atomically like a build. A file there that the creator changed since
the tool wrote it (a hand-edited email) is never overwritten: that brand's
pitch stops and says so. Many briefs share the work as independent jobs on
the executor `roster` and `shortlist` use (a process pool across the CPUs
this process may use, or a Dask cluster); the kit is checked once, and each
job carries it. One brief's error is reported without stopping the others.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediakit.check import CheckedKit, check_kit
from mediakit.errors import KitError, Problem
from mediakit.executors import job_executor
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import validate_document
from mediakit.model.brief import Brief
from mediakit.options import BuildOptions
from mediakit.output import brand_folder, default_pdf_name, publish, staging_folder
from mediakit.render.pdf_metadata import PdfMetadata
from mediakit.render.pitch_email import pitch_email
from mediakit.render.prepare import prepare_render
from mediakit.render.themes import unknown_theme
from mediakit.view.formatting import Formatter
from mediakit.view.pitch_view import fit_json, pitch_facts, tailor


@dataclass(frozen=True)
class PitchResult:
    brief: Path
    folder: Path | None = None
    fit: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def pitch_briefs(
    kit_path: Path,
    briefs: Sequence[Path],
    out_dir: Path | None = None,
    options: BuildOptions | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    on_done: Callable[[PitchResult], None] | None = None,
) -> list[PitchResult]:
    """Pitch every brief; results come back in the briefs' order.

    Of `options`, pitches use the locale, the theme and the date."""
    options = options or BuildOptions()
    # Once: a broken kit stops everything before any work.
    checked = check_kit(kit_path, today=options.today)
    if options.theme and (unknown := unknown_theme(options.theme)):
        raise KitError(f"--theme: {unknown}")
    out_dir = out_dir or kit_path.parent / "pitches"
    # A brief named twice (overlapping shell patterns) is pitched once.
    unique = {brief.resolve(): brief for brief in reversed(briefs)}
    briefs = [brief for brief in briefs if unique.get(brief.resolve()) is brief]
    results: dict[Path, PitchResult] = {}
    loaded: dict[Path, Brief] = {}
    for path in briefs:
        try:
            loaded[path] = validate_document(load_yaml(path), Brief)
        except KitError as error:
            results[path] = PitchResult(path, problems=error.problems)
    for path, problem in _shared_folders(loaded).items():
        results[path] = PitchResult(path, problems=[problem])
        del loaded[path]
    if on_done:
        for result in results.values():
            on_done(result)
    # Each job carries the checked kit: a worker (here, in a pool or on a Dask
    # cluster) needs nothing else, and imports WeasyPrint once for all its jobs.
    jobs = [
        (checked, path, brief, out_dir / brand_folder(brief.brand), options)
        for path, brief in loaded.items()
    ]
    with job_executor(workers, scheduler, jobs=len(jobs)) as executor:
        futures = [executor.submit(_pitch_job, *job) for job in jobs]
        for future in as_completed(futures):
            result = future.result()
            results[result.brief] = result
            if on_done:
                on_done(result)
    return [results[brief] for brief in briefs]


def _shared_folders(briefs: dict[Path, Brief]) -> dict[Path, Problem]:
    """The briefs that would share one brand's folder in this run, each with a problem
    naming the others: which one's pitch to keep is the creator's choice, not the
    order of the arguments."""
    by_folder: dict[str, list[Path]] = {}
    for path, brief in briefs.items():
        by_folder.setdefault(brand_folder(brief.brand), []).append(path)
    problems = {}
    for folder, paths in by_folder.items():
        for path in paths if len(paths) > 1 else []:
            others = ", ".join(str(other) for other in paths if other != path)
            problems[path] = Problem(
                f"is for the same brand as {others}: each brand has one folder "
                f"(pitches/{folder}/), so pitch one of them at a time, or tell them apart "
                "in `brand:`.",
                path,
            )
    return problems


def _pitch_job(
    checked: CheckedKit, brief_path: Path, brief: Brief, folder: Path, options: BuildOptions
) -> PitchResult:
    try:
        return pitch_one(checked, brief, brief_path, folder, options)
    except KitError as error:
        return PitchResult(brief_path, problems=error.problems)


def pitch_one(
    checked: CheckedKit,
    brief: Brief,
    brief_path: Path,
    folder: Path,
    options: BuildOptions,
) -> PitchResult:
    """The tailored PDF, `email.txt` and `fit.json` for one brief, into `folder`."""
    kit = options.applied_to(checked.kit)
    fmt = Formatter.for_tag(kit.locale)
    facts = pitch_facts(kit, checked.stats, brief)
    pdf_name = kit.site.pdf_name or default_pdf_name(kit.creator.name)
    with staging_folder(folder) as staging:
        context = prepare_render(checked.document, kit, checked.stats, staging, options)
        # A pitch's PDF goes to one brand: it carries the prices, private or not.
        view = tailor(context.view("print", None, prices=True), kit, brief, facts, fmt)
        # WeasyPrint is imported on the first job of each worker only.
        from mediakit.render.pdf import write_kit_pdf

        html = context.print_page(view)
        write_kit_pdf(html, staging, staging / pdf_name, PdfMetadata.of(view), view.site_url)
        (staging / "email.txt").write_text(
            pitch_email(kit, checked.stats, brief, facts, pdf_name, fmt), encoding="utf-8"
        )
        fit = fit_json(brief, facts)
        (staging / "fit.json").write_text(
            json.dumps(fit, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        # Only the three files a creator sends or reads; images live inside the PDF.
        for path in sorted(staging.iterdir()):
            if path.name not in (pdf_name, "email.txt", "fit.json"):
                _remove(path)
        # A creator edits email.txt before sending it: their version stays.
        publish(staging, folder, keep_changes=True)
    return PitchResult(brief_path, folder, fit)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
