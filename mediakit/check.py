"""Stages 1 to 3: load, validate and compute: what every command shares.

`validate`, `stats` and `audit` stop here, so this module imports nothing of
the rendering path (Jinja, Markdown, the PDF engine) and they start fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mediakit.advice.concerns import kit_warnings
from mediakit.errors import Problem
from mediakit.kit.load import LoadedYaml, load_yaml
from mediakit.kit.validate import parse_kit, validate_document
from mediakit.metrics.summary import KitStats, kit_stats
from mediakit.model.benchmark import Benchmark, BenchmarkFile
from mediakit.model.kit import Kit


@dataclass(frozen=True)
class CheckedKit:
    document: LoadedYaml
    kit: Kit
    stats: KitStats
    warnings: list[Problem]


SHIPPED_BENCHMARKS = Path(__file__).resolve().parent / "data" / "benchmarks.yaml"


def check_kit(kit_path: Path, *, today: dt.date) -> CheckedKit:
    """Load, validate and compute: what `validate`, `stats`, `audit`, `build`,
    `pitch` and `serve` share."""
    document = load_yaml(kit_path)
    kit = parse_kit(document)
    benchmarks = load_benchmarks(kit.benchmarks) if kit.benchmarks else shipped_benchmarks()
    stats = kit_stats(kit, benchmarks)
    return CheckedKit(document, kit, stats, kit_warnings(kit, stats, document, today))


def load_benchmarks(path: Path) -> tuple[Benchmark, ...]:
    """A benchmarks file, validated like a kit: every problem located."""
    return tuple(validate_document(load_yaml(path), BenchmarkFile).benchmarks)


@cache  # package data: read once per process, however often `serve` rebuilds
def shipped_benchmarks() -> tuple[Benchmark, ...]:
    return load_benchmarks(SHIPPED_BENCHMARKS)
