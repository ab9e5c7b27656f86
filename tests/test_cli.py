"""Every command through Click's runner: exit codes, output, and what it writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.cli import cli
from tests.conftest import MINIMAL_KIT, ROOT, SAMPLES


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in (
        "init",
        "validate",
        "serve",
        "build",
        "deploy",
        "stats",
        "pitch",
        "audit",
        "themes",
        "schema",
    ):
        assert re.search(rf"^\s+{command}\s", result.output, re.MULTILINE)


def test_usage_error_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", "--no-such-option"])
    assert result.exit_code == 2


def test_init_then_build_in_an_empty_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "my-kit"
    result = runner.invoke(cli, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        ".github",
        ".gitignore",
        "mediakit.schema.json",
        "mediakit.yaml",
        "photo.jpg",
    ]
    assert (
        (folder / "mediakit.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=./mediakit.schema.json")
    )
    result = runner.invoke(cli, ["build", str(folder / "mediakit.yaml")])
    assert result.exit_code == 0, result.output + result.stderr
    assert (folder / "site" / "index.html").is_file()
    assert list((folder / "site").glob("*.pdf"))


def test_init_never_overwrites_a_kit(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "mediakit.yaml").write_text("my work")
    result = runner.invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "never overwrites" in result.stderr
    assert (tmp_path / "mediakit.yaml").read_text() == "my work"


def test_validate_accepts_the_samples(runner: CliRunner) -> None:
    for kit in SAMPLES.glob("*/mediakit.yaml"):
        result = runner.invoke(cli, ["validate", str(kit)])
        assert result.exit_code == 0, result.stderr
        assert "is valid" in result.output


def test_validate_reports_located_errors_without_traceback(runner: CliRunner, write_kit) -> None:
    kit = write_kit(
        MINIMAL_KIT.replace("followers: 12000", "followers: twelve").replace("email:", "emial:")
    )
    result = runner.invoke(cli, ["validate", str(kit)])
    assert result.exit_code == 1
    assert f"{kit}:6:3  contact.emial: unknown key" in result.stderr
    assert f'{kit}:10:16  platforms[0].followers: found "twelve"' in result.stderr
    assert "Traceback" not in result.stderr + result.output


def test_stale_figures_warn_and_fail_only_with_strict(runner: CliRunner, write_kit) -> None:
    kit = write_kit(MINIMAL_KIT.replace("as_of: 2026-11-01", "as_of: 2020-01-01"))
    relaxed = runner.invoke(cli, ["validate", str(kit)])
    assert relaxed.exit_code == 0
    assert (
        f"{kit}:11:12  platforms[0].as_of: warning: these figures are from 2020-01-01"
        in relaxed.stderr
    )
    strict = runner.invoke(cli, ["validate", "--strict", str(kit)])
    assert strict.exit_code == 1
    assert "2020-01-01" in strict.stderr
    assert runner.invoke(cli, ["build", "--strict", "--no-pdf", str(kit)]).exit_code == 1
    assert not (kit.parent / "site").exists()


def test_claimed_rate_far_from_the_posts_warns(runner: CliRunner, write_kit) -> None:
    # Posts give 100 / 12000 = 0.83 %; the claim of 5 % is far off.
    kit = write_kit(
        MINIMAL_KIT + "    engagement_rate: 5\n    posts:\n      - {date: 2026-10-30, likes: 100}\n"
    )
    result = runner.invoke(cli, ["validate", str(kit)])
    assert result.exit_code == 0
    assert "you state 5 %, but your posts give 0.83 %" in result.stderr


def test_build_writes_site_and_pdf_beside_the_kit(runner: CliRunner, write_kit) -> None:
    kit = write_kit()
    result = runner.invoke(cli, ["build", str(kit)])
    assert result.exit_code == 0, result.stderr
    site = kit.parent / "site"
    html = (site / "index.html").read_text()
    assert (site / "ana-lima-media-kit.pdf").is_file()
    assert 'href="ana-lima-media-kit.pdf"' in html


def test_build_no_pdf_and_output_option(runner: CliRunner, write_kit, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    result = runner.invoke(cli, ["build", str(write_kit()), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file()
    assert not list(out.glob("*.pdf"))
    assert ".pdf" not in (out / "index.html").read_text()


def test_failed_build_keeps_the_previous_site(runner: CliRunner, write_kit) -> None:
    kit = write_kit()
    assert runner.invoke(cli, ["build", str(kit), "--no-pdf"]).exit_code == 0
    before = (kit.parent / "site" / "index.html").read_text()
    (kit.parent / "broken.jpg").write_text("not an image")
    write_kit(
        MINIMAL_KIT.replace(
            "  niches: [baking]", "  niches: [baking]\n  photo: broken.jpg"
        ).replace("Ana", "Bea")
    )
    result = runner.invoke(cli, ["build", str(kit), "--no-pdf"])
    assert result.exit_code == 1
    assert f"{kit}:5:10  creator.photo: broken.jpg is not an image" in result.stderr
    assert (kit.parent / "site" / "index.html").read_text() == before


def test_default_kit_is_mediakit_yaml_here(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mediakit.yaml").write_text(MINIMAL_KIT)
    assert runner.invoke(cli, ["validate"]).exit_code == 0
    missing = runner.invoke(cli, ["validate", "nope.yaml"])
    assert missing.exit_code == 1
    assert "mediakit init" in missing.stderr


def test_stats_table_and_json(runner: CliRunner) -> None:
    kit = SAMPLES / "maya-okafor" / "mediakit.yaml"
    table = runner.invoke(cli, ["stats", str(kit)])
    assert table.exit_code == 0
    # The kit's followers (40,882 and 25,456), their total, and how each rate was found.
    for figure in ("40,882", "25,456", "Total followers: 66,338."):
        assert figure in table.output
    assert "Instagram: Median engagement rate of 24 recent posts" in table.output
    assert "TikTok: Median engagement rate of 20 recent posts" in table.output
    averages = runner.invoke(cli, ["stats", str(SAMPLES / "tomas-reyes" / "mediakit.yaml")])
    assert "YouTube: (average likes + average comments) ÷ average views × 100" in averages.output
    assert "recent posts" not in averages.output  # no posts were given: nothing claims so
    result = runner.invoke(cli, ["stats", str(kit), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)  # standard output holds the JSON alone
    assert data["total_followers"] == 40_882 + 25_456
    keys = {
        "platform",
        "followers",
        "tier",
        "engagement_rate",
        "engagement_rate_mean",
        "engagement_basis",
        "avg_views",
        "posts_per_week",
        "monthly_growth",
        "viral_posts",
    }
    assert all(keys <= set(p) for p in data["platforms"])


def test_stats_json_matches_the_spec_for_a_kit_written_from_it(
    runner: CliRunner, write_kit
) -> None:
    # Followers 10,000. Posts (E / followers): 200 -> 2 %, 300 -> 3 %, 700 -> 7 %.
    # Median 3, mean 4. Views 1000, 3000, 2000: median 2000. 3 posts over 14 days: 1.5 a week.
    # History 8,000 on 2026-08-01 to 10,000 at as_of 2026-11-01 (92 days, 3.0226 months):
    # ln 1.25 = 0.223144; / 3.02259 = 0.073826; e ** 0.073826 = 1.076619: 7.662 % a month.
    kit = write_kit("""\
        version: 1
        creator: {name: Kim, niches: [travel]}
        contact: {website: "https://kim.example"}
        platforms:
          - platform: x
            followers: 10k
            as_of: 2026-11-01
            posts:
              - {date: 2026-10-01, likes: 150, comments: 50, views: 1000}
              - {date: 2026-10-08, likes: 300, views: 3000}
              - {date: 2026-10-15, likes: 600, shares: 100, views: 2000}
            history:
              - {date: 2026-08-01, followers: 8000}
        """)
    result = runner.invoke(cli, ["stats", str(kit), "--json"])
    assert result.exit_code == 0, result.stderr
    (platform,) = json.loads(result.stdout)["platforms"]
    assert platform["tier"] == "micro"
    assert platform["engagement_basis"] == "followers"
    assert platform["engagement_rate"] == 3.0
    assert platform["engagement_rate_mean"] == 4.0
    assert platform["avg_views"] == 2000
    assert platform["posts_per_week"] == 1.5
    assert round(platform["monthly_growth"], 3) == 7.662
    assert platform["viral_posts"] == 0


def test_schema_command_matches_the_shipped_file(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    shipped = (ROOT / "schema" / "mediakit.schema.json").read_text(encoding="utf-8")
    assert result.output == shipped, (
        "run `mediakit schema > schema/mediakit.schema.json` and review the diff"
    )
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert "followers" in schema["$defs"]["Platform"]["required"]


def test_unknown_theme_is_located(runner: CliRunner, write_kit) -> None:
    kit = write_kit(MINIMAL_KIT + "theme:\n  name: glitter\n")
    result = runner.invoke(cli, ["build", str(kit), "--no-pdf"])
    assert result.exit_code == 1
    assert (
        f'{kit}:13:9  theme.name: found "glitter", but there is no such theme; available themes: default'
        in result.stderr
    )


def test_readme_command_with_a_relative_path(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the README says it: `mediakit build sample_data/<kit>/mediakit.yaml`, from the folder above.
    import shutil

    shutil.copytree(SAMPLES / "tomas-reyes", tmp_path / "sample_data" / "tomas-reyes")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", "sample_data/tomas-reyes/mediakit.yaml"])
    assert result.exit_code == 0, result.stderr
    site = tmp_path / "sample_data" / "tomas-reyes" / "site"
    assert (site / "index.html").is_file()
    assert (site / "tomas-reyes-media-kit.pdf").is_file()


def test_init_and_build_in_the_current_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["init"]).exit_code == 0
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
