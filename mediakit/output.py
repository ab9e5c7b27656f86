"""The last stage: what the built files are called, and putting them in place without losing anything.

A build is rendered into a staging folder beside the output folder; only when
everything has rendered are its files moved in, each by an atomic rename.
A manifest records what the tool wrote, so a rebuild removes its own stale
files (an old image name) and never a file the creator put there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from mediakit.errors import KitError, Problem

MANIFEST_NAME = ".mediakit-manifest.json"


@contextlib.contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """A temporary folder on the same file system as `out_dir`, removed afterwards.

    Its path is absolute: the PDF engine needs it as a file:// base URL.
    """
    parent = out_dir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".mediakit-build-", dir=parent))
    except OSError as error:
        raise KitError([Problem(f"cannot write here: {error.strerror}.", parent)]) from None
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder).as_posix()) for p in folder.rglob("*") if p.is_file())


def _read_manifest_part(out_dir: Path, part: str) -> dict[str, str]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = data.get(part, {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}


def read_manifest(out_dir: Path) -> dict[str, str]:
    """The files the last build wrote, with their SHA-256."""
    return _read_manifest_part(out_dir, "files")


def read_build_notes(out_dir: Path) -> dict[str, str]:
    """What the last build noted about its files (the PDF's input fingerprint)."""
    return _read_manifest_part(out_dir, "notes")


def is_unchanged_since_published(out_dir: Path, name: str) -> bool:
    recorded = read_manifest(out_dir).get(name)
    path = out_dir / name
    return recorded is not None and path.is_file() and _digest(path) == recorded


def publish(
    staging: Path,
    out_dir: Path,
    keep: set[str] | frozenset[str] = frozenset(),
    notes: dict[str, str] | None = None,
) -> list[str]:
    """Move every file of `staging` into `out_dir`; returns the relative paths written.

    Files named in `keep` that an earlier build wrote stay in place and in the
    manifest (with their notes), though this build did not write them.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise KitError(
            [Problem("exists and is not a folder; choose another output with -o.", out_dir)]
        )
    previous = read_manifest(out_dir)
    written = _files(staging)
    foreign = [name for name in written if (out_dir / name).exists() and name not in previous]
    if foreign:
        raise KitError(
            [
                Problem(
                    "was not written by mediakit, so it is left alone and the build stops; "
                    "move it away or build into another folder with -o.",
                    out_dir / name,
                )
                for name in foreign
            ]
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    # Pages last: until they move in, the previous pages still point at the
    # previous assets, which stay in place until the end.
    for name in sorted(written, key=lambda n: n.endswith(".html")):
        target = out_dir / name
        if _unchanged(staging / name, target, previous.get(name)):
            # The same bytes as last time: left as they are, with their date,
            # so a browser's cached copy stays good.
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / name, target)
    digests = {name: _digest(out_dir / name) for name in written}
    kept = {name for name in keep if name in previous and name not in digests}
    digests |= {name: previous[name] for name in kept}
    previous_notes = read_build_notes(out_dir)
    notes = {name: previous_notes[name] for name in kept if name in previous_notes} | (notes or {})
    for name, digest in previous.items():
        stale = out_dir / name
        # Only files we wrote and nobody changed since are ours to remove.
        if name not in digests and stale.is_file() and _digest(stale) == digest:
            stale.unlink()
            _remove_empty_parents(stale.parent, out_dir)
    manifest = out_dir / MANIFEST_NAME
    partial = manifest.with_suffix(".tmp")
    partial.write_text(
        json.dumps({"files": digests, "notes": notes}, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    os.replace(partial, manifest)
    return written


def _unchanged(staged: Path, target: Path, published_digest: str | None) -> bool:
    """Whether `target` still holds what the last build wrote, and `staged` is the same."""
    return (
        published_digest is not None
        and target.is_file()
        and _digest(target) == published_digest
        and _digest(staged) == published_digest
    )


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def reuse_unchanged(out_dir: Path, name: str, fingerprint: str, staging: Path) -> bool:
    """Copy the last build's `name` into `staging` if the same input made it
    (its `fingerprint` is in the manifest's notes) and nobody has changed the
    file since: laying out a PDF is most of a build."""
    previous = out_dir / name
    if read_build_notes(out_dir).get(name) != fingerprint or not previous.is_file():
        return False
    if not is_unchanged_since_published(out_dir, name):
        return False
    shutil.copy2(previous, staging / name)
    return True


def slug(text: str) -> str:
    """`Zoé Ñúñez` -> `zoe-nunez`: ASCII letters, digits and dashes, safe on every system."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


def default_pdf_name(name: str) -> str:
    """`Maya Okafor` -> `maya-okafor-media-kit.pdf`; `media-kit.pdf` when nothing ASCII is left."""
    name_slug = slug(name)
    return f"{name_slug}-media-kit.pdf" if name_slug else "media-kit.pdf"


def email_pdf_name(pdf_name: str, kit_locale: str, locale: str | None) -> str:
    """The site's PDF name; with `--locale` for another language, that language
    is added (`maya-okafor-media-kit-fr.pdf`), so it does not replace the kit's own."""
    if locale is None or locale == kit_locale:
        return pdf_name
    return f"{pdf_name.removesuffix('.pdf')}-{slug(locale)}.pdf"
