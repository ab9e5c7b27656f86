"""`mediakit shortlist`: a roster ranked against one brand's brief, and its best pitched.

The stages: read the brief (a broken brief stops everything); score every kit
of the roster with the fit formulas (metrics/shortlist.py), in batches of
kits, as independent jobs on the executor; rank them, listing apart those
whose figures cannot answer the brief; write `shortlist.csv` and
`shortlist.html`; pitch the top K (a tailored PDF, `email.txt` and
`fit.json` each, as `mediakit pitch` writes them) as more jobs on the same
executor. One kit's error is reported and leaves it out; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from mediakit.check import check_kit
from mediakit.errors import KitError, Problem
from mediakit.executors import job_executor, usable_cpus
from mediakit.kit.load import load_yaml
from mediakit.kit.roster_folder import RosterKit, find_kits
from mediakit.kit.validate import validate_document
from mediakit.metrics.shortlist import ranking_key, score_creator
from mediakit.model.brief import Brief
from mediakit.options import BuildOptions
from mediakit.output import publish, staging_folder
from mediakit.pitch import PitchResult, pitch_one
from mediakit.render.shortlist_page import write_shortlist
from mediakit.view.formatting import Formatter
from mediakit.view.shortlist_view import ScoredCreator, shortlist_rows

# Scoring one kit takes milliseconds: jobs carry several, so that sending them
# costs less than the work they carry, yet enough jobs remain to share it out.
MAX_KITS_PER_JOB = 25


@dataclass(frozen=True)
class ScoreJob:
    kits: tuple[RosterKit, ...]
    brief: Brief
    options: BuildOptions


@dataclass(frozen=True)
class ScoreOutcome:
    kit: RosterKit
    scored: ScoredCreator | None = None
    problems: list[Problem] = field(default_factory=list)


def run_score_job(job: ScoreJob) -> list[ScoreOutcome]:
    outcomes = []
    for kit in job.kits:
        try:
            checked = check_kit(kit.path, today=job.options.today)
        except KitError as error:
            outcomes.append(ScoreOutcome(kit, problems=error.problems))
            continue
        score = score_creator(job.options.applied_to(checked.kit), checked.stats, job.brief)
        outcomes.append(ScoreOutcome(kit, ScoredCreator(kit.slug, str(kit.path), score)))
    return outcomes


@dataclass(frozen=True)
class PitchJob:
    kit: RosterKit
    brief_path: Path
    folder: Path
    options: BuildOptions


def run_pitch_job(job: PitchJob) -> PitchResult:
    """One creator's pitch to the brand, on a worker: the kit and the brief read there."""
    try:
        checked = check_kit(job.kit.path, today=job.options.today)
        brief = validate_document(load_yaml(job.brief_path), Brief)
        return pitch_one(checked, brief, job.brief_path, job.folder, job.options)
    except KitError as error:
        return PitchResult(job.brief_path, problems=error.problems)


@dataclass(frozen=True)
class ShortlistResult:
    out_dir: Path
    ranked: list[ScoredCreator]
    apart: list[ScoredCreator]
    failed: list[ScoreOutcome]
    pitches: dict[str, PitchResult]  # by the kit's folder

    @property
    def ok(self) -> bool:
        return not self.failed and all(result.ok for result in self.pitches.values())


def shortlist_roster(
    brief_path: Path,
    roster: Path,
    out_dir: Path | None = None,
    options: BuildOptions | None = None,
    *,
    top: int = 10,
    workers: int | None = None,
    scheduler: str | None = None,
    on_failed: Callable[[ScoreOutcome], None] | None = None,
) -> ShortlistResult:
    """Rank the kits of `roster` for the brief and pitch the `top` of them into `out_dir`
    (default: <brief>-shortlist/ beside the brief)."""
    options = options or BuildOptions()
    brief = validate_document(load_yaml(brief_path), Brief)
    kits = find_kits(roster)
    if not kits:
        raise KitError([Problem("holds no kit: no subfolder has a mediakit.yaml.", roster)])
    out_dir = out_dir or brief_path.parent / f"{brief_path.stem}-shortlist"
    with job_executor(workers, scheduler) as executor:
        outcomes = _score(executor, kits, brief, options, workers, on_failed)
        scored = [outcome.scored for outcome in outcomes if outcome.scored is not None]
        ranked = sorted((s for s in scored if s.score.ranked), key=lambda s: ranking_key(s.score))
        apart = sorted((s for s in scored if not s.score.ranked), key=lambda s: s.score.name)
        by_folder = {kit.slug: kit for kit in kits}
        jobs = [
            PitchJob(by_folder[item.folder], brief_path, out_dir / "pitches" / item.folder, options)
            for item in ranked[:top]
        ]
        futures = {executor.submit(run_pitch_job, job): job.kit.slug for job in jobs}
        pitches = {futures[future]: future.result() for future in as_completed(futures)}
    links = {name: f"pitches/{name}/" for name, result in pitches.items() if result.ok}
    rows = shortlist_rows(ranked, apart, brief, links, Formatter.for_tag("en"))
    with staging_folder(out_dir) as staging:
        write_shortlist(rows, brief, staging)
        publish(staging, out_dir)
    failed = [outcome for outcome in outcomes if outcome.problems]
    return ShortlistResult(out_dir, ranked, apart, failed, pitches)


def _score(
    executor: Executor,
    kits: Sequence[RosterKit],
    brief: Brief,
    options: BuildOptions,
    workers: int | None,
    on_failed: Callable[[ScoreOutcome], None] | None,
) -> list[ScoreOutcome]:
    per_job = max(1, min(MAX_KITS_PER_JOB, len(kits) // ((workers or usable_cpus()) * 4)))
    batches = [tuple(kits[i : i + per_job]) for i in range(0, len(kits), per_job)]
    futures = [executor.submit(run_score_job, ScoreJob(batch, brief, options)) for batch in batches]
    outcomes: list[ScoreOutcome] = []
    for future in as_completed(futures):
        for outcome in future.result():
            outcomes.append(outcome)
            if outcome.problems and on_failed:
                on_failed(outcome)
    order = {kit.slug: index for index, kit in enumerate(kits)}
    return sorted(outcomes, key=lambda outcome: order[outcome.kit.slug])
