"""The starter kit `mediakit init` writes: it builds at once, and its examples never go out unnoticed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.advice.audit import audit_kit
from mediakit.advice.placeholders import starter_placeholders
from mediakit.check import check_kit
from mediakit.cli import cli
from mediakit.kit.starter import STARTER_KIT, create_starter_kit, dated_from
from tests.conftest import SAMPLES

TODAY = dt.date(2027, 5, 20)


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    create_starter_kit(tmp_path / "kit", today=TODAY)
    return tmp_path / "kit" / "mediakit.yaml"


def warned_paths(kit: Path) -> list[str]:
    checked = check_kit(kit, today=TODAY)
    return [".".join(map(str, w.key_path)) for w in checked.warnings]


def test_the_examples_a_brand_must_not_see_are_marked() -> None:
    marked = {placeholder.loc for placeholder in starter_placeholders()}
    # The three (brand, testimonial, photo), and who the creator is and what they reach.
    assert {
        ("collaborations", 0, "brand"),
        ("collaborations", 0, "testimonial", "quote"),
        ("testimonials", 0, "quote"),
        ("creator", "photo"),
        ("creator", "name"),
        ("contact", "email"),
        ("platforms", 0, "followers"),
        ("platforms", 0, "posts"),
        ("audience", "age"),
    } <= marked


def test_validate_warns_at_every_example_and_strict_fails(starter: Path, runner: CliRunner) -> None:
    assert len(warned_paths(starter)) == len(starter_placeholders())
    result = runner.invoke(cli, ["validate", str(starter)])
    assert result.exit_code == 0
    assert re.search(
        r"mediakit\.yaml:\d+:\d+  collaborations\[0\]\.brand: warning: still holds the "
        r'starter\'s example \("Example Pantry Co\."\); replace it with your own, or delete it\.',
        result.stderr,
    )
    assert "creator.photo: warning: is still the starter's placeholder picture" in result.stderr
    assert runner.invoke(cli, ["validate", "--strict", str(starter)]).exit_code == 1


def test_build_strict_refuses_while_an_example_remains(starter: Path, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", "--strict", str(starter)])
    assert result.exit_code == 1
    assert "Example Pantry Co." in result.stderr
    assert not (starter.parent / "site").exists()
    # Without --strict it builds, and says what is left.
    result = runner.invoke(cli, ["build", "--no-pdf", str(starter)])
    assert result.exit_code == 0 and "still holds the starter's example" in result.stderr


def test_replaced_examples_are_no_longer_flagged(starter: Path) -> None:
    text = starter.read_text(encoding="utf-8")
    text = text.replace("name: Your Name  # EXAMPLE", "name: Rosa Diaz  # EXAMPLE")
    text = text.replace("Example Pantry Co.", "Casa Verde Foods")
    starter.write_text(text, encoding="utf-8")
    shutil.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", starter.parent / "photo.jpg")
    warned = warned_paths(starter)
    assert "creator.name" not in warned
    assert "collaborations.0.brand" not in warned
    assert "creator.photo" not in warned
    assert "contact.email" in warned  # what was not replaced is still flagged


def test_a_deleted_example_is_not_flagged(starter: Path) -> None:
    text = starter.read_text(encoding="utf-8")
    text = re.sub(r"\ntestimonials:\n(  .*\n|\s*\n)+", "\n", text)
    starter.write_text(text, encoding="utf-8")
    assert "testimonials.0.quote" not in warned_paths(starter)


def test_the_starter_passes_its_own_audit_but_for_the_examples(starter: Path) -> None:
    checked = check_kit(starter, today=TODAY)
    findings = audit_kit(checked.kit, checked.stats, TODAY, document=checked.document)
    others = [f.title for f in findings if "starter's" not in f.title]
    assert others == []
    assert len(findings) == len(starter_placeholders())


def test_a_new_starter_is_dated_the_day_it_is_made(starter: Path) -> None:
    text = starter.read_text(encoding="utf-8")
    as_of = [dt.date.fromisoformat(day) for day in re.findall(r"as_of: (\S+)", text)]
    assert max(as_of) == TODAY
    # Every date moved by the same number of days: the posts keep their spacing.
    template = STARTER_KIT.read_text(encoding="utf-8")
    shift = TODAY - max(dt.date.fromisoformat(day) for day in re.findall(r"as_of: (\S+)", template))
    before = re.findall(r"\d{4}-\d{2}-\d{2}", template)
    after = re.findall(r"\d{4}-\d{2}-\d{2}", text)
    assert after == [(dt.date.fromisoformat(day) + shift).isoformat() for day in before]
    assert not [w for w in check_kit(starter, today=TODAY).warnings if "days ago" in w.message]


def test_dates_move_across_month_and_year_ends() -> None:
    text = "as_of: 2026-11-01\nposts:\n  - {date: 2026-10-29}\nvalid_until: 2027-03-31\n"
    moved = dated_from(text, dt.date(2027, 1, 31))  # 91 days later
    assert moved == "as_of: 2027-01-31\nposts:\n  - {date: 2027-01-28}\nvalid_until: 2027-06-30\n"
