"""Which export each file is, told from its content (never from its name alone).

Every format module says which files it claims by their header row or JSON
labels. Files of one format are read together (TikTok's Content, Follower
and Overview zips make one export). A file given by itself that no format
claims is an error naming the formats known and the columns found; inside a
folder or a zip such files are passed over, since a data download holds
many files that are not analytics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from mediakit.errors import KitError, Problem
from mediakit.kit.imports import (
    instagram_download,
    meta_business_suite,
    substack,
    tiktok_studio,
    youtube_studio,
)
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.imports.table import header_of

# In the order they are tried: the most specific headers first (YouTube's
# daily `Date,Views` table would otherwise claim TikTok's Overview).
FORMATS: tuple[ModuleType, ...] = (
    tiktok_studio,
    meta_business_suite,
    substack,
    youtube_studio,
    instagram_download,
)


@dataclass(frozen=True)
class Detected:
    exports: list[Export]
    passed_over: list[ExportFile]  # files in folders and zips that are no known export


def read_exports(files: list[ExportFile], today: dt.date) -> Detected:
    problems: list[Problem] = []
    claimed: dict[ModuleType, list[ExportFile]] = {}
    passed_over: list[ExportFile] = []
    for file in files:
        if file.is_xlsx():
            problems.append(
                Problem(
                    "is an Excel file (XLSX). mediakit reads CSV: download the data again and "
                    "choose CSV as the file format (TikTok Studio asks when you download).",
                    file.path,
                )
            )
            continue
        owner = next((fmt for fmt in FORMATS if fmt.claims(file)), None)
        if owner is not None:
            claimed.setdefault(owner, []).append(file)
        elif file.in_container:
            passed_over.append(file)
        else:
            problems.append(Problem(unknown_file_message(file), file.path))
    if not claimed and not problems:
        problems.append(
            Problem(
                f"none of the {len(files)} files given is an export mediakit knows. "
                + known_formats(),
            )
        )
    exports: list[Export] = []
    for fmt in FORMATS:
        if fmt not in claimed:
            continue
        read: Callable[[list[ExportFile], dt.date], list[Export]] = fmt.read
        try:
            exports.extend(read(claimed[fmt], today))
        except KitError as error:
            problems.extend(error.problems)
    if problems:
        raise KitError(problems)
    return Detected(exports, passed_over)


def known_formats() -> str:
    return (
        "mediakit knows: "
        + "; ".join(
            f"{fmt.NAME}, with columns such as {', '.join(fmt.COLUMNS[:4])}" for fmt in FORMATS
        )
        + "."
    )


def unknown_file_message(file: ExportFile) -> str:
    header = header_of(file)
    if file.name.endswith(".json"):
        found = "a JSON file with none of the labels of Instagram's insights"
    elif header:
        found = "the columns " + ", ".join(f'"{column}"' for column in header[:12])
    else:
        found = "no columns"
    return f"is not an export mediakit knows: found {found}. " + known_formats()
