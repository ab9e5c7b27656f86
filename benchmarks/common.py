"""What every benchmark shares: paths, a result row, and running a child Python.

Timings run in child processes so that each side of a comparison starts from
the same state (nothing imported, nothing cached) and its peak memory is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_data").glob("*/mediakit.yaml"))
# Builds in the benchmarks use a fixed date, as the tests do.
TODAY = "2026-11-20"


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    measure: str
    value: str
    compared: str = ""
    goal: str = ""


def child(code: str, *, env: dict[str, str] | None = None, timeout: float = 900) -> Any:
    """Run `code` in a fresh Python; it must print one JSON value on its last line."""
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=timeout,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
