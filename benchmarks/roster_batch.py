"""A roster of 50 kits in one `mediakit roster` call against 50 `mediakit build` calls.

Run alone: python benchmarks/roster_batch.py [--runs 1] [--kits 50]

The kits come from benchmarks/roster_kits.py (each with a headshot of its
own, so every image is encoded once on each side). Each side starts with an
empty image cache and an empty output folder, as a first build of a roster
does. Also measured: the roster with one worker (the scaling from one worker
to two), and the roster again with nothing changed.

Goal: the one call at most 0.45 of the separate calls' total on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Row
from benchmarks.roster_kits import write_roster

MEDIAKIT = [sys.executable, "-m", "mediakit"]


def timed(command: list[str], cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        env={**os.environ, "MEDIAKIT_CACHE_DIR": str(cache)},
    )
    return time.perf_counter() - start


def compare(runs: int, count: int) -> dict[str, float]:
    """Median seconds of each way of building the roster."""
    times: dict[str, list[float]] = {"roster": [], "one worker": [], "separate": [], "again": []}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        kits = write_roster(work / "kits", count, photos=True)
        for run in range(runs):
            out = work / f"run-{run}"
            roster = [*MEDIAKIT, "roster", str(kits)]
            times["roster"].append(timed([*roster, "-o", str(out / "two")], out / "cache-two"))
            times["again"].append(timed([*roster, "-o", str(out / "two")], out / "cache-two"))
            times["one worker"].append(
                timed([*roster, "--workers", "1", "-o", str(out / "one")], out / "cache-one")
            )
            separate = 0.0
            for kit in sorted(kits.glob("*/mediakit.yaml")):
                target = out / "separate" / kit.parent.name
                build = [*MEDIAKIT, "build", str(kit), "-o", str(target)]
                separate += timed(build, out / "cache-separate")
            times["separate"].append(separate)
    return {name: statistics.median(values) for name, values in times.items()}


def measure(runs: int) -> list[Row]:
    count = 50
    medians = compare(runs, count)
    one_call, separate = medians["roster"], medians["separate"]
    return [
        Row(
            f"roster: {count} kits in one call",
            f"{one_call:.1f} s",
            f"{count} separate `build` calls {separate:.1f} s; ratio {one_call / separate:.2f}",
            f"ratio <= 0.45 on 2 cores ({os.cpu_count()} here)",
        ),
        Row(
            f"roster: {count} kits, 1 worker then 2",
            f"{medians['one worker']:.1f} s, {one_call:.1f} s",
            f"speed-up x{medians['one worker'] / one_call:.2f} for x2 workers",
        ),
        Row(
            f"roster: {count} kits again, nothing changed",
            f"{medians['again']:.2f} s",
            "no kit rebuilt",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--kits", type=int, default=50)
    args = parser.parse_args()
    medians = compare(args.runs, args.kits)
    for name, value in medians.items():
        print(f"{name:12}{value:>9.2f}s")
    print(f"ratio {medians['roster'] / medians['separate']:.2f}   goal <= 0.45")


if __name__ == "__main__":
    main()
