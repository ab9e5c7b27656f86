"""`mediakit roster`: a folder of kits built at once, and the roster site that lists them."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.build import build_kit
from mediakit.cli import cli
from mediakit.kit.roster_folder import find_kits
from mediakit.options import BuildOptions
from mediakit.roster import Shard, build_roster
from tests.conftest import SAMPLES, TODAY

# Three creators of different shapes. Engagement without posts is
# (avg likes + avg comments) / basis x 100:
# Ana: Instagram, basis followers: (240 + 60) / 12,000 = 2.5 %.
ANA = """\
version: 1
creator:
  name: Ana Lima
  handle: analima
  niches: [baking]
contact: {email: ana@example.com}
platforms:
  - platform: instagram
    followers: 12000
    avg_likes: 240
    avg_comments: 60
    as_of: 2026-11-01
audience:
  countries: {BR: 70, PT: 10}
"""
# Zoé, in French, with a long name: YouTube's basis is views:
# (500 + 100) / 10,000 = 6 %; 20,000 + 5,000 newsletter subscribers = 25,000.
ZOE = """\
version: 1
locale: fr
creator:
  name: Zoé Ñúñez de la Fuente y Montenegro-Castellanos del Valle
  niches: [cuisine, Baking]
contact: {email: zoe@example.com}
platforms:
  - platform: youtube
    followers: 20000
    avg_views: 10000
    avg_likes: 500
    avg_comments: 100
    as_of: 2026-11-01
  - platform: newsletter
    followers: 5000
    as_of: 2026-11-01
audience:
  countries: {FR: 60, BE: 10, CA: 8, CH: 5}
"""
# Cléo: 3,000 followers, no audience data, nothing to compute engagement from.
CLEO = """\
version: 1
creator:
  name: Cléo Martin
  niches: [travel]
contact: {website: "https://cleo.example.com"}
platforms:
  - platform: instagram
    followers: 3000
    as_of: 2026-11-01
"""
# "lots" is on line 9, column 16 (after four spaces and "followers: ").
BROKEN = """\
version: 1
creator:
  name: Bad Kit
  niches: [x]
contact:
  email: b@example.com
platforms:
  - platform: instagram
    followers: lots
    as_of: 2026-11-01
"""

OPTIONS = BuildOptions(today=TODAY, pdf=False)


def make_roster(folder: Path, kits: dict[str, str]) -> Path:
    for name, text in kits.items():
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "mediakit.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return make_roster(tmp_path / "roster", {"ana": ANA, "zoe": ZOE, "cleo": CLEO})


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_kits_are_found_one_folder_down_with_unique_folder_names(tmp_path: Path) -> None:
    make_roster(tmp_path, {"Ana Lima": CLEO, "ana-lima": CLEO, "Ça va": CLEO, "日本": CLEO})
    (tmp_path / "notes").mkdir()  # no kit in it
    kits = find_kits(tmp_path)
    # Sorted by folder name; "Ana Lima" and "ana-lima" both slug to ana-lima.
    assert [kit.slug for kit in kits] == ["ana-lima", "ana-lima-2", "ca-va", "kit"]


def test_shards_split_the_kits_between_them() -> None:
    kits = list(range(10))
    # Kit numbers 1, 4, 7, 10 go to part 1 of 3; 2, 5, 8 to part 2; 3, 6, 9 to part 3.
    parts = [Shard(index, 3).of(kits) for index in (1, 2, 3)]
    assert parts == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]
    assert Shard.parse("2/8") == Shard(2, 8)
    for bad in ("0/4", "5/4", "2", "a/b", "1/0"):
        with pytest.raises(ValueError, match="part such as 1/4"):
            Shard.parse(bad)


def test_each_kit_is_built_exactly_as_build_would(roster: Path, tmp_path: Path) -> None:
    result = build_roster(roster, tmp_path / "out", OPTIONS, workers=1)
    assert result.ok and result.count("built") == 3
    for name, slug in (("ana", "ana"), ("zoe", "zoe"), ("cleo", "cleo")):
        kit = roster / name / "mediakit.yaml"
        alone = tmp_path / "alone" / name
        build_kit(kit, alone, dataclasses.replace(OPTIONS, email_pdf_dir=kit.parent / "pitches"))
        assert files_of(tmp_path / "out" / slug) == files_of(alone)


def test_roster_json_holds_each_creators_public_figures(roster: Path, tmp_path: Path) -> None:
    build_roster(roster, tmp_path / "out", OPTIONS, workers=1)
    data = json.loads((tmp_path / "out" / "roster.json").read_text(encoding="utf-8"))
    creators = {item["slug"]: item for item in data["creators"]}
    assert list(creators) == ["ana", "cleo", "zoe"]
    zoe = creators["zoe"]
    assert zoe["total_followers"] == 25000  # 20,000 + 5,000
    assert zoe["engagement_rate"] == pytest.approx(6.0)  # (500 + 100) / 10,000
    assert zoe["engagement_platform"] == "YouTube"
    # The three largest countries, largest first.
    assert zoe["top_countries"] == [
        {"country": "FR", "share": 60},
        {"country": "BE", "share": 10},
        {"country": "CA", "share": 8},
    ]
    assert creators["ana"]["engagement_rate"] == pytest.approx(2.5)  # (240 + 60) / 12,000
    assert creators["cleo"]["engagement_rate"] is None  # unknown, not zero
    assert creators["cleo"]["top_countries"] == []
    # Public data only: no contact details, no rates.
    assert "ana@example.com" not in json.dumps(data)


def test_the_roster_pages_sort_and_filter_without_javascript(roster: Path, tmp_path: Path) -> None:
    build_roster(roster, tmp_path / "out", OPTIONS, workers=1)
    out = tmp_path / "out"

    def names(page: str) -> list[str]:
        html = (out / page).read_text(encoding="utf-8")
        return [
            part.split(">", 2)[2].split("<")[0] for part in html.split('class="card__name"')[1:]
        ]

    zoe = "Zoé Ñúñez de la Fuente y Montenegro-Castellanos del Valle"
    # Audience: 25,000 > 12,000 > 3,000.
    assert names("index.html") == [zoe, "Ana Lima", "Cléo Martin"]
    # Engagement: 6 % > 2.5 %, then Cléo, who has no figure (last, not zero).
    engagement = (out / "_roster" / "by-engagement.html").read_text(encoding="utf-8")
    assert names("_roster/by-engagement.html") == [zoe, "Ana Lima", "Cléo Martin"]
    assert "1 creator has no engagement figure: listed last, not counted as zero." in engagement
    # "Baking" and "baking" are one niche; its pages list both bakers, in both orders.
    assert names("_roster/niche/baking.html") == [zoe, "Ana Lima"]
    assert names("_roster/niche/baking-by-engagement.html") == [zoe, "Ana Lima"]
    assert names("_roster/platform/instagram.html") == ["Ana Lima", "Cléo Martin"]
    assert names("_roster/country/br.html") == ["Ana Lima"]
    # Every link between the pages is relative and leads to a page that exists.
    for page in out.glob("**/*.html"):
        if page.parent.name in ("ana", "zoe", "cleo"):
            continue
        html = page.read_text(encoding="utf-8")
        for href in [part.split('"')[0] for part in html.split('href="')[1:]]:
            assert not href.startswith(("/", "http")), href
            assert (page.parent / href).resolve().exists(), f"{page}: {href}"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="zoe/">' in index and "<script" not in index


def test_one_broken_kit_is_located_and_stops_nothing(
    roster: Path, tmp_path: Path, runner: CliRunner
) -> None:
    make_roster(roster, {"bad": BROKEN})
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["roster", str(roster), "-o", str(out), "--no-pdf", "--workers", "2"]
    )
    assert result.exit_code == 1
    assert f"{roster / 'bad' / 'mediakit.yaml'}:9:16  platforms[0].followers" in result.stderr
    assert "Traceback" not in result.output
    assert "Kits: 3 built, 1 failed." in result.stderr
    creators = json.loads((out / "roster.json").read_text(encoding="utf-8"))["creators"]
    assert [c["slug"] for c in creators] == ["ana", "cleo", "zoe"]
    assert not (out / "bad").exists()


def test_a_kit_that_breaks_keeps_its_last_good_site_and_card(roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_roster(roster, out, OPTIONS, workers=1)
    before = files_of(out / "ana")
    (roster / "ana" / "mediakit.yaml").write_text(
        ANA.replace("followers: 12000", "followers: many"), encoding="utf-8"
    )
    result = build_roster(roster, out, OPTIONS, workers=1)
    assert not result.ok
    (failed,) = [o for o in result.outcomes if o.status == "failed"]
    # Line 9 of ANA: "    followers: many".
    assert failed.kit.slug == "ana" and failed.problems[0].line == 9
    assert files_of(out / "ana") == before
    assert "Ana Lima" in (out / "index.html").read_text(encoding="utf-8")


def test_unchanged_kits_are_not_rebuilt(roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_roster(roster, out, OPTIONS, workers=1)
    page = out / "ana" / "index.html"
    stamp = page.stat().st_mtime_ns
    again = build_roster(roster, out, OPTIONS, workers=1)
    assert {o.kit.slug: o.status for o in again.outcomes} == {
        "ana": "unchanged",
        "cleo": "unchanged",
        "zoe": "unchanged",
    }
    assert page.stat().st_mtime_ns == stamp
    # A new picture in Ana's folder (not yet in the kit) counts as a change: any
    # file of the folder may be read by the build (a template, a posts CSV).
    shutil.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", roster / "ana" / "photo.jpg")
    changed = build_roster(roster, out, OPTIONS, workers=1)
    assert [o.kit.slug for o in changed.outcomes if o.status == "built"] == ["ana"]
    # Another option (with the PDF) rebuilds everything.
    with_pdf = build_roster(roster, out, dataclasses.replace(OPTIONS, pdf=True), workers=1)
    assert with_pdf.count("built") == 3 and (out / "cleo" / "cleo-martin-media-kit.pdf").is_file()
    # A built file changed or deleted by hand: that kit is built again.
    (out / "zoe" / "robots.txt").unlink()
    fixed = build_roster(roster, out, dataclasses.replace(OPTIONS, pdf=True), workers=1)
    assert [o.kit.slug for o in fixed.outcomes if o.status == "built"] == ["zoe"]
    assert (out / "zoe" / "robots.txt").is_file()
    forced = build_roster(
        roster, out, dataclasses.replace(OPTIONS, pdf=True), force=True, workers=1
    )
    assert forced.count("built") == 3


def test_a_file_that_cannot_be_read_does_not_stop_the_roster(roster: Path, tmp_path: Path) -> None:
    # A link to nothing in Ana's folder: her inputs cannot all be read, so she is
    # built every time (never taken for unchanged), and nothing crashes.
    (roster / "ana" / "old-photo.jpg").symlink_to(tmp_path / "gone.jpg")
    out = tmp_path / "out"
    first = build_roster(roster, out, OPTIONS, workers=1)
    again = build_roster(roster, out, OPTIONS, workers=1)
    assert first.ok and again.ok
    assert {o.kit.slug: o.status for o in again.outcomes}["ana"] == "built"
    assert {o.kit.slug: o.status for o in again.outcomes}["zoe"] == "unchanged"


def test_shards_then_the_site_give_the_same_roster(roster: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    build_roster(roster, whole, OPTIONS, workers=1)
    # Each part on its own "machine", then their outputs copied together.
    merged = tmp_path / "merged"
    for index in (1, 2):
        part = tmp_path / f"part-{index}"
        result = build_roster(roster, part, OPTIONS, workers=1, shard=Shard(index, 2))
        assert result.listed == 0 and not (part / "index.html").exists()
        shutil.copytree(part, merged, dirs_exist_ok=True)
    site = build_roster(roster, merged, OPTIONS, site_only=True)
    assert site.ok and site.listed == 3 and site.outcomes == []
    assert files_of(merged) == files_of(whole)


def test_the_site_from_parts_names_a_missing_part(
    roster: Path, tmp_path: Path, runner: CliRunner
) -> None:
    part = tmp_path / "part-1"
    build_roster(roster, part, OPTIONS, workers=1, shard=Shard(1, 2))  # ana and zoe
    result = runner.invoke(cli, ["roster", str(roster), "-o", str(part), "--site-only"])
    assert result.exit_code == 1
    assert f"{roster / 'cleo' / 'mediakit.yaml'}  was built by no part" in result.stderr
    assert "(2 creators)" in result.stderr


def test_the_roster_command_reports_each_kit(
    roster: Path, tmp_path: Path, runner: CliRunner
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["roster", str(roster), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert "Kits: 3 built." in result.stderr
    assert f"Wrote {out / 'index.html'} (3 creators)." in result.stderr
    again = runner.invoke(cli, ["roster", str(roster), "-o", str(out), "--no-pdf"])
    assert "Kits: 3 unchanged." in again.stderr
    both = runner.invoke(cli, ["roster", str(roster), "--workers", "2", "--scheduler", "tcp://x:1"])
    assert both.exit_code == 2 and "the cluster decides" in both.output


def test_an_empty_folder_says_what_a_roster_is(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["roster", str(tmp_path)])
    assert result.exit_code == 1
    assert "holds no kit: no subfolder has a mediakit.yaml" in result.stderr


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_files(roster: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    shutil.copytree(
        SAMPLES / "tomas-reyes", roster / "tomas", ignore=shutil.ignore_patterns("site")
    )
    here = build_roster(roster, tmp_path / "here", OPTIONS, workers=1)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        there = build_roster(
            roster, tmp_path / "there", OPTIONS, scheduler=cluster.scheduler_address
        )
    assert there.ok and there.count("built") == 4
    assert files_of(tmp_path / "there") == files_of(tmp_path / "here")
    assert here.listed == there.listed == 4
