"""`mediakit audit`: each check on a kit made to trip it, and a clean kit that trips none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from mediakit.advice.audit import audit_kit, suspicious_jumps
from mediakit.check import check_kit
from mediakit.cli import cli
from mediakit.model.platform import Platform
from mediakit.options import BuildOptions
from tests.conftest import MINIMAL_KIT

TODAY = dt.date(2026, 11, 21)
# The posts name their source, as `mediakit import` writes it: not typed by hand.
COMPLETE = """\
    source: Meta Business Suite export
    posts:
      - {date: 2026-10-01, likes: 300}
      - {date: 2026-10-08, likes: 320, sponsored: true}
      - {date: 2026-10-15, likes: 310}
      - {date: 2026-10-22, likes: 305}
audience:
  age: {"18-24": 40, "25-34": 60}
collaborations:
  - {brand: Acme, date: 2026-09, results: {views: 12000}}
rates:
  currency: USD
  packages: [{name: Reel, price: 500}]
  terms: 50 % upfront. Usage rights for 30 days. No exclusivity.
"""


def findings(write_kit, text: str) -> list[str]:
    checked = check_kit(write_kit(text), today=TODAY)
    return [f"{f.severity}: {f.title}" for f in audit_kit(checked.kit, checked.stats, TODAY)]


def test_a_complete_kit_has_nothing_to_question(write_kit) -> None:
    assert findings(write_kit, MINIMAL_KIT + COMPLETE) == []


def test_stale_figures(write_kit) -> None:
    found = findings(
        write_kit, (MINIMAL_KIT + COMPLETE).replace("as_of: 2026-11-01", "as_of: 2026-05-01")
    )
    assert found == ["high: Instagram: these figures are from 2026-05-01, 204 days ago."]


def test_stale_or_future_audience_figures(write_kit) -> None:
    # The same dates `validate` warns about: the kit's audience and a platform's own.
    kit = (MINIMAL_KIT + COMPLETE).replace(
        "audience:\n  age:", "audience:\n  as_of: 2025-01-10\n  age:"
    )
    assert findings(write_kit, kit) == [
        "high: Audience: these figures are from 2025-01-10, 680 days ago."
    ]
    future = (MINIMAL_KIT + COMPLETE).replace("as_of: 2026-11-01", "as_of: 2027-11-01")
    assert findings(write_kit, future) == ["high: Instagram: 2027-11-01 is in the future."]


def test_stated_rate_far_from_the_posts(write_kit) -> None:
    # 300, 320, 310, 305 likes on 12,000 followers: 2.5, 2.667, 2.583, 2.542 %.
    # Median (2.542 + 2.583) / 2 = 2.5625 %; the claim of 6 % is far off.
    found = findings(write_kit, MINIMAL_KIT + "    engagement_rate: 6\n" + COMPLETE)
    assert found == [
        "high: Instagram: you state 6 %, but your posts give 2.56 % (median of 4 posts, by followers)."
    ]


def test_follower_jump_that_looks_bought(write_kit) -> None:
    # About +2 % a month, then +50 % in one month, then +2 % again.
    history = """\
    history:
      - {date: 2026-05-01, followers: 7500}
      - {date: 2026-06-01, followers: 7650}
      - {date: 2026-07-01, followers: 7800}
      - {date: 2026-08-01, followers: 11700}
      - {date: 2026-09-01, followers: 11900}
      - {date: 2026-10-01, followers: 12100}
"""
    found = findings(write_kit, MINIMAL_KIT + history + COMPLETE)
    assert len(found) == 1
    assert found[0].startswith(
        "high: Instagram: followers grew 49% a month between 2026-07-01 and 2026-08-01"
    )


def test_steady_growth_is_not_a_jump() -> None:
    platform = Platform.model_validate(
        {
            "platform": "instagram",
            "followers": 13000,
            "as_of": "2026-11-01",
            "history": [
                {"date": f"2026-{m:02d}-01", "followers": 10000 + 300 * m} for m in range(1, 11)
            ],
        }
    )
    assert suspicious_jumps(platform) == []


def test_too_many_sponsored_posts(write_kit) -> None:
    text = (MINIMAL_KIT + COMPLETE).replace("likes: 300}", "likes: 300, sponsored: true}")
    text = text.replace("likes: 310}", "likes: 310, sponsored: true}")
    assert findings(write_kit, text) == [
        "medium: Instagram: 3 of your 4 recent posts are sponsored (75%; more than 30% looks like an ad feed)."
    ]


def test_missing_audience_results_terms_and_email(write_kit) -> None:
    text = MINIMAL_KIT.replace("email: ana@example.com", "website: https://ana.example.com")
    found = findings(write_kit, text)
    assert [line.split(":")[0] for line in found] == ["high", "medium", "medium", "low"]
    assert "No audience data" in found[0]
    assert any("No rate card" in line for line in found)
    assert any("No past results" in line for line in found)
    assert "No email address" in found[-1]


def test_terms_missing_a_topic(write_kit) -> None:
    text = (MINIMAL_KIT + COMPLETE).replace("Usage rights for 30 days. ", "")
    assert findings(write_kit, text) == [
        "medium: Your terms do not seem to cover usage rights (looked for words such as usage)."
    ]


def test_cli_audit_prints_locations_and_fails_only_with_strict(
    write_kit, runner: CliRunner
) -> None:
    kit: Path = write_kit(MINIMAL_KIT)
    result = runner.invoke(cli, ["audit", str(kit)])
    assert result.exit_code == 0
    assert "[high] No audience data" in result.output
    assert "Fix: Add audience" in result.output
    assert f"    {kit}:1\n" in result.output  # the kit's top level, where audience: belongs
    assert runner.invoke(cli, ["audit", "--strict", str(kit)]).exit_code == 1


def test_the_build_never_depends_on_the_audit(write_kit, tmp_path: Path) -> None:
    from mediakit.build import build_kit

    build_kit(
        write_kit(MINIMAL_KIT), tmp_path / "site", BuildOptions(pdf=False, today=TODAY)
    )  # findings, yet it builds
    assert (tmp_path / "site" / "index.html").is_file()


def test_figures_typed_by_hand_where_an_export_could_bring_them(
    write_kit, runner: CliRunner
) -> None:
    typed = (MINIMAL_KIT + COMPLETE).replace("    source: Meta Business Suite export\n", "")
    assert findings(write_kit, typed) == [
        "medium: Instagram: your posts were typed by hand; a typo becomes a figure a brand "
        "reads, and the kit cannot say where they come from."
    ]
    averages = (MINIMAL_KIT + COMPLETE).replace(
        "    source: Meta Business Suite export\n    posts:", "    avg_likes: 300\n    old_posts:"
    )
    averages = averages.split("    old_posts:")[0] + "audience:" + averages.split("audience:")[1]
    assert findings(write_kit, averages)[0].startswith(
        "medium: Instagram: your avg_likes were typed"
    )
    # The fix names the command and where to download the export.
    kit = write_kit(typed)
    result = runner.invoke(cli, ["audit", str(kit)])
    assert "Meta Business Suite: Insights > Content > Export data (CSV)" in result.output
    assert f"`mediakit import posts.csv --kit {kit}`" in result.output
    # A platform no importer reads (X) is not asked to import.
    assert findings(write_kit, typed.replace("platform: instagram", "platform: x")) == []
