"""`mediakit build --print-html FILE`: the HTML the PDF is laid out from, openable elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from mediakit.cli import cli
from tests.conftest import SAMPLES


@pytest.mark.slow
def test_the_print_html_lays_out_as_the_kits_pdf(runner: CliRunner, tmp_path: Path) -> None:
    kit = SAMPLES / "tomas-reyes" / "mediakit.yaml"
    site, page = tmp_path / "site", tmp_path / "debug" / "print.html"
    result = runner.invoke(cli, ["build", str(kit), "-o", str(site), "--print-html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    # The page the engine got, plus a <base> at the built site, where its files are.
    assert f'<base href="{site.absolute().as_uri()}/">' in html
    assert '<body class="print">' in html
    stylesheets = [line for line in html.splitlines() if 'rel="stylesheet"' in line]
    assert stylesheets and all(
        (site / line.split('href="')[1].split('"')[0]).is_file() for line in stylesheets
    )
    from weasyprint import HTML

    again = tmp_path / "again.pdf"
    HTML(filename=str(page)).write_pdf(again)
    built = next(site.glob("*.pdf"))
    assert len(PdfReader(again).pages) == len(PdfReader(built).pages)
    first_page = PdfReader(built).pages[0].extract_text()
    assert PdfReader(again).pages[0].extract_text() == first_page


def test_without_a_pdf_there_is_no_print_html(runner: CliRunner, tmp_path: Path) -> None:
    kit = SAMPLES / "tomas-reyes" / "mediakit.yaml"
    page = tmp_path / "print.html"
    result = runner.invoke(
        cli,
        ["build", str(kit), "-o", str(tmp_path / "site"), "--no-pdf", "--print-html", str(page)],
    )
    assert result.exit_code == 2
    assert "drop --no-pdf" in result.output
    assert not page.exists()
