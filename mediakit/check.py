"""The first stages, run together: load and validate the kit, compute its figures,
and note what a brand would question. Every command starts here.

`validate`, `stats` and `audit` stop here, so this module imports nothing of
the rendering path (Jinja, Markdown, the PDF engine) and they start fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mediakit.advice.concerns import kit_warnings
from mediakit.errors import KitError, Problem
from mediakit.kit.benchmarks import load_benchmarks, shipped_benchmarks
from mediakit.kit.load import LoadedYaml, load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.metrics.summary import KitStats, kit_stats
from mediakit.model.kit import Kit


@dataclass(frozen=True)
class CheckedKit:
    document: LoadedYaml
    kit: Kit
    stats: KitStats
    warnings: list[Problem]


def check_kit(kit_path: Path, *, today: dt.date, images: bool = False) -> CheckedKit:
    """Load, validate and compute: what `validate`, `stats`, `audit`, `build`,
    `pitch` and `serve` share.

    With `images` (`mediakit validate`), every image is opened as a build
    would open it, so a file the build would refuse (HEIC, damaged, too many
    pixels) is reported now. A build opens them anyway, and says the same.
    """
    document = load_yaml(kit_path)
    kit = parse_kit(document)
    if images:
        from mediakit.images.kit_images import image_problems  # Pillow only when asked

        if problems := image_problems(document, kit):
            raise KitError(problems)
    benchmarks = load_benchmarks(kit.benchmarks) if kit.benchmarks else shipped_benchmarks()
    stats = kit_stats(kit, benchmarks)
    return CheckedKit(document, kit, stats, kit_warnings(kit, stats, document, today))
