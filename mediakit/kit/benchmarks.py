"""The benchmarks engagement is compared with: the shipped file, or a kit's own.

Read and validated like a kit (every problem located), and the shipped file
read once per process, however often `serve` rebuilds.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mediakit.kit.load import load_yaml
from mediakit.kit.validate import validate_document
from mediakit.model.benchmark import Benchmark, BenchmarkFile

SHIPPED_BENCHMARKS = Path(__file__).resolve().parent.parent / "data" / "benchmarks.yaml"


def load_benchmarks(path: Path) -> tuple[Benchmark, ...]:
    """A benchmarks file, validated like a kit: every problem located."""
    return tuple(validate_document(load_yaml(path), BenchmarkFile).benchmarks)


@cache  # package data: read once per process
def shipped_benchmarks() -> tuple[Benchmark, ...]:
    return load_benchmarks(SHIPPED_BENCHMARKS)
