"""20 briefs in one `mediakit pitch` call against 20 separate calls.

Run: python benchmarks/pitch_batch.py [--runs 3] [--briefs 20]

Both sides are measured in one run, alternating, on the sample kit; the table
gives the median wall-clock time of each side and their ratio. Goal: the one
call under 0.35x the separate calls' total on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, Row

SAMPLE = ROOT / "sample_data" / "maya-okafor"
BRIEF = """\
brand: Brand {n}
contact_name: Alex
niches: [baking, sourdough]
target:
  age: "25-44"
  gender: [female]
  countries: [AU, NZ]
platforms: [instagram, tiktok]
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(runs: int, brief_count: int) -> tuple[float, float]:
    """Median seconds of one call with every brief, and of one call per brief (summed)."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        kit_dir = work / "kit"
        shutil.copytree(SAMPLE, kit_dir, ignore=shutil.ignore_patterns("site", "pitches"))
        kit = kit_dir / "mediakit.yaml"
        briefs = []
        for n in range(1, brief_count + 1):
            brief = work / f"brief-{n:02d}.yaml"
            brief.write_text(BRIEF.format(n=n), encoding="utf-8")
            briefs.append(str(brief))
        mediakit = [sys.executable, "-m", "mediakit", "pitch", "--kit", str(kit)]
        batch, separate = [], []
        for run in range(runs):
            out = work / f"out-{run}"
            batch.append(timed([*mediakit, "-o", str(out / "batch"), *briefs]))
            separate.append(
                sum(timed([*mediakit, "-o", str(out / "one"), brief]) for brief in briefs)
            )
    return statistics.median(batch), statistics.median(separate)


def measure(runs: int) -> list[Row]:
    one_call, many_calls = compare(runs, 20)
    return [
        Row(
            "pitch: 20 briefs in one call",
            f"{one_call:.2f} s",
            f"20 separate calls {many_calls:.2f} s; ratio {one_call / many_calls:.2f}",
            f"ratio < 0.35 on 2 cores ({os.cpu_count()} here)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--briefs", type=int, default=20)
    args = parser.parse_args()
    one_call, many_calls = compare(args.runs, args.briefs)
    print(f"pitch: {args.briefs} briefs, {args.runs} runs each, {os.cpu_count()} cores")
    print(f"{'':28}{'median':>10}")
    print(f"{'one call':28}{one_call:>9.2f}s")
    print(f"{'separate calls (total)':28}{many_calls:>9.2f}s")
    print(f"{'ratio':28}{one_call / many_calls:>10.2f}   goal < 0.35")


if __name__ == "__main__":
    main()
