"""How a build grows with the kit: 10 to 5,000 posts, 10 to 300 collaborations.

Each size is built (site and PDF) in a fresh process that reports its time and
its peak memory (ru_maxrss). A step is linear when time grows no faster than
the input; the table gives each step's growth against the input's.
Goal: linear growth, no quadratic step.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
from pathlib import Path

from benchmarks.common import TODAY, Row, child

POSTS = [10, 100, 1000, 5000]
COLLABORATIONS = [10, 100, 300]

KIT = """\
version: 1
creator:
  name: Scale Test
  handle: scaletest
  niches: [baking]
contact:
  email: scale@example.com
platforms:
  - platform: instagram
    handle: scaletest
    followers: 52000
    as_of: {today}
    posts_csv: posts.csv
collaborations:
{collaborations}
"""

COLLABORATION = """\
  - brand: Brand {n}
    date: 2026-{month:02d}-{day:02d}
    platform: instagram
    deliverables: ["1 Reel", "3 Stories"]
    summary: A recipe series with **Brand {n}**, filmed in one kitchen over two weekends.
    niches: [baking]
    results: {{views: {views}, likes: {likes}, saves: {saves}}}
"""

BUILD = """
import datetime, json, resource, time
from pathlib import Path
start = time.perf_counter()
from mediakit.build import build_kit
from mediakit.options import BuildOptions
build_kit(Path(KIT), Path(OUT), BuildOptions(today=datetime.date.fromisoformat(TODAY)))
seconds = time.perf_counter() - start
print(json.dumps([seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""


def write_kit(folder: Path, posts: int, collaborations: int) -> Path:
    today = dt.date.fromisoformat(TODAY)
    lines = ["date,likes,comments,saves,shares,reach"]
    for n in range(posts):
        day = today - dt.timedelta(hours=12 * (n + 1))
        lines.append(
            f"{day},{900 + n % 300},{40 + n % 25},{60 + n % 40},{10 + n % 9},{20000 + n % 5000}"
        )
    (folder / "posts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    collabs = "".join(
        COLLABORATION.format(
            n=n, month=1 + n % 10, day=1 + n % 28, views=10000 + n, likes=800 + n, saves=90 + n
        )
        for n in range(collaborations)
    )
    kit = folder / "mediakit.yaml"
    kit.write_text(KIT.format(today=today, collaborations=collabs), encoding="utf-8")
    return kit


def _measure(posts: int, collaborations: int, runs: int) -> tuple[float, float]:
    times, memory = [], []
    with tempfile.TemporaryDirectory() as folder:
        kit = write_kit(Path(folder), posts, collaborations)
        for run in range(runs):
            # A new folder each time: into the same one, an unchanged PDF is kept.
            out = f"{folder}/site-{run}"
            code = f"KIT = {str(kit)!r}\nOUT = {out!r}\nTODAY = {TODAY!r}\n" + BUILD
            seconds, peak = child(code, env={"MEDIAKIT_CACHE_DIR": folder + "/cache"})
            times.append(seconds)
            memory.append(peak)
    return statistics.median(times), statistics.median(memory)


def _rows(label: str, sizes: list[int], results: list[tuple[float, float]]) -> list[Row]:
    rows = []
    for index, (size, (seconds, peak)) in enumerate(zip(sizes, results, strict=True)):
        growth = ""
        if index:
            previous_size, (previous_seconds, _) = sizes[index - 1], results[index - 1]
            growth = (
                f"x{seconds / previous_seconds:.2f} time for x{size / previous_size:.0f} {label}"
            )
        rows.append(
            Row(f"{size} {label}", f"{seconds:.2f} s, {peak:.0f} MB peak", growth, "linear")
        )
    return rows


def measure(runs: int) -> list[Row]:
    by_posts = [_measure(posts, 10, runs) for posts in POSTS]
    by_collaborations = [_measure(100, count, runs) for count in COLLABORATIONS]
    return [
        *_rows("posts (10 collaborations)", POSTS, by_posts),
        *_rows("collaborations (100 posts)", COLLABORATIONS, by_collaborations),
    ]
