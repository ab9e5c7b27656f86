"""Stages 1 to 3: load, validate and compute: what every command shares.

`validate`, `stats` and `audit` stop here, so this module imports nothing of
the rendering path (Jinja, Markdown, the PDF engine) and they start fast.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from mediakit.errors import KeyPath, KitError, Problem
from mediakit.load import LoadedYaml, load_yaml
from mediakit.metrics.summary import KitStats, kit_stats
from mediakit.model.benchmark import Benchmark, BenchmarkFile
from mediakit.model.kit import Kit
from mediakit.validate import parse_kit, validate_document
from mediakit.warnings import kit_warnings


@dataclass(frozen=True)
class CheckedKit:
    document: LoadedYaml
    kit: Kit
    stats: KitStats
    warnings: list[Problem]


SHIPPED_BENCHMARKS = Path(__file__).resolve().parent / "data" / "benchmarks.yaml"


def check_kit(kit_path: Path, *, today: dt.date, images: bool = False) -> CheckedKit:
    """Load, validate and compute: what `validate`, `stats`, `audit`, `build`,
    `pitch` and `serve` share.

    With `images` (`mediakit validate`), every image is opened as a build
    would open it, so a file the build would refuse (HEIC, damaged, too many
    pixels) is reported now. A build opens them anyway, and says the same.
    """
    document = load_yaml(kit_path)
    kit = parse_kit(document)
    if images and (problems := image_problems(document, kit)):
        raise KitError(problems)
    benchmarks = load_benchmarks(kit.benchmarks) if kit.benchmarks else shipped_benchmarks()
    stats = kit_stats(kit, benchmarks)
    return CheckedKit(document, kit, stats, kit_warnings(kit, stats, document, today))


ImageJob = tuple[Path, Literal["photo", "logo", "still"], KeyPath]


def image_jobs(kit: Kit) -> list[ImageJob]:
    """Every image of the kit, what it is used for, and where the kit names it."""
    jobs: list[ImageJob] = []
    if kit.creator.photo:
        jobs.append((kit.creator.photo, "photo", ("creator", "photo")))
    for index, collab in enumerate(kit.collaborations):
        if collab.logo:
            jobs.append((collab.logo, "logo", ("collaborations", index, "logo")))
        if collab.image:
            jobs.append((collab.image, "still", ("collaborations", index, "image")))
    return jobs


def image_problems(document: LoadedYaml, kit: Kit) -> list[Problem]:
    """What publishing each image would refuse, located where the kit names the image."""
    from mediakit.media import CENTRE, ImageProblem, check_image  # Pillow only when needed

    def check(source: Path, purpose: Literal["photo", "logo", "still"]) -> str | None:
        focus = (kit.creator.photo_focus if purpose == "photo" else None) or CENTRE
        try:
            check_image(source, purpose, focus=focus)
        except ImageProblem as error:
            return f"{source.name} {error}"
        return None

    jobs = image_jobs(kit)
    # Decoded in threads, as the build does: Pillow lets go of the interpreter meanwhile.
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        verdicts = list(pool.map(lambda job: check(job[0], job[1]), jobs))
    return [
        document.problem(loc, verdict)
        for (_, _, loc), verdict in zip(jobs, verdicts, strict=True)
        if verdict is not None
    ]


def load_benchmarks(path: Path) -> tuple[Benchmark, ...]:
    """A benchmarks file, validated like a kit: every problem located."""
    return tuple(validate_document(load_yaml(path), BenchmarkFile).benchmarks)


@cache  # package data: read once per process, however often `serve` rebuilds
def shipped_benchmarks() -> tuple[Benchmark, ...]:
    return load_benchmarks(SHIPPED_BENCHMARKS)
