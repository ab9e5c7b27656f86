"""The last stage: what the built files are called, and putting them in place without losing anything.

A build is rendered into a staging folder inside the output folder (so on
its file system, even when the output folder is a mount point); only when
everything has rendered are its files moved in, each by an atomic rename.
A manifest records what the tool wrote, so a rebuild removes its own stale
files (an old image name) and never a file the creator put there.

Publishing can be interrupted anywhere (Ctrl+C, a kill, a power cut) and
the next build picks up after it: the new manifest is written as
`.mediakit-publishing.json` before the first file moves, so the next build
recognises the files it names (by their SHA-256) as the tool's own. One
build at a time writes into a folder (a lock file, `.mediakit-lock`); a
second one waits, and says so. A staging folder a killed build left behind
is removed by the next build into that folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from filelock import FileLock, Timeout

from mediakit.errors import KitError, Problem

MANIFEST_NAME = ".mediakit-manifest.json"
# The manifest of a publish under way: written before the first file moves.
PUBLISHING_NAME = ".mediakit-publishing.json"
LOCK_NAME = ".mediakit-lock"
STAGING_PREFIX = ".mediakit-staging-"


def _say_waiting(message: str) -> None:
    click.echo(message, err=True)


@contextlib.contextmanager
def staging_folder(out_dir: Path, on_wait: Callable[[str], None] = _say_waiting) -> Iterator[Path]:
    """A temporary folder inside `out_dir`, for files to `publish` there; removed afterwards.

    For as long as it lasts, this process alone writes into `out_dir`: a build
    that finds another one writing there calls `on_wait` and waits for it.
    Its path is absolute: the PDF engine needs it as a file:// base URL.
    """
    out_dir = out_dir.absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise KitError(
            [Problem("exists and is not a folder; choose another output with -o.", out_dir)]
        )
    with _write_errors_explained(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(out_dir / LOCK_NAME, is_singleton=True)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            on_wait(
                f"Waiting for another mediakit build to finish writing into {out_dir} "
                f"(it holds {out_dir / LOCK_NAME})..."
            )
            lock.acquire()
    try:
        with _write_errors_explained(out_dir):
            _finish_interrupted_publish(out_dir)
            _remove_leftovers(out_dir)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
        _LIVE_STAGING.add(staging)
        try:
            with _write_errors_explained(out_dir):
                yield staging
        finally:
            _LIVE_STAGING.discard(staging)
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        lock.release()


# This process's staging folders in use: the lock is re-entrant (a build whose
# site and emailed PDF go to one folder), and a folder in use is no leftover.
_LIVE_STAGING: set[Path] = set()


# What a build can do nothing about: the disk, not the kit.
_WRITE_ERRORS = {
    errno.ENOSPC: "there is no space left on the disk that holds it; free some space "
    "(or build into a folder on another disk with -o) and build again.",
    errno.EDQUOT: "your disk quota is used up; free some space and build again.",
    errno.EROFS: "is on a read-only disk or mount; build into another folder with -o.",
    errno.EACCES: "cannot be written (permission denied); check who owns it, "
    "or build into another folder with -o.",
    errno.EPERM: "cannot be written (operation not permitted); check who owns it, "
    "or build into another folder with -o.",
}


def _write_failure(error: OSError, out_dir: Path, *, moved: bool) -> KitError:
    explained = _WRITE_ERRORS[error.errno or 0]
    if moved:
        state = (
            "The new files are partly in place: the next build finishes the job, "
            "and no file of yours was touched."
        )
    else:
        state = "Nothing in it was changed."
    return KitError([Problem(f"{explained} {state}", out_dir)])


@contextlib.contextmanager
def _write_errors_explained(out_dir: Path) -> Iterator[None]:
    """A full or read-only disk as a sentence, not a traceback (the site is as it was)."""
    try:
        yield
    except OSError as error:
        if error.errno not in _WRITE_ERRORS:
            raise
        raise _write_failure(error, out_dir, moved=False) from None


def _finish_interrupted_publish(out_dir: Path) -> None:
    """Take in the files an interrupted publish moved in, as its own record names them.

    A file named in `.mediakit-publishing.json` with the bytes recorded there
    was moved in by the tool (before the record was written, no file of that
    name existed or the manifest already named it); any other is left as it is.
    """
    record = _read_json(out_dir / PUBLISHING_NAME)
    if record is None:
        return
    files, notes = _part(record, "files"), _part(record, "notes")
    manifest = read_manifest(out_dir)
    manifest_notes = read_build_notes(out_dir)
    for name, digest in files.items():
        path = out_dir / name
        if path.is_file() and _digest(path) == digest:
            manifest[name] = digest
            # A note (the PDF's fingerprint) belongs to the bytes it was written with.
            manifest_notes.pop(name, None)
            if name in notes:
                manifest_notes[name] = notes[name]
    _write_manifest(out_dir / MANIFEST_NAME, manifest, manifest_notes)
    (out_dir / PUBLISHING_NAME).unlink()


def _remove_leftovers(out_dir: Path) -> None:
    """Staging folders and half-written records of builds that were killed.

    Called with the folder's lock held: no other build is using them."""
    for path in out_dir.glob(f"{STAGING_PREFIX}*"):
        if path.is_dir() and not path.is_symlink() and path not in _LIVE_STAGING:
            shutil.rmtree(path, ignore_errors=True)
    for name in (MANIFEST_NAME, PUBLISHING_NAME):
        (out_dir / f"{name}.tmp").unlink(missing_ok=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder).as_posix()) for p in folder.rglob("*") if p.is_file())


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _part(data: dict[str, object] | None, part: str) -> dict[str, str]:
    entries = data.get(part, {}) if data else {}
    return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}


def _read_manifest_part(out_dir: Path, part: str) -> dict[str, str]:
    return _part(_read_json(out_dir / MANIFEST_NAME), part)


def _write_manifest(path: Path, files: dict[str, str], notes: dict[str, str]) -> None:
    """Written whole, then renamed into place: a reader never finds half of one."""
    partial = path.with_name(f"{path.name}.tmp")
    partial.write_text(
        json.dumps({"files": files, "notes": notes}, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    os.replace(partial, path)


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
    *,
    keep_changes: bool = False,
) -> list[str]:
    """Move every file of `staging` into `out_dir`; returns the relative paths written.

    Call it inside `staging_folder(out_dir)`, which holds the folder's lock.
    Files named in `keep` that an earlier build wrote stay in place and in the
    manifest (with their notes), though this build did not write them. A file
    the tool did not write is never replaced; with `keep_changes`, neither is
    one it wrote that has been changed since (a site's own files are the
    tool's to write again; a pitch's email is the creator's once edited).
    """
    previous = read_manifest(out_dir)
    written = _files(staging)
    foreign = [name for name in written if (out_dir / name).exists() and name not in previous]
    changed = [
        name
        for name in written
        if keep_changes
        and name in previous
        and (out_dir / name).is_file()
        and _digest(out_dir / name) != previous[name]
    ]
    if foreign or changed:
        raise KitError(
            [
                Problem(
                    "was not written by mediakit, so it is left alone and the build stops; "
                    "move it away or build into another folder with -o.",
                    out_dir / name,
                )
                for name in foreign
            ]
            + [
                Problem(
                    "was changed since mediakit wrote it, so it is kept and nothing here is "
                    "written; move it away (or delete it) to have a new one written.",
                    out_dir / name,
                )
                for name in changed
            ]
        )
    digests = {name: _digest(staging / name) for name in written}
    kept = {name for name in keep if name in previous and name not in digests}
    digests |= {name: previous[name] for name in kept}
    previous_notes = read_build_notes(out_dir)
    notes = {name: previous_notes[name] for name in kept if name in previous_notes} | (notes or {})
    # Recorded before anything moves: if this is interrupted, the next build
    # knows these files for the tool's own (_finish_interrupted_publish). It is
    # also the last write that needs space: renames need none.
    publishing = out_dir / PUBLISHING_NAME
    _write_manifest(publishing, digests, notes)
    try:
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
        for name, digest in previous.items():
            stale = out_dir / name
            # Only files we wrote and nobody changed since are ours to remove.
            if name not in digests and stale.is_file() and _digest(stale) == digest:
                stale.unlink()
                _remove_empty_parents(stale.parent, out_dir)
        os.replace(publishing, out_dir / MANIFEST_NAME)
    except OSError as error:
        if error.errno not in _WRITE_ERRORS:
            raise
        raise _write_failure(error, out_dir, moved=True) from None
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


def brand_folder(brand: str) -> str:
    """`Acme Flour Co.` -> `acme-flour-co`: a brand's pitch folder, from the brand alone.

    Names that differ only in case, accents or punctuation are one brand. A
    brand with no ASCII letter or digit (`日清食品`) gets a name from its hash,
    the same at every run."""
    if name := slug(brand):
        return name
    digest = hashlib.sha256(unicodedata.normalize("NFC", brand).casefold().encode()).hexdigest()
    return f"brand-{digest[:10]}"


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
