"""`mediakit pitch`: fit figures worked by hand, the email, the tailored PDF, and batches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from mediakit.cli import cli
from tests.conftest import MINIMAL_KIT

KIT = (
    MINIMAL_KIT
    + """\
    posts:
      - {date: 2026-10-20, likes: 300, comments: 20, views: 3000}
      - {date: 2026-10-27, likes: 500, comments: 30, views: 5000}
  - platform: tiktok
    handle: analima
    followers: 8000
    as_of: 2026-11-01
    avg_views: 10000
audience:
  age: {"13-17": 2, "18-24": 27, "25-34": 44, "35-44": 19, "45-54": 6, "55+": 2}
  gender: {female: 78, male: 20, other: 2}
  countries: {AU: 61, NZ: 9, US: 12, GB: 6, NO: 1}
collaborations:
  - {brand: Old Shoes, date: 2026-08, niches: [fashion], results: {views: 99000}}
  - {brand: Rye Mill, date: 2026-05, niches: [Baking], results: {views: 12000, code_uses: 40}}
rates:
  currency: AUD
  packages:
    - {name: Reel, platform: instagram, price: 650}
    - {name: Series, platform: instagram, price_from: 2000}
site:
  base_url: https://ana.example.com/kit/
"""
)

BRIEF = """\
brand: Acme Flour Co.
contact_name: Jane
niches: [baking, gardening]
campaign: Spring baking launch
target:
  age: "25-44"
  gender: [female]
  countries: [AU, NZ]
platforms: [tiktok, instagram]
"""


@pytest.fixture
def setup(write_kit, tmp_path: Path) -> tuple[Path, Path]:
    kit = write_kit(KIT)
    brief = tmp_path / "acme.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    return kit, brief


def pitch(runner: CliRunner, kit: Path, *briefs: Path, extra: tuple[str, ...] = ()):
    return runner.invoke(cli, ["pitch", *map(str, briefs), "--kit", str(kit), *extra])


def test_fit_figures_match_the_spec_worked_by_hand(
    runner: CliRunner, setup: tuple[Path, Path]
) -> None:
    kit, brief = setup
    result = pitch(runner, kit, brief, extra=("--json",))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    # Age 25-44: 44 + 19 = 63 %. Female 78 %. AU + NZ = 61 + 9 = 70 %.
    # On target: 0.63 x 0.78 x 0.70 = 0.34398 -> 34.398 %.
    assert data["brand"] == "Acme Flour Co."
    assert data["fit"] == {
        "on_target": pytest.approx(34.398),
        "age": pytest.approx(63.0),
        "gender": pytest.approx(78.0),
        "countries": pytest.approx(70.0),
        "niche_matches": ["baking"],
    }
    # Instagram median views (3000, 5000) = 4000; x 0.34398 = 1375.9 on-target views per post.
    # TikTok avg_views 10000 x 0.34398 = 3439.8.
    assert data["on_target_views_per_post"] == {"Instagram": 1375.9, "TikTok": 3439.8}
    # Reel: 650 / (4000 x 0.34398 / 1000) = 472.41 per 1,000 on-target views; "from" prices get none.
    assert data["cost_per_1000_on_target_views"] == {"Reel": pytest.approx(472.41, abs=0.01)}
    folder = kit.parent / "pitches" / "acme"
    assert json.loads((folder / "fit.json").read_text()) == data
    assert sorted(p.name for p in folder.iterdir()) == [
        ".mediakit-manifest.json",
        "ana-lima-media-kit.pdf",
        "email.txt",
        "fit.json",
    ]


def test_the_email_is_short_personal_and_names_the_attachment(
    runner: CliRunner, setup: tuple[Path, Path]
) -> None:
    kit, brief = setup
    assert pitch(runner, kit, brief).exit_code == 0
    email = (kit.parent / "pitches" / "acme" / "email.txt").read_text(encoding="utf-8")
    subject, body = email.split("\n", 1)
    assert subject == "Subject: Ana Lima × Acme Flour Co.: Spring baking launch"
    assert body.lstrip().startswith("Hi Jane,")
    assert len(body.split()) < 200
    assert "34% of my audience matches the audience you are looking for. We share baking." in body
    # Instagram, the larger platform: (320 / 12,000 + 530 / 12,000) / 2 = 3.54 %, shown as 3.5 %, from posts.
    assert "engage 3.5% of their audience (median of 2 posts, by followers)." in body
    assert (
        "My recent work with Rye Mill: 12K views." in body
    )  # the collaboration in the brand's niche
    assert "Would you be open to a short call about Spring baking launch?" in body
    assert "(ana-lima-media-kit.pdf)" in body and "https://ana.example.com/kit/" in body


def test_the_tailored_pdf_leads_with_the_brand_fit(
    runner: CliRunner, setup: tuple[Path, Path]
) -> None:
    kit, brief = setup
    assert pitch(runner, kit, brief).exit_code == 0
    reader = PdfReader(kit.parent / "pitches" / "acme" / "ana-lima-media-kit.pdf")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "MEDIA KIT · PREPARED FOR ACME FLOUR CO." in text.upper()
    assert "Fit for Acme Flour Co." in text
    assert text.index("Fit for Acme Flour Co.") < text.index("Platforms")
    platforms = text[text.index("Platforms") :]
    assert platforms.index("TikTok") < platforms.index("Instagram")  # the brand's platforms first
    assert text.index("Rye Mill") < text.index("Old Shoes")  # the collaboration in its niche first
    assert (
        reader.metadata is not None
        and reader.metadata.title == "Ana Lima · Media kit for Acme Flour Co."
    )


def test_unknown_dimensions_are_unknown_never_zero(
    runner: CliRunner, setup: tuple[Path, Path], write_kit
) -> None:
    kit, brief = setup
    write_kit(KIT.replace("  gender: {female: 78, male: 20, other: 2}\n", ""))
    result = pitch(runner, kit, brief, extra=("--json",))
    data = json.loads(result.stdout)
    assert data["fit"]["gender"] is None
    assert data["unknown"] == ["gender"]
    assert data["fit"]["on_target"] == pytest.approx(63.0 * 0.70)  # gender left out of the product
    reader = PdfReader(kit.parent / "pitches" / "acme" / "ana-lima-media-kit.pdf")
    text = " ".join((reader.pages[0].extract_text() or "").split())
    assert "Not in the audience data: gender. Unknown, not zero" in text


def test_one_broken_brief_does_not_stop_the_others(
    runner: CliRunner, setup: tuple[Path, Path], tmp_path: Path
) -> None:
    kit, brief = setup
    second = tmp_path / "second.yaml"
    second.write_text(BRIEF.replace("Acme Flour Co.", "Bake Club"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("brand: Evil\nbudjet: 10\n", encoding="utf-8")
    result = pitch(runner, kit, brief, broken, second, extra=("--json",))
    assert result.exit_code == 1
    assert f'{broken}:2:1  budjet: unknown key "budjet"; did you mean "budget"?' in result.stderr
    assert [item["brand"] for item in json.loads(result.stdout)] == ["Acme Flour Co.", "Bake Club"]
    assert (kit.parent / "pitches" / "acme" / "email.txt").is_file()
    assert (kit.parent / "pitches" / "second" / "email.txt").is_file()
    assert not (kit.parent / "pitches" / "broken").exists()


def test_the_email_in_the_kit_language(runner: CliRunner, setup: tuple[Path, Path]) -> None:
    kit, brief = setup
    assert pitch(runner, kit, brief, extra=("--locale", "fr")).exit_code == 0
    email = (kit.parent / "pitches" / "acme" / "email.txt").read_text(encoding="utf-8")
    assert email.startswith("Objet : Ana Lima × Acme Flour Co. : Spring baking launch")
    assert "Bonjour Jane," in email
    assert re.search(r"34\s?% de mon audience", email)


def test_partial_and_open_age_bands_through_pitch(
    runner: CliRunner, setup: tuple[Path, Path], tmp_path: Path
) -> None:
    kit, _ = setup
    brief = tmp_path / "wide.yaml"
    brief.write_text('brand: Wide Co\ntarget:\n  age: ["21-34", "50+"]\n', encoding="utf-8")
    data = json.loads(pitch(runner, kit, brief, extra=("--json",)).stdout)
    # 21-34: 18-24 gives 4 of 7 years, 27 x 4/7 = 15.4286; 25-34 whole, 44.
    # 50+ is 50..59: 45-54 gives 5 of 10 years, 6 x 0.5 = 3; 55+ (55..64) gives 5 of 10, 2 x 0.5 = 1.
    assert data["fit"]["age"] == pytest.approx(27 * 4 / 7 + 44 + 3 + 1, abs=1e-3)
    assert data["fit"]["on_target"] == data["fit"]["age"]  # the only dimension targeted
    assert data["fit"]["gender"] is None and data["unknown"] == []  # not targeted: not unknown


def test_a_brief_named_twice_is_pitched_once(runner: CliRunner, setup: tuple[Path, Path]) -> None:
    kit, brief = setup
    same = brief.parent / "." / brief.name  # another spelling of the same file
    result = pitch(runner, kit, brief, same, extra=("--json",))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["brand"] == "Acme Flour Co."  # one brief: one object
    assert sorted(p.name for p in (kit.parent / "pitches").iterdir()) == ["acme"]
