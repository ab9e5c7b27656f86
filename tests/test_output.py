"""Writing a build never loses a file the creator made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mediakit.errors import KitError
from mediakit.output import MANIFEST_NAME, publish, read_manifest, staging_folder


def stage(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def test_publish_moves_files_in_and_keeps_foreign_ones(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "CNAME").write_text("mine")
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v1", "assets/a.jpg": "A"}), out)
    assert (out / "index.html").read_text() == "v1"
    assert (out / "CNAME").read_text() == "mine"
    assert (out / MANIFEST_NAME).is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # the staging folder is gone


def test_rebuild_removes_its_own_stale_files_only(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with staging_folder(out) as staging:
        publish(
            stage(staging, {"index.html": "v1", "assets/old.jpg": "A", "assets/edited.jpg": "B"}),
            out,
        )
    (out / "assets" / "edited.jpg").write_text("the creator changed this")
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v2", "assets/new.jpg": "C"}), out)
    assert not (out / "assets" / "old.jpg").exists()
    assert (out / "assets" / "edited.jpg").read_text() == "the creator changed this"
    assert (out / "assets" / "new.jpg").is_file()
    assert (out / "index.html").read_text() == "v2"


def test_a_foreign_file_in_the_way_stops_the_build_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("my own page")
    with (
        pytest.raises(KitError, match="was not written by mediakit"),
        staging_folder(out) as staging,
    ):
        publish(stage(staging, {"index.html": "generated", "assets/a.jpg": "A"}), out)
    assert (out / "index.html").read_text() == "my own page"
    assert not (out / "assets").exists()


def test_a_failed_render_leaves_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v1"}), out)
    with pytest.raises(RuntimeError), staging_folder(out) as staging:
        stage(staging, {"index.html": "half"})
        raise RuntimeError("the PDF engine failed")
    assert (out / "index.html").read_text() == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_output_that_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.write_text("not a folder")
    with pytest.raises(KitError, match="not a folder"), staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "x"}), out)


def test_files_with_the_same_bytes_are_left_with_their_date(tmp_path: Path) -> None:
    # A browser (and `serve`) can then keep its copy of unchanged fonts and images.
    out = tmp_path / "site"
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v1", "assets/font.otf": "F", "a.css": "x"}), out)
    old = 1_000_000_000
    for name in ("index.html", "assets/font.otf", "a.css"):
        os.utime(out / name, ns=(old, old))
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v2", "assets/font.otf": "F", "a.css": "y"}), out)
    assert (out / "assets/font.otf").stat().st_mtime_ns == old
    assert (out / "index.html").read_text() == "v2" and (out / "a.css").read_text() == "y"
    assert (out / "a.css").stat().st_mtime_ns != old
    # A file changed by someone since is written again, not trusted.
    (out / "assets/font.otf").write_text("tampered")
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v2", "assets/font.otf": "F", "a.css": "y"}), out)
    assert (out / "assets/font.otf").read_text() == "F"


def interrupt_after_moving(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Ctrl+C right after publishing moves `name` in (and before its manifest is written)."""
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        staged = ".mediakit-staging-" in str(source) or ".mediakit-build-" in str(source)
        if Path(target).name == name and staged:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)


def test_ctrl_c_while_publishing_is_picked_up_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v1", "assets/a.css": "A"}), out)
    with monkeypatch.context() as patch:
        interrupt_after_moving(patch, "b.css")
        with pytest.raises(KeyboardInterrupt), staging_folder(out) as staging:
            publish(stage(staging, {"index.html": "v2", "assets/b.css": "B", "c.css": "C"}), out)
    assert (out / "assets/b.css").is_file() and not (out / "c.css").exists()
    # b.css is the tool's own, though the manifest was never written: the next
    # build replaces it, and removes a.css as before.
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v3", "assets/b.css": "B3"}), out)
    assert (out / "assets/b.css").read_text() == "B3"
    assert not (out / "assets/a.css").exists()
    assert sorted(read_manifest(out)) == ["assets/b.css", "index.html"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".mediakit-staging")] == []


def test_a_file_changed_after_an_interrupted_publish_stays_the_creators(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    with staging_folder(out) as staging:
        publish(stage(staging, {"index.html": "v1"}), out)
    with monkeypatch.context() as patch:
        interrupt_after_moving(patch, "b.css")
        with pytest.raises(KeyboardInterrupt), staging_folder(out) as staging:
            publish(stage(staging, {"index.html": "v2", "b.css": "B"}), out)
    (out / "b.css").write_text("my own stylesheet now")
    with (
        pytest.raises(KitError, match="was not written by mediakit"),
        staging_folder(out) as staging,
    ):
        publish(stage(staging, {"index.html": "v3", "b.css": "B"}), out)
    assert (out / "b.css").read_text() == "my own stylesheet now"


def test_a_folder_staged_into_twice_by_one_process_keeps_both(tmp_path: Path) -> None:
    # `mediakit build -o pitches` with private rates: the site and the emailed
    # PDF are staged in one folder at once; neither staging is a leftover.
    out = tmp_path / "pitches"
    with staging_folder(out) as site:
        stage(site, {"index.html": "site"})
        with staging_folder(out) as email:
            stage(email, {"kit.pdf": "pdf"})
            publish(email, out)
        assert (site / "index.html").read_text() == "site"
        publish(site, out, keep={"kit.pdf"})
    assert (out / "kit.pdf").read_text() == "pdf"
    assert (out / "index.html").read_text() == "site"
