"""`mediakit shortlist` of 1,000 kits, ranked without pitching (no PDF laid out).

Run alone: python benchmarks/shortlist_batch.py [--runs 3]

The kits come from benchmarks/roster_kits.py (varied shapes, a quarter with
no audience data). Measured with the default workers and with one, for the
scaling. Goal: under 30 s on 2 cores.
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

COUNT = 1000


def compare(runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        kits = write_roster(work / "kits", COUNT)
        command = [sys.executable, "-m", "mediakit", "shortlist", str(work / "brief.yaml")]
        command += ["--roster", str(kits), "--top", "0"]
        default: list[float] = []
        one: list[float] = []
        for run in range(runs):
            for workers, times in ((None, default), (1, one)):
                start = time.perf_counter()
                extra = ["--workers", str(workers)] if workers else []
                out = work / f"out-{run}-{workers}"
                subprocess.run([*command, *extra, "-o", str(out)], check=True, capture_output=True)
                times.append(time.perf_counter() - start)
    return statistics.median(default), statistics.median(one)


def measure(runs: int) -> list[Row]:
    default, one = compare(runs)
    return [
        Row(
            f"shortlist: {COUNT} kits, no PDF",
            f"{default:.1f} s",
            f"1 worker {one:.1f} s; speed-up x{one / default:.2f}",
            f"< 30 s on 2 cores ({os.cpu_count()} here)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    default, one = compare(args.runs)
    print(f"shortlist of {COUNT} kits: {default:.2f} s ({one:.2f} s with one worker)")


if __name__ == "__main__":
    main()
