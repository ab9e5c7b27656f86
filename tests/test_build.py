"""A whole build: interrupted, repeated, or next to the creator's own files."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.build import build_kit
from mediakit.options import BuildOptions

TODAY = dt.date(2026, 11, 21)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_rebuilding_is_idempotent(write_kit, tmp_path: Path) -> None:
    kit = write_kit()
    build_kit(kit, None, BuildOptions(today=TODAY))
    first = snapshot(tmp_path / "site")
    build_kit(kit, None, BuildOptions(today=TODAY))
    assert snapshot(tmp_path / "site") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "mediakit.yaml",
        "site",
    ]  # no staging left


def test_an_interrupted_build_leaves_the_previous_site(
    write_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = write_kit()
    build_kit(kit, None, BuildOptions(today=TODAY))
    (tmp_path / "site" / "CNAME").write_text("kit.example.com")
    before = snapshot(tmp_path / "site")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C while the PDF is being laid out

    import mediakit.render.pdf

    monkeypatch.setattr(mediakit.render.pdf, "write_pdf", interrupted)
    write_kit(kit.read_text().replace("Ana Lima", "Ana Maria Lima"))
    with pytest.raises(KeyboardInterrupt):
        build_kit(kit, None, BuildOptions(today=TODAY))
    assert snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mediakit.yaml", "site"]


def test_creator_files_in_the_output_survive_rebuilds(write_kit, tmp_path: Path) -> None:
    kit = write_kit()
    site = tmp_path / "site"
    site.mkdir()
    (site / "CNAME").write_text("kit.example.com")
    (site / "notes").mkdir()
    (site / "notes" / "draft.md").write_text("mine")
    build_kit(kit, None, BuildOptions(today=TODAY))
    write_kit(kit.read_text() + "site:\n  pdf_name: renamed.pdf\n")  # the old PDF becomes stale
    build_kit(kit, None, BuildOptions(today=TODAY))
    assert (site / "CNAME").read_text() == "kit.example.com"
    assert (site / "notes" / "draft.md").read_text() == "mine"
    assert (site / "renamed.pdf").is_file()
    assert not (site / "ana-lima-media-kit.pdf").exists()


def test_validate_and_stats_do_not_import_the_rendering_path(write_kit) -> None:
    # WeasyPrint takes half a second to import, Jinja and Markdown less: checking a kit loads none.
    kit = write_kit()
    code = (
        "import sys; from click.testing import CliRunner; from mediakit.cli import cli; "
        f"r = CliRunner().invoke(cli, ['validate', {str(kit)!r}]); assert r.exit_code == 0; "
        f"r = CliRunner().invoke(cli, ['stats', {str(kit)!r}]); assert r.exit_code == 0; "
        "print(sorted(m for m in ('weasyprint', 'jinja2', 'markdown', 'nh3') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_rebuilds_in_one_process_follow_template_edits(write_kit, tmp_path: Path) -> None:
    # `serve` rebuilds in one process and reuses compiled templates: an edit to
    # a template, or a new override beside the kit, must still show.
    kit, out = write_kit(), tmp_path / "site"
    build_kit(kit, out, BuildOptions(pdf=False, today=TODAY))
    assert "first version" not in (out / "index.html").read_text()
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "index.html").write_text("<p>{{ kit.name }}: first version</p>")
    build_kit(kit, out, BuildOptions(pdf=False, today=TODAY))
    assert (out / "index.html").read_text() == "<p>Ana Lima: first version</p>"
    (templates / "index.html").write_text("<p>{{ kit.name }}: the second version</p>")
    build_kit(kit, out, BuildOptions(pdf=False, today=TODAY))
    assert (out / "index.html").read_text() == "<p>Ana Lima: the second version</p>"
    (templates / "index.html").unlink()
    build_kit(kit, out, BuildOptions(pdf=False, today=TODAY))
    assert "version" not in (out / "index.html").read_text()


def test_keep_pdf_links_the_previous_pdf_and_leaves_it(write_kit, tmp_path: Path) -> None:
    # How `serve` shows new pages before the new PDF: the old one stays linked.
    kit, out = write_kit(), tmp_path / "site"
    first = build_kit(kit, out, BuildOptions(today=TODAY))
    assert first.pdf is not None
    before = first.pdf.read_bytes()
    build_kit(kit, out, BuildOptions(pdf=False, keep_pdf=True, today=TODAY))
    assert first.pdf.read_bytes() == before
    assert f'href="{first.pdf.name}"' in (out / "index.html").read_text()
    # A plain build without the PDF removes it: it would no longer match the pages.
    build_kit(kit, out, BuildOptions(pdf=False, today=TODAY))
    assert not first.pdf.exists()


def test_an_unchanged_pdf_is_not_laid_out_again(write_kit, tmp_path: Path, monkeypatch) -> None:
    import mediakit.render.pdf as engine

    renders: list[str] = []
    real = engine.write_pdf

    def counting(html: str, base: Path, target: Path, **options: object) -> None:
        renders.append(target.name)
        real(html, base, target, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "write_pdf", counting)
    kit, out = write_kit(), tmp_path / "site"
    first = build_kit(kit, out, BuildOptions(today=TODAY))
    assert first.pdf is not None
    made = first.pdf.read_bytes()
    build_kit(kit, out, BuildOptions(today=TODAY))
    assert renders == [first.pdf.name]  # the second build reused it
    assert first.pdf.read_bytes() == made
    # Something only the site uses: the PDF is still right.
    kit.write_text(kit.read_text() + "site:\n  cname: kit.example.com\n")
    build_kit(kit, out, BuildOptions(today=TODAY))
    assert len(renders) == 1
    # Something the PDF shows: laid out anew.
    kit.write_text(kit.read_text().replace("12000", "13000"))
    build_kit(kit, out, BuildOptions(today=TODAY))
    assert len(renders) == 2
    # A PDF changed by hand since is never trusted: laid out anew.
    first.pdf.write_bytes(first.pdf.read_bytes() + b"\n% edited")
    build_kit(kit, out, BuildOptions(today=TODAY))
    assert len(renders) == 3
