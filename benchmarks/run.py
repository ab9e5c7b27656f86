"""The benchmark suite: one command, one table of medians.

Run from the repository: python benchmarks/run.py [--runs 5] [--only NAME ...]

Each section measures both sides of its comparison in the same run, so the
ratios hold on a shared, noisy machine even when the absolute times move.
Paste the table into history.md (with the date) and the README.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (
    build_vs_engine,
    pitch_batch,
    roster_batch,
    scaling,
    serve_reload,
    shortlist_batch,
    sizes,
    startup,
)
from benchmarks.common import Row

SECTIONS: dict[str, Callable[[int], list[Row]]] = {
    "startup": startup.measure,
    "build": build_vs_engine.measure,
    "serve": serve_reload.measure,
    "pitch": pitch_batch.measure,
    "roster": roster_batch.measure,
    "shortlist": shortlist_batch.measure,
    "scaling": scaling.measure,
    "sizes": sizes.measure,
}


def table(rows: list[Row]) -> str:
    lines = ["| measure | median | compared with | goal |", "|---|---|---|---|"]
    lines += [f"| {r.measure} | {r.value} | {r.compared} | {r.goal} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5)")
    parser.add_argument("--only", nargs="+", choices=sorted(SECTIONS), help="sections to run")
    args = parser.parse_args()
    rows: list[Row] = []
    started = time.perf_counter()
    for name in args.only or SECTIONS:
        print(f"running {name}...", file=sys.stderr, flush=True)
        # Pitching spawns 20 processes per run: 3 runs already take minutes;
        # a roster's run builds 50 kits three ways (about 5 minutes on 2 cores).
        runs = {"pitch": min(args.runs, 3), "roster": 1, "shortlist": min(args.runs, 3)}.get(
            name, args.runs
        )
        rows += SECTIONS[name](runs)
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {args.runs} runs, "
        f"{(time.perf_counter() - started) / 60:.1f} min\n"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
