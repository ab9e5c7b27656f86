"""`mediakit roster`: every kit of a folder built at once, and a site that lists them.

The stages: find the kits (each `mediakit.yaml` one folder down) and name
their folders in the output; build each changed kit as one independent job
on the executor (mediakit/executors.py), exactly as `mediakit build` would;
note what each build was made from; write the roster's pages and
`roster.json` from those notes.

A job carries its inputs and returns its outcome: a worker on another machine
needs only the roster folder on a shared path. One kit's error is reported
with its place in the file and stops nothing else; that kit keeps the site
(and card) of its last good build.

Unchanged kits are not rebuilt: each build's note keeps a digest of every
file in the kit's folder, of mediakit's version and of the options, and a kit
whose digest is the same, and whose built files are still as written, is
left as it is. With `--shard I/N` a run builds one part of the roster and
writes its notes only; `--site-only` then writes the roster's pages from the
notes of every part (the GitHub Actions recipe in the README).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from mediakit import __version__
from mediakit.build import build_kit
from mediakit.errors import KitError, Problem
from mediakit.executors import job_executor
from mediakit.kit.roster_folder import KIT_FILE, RosterKit, find_kits
from mediakit.options import BuildOptions
from mediakit.output import (
    is_unchanged_since_published,
    publish,
    read_manifest,
    staging_folder,
)
from mediakit.render.roster_site import write_roster_site
from mediakit.view.roster_view import RosterEntry, roster_entry

NOTES_FOLDER = ".mediakit-roster"
# Folders beside a kit that its build writes, not reads: never part of its inputs.
OUTPUT_FOLDERS = frozenset({"site", "pitches"})

Status = Literal["built", "unchanged", "failed"]
T = TypeVar("T")


@dataclass(frozen=True)
class Shard:
    """Part `index` of `count` (1-based): kits number index, index + count, ..."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """`2/8` -> Shard(2, 8), or a ValueError that says what is expected."""
        index, slash, count = text.partition("/")
        try:
            shard = cls(int(index), int(count))
        except ValueError:
            shard = None
        if not slash or shard is None or not 1 <= shard.index <= shard.count:
            raise ValueError(f'"{text}" is not a part such as 1/4 (part 1 of 4)')
        return shard

    def of(self, kits: Sequence[T]) -> list[T]:
        return list(kits[self.index - 1 :: self.count])


# One kit's job: runs on a worker ------------------------------------------


@dataclass(frozen=True)
class BuildJob:
    kit: RosterKit
    out_dir: Path  # the kit's folder in the roster site
    options: BuildOptions
    built_from: str | None  # the inputs' digest noted at its last build


@dataclass(frozen=True)
class BuildOutcome:
    kit: RosterKit
    status: Status
    inputs: str
    entry: RosterEntry | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def run_build_job(job: BuildJob) -> BuildOutcome:
    """Build one kit of the roster, unless nothing it is made from has changed."""
    try:
        inputs = input_digest(job.kit.path.parent, job.options)
    except OSError:
        inputs = ""  # a file that cannot be read: the build says which, and where
    if inputs and job.built_from == inputs and _still_as_built(job.out_dir):
        return BuildOutcome(job.kit, "unchanged", inputs)
    try:
        result = build_kit(job.kit.path, job.out_dir, job.options)
    except KitError as error:
        return BuildOutcome(job.kit, "failed", inputs, problems=error.problems)
    except Exception as error:  # a bug in mediakit: reported, and the other kits go on
        message = (
            f"mediakit failed on this kit ({type(error).__name__}: {error}); please report it."
        )
        return BuildOutcome(job.kit, "failed", inputs, problems=[Problem(message, job.kit.path)])
    assert result.kit is not None and result.stats is not None
    entry = roster_entry(job.kit.slug, result.kit, result.stats, result.photo)
    return BuildOutcome(job.kit, "built", inputs, entry, warnings=result.warnings)


def input_digest(kit_folder: Path, options: BuildOptions) -> str:
    """Everything a kit's build reads: the files of its folder (not the ones its
    builds write there, nor hidden ones), mediakit's version and the options."""
    digest = hashlib.sha256()
    # Not the day (a kit unchanged since yesterday keeps yesterday's pages), nor
    # where the private PDF goes (the same folder, seen from another machine).
    settings = dataclasses.asdict(options) | {
        "today": None,
        "email_pdf_dir": None,
        "version": __version__,
    }
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    for path in sorted(_input_files(kit_folder)):
        relative = path.relative_to(kit_folder).as_posix()
        digest.update(relative.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _input_files(kit_folder: Path) -> list[Path]:
    found = []
    for root, folders, files in os.walk(kit_folder):
        top = Path(root) == kit_folder
        folders[:] = [
            name
            for name in folders
            if not name.startswith(".") and not (top and name in OUTPUT_FOLDERS)
        ]
        found += [Path(root, name) for name in files if not name.startswith(".")]
    return found


def _still_as_built(out_dir: Path) -> bool:
    """Whether every file the last build wrote is there, unchanged."""
    written = read_manifest(out_dir)
    return bool(written) and all(is_unchanged_since_published(out_dir, name) for name in written)


# The whole roster: runs where the command runs ---------------------------


@dataclass(frozen=True)
class RosterResult:
    out_dir: Path
    outcomes: list[BuildOutcome]
    listed: int  # creators on the roster site (0 when it was not written)
    missing: list[RosterKit] = field(default_factory=list)  # --site-only: never built

    @property
    def ok(self) -> bool:
        return not self.missing and all(o.status != "failed" for o in self.outcomes)

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def build_roster(
    folder: Path,
    out_dir: Path | None = None,
    options: BuildOptions | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    shard: Shard | None = None,
    site_only: bool = False,
    force: bool = False,
    on_done: Callable[[BuildOutcome], None] | None = None,
) -> RosterResult:
    """Build the kits of `folder` into `out_dir` (default: site/ in it) and write the
    roster site; with `shard`, build that part only and leave the site to `site_only`."""
    options = options or BuildOptions()
    out_dir = out_dir or folder / "site"
    kits = find_kits(folder)
    if not kits:
        raise KitError([Problem(f"holds no kit: no subfolder has a {KIT_FILE}.", folder)])
    notes = out_dir / NOTES_FOLDER
    outcomes: list[BuildOutcome] = []
    if not site_only:
        to_build = shard.of(kits) if shard else kits
        jobs = [
            BuildJob(
                kit,
                out_dir / kit.slug,
                _kit_options(options, kit),
                None if force else _noted_inputs(notes, kit),
            )
            for kit in to_build
        ]
        with job_executor(workers, scheduler, jobs=len(jobs)) as executor:
            futures = [executor.submit(run_build_job, job) for job in jobs]
            for future in as_completed(futures):
                outcome = future.result()
                if outcome.status == "built":
                    _write_note(notes, outcome)
                outcomes.append(outcome)
                if on_done:
                    on_done(outcome)
        order = {kit.slug: index for index, kit in enumerate(kits)}
        outcomes.sort(key=lambda outcome: order[outcome.kit.slug])
    if shard is not None:
        return RosterResult(out_dir, outcomes, listed=0)
    entries, missing = [], []
    for kit in kits:
        entry = _read_note(notes, kit).get("entry")
        if isinstance(entry, dict):
            entries.append(RosterEntry.from_json(entry))
        elif site_only:
            missing.append(kit)
    with staging_folder(out_dir) as staging:
        write_roster_site(entries, staging)
        publish(staging, out_dir)
    return RosterResult(out_dir, outcomes, len(entries), missing)


def _kit_options(options: BuildOptions, kit: RosterKit) -> BuildOptions:
    """The roster's options for one kit: its address under the roster's, and the
    PDF with private prices beside the kit, as `mediakit build` puts it."""
    base_url = options.base_url
    if base_url is not None:
        base_url = base_url.rstrip("/") + f"/{kit.slug}/"
    return dataclasses.replace(
        options, base_url=base_url, email_pdf_dir=kit.path.parent / "pitches"
    )


def _note_path(notes: Path, kit: RosterKit) -> Path:
    return notes / f"{kit.slug}.json"


def _read_note(notes: Path, kit: RosterKit) -> dict[str, object]:
    try:
        data = json.loads(_note_path(notes, kit).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    # A note names its kit's folder: a slug taken over by another kit is not its note.
    if not isinstance(data, dict) or data.get("kit") != kit.path.parent.name:
        return {}
    return data


def _noted_inputs(notes: Path, kit: RosterKit) -> str | None:
    inputs = _read_note(notes, kit).get("inputs")
    return inputs if isinstance(inputs, str) else None


def _write_note(notes: Path, outcome: BuildOutcome) -> None:
    assert outcome.entry is not None
    note = {
        "kit": outcome.kit.path.parent.name,
        "inputs": outcome.inputs,
        "entry": outcome.entry.as_json(),
    }
    notes.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=notes, prefix=".tmp-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(note, file, indent=1, ensure_ascii=False)
    os.replace(partial, _note_path(notes, outcome.kit))
