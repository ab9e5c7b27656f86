"""Benchmarks: compared only like for like, cited, and overridable per kit."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mediakit.check import check_kit
from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.kit.benchmarks import SHIPPED_BENCHMARKS, load_benchmarks
from mediakit.options import BuildOptions
from tests.conftest import MINIMAL_KIT

TODAY = dt.date(2026, 11, 21)
POSTS = """\
    posts:
      - {date: 2026-10-01, likes: 200, comments: 40, saves: 999}
      - {date: 2026-10-08, likes: 100, comments: 20}
      - {date: 2026-10-15, likes: 600, comments: 0}
      - {date: 2026-10-22, likes: 300}
"""


def benchmark_file(folder: Path, **overrides: object) -> None:
    entry = {
        "platform": "instagram",
        "followers_min": 10000,
        "followers_max": 19999,
        "basis": "followers",
        "counts": ["likes", "comments"],
        "statistic": "mean",
        "engagement_rate": 2.0,
        "source": "Example Study",
        "title": "Engagement by band",
        "year": 2025,
        "url": "https://example.com/study",
    }
    entry.update(overrides)
    (folder / "bench.yaml").write_text(
        json.dumps({"version": 1, "benchmarks": [entry]}), encoding="utf-8"
    )


def comparison(write_kit, tmp_path: Path, extra: str = POSTS, **overrides: object):
    benchmark_file(tmp_path, **overrides)
    checked = check_kit(write_kit(MINIMAL_KIT + extra + "benchmarks: bench.yaml\n"), today=TODAY)
    return checked.stats.platforms[0].benchmark


def test_the_shipped_file_is_valid_and_cites_every_figure() -> None:
    benchmarks = load_benchmarks(SHIPPED_BENCHMARKS)
    assert benchmarks
    assert all(b.source and b.year and b.url.startswith("https://") for b in benchmarks)


def test_the_creator_rate_is_recomputed_the_benchmark_way(write_kit, tmp_path: Path) -> None:
    # Only likes + comments, on 12,000 followers; the post without comments is left out,
    # and the 999 saves do not count: 240 -> 2 %, 120 -> 1 %, 600 -> 5 %. Mean 2.6667 %.
    result = comparison(write_kit, tmp_path)
    assert result is not None
    assert result.posts_used == 3
    assert result.creator_rate == pytest.approx(8 / 3)
    assert result.multiple == pytest.approx(8 / 3 / 2.0)


def test_the_same_statistic_is_used(write_kit, tmp_path: Path) -> None:
    result = comparison(write_kit, tmp_path, statistic="median")  # median of 1, 2, 5 % = 2 %
    assert result is not None and result.creator_rate == pytest.approx(2.0)


@pytest.mark.parametrize(
    "overrides",
    [
        {"basis": "views"},  # the posts give no views: no like-for-like figure
        {"followers_min": 20000, "followers_max": 99999},  # another follower band
        {"platform": "tiktok"},
        {"counts": ["likes", "comments", "shares"]},  # no post gives shares
    ],
)
def test_no_comparison_rather_than_an_unlike_one(
    write_kit, tmp_path: Path, overrides: dict[str, Any]
) -> None:
    assert comparison(write_kit, tmp_path, **overrides) is None


def test_summary_averages_need_every_count_the_source_sums(write_kit, tmp_path: Path) -> None:
    # (300 + 60) / 12,000 = 3 %.
    result = comparison(write_kit, tmp_path, extra="    avg_likes: 300\n    avg_comments: 60\n")
    assert (
        result is not None and result.creator_rate == pytest.approx(3.0) and result.posts_used == 0
    )
    assert comparison(write_kit, tmp_path, extra="    avg_likes: 300\n") is None


def test_a_bad_benchmarks_file_is_located(write_kit, tmp_path: Path) -> None:
    (tmp_path / "bench.yaml").write_text(
        textwrap.dedent("""\
        version: 1
        benchmarks:
          - {platform: instagram, followers_min: 0, basis: followers, counts: [likes],
             statistic: mean, engagement_rate: 2, source: X, title: Y, url: "https://x.example"}
        """)
    )
    with pytest.raises(KitError) as caught:
        check_kit(write_kit(MINIMAL_KIT + "benchmarks: bench.yaml\n"), today=TODAY)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == (tmp_path / "bench.yaml", 3)
    assert "year" in problem.format()


def test_stats_show_the_multiple_with_its_citation(
    write_kit, tmp_path: Path, runner: CliRunner
) -> None:
    benchmark_file(tmp_path)
    kit = write_kit(MINIMAL_KIT + POSTS + "benchmarks: bench.yaml\n")
    data = json.loads(runner.invoke(cli, ["stats", str(kit), "--json"]).stdout)
    cited = data["platforms"][0]["benchmark"]
    assert cited["multiple"] == pytest.approx(4 / 3)
    assert (cited["source"], cited["year"], cited["url"]) == (
        "Example Study",
        2025,
        "https://example.com/study",
    )
    table = runner.invoke(cli, ["stats", str(kit)]).output
    assert "1.3×" in table
    assert (
        "1.3× the mean of Instagram accounts with 10,000 to 19,999 followers: 2.67% against 2%"
        in table
    )
    assert "(Example Study, 2025)" in table


def test_the_kit_cites_the_benchmark_or_says_there_is_none(write_kit, tmp_path: Path) -> None:
    from mediakit.build import build_kit

    benchmark_file(tmp_path)
    kit = write_kit(MINIMAL_KIT + POSTS + "benchmarks: bench.yaml\n")
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "1.3× the mean of Instagram accounts with 10,000 to 19,999 followers" in html
    assert '<a href="https://example.com/study">Source</a>' in html
    build_kit(
        write_kit(MINIMAL_KIT + POSTS), tmp_path / "plain", BuildOptions(pdf=False, today=TODAY)
    )
    # 12,000 followers: the shipped HypeAuditor band 5,000-19,999 applies.
    assert "HypeAuditor, 2018" in (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
