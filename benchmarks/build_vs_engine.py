"""The whole build against the PDF engine alone, on each sample kit.

"Bare render" is the engine call as mediakit makes it (WeasyPrint with the
same options and the confined fetcher) on the print HTML the build produced,
with its images and stylesheets: the floor a build cannot go under. Each build
writes into a new folder, so the PDF is always laid out.

- first build: a new process and an empty image cache (imports counted on
  both sides);
- rebuild: a new process with the image cache on disk, as `mediakit build`
  after an edit;
- in one process: both repeated in a process that has built once, as `serve`
  and `pitch` do;
- unchanged: building again into the same folder with nothing changed, where
  the previous PDF is kept (no bare render to compare).

Goal: the whole build (site and PDF) within 1.3x the bare render.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from benchmarks.common import SAMPLES, TODAY, Row, child

# Builds once while recording the engine's input, keeping a copy of the folder
# it renders from, so the bare render can be run again on exactly that input.
CAPTURE = """
import datetime, json, pickle, shutil, time
from pathlib import Path
import mediakit.render.pdf as engine
captured = {}
original = engine.write_pdf
def recording(html, base, target, **options):
    shutil.copytree(base, KEEP, dirs_exist_ok=True)
    captured.update(html=html, options=options)
    return original(html, base, target, **options)
engine.write_pdf = recording
from mediakit.build import build_kit
from mediakit.options import BuildOptions
build_kit(Path(KIT), Path(OUT), BuildOptions(today=datetime.date.fromisoformat(TODAY)))
Path(KEEP, "capture.pickle").write_bytes(pickle.dumps(captured))
print(json.dumps(0))
"""

COLD_BUILD = """
import datetime, json, time
from pathlib import Path
start = time.perf_counter()
from mediakit.build import build_kit
from mediakit.options import BuildOptions
build_kit(Path(KIT), Path(OUT), BuildOptions(today=datetime.date.fromisoformat(TODAY)))
print(json.dumps(time.perf_counter() - start))
"""

COLD_BARE = """
import json, pickle, time
from pathlib import Path
captured = pickle.loads(Path(KEEP, "capture.pickle").read_bytes())
start = time.perf_counter()
from mediakit.render.pdf import write_pdf
write_pdf(captured["html"], Path(KEEP), Path(OUT) / "bare.pdf", **captured["options"])
print(json.dumps(time.perf_counter() - start))
"""

WARM = """
import datetime, json, pickle, time
from pathlib import Path
from mediakit.build import build_kit
from mediakit.options import BuildOptions
from mediakit.render.pdf import write_pdf
captured = pickle.loads(Path(KEEP, "capture.pickle").read_bytes())
today = datetime.date.fromisoformat(TODAY)
build_kit(Path(KIT), Path(OUT) / "site", BuildOptions(today=today))
builds, bares, unchanged = [], [], []
for run in range(RUNS):
    start = time.perf_counter()
    build_kit(Path(KIT), Path(OUT) / f"site-{run}", BuildOptions(today=today))
    builds.append(time.perf_counter() - start)
    start = time.perf_counter()
    write_pdf(captured["html"], Path(KEEP), Path(OUT) / "bare.pdf", **captured["options"])
    bares.append(time.perf_counter() - start)
    start = time.perf_counter()
    build_kit(Path(KIT), Path(OUT) / "site", BuildOptions(today=today))
    unchanged.append(time.perf_counter() - start)
print(json.dumps([builds, bares, unchanged]))
"""


def _code(template: str, **values: object) -> str:
    header = "".join(f"{name} = {value!r}\n" for name, value in values.items())
    return header + template


def measure(runs: int) -> list[Row]:
    rows = []
    for kit in SAMPLES:
        name = kit.parent.name
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            keep, cache = str(work / "engine-input"), work / "cache"
            common = {"KIT": str(kit), "TODAY": TODAY, "KEEP": keep}
            child(_code(CAPTURE, OUT=str(work / "capture"), **common))
            cold_build, cold_bare, rebuild, rebuild_bare = [], [], [], []
            for run in range(runs):
                fresh = {"MEDIAKIT_CACHE_DIR": str(cache / f"cold-{run}")}
                out = str(work / f"cold-{run}")
                cold_build.append(child(_code(COLD_BUILD, OUT=out, **common), env=fresh))
                cold_bare.append(child(_code(COLD_BARE, OUT=out, **common), env=fresh))
                # The same cache again, now full: what a rebuild after an edit finds.
                out = str(work / f"rebuild-{run}")
                rebuild.append(child(_code(COLD_BUILD, OUT=out, **common), env=fresh))
                rebuild_bare.append(child(_code(COLD_BARE, OUT=out, **common), env=fresh))
            warm_env = {"MEDIAKIT_CACHE_DIR": str(cache / "warm")}
            builds, bares, unchanged = child(
                _code(WARM, OUT=str(work / "warm"), RUNS=runs, **common), env=warm_env
            )
        for label, build, bare in (
            ("first build", cold_build, cold_bare),
            ("rebuild", rebuild, rebuild_bare),
            ("in one process", builds, bares),
        ):
            build_median, bare_median = statistics.median(build), statistics.median(bare)
            rows.append(
                Row(
                    f"build {name}, {label}",
                    f"{build_median:.2f} s",
                    f"bare render {bare_median:.2f} s; ratio {build_median / bare_median:.2f}",
                    "ratio <= 1.3",
                )
            )
        rows.append(
            Row(
                f"build {name}, unchanged",
                f"{statistics.median(unchanged):.2f} s",
                "the previous PDF is kept",
            )
        )
    return rows
