"""Files written from the format specification alone are accepted and mean what it says."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.build import build_kit
from mediakit.cli import cli
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit, validate_document
from mediakit.metrics.fit import audience_fit
from mediakit.model.brief import Brief
from mediakit.options import BuildOptions

DATA = Path(__file__).parent / "data"


@pytest.fixture
def spec_kit(tmp_path: Path) -> Path:
    shutil.copy(DATA / "spec_kit.yaml", tmp_path / "mediakit.yaml")
    return tmp_path / "mediakit.yaml"


def test_spec_kit_validates_with_its_meaning(spec_kit: Path) -> None:
    kit = parse_kit(load_yaml(spec_kit))
    assert kit.creator.handle == "jobakes"  # the leading @ is dropped
    assert kit.platforms[0].followers == 18400
    assert kit.platforms[1].as_of == dt.date(2026, 11, 1)  # YYYY-MM
    assert kit.audience is not None and kit.audience.countries["NO"] == 1  # Norway, not false
    assert kit.collaborations[0].results is not None
    assert kit.collaborations[0].results.extra_results() == {"bakes_shared": 85}


def test_spec_kit_stats(spec_kit: Path, runner: CliRunner) -> None:
    # Reach basis (every post gives reach): 800 / 9000 = 8.889 %, 685 / 8000 = 8.5625 %.
    # Median of two = mean = 8.7257 %. The claim of 4.2 % is far off: a warning.
    result = runner.invoke(cli, ["stats", str(spec_kit), "--json"])
    assert result.exit_code == 0
    instagram = json.loads(result.stdout)["platforms"][0]
    assert instagram["engagement_basis"] == "reach"
    assert instagram["engagement_rate"] == pytest.approx((800 / 9000 + 685 / 8000) / 2 * 100)
    assert "you state 4.2 %" in result.stderr


def test_spec_kit_builds_on_letter_paper(spec_kit: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = build_kit(spec_kit, tmp_path / "out", BuildOptions(today=dt.date(2026, 11, 21)))
    assert result.pdf == tmp_path / "out" / "jo-baker.pdf"
    width, height = PdfReader(result.pdf).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (612, 792)  # 8.5 x 11 in


def test_spec_brief_validates_and_fits(spec_kit: Path) -> None:
    brief = validate_document(load_yaml(DATA / "spec_brief.yaml"), Brief)
    assert brief.target.age == ["25-44"]
    kit = parse_kit(load_yaml(spec_kit))
    fit = audience_fit(kit.audience, brief, kit.creator.niches)
    # Age 25-44: 44 + 19 = 63 %; female 78 %; AU + NZ 70 %. 0.63 * 0.78 * 0.70 = 0.34398.
    assert fit.on_target == pytest.approx(0.34398)
    assert fit.niche_matches == ("baking",)


def test_brief_unknown_key_is_an_error(tmp_path: Path) -> None:
    from mediakit.errors import KitError

    path = tmp_path / "brief.yaml"
    path.write_text("brand: Acme\nbudjet: 10\n")
    with pytest.raises(KitError) as caught:
        validate_document(load_yaml(path), Brief)
    assert (
        caught.value.problems[0]
        .format()
        .endswith('budjet: unknown key "budjet"; did you mean "budget"?')
    )
