"""Start-up: `mediakit --help` and `mediakit validate` on the sample kit.

Goals: `--help` under 0.3 s, `validate` under 0.25 s; both paths must stay
free of heavy imports (find what is slow with `python -X importtime -m mediakit
validate KIT`).
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
    goals = {"`mediakit --help`": "< 300 ms", "`mediakit validate` (Maya)": "< 250 ms"}
    return [
        Row(f"start-up, {name}", seconds(statistics.median(t)), goal=goals[name])
        for name, t in times.items()
    ]
