"""Exports read as tables, and their cells as counts and shares.

Platforms write numbers for people, not programs: `"15,000"` with a
thousands separator, `undefined` where a figure is not given (never zero),
fractions where the kit wants percentages. Every cell that cannot be read
becomes a problem at its file, line and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from mediakit.errors import KitError, Problem
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.validate import describe

# How exports say "no figure here": a missing count is left out, never zero.
NOT_GIVEN = frozenset({"", "undefined", "-", "--", "n/a", "null"})
_COUNT = re.compile(r"\d{1,3}(?:([,.\u00a0\u202f ])\d{3})(?:\1\d{3})*|\d+")
_SHARE = re.compile(r"\d+(?:[.,]\d+)?")
ModelT = TypeVar("ModelT", bound=BaseModel)


class CellError(ValueError):
    """A cell that is not what its column promises; the reader adds where it is."""


def text_of(file: ExportFile) -> str:
    """The file's text: UTF-8, with or without a byte-order mark (TikTok writes one)."""
    try:
        return file.data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = file.data[: error.start].count(b"\n") + 1
        raise KitError(
            [
                Problem(
                    "is not UTF-8 text; download the export again rather than opening and "
                    "saving it in a spreadsheet.",
                    file.path,
                    line,
                )
            ]
        ) from None


@dataclass(frozen=True)
class Row:
    """One row of a table, with its line, read by column name."""

    table: Table
    line: int
    cells: tuple[str, ...]

    def get(self, column: str) -> str | None:
        index = self.table.column(column)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index].strip()

    def count(self, column: str) -> int | None:
        """A whole number of 0 or more; None where the export gives none."""
        cell = self.get(column)
        try:
            return parse_count(cell)
        except CellError as error:
            raise self.error(column, str(error)) from None

    def fraction_as_percent(self, column: str) -> float | None:
        """TikTok's 0.62 as 62.0."""
        share = self.share(column)
        return None if share is None else round(share * 100, 2)

    def share(self, column: str) -> float | None:
        cell = self.get(column)
        if cell is None or cell.lower() in NOT_GIVEN:
            return None
        text = cell.removesuffix("%").strip()
        if not _SHARE.fullmatch(text):
            raise self.error(column, f'found "{cell}", expected a share such as 0.62 or 41.1%')
        return float(text.replace(",", "."))

    def model(
        self, model: type[ModelT], fields: dict[str, object], columns: dict[str, str]
    ) -> ModelT:
        """`fields` validated as `model`; a field that fails points at its column (`columns`)."""
        try:
            return model.model_validate({k: v for k, v in fields.items() if v is not None})
        except ValidationError as error:
            problems: list[Problem] = []
            for detail in error.errors(include_url=False):
                field = str(detail["loc"][0]) if detail["loc"] else ""
                column = columns.get(field, field)
                index = self.table.column(column)
                message, _ = describe(detail, model)
                problems.append(
                    Problem(
                        f"{column}: {message}",
                        self.table.path,
                        self.line,
                        None if index is None else index + 1,
                    )
                )
            raise KitError(problems) from None

    def error(self, column: str, message: str) -> KitError:
        index = self.table.column(column)
        return KitError(
            [
                Problem(
                    f"{column}: {message}",
                    self.table.path,
                    self.line,
                    None if index is None else index + 1,
                )
            ]
        )


@dataclass(frozen=True)
class Table:
    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line, cells)

    def column(self, name: str) -> int | None:
        try:
            return self.header.index(name)
        except ValueError:
            return None

    def __iter__(self) -> Iterator[Row]:
        for line, cells in self.rows:
            if any(cell.strip() for cell in cells):
                yield Row(self, line, cells)


def read_table(file: ExportFile) -> Table:
    """A CSV file as a header and its rows, each with its line number."""
    reader = csv.reader(io.StringIO(text_of(file), newline=""))
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] = ()
    try:
        for cells in reader:
            if not header:
                header = tuple(cell.strip() for cell in cells)
                continue
            rows.append((reader.line_num, tuple(cells)))
    except csv.Error as error:
        raise KitError(
            [Problem(f"is not a readable CSV file ({error}).", file.path, reader.line_num)]
        ) from None
    return Table(file.path, header, tuple(rows))


def header_of(file: ExportFile) -> tuple[str, ...]:
    """The first row of a CSV file, or () when it is not CSV text."""
    try:
        text = file.data[:65536].decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError:
        return ()
    try:
        first = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        return ()
    return tuple(cell.strip() for cell in first)


def parse_count(cell: str | None) -> int | None:
    """`"15,000"`, `15.000`, `15 000` or `15000` as 15000; None for `undefined` or blank."""
    if cell is None or cell.strip().lower() in NOT_GIVEN:
        return None
    text = cell.strip()
    match = _COUNT.fullmatch(text)
    if not match:
        raise CellError(f'found "{text}", expected a whole number such as 15000 or "15,000"')
    return int(re.sub(r"\D", "", text))


def short_title(text: str | None, limit: int = 80) -> str | None:
    """The first line of a caption, cut at a word near `limit` characters: a post's title."""
    if not text or not text.strip():
        return None
    line = text.strip().splitlines()[0].strip()
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(" ,.;:-") + "…"


def validated(model: type[ModelT], fields: dict[str, object], where: Path) -> ModelT:
    """`fields` as `model` (an audience read from a whole file), or a KitError at `where`."""
    try:
        return model.model_validate(fields)
    except ValidationError as error:
        raise KitError(
            [
                Problem(f"{'.'.join(map(str, d['loc']))}: {describe(d, model)[0]}", where)
                for d in error.errors(include_url=False)
            ]
        ) from None
