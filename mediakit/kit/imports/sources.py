"""What a creator hands `mediakit import`: files, folders and zips, read into memory.

A zip is never unpacked to disk. Its members are read only when their name
ends like an analytics file (CSV, JSON), each and all together within size
limits, so a data download full of videos or a zip bomb costs nothing.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mediakit.errors import KitError, Problem
from mediakit.kit.load import MAX_FILE_BYTES

# Exports are a few megabytes; Instagram's whole data download can be
# gigabytes of media, of which only the JSON and CSV files are read.
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_FILES = 5_000
READ_SUFFIXES = (".csv", ".json", ".xlsx")
# Files a computer adds on its own: never analytics.
IGNORED_PARTS = ("__MACOSX", ".DS_Store")


@dataclass(frozen=True)
class ExportFile:
    """One file of an export: where it is, its bytes, and its own date."""

    path: Path  # shown in messages: the file, or the zip or folder followed by the member
    data: bytes
    modified: dt.date | None  # the file's date (the zip entry's, or the file system's)
    in_container: bool  # found inside a folder or zip the creator gave, not given by itself

    @property
    def name(self) -> str:
        return self.path.name

    def is_xlsx(self) -> bool:
        """An Excel workbook, by its content: a zip holding xl/workbook.xml."""
        return self.data.startswith(b"PK") and b"xl/workbook.xml" in self.data


def read_sources(sources: list[Path], today: dt.date) -> list[ExportFile]:
    """Every readable file of every SOURCE, or a KitError naming each source that failed."""
    files: list[ExportFile] = []
    problems: list[Problem] = []
    budget = _Budget()
    for source in sources:
        try:
            files.extend(_read_source(source, today, budget))
        except KitError as error:
            problems.extend(error.problems)
    if problems:
        raise KitError(problems)
    return files


class _Budget:
    """Counts what has been read across all sources, to stop at the limits."""

    def __init__(self) -> None:
        self.bytes = 0
        self.files = 0

    def take(self, size: int, where: Path) -> None:
        self.bytes += size
        self.files += 1
        if self.files > MAX_FILES:
            raise KitError(
                [Problem(f"holds more than {MAX_FILES:,} files; is it the right folder?", where)]
            )
        if self.bytes > MAX_TOTAL_BYTES:
            raise KitError(
                [
                    Problem(
                        f"holds more than {MAX_TOTAL_BYTES // 2**20} MB of CSV and JSON files; "
                        "an analytics export is a few MB. Is it the right file?",
                        where,
                    )
                ]
            )


def _read_source(source: Path, today: dt.date, budget: _Budget) -> list[ExportFile]:
    if source.is_dir():
        return _read_folder(source, today, budget)
    if not source.is_file():
        raise KitError([Problem("there is no file or folder here.", source)])
    if zipfile.is_zipfile(source) and not _is_xlsx_file(source):
        return _read_zip(source, today, budget)
    return [_read_file(source, today, budget, in_container=False)]


def _read_folder(folder: Path, today: dt.date, budget: _Budget) -> list[ExportFile]:
    files: list[ExportFile] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part in IGNORED_PARTS for part in relative.parts):
            continue
        if path.is_symlink() or not path.is_file():
            continue  # a link could lead anywhere on the computer; exports have none
        if zipfile.is_zipfile(path) and not _is_xlsx_file(path):
            files.extend(_read_zip(path, today, budget))
        elif path.suffix.lower() in READ_SUFFIXES:
            files.append(_read_file(path, today, budget, in_container=True))
    return files


def _read_file(path: Path, today: dt.date, budget: _Budget, *, in_container: bool) -> ExportFile:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KitError(
                [
                    Problem(
                        f"is larger than {MAX_FILE_BYTES // 2**20} MB; is it the right file?", path
                    )
                ]
            )
        budget.take(size, path)
        data = path.read_bytes()
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime).date()
    except OSError as error:
        raise KitError([Problem(f"cannot be read: {error.strerror}.", path)]) from None
    return ExportFile(path, data, min(modified, today), in_container)


def _read_zip(path: Path, today: dt.date, budget: _Budget) -> list[ExportFile]:
    files: list[ExportFile] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                member = PurePosixPath(info.filename)
                if member.is_absolute() or ".." in member.parts or "\\" in info.filename:
                    raise KitError(
                        [
                            Problem(
                                f'holds "{info.filename}", a name that points outside the zip; '
                                "platforms never write such names. Download the export again.",
                                path,
                            )
                        ]
                    )
                if any(part.startswith(".") or part in IGNORED_PARTS for part in member.parts):
                    continue
                if member.suffix.lower() not in READ_SUFFIXES:
                    continue
                files.append(_read_member(archive, info, path, today, budget))
    except zipfile.BadZipFile as error:
        raise KitError([Problem(f"is a damaged zip file ({error}).", path)]) from None
    except OSError as error:
        raise KitError([Problem(f"cannot be read: {error.strerror}.", path)]) from None
    return files


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, today: dt.date, budget: _Budget
) -> ExportFile:
    where = path / info.filename
    if info.file_size > MAX_FILE_BYTES:
        raise KitError(
            [Problem(f"is larger than {MAX_FILE_BYTES // 2**20} MB once unpacked.", where)]
        )
    # The sizes a zip declares can lie: read one byte past the limit to know.
    with archive.open(info) as member:
        data = member.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise KitError(
            [Problem(f"is larger than {MAX_FILE_BYTES // 2**20} MB once unpacked.", where)]
        )
    budget.take(len(data), where)
    try:
        modified: dt.date | None = dt.date(*info.date_time[:3])
    except ValueError:
        modified = None
    return ExportFile(where, data, min(modified, today) if modified else None, True)


def _is_xlsx_file(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
