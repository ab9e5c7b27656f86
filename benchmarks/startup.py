"""Start-up: `mediakit --help` and `mediakit validate` on the sample kit.

Goal: under 0.3 s each; both paths must stay free of heavy imports.
"""

from __future__ import annotations

import statistics
import sys

from benchmarks.common import SAMPLES, Row, seconds, wall_time

MEDIAKIT = [sys.executable, "-m", "mediakit"]


def measure(runs: int) -> list[Row]:
    commands = {
        "`mediakit --help`": [*MEDIAKIT, "--help"],
        "`mediakit validate` (Maya)": [*MEDIAKIT, "validate", str(SAMPLES[0])],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(runs, 5)):
        for name, command in commands.items():  # alternating: both see the same noise
            times[name].append(wall_time(command))
    return [
        Row(f"start-up, {name}", seconds(statistics.median(t)), goal="< 300 ms")
        for name, t in times.items()
    ]
