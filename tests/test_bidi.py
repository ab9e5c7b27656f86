"""A creator's text cannot reorder the tool's own words around it.

An unterminated U+202E (right-to-left override) turns around everything after
it up to the end of the paragraph; right-to-left names move neutral text around
them. Wherever a creator's name, brand or source sits beside the tool's words,
it is isolated: FSI ... PDI in text, <bdi> in a template.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.cli import cli
from mediakit.model.platform import Platform
from mediakit.options import BuildOptions
from mediakit.view.direction import FSI, PDI, isolate
from mediakit.view.formatting import Formatter
from mediakit.view.wording import benchmark_sentence, source_sentence
from tests.conftest import TODAY

RLO = "\u202e"  # right-to-left override, never closed
NAME = f"Ana {RLO}Lima"


def kit_data(name: str = NAME) -> dict[str, object]:
    return {
        "version": 1,
        "creator": {"name": name, "niches": ["baking"]},
        "contact": {"email": "ana@example.com"},
        "platforms": [{"platform": "instagram", "followers": 1000, "as_of": "2026-11-01"}],
    }


def test_isolate_leaves_text_that_cannot_reorder_anything_alone() -> None:
    for text in ("Ana Lima", "Zoé Ñúñez", "山田 花子", "O'Brien & Sons 2"):
        assert isolate(text) == text


def test_isolate_wraps_right_to_left_text_and_overrides() -> None:
    assert isolate(NAME) == f"{FSI}{NAME}{PDI}"
    assert isolate("محمد علي") == f"{FSI}محمد علي{PDI}"


def test_isolate_is_balanced_whatever_the_text_holds() -> None:
    # A stray PDI would close our isolate early: it is dropped.
    assert isolate(f"a{PDI}b\u05d0") == f"{FSI}ab\u05d0{PDI}"
    # An isolate the text opens and never closes would swallow ours: it is closed.
    assert isolate("a\u2067b") == f"{FSI}a\u2067b{PDI}{PDI}"


def test_an_override_in_the_name_cannot_turn_the_pdf_footer_around(tmp_path: Path) -> None:
    (tmp_path / "mediakit.yaml").write_text(json.dumps(kit_data()), encoding="utf-8")
    result = build_kit(tmp_path / "mediakit.yaml", tmp_path / "site", BuildOptions(today=TODAY))
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    # The name's own letters after U+202E read right to left ("amiL"): that is its
    # creator's choice. The tool's words after it keep their order.
    assert "amiL · Media kit" in text, text
    assert "tik aideM" not in text
    # The PDF's title (shown by viewers instead of the file name) and the page's title.
    assert reader.metadata is not None
    assert reader.metadata.title == f"{FSI}{NAME}{PDI} · Media kit"
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{FSI}{NAME}{PDI} · Media kit</title>" in html


def test_a_benchmark_source_is_isolated_in_its_sentence(tmp_path: Path) -> None:
    from mediakit.kit.benchmarks import shipped_benchmarks
    from mediakit.metrics.benchmarks import Comparison

    benchmark = shipped_benchmarks()[0].model_copy(update={"source": f"Lab {RLO}X"})
    sentence = benchmark_sentence(
        Comparison(benchmark=benchmark, creator_rate=2.0, posts_used=10),
        "Instagram",
        Formatter.for_tag("en"),
    )
    assert f"({FSI}Lab {RLO}X{PDI}, {benchmark.year})." in sentence


def test_a_platform_source_is_isolated_in_its_sentence() -> None:
    platform = Platform.model_validate(
        {"platform": "tiktok", "followers": 1000, "as_of": "2026-11-20", "source": f"Studio {RLO}X"}
    )
    sentence = source_sentence(platform, Formatter.for_tag("en"), creator_reads=False)
    # The date after the source keeps its order: the override ends with the isolate.
    assert sentence == f"From the creator's {FSI}Studio {RLO}X{PDI} of Nov 20, 2026."


def test_the_pitch_email_isolates_the_brand_and_the_campaign(tmp_path: Path) -> None:
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(json.dumps(kit_data("Ana Lima")), encoding="utf-8")
    brief = tmp_path / "acme.yaml"
    brief.write_text(
        json.dumps({"brand": "مخبز الأمل", "campaign": f"Spring {RLO}launch"}), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["pitch", str(brief), "--kit", str(kit)])
    assert result.exit_code == 0, result.output
    [email] = tmp_path.rglob("email.txt")
    lines = email.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"Subject: Ana Lima × {FSI}مخبز الأمل{PDI}: {FSI}Spring {RLO}launch{PDI}"
    assert lines[2] == f"Hello {FSI}مخبز الأمل{PDI} team,"
