"""`mediakit shortlist`: a roster ranked against a brief, worked by hand, and its best pitched."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.cli import cli
from mediakit.options import BuildOptions
from mediakit.shortlist import shortlist_roster
from tests.conftest import TODAY
from tests.test_roster import BROKEN, make_roster

BRIEF = """\
brand: Acme Flour Co.
niches: [baking]
target:
  countries: [AU]
platforms: [instagram]
"""


def kit(
    name: str,
    views: int,
    countries: str | None,
    price: int | None = None,
    platform: str = "instagram",
) -> str:
    text = f"""\
version: 1
creator:
  name: {name}
  niches: [baking]
contact: {{email: x@example.com}}
platforms:
  - platform: {platform}
    followers: 50000
    avg_views: {views}
    as_of: 2026-11-01
"""
    if countries is not None:
        text += f"audience:\n  countries: {countries}\n"
    if price is not None:
        text += (
            "rates:\n  currency: AUD\n  packages:\n"
            f"    - {{name: Reel, platform: {platform}, price: {price}}}\n"
        )
    return text


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return make_roster(
        tmp_path / "roster",
        {
            # 10,000 views x 50 % in Australia = 5,000 on-target views per post;
            # A$500 / (10,000 x 0.5 / 1,000) = A$100 per 1,000 on-target views.
            "kim": kit("Kim", 10_000, "{AU: 50, US: 30}", price=500),
            # 40,000 x 20 % = 8,000: first. A$1,200 / (40,000 x 0.2 / 1,000) = A$150.
            "lee": kit("Lee", 40_000, "{AU: 20, GB: 60}", price=1200),
            # 6,000 x 100 % = 6,000: second, with no price.
            "max": kit("Max", 6_000, "{AU: 100}"),
            # 20,000 x 0 % = 0: a real zero (the audience is reported), ranked last.
            "noa": kit("Noa", 20_000, "{US: 90}", price=300),
            # The most views of all, but no audience data: listed apart, not ranked.
            "oli": kit("Oli", 50_000, None),
            # On YouTube only, where the brief does not want content: apart.
            "pat": kit("Pat", 30_000, "{AU: 80}", platform="youtube"),
        },
    )


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    return path


OPTIONS = BuildOptions(today=TODAY)


def test_the_ranking_worked_by_hand(roster: Path, brief: Path, tmp_path: Path) -> None:
    result = shortlist_roster(brief, roster, tmp_path / "out", OPTIONS, top=0, workers=1)
    # On-target views per post: Lee 8,000 > Max 6,000 > Kim 5,000 > Noa 0.
    assert [item.score.name for item in result.ranked] == ["Lee", "Max", "Kim", "Noa"]
    views = [item.score.reach.on_target_views for item in result.ranked if item.score.reach]
    assert views == pytest.approx([8000, 6000, 5000, 0])
    costs = {
        item.score.name: item.score.cheapest.cost_per_thousand
        for item in result.ranked
        if item.score.cheapest
    }
    # Noa's package has no cost per on-target view: nobody on target sees it.
    assert costs == pytest.approx({"Lee": 150.0, "Kim": 100.0})
    apart = {item.score.name: item.score.apart_because for item in result.apart}
    assert apart == {
        "Oli": "the audience data gives no countries, which the brief targets",
        "Pat": "not on instagram",
    }


def test_the_csv_and_the_page_show_the_working(roster: Path, brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shortlist_roster(brief, roster, out, OPTIONS, top=0, workers=2)
    with (out / "shortlist.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["rank"], r["creator"]) for r in rows] == [
        ("1", "Lee"),
        ("2", "Max"),
        ("3", "Kim"),
        ("4", "Noa"),
        ("", "Oli"),
        ("", "Pat"),
    ]
    lee = rows[0]
    assert (lee["on_target_percent"], lee["on_target_views_per_post"]) == ("20.0", "8000.0")
    assert (lee["price"], lee["currency"], lee["cost_per_1000_on_target_views"]) == (
        "1200.0",
        "AUD",
        "150.0",
    )
    assert rows[4]["on_target_percent"] == "" and rows[4]["unknown"] == "countries"
    html = (out / "shortlist.html").read_text(encoding="utf-8")
    assert "AU 20% = 20%" in html
    assert "Instagram: 40,000 views × 20%" in html
    assert "Reel: A$1,200 ÷ (40,000 × 20% ÷ 1,000)" in html
    assert '"number">A$150<' in html
    # Noa's price buys no on-target views: not "no price", and not a cost of zero.
    assert html.count("no on-target views") == 1
    assert "Listed apart" in html and "not on instagram" in html


def test_two_dimensions_multiply_and_an_unknown_one_is_left_out(tmp_path: Path) -> None:
    ages = '{"18-24": 30, "25-34": 50, "35-44": 20}'
    roster = make_roster(
        tmp_path / "roster",
        {
            # Age 25-34 holds 50 % (18-24 and 35-44 fall outside); women 80 %:
            # 0.5 x 0.8 = 40 %; 10,000 views x 0.4 = 4,000.
            "ada": kit("Ada", 10_000, None)
            + f"audience:\n  age: {ages}\n  gender: {{female: 80, male: 20}}\n",
            # No gender data: age alone, 50 %, with the gender named as unknown;
            # 10,000 x 0.5 = 5,000, so ranked first.
            "bea": kit("Bea", 10_000, None) + f"audience:\n  age: {ages}\n",
        },
    )
    brief = tmp_path / "brief.yaml"
    brief.write_text(
        'brand: B\nniches: [baking]\ntarget:\n  age: "25-34"\n  gender: [female]\n',
        encoding="utf-8",
    )
    result = shortlist_roster(brief, roster, tmp_path / "out", OPTIONS, top=0, workers=1)
    assert [item.score.name for item in result.ranked] == ["Bea", "Ada"]
    ada, bea = result.ranked[1].score, result.ranked[0].score
    assert ada.fit.on_target == pytest.approx(0.4)
    assert bea.fit.on_target == pytest.approx(0.5) and bea.fit.unknown == ("gender",)
    html = (tmp_path / "out" / "shortlist.html").read_text(encoding="utf-8")
    assert "age 25-34 50% × female 80% = 40%" in html
    assert "age 25-34 50% = 50% (gender unknown: left out)" in html


def test_a_broken_kit_is_reported_and_the_rest_ranked(
    roster: Path, brief: Path, tmp_path: Path, runner: CliRunner
) -> None:
    make_roster(roster, {"bad": BROKEN})
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["shortlist", str(brief), "--roster", str(roster), "--top", "0", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert f"{roster / 'bad' / 'mediakit.yaml'}:9:16  platforms[0].followers" in result.stderr
    assert "Ranked 4 creators, listed 2 apart, 1 kits with errors; pitched 0." in result.stderr
    assert (out / "shortlist.csv").is_file()


def test_a_broken_brief_stops_before_any_work(
    roster: Path, tmp_path: Path, runner: CliRunner
) -> None:
    brief = tmp_path / "bad-brief.yaml"
    brief.write_text("brand: X\nniches: [a]\nbudjet: 5\n", encoding="utf-8")
    result = runner.invoke(cli, ["shortlist", str(brief), "--roster", str(roster)])
    assert result.exit_code == 1
    assert f"{brief}:3:1" in result.stderr and "budget" in result.stderr
    assert not (tmp_path / "bad-brief-shortlist").exists()


@pytest.mark.slow
def test_the_top_creators_are_pitched(roster: Path, brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = shortlist_roster(brief, roster, out, OPTIONS, top=2, workers=2)
    assert result.ok and sorted(result.pitches) == ["lee", "max"]
    for folder, name in (("lee", "lee"), ("max", "max")):
        files = sorted(path.name for path in (out / "pitches" / folder).iterdir())
        # As `mediakit pitch` writes them, with the manifest of what it wrote.
        assert files == [
            ".mediakit-lock",  # one pitch at a time writes here
            ".mediakit-manifest.json",
            "email.txt",
            "fit.json",
            f"{name}-media-kit.pdf",
        ]
    fit = json.loads((out / "pitches" / "lee" / "fit.json").read_text(encoding="utf-8"))
    assert fit["brand"] == "Acme Flour Co." and fit["fit"]["countries"] == pytest.approx(20.0)
    html = (out / "shortlist.html").read_text(encoding="utf-8")
    assert '<a href="pitches/lee/email.txt">email</a>' in html
    assert "pitches/kim/" not in html
