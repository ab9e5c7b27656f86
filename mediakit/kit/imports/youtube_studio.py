"""YouTube Studio's "Export current view": a folder (or zip) of CSV files.

Named like `Content 2026-08-01_2026-11-20 Channel`, it holds `Table data.csv`
(one row a video, after a `Total` row), `Chart data.csv` and `Totals.csv`
(one row a day). Columns are whatever the creator showed, for example
`Content,Video title,Video publish time,Duration,Views,Watch time (hours),
Subscribers,Impressions,Impressions click-through rate (%),Likes,
Comments added,Shares`; dates read "Sep 27, 2026"; some video IDs carry a
leading space. The Geography, Viewer age and Viewer gender views give the
audience, as shares of views.
"""

from __future__ import annotations

import datetime as dt
import re

from mediakit.kit.imports.countries import shares_by_country
from mediakit.kit.imports.dates import full_date, language_of
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.imports.table import Row, Table, header_of, read_table, short_title, validated
from mediakit.model.audience import Audience
from mediakit.model.platform import PlatformName, Post

NAME = "YouTube Studio export (Export current view: Table data.csv, Totals.csv)"
SOURCE = "YouTube Studio export"
COLUMNS = ("Content", "Video title", "Video publish time", "Views", "Likes", "Comments added")
# The first column names the view the creator exported.
FIRST_COLUMNS = {
    "Content": "videos",
    "Geography": "countries",
    "Viewer age": "age",
    "Viewer gender": "gender",
    "Date": "days",
}
_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})")
_AGE = re.compile(r"(\d+)\s*(?:[-–]\s*(\d+)|\+|[-–]\s*$)")
GENDERS = {"female": "female", "male": "male", "user-specified": "other"}


def table_kind(file: ExportFile) -> str | None:
    header = header_of(file)
    if not header or not {"Views", "Views (%)"} & set(header):
        return None
    kind = FIRST_COLUMNS.get(header[0])
    if kind == "videos" and "Video title" not in header:
        return None
    return kind


def claims(file: ExportFile) -> bool:
    return table_kind(file) is not None


def read(files: list[ExportFile], today: dt.date) -> list[Export]:
    tables: dict[str, list[Table]] = {kind: [] for kind in FIRST_COLUMNS.values()}
    for file in files:
        if kind := table_kind(file):
            tables[kind].append(read_table(file))
    posts = [post for table in tables["videos"] for post in _videos(table)]
    days = [day for table in tables["days"] for day in _days(table)]
    # The Subscribers column counts subscribers gained, not the channel's total.
    notes: list[str] = []
    date = max(days, default=None) or _range_end(files) or _files_date(files, today)
    fields: dict[str, object] = {}
    for table in tables["countries"]:
        countries, unknown = shares_by_country(_view_shares(table))
        fields["countries"] = countries
        if unknown:
            notes.append(f"places left as other: {', '.join(unknown)}")
    for table in tables["age"]:
        fields["age"] = {_age_band(label): share for label, share in _view_shares(table)}
    for table in tables["gender"]:
        fields["gender"] = {
            GENDERS.get(label.casefold(), label.casefold()): share
            for label, share in _view_shares(table)
        }
    audience = None
    if fields:
        where = (tables["countries"] or tables["age"] or tables["gender"])[0].path
        # Shares of views, not of subscribers: the source says so.
        source = f"{SOURCE} (shares of views)"
        audience = validated(Audience, {"source": source, "as_of": date, **fields}, where)
    return [
        Export(
            platform=PlatformName.youtube,
            source=SOURCE,
            files=tuple(str(f.path) for f in files),
            date=date,
            posts=tuple(posts),
            audience=audience,
            lacks=("saves (YouTube has none)",) if posts else (),
            notes=tuple(notes),
        )
    ]


def _rows(table: Table) -> list[Row]:
    """The table's rows without the `Total` row that follows the header."""
    return [row for row in table if (row.cells[0].strip() if row.cells else "") != "Total"]


def _videos(table: Table) -> list[Post]:
    rows = _rows(table)
    texts = [row.get("Video publish time") or "" for row in rows]
    language = language_of(texts, with_year=True) or "en"
    posts = []
    for row, text in zip(rows, texts, strict=True):
        date = full_date(text, language)
        if date is None:
            raise row.error(
                "Video publish time", f'found "{text}", expected a date like "Sep 27, 2026"'
            )
        video_id = (row.get("Content") or "").strip()  # some IDs carry a leading space
        posts.append(
            row.model(
                Post,
                {
                    "date": date,
                    "views": row.count("Views"),
                    "likes": row.count("Likes"),
                    "comments": row.count("Comments added"),
                    "shares": row.count("Shares"),
                    "title": short_title(row.get("Video title")),
                    "id": video_id or None,
                    "url": f"https://www.youtube.com/watch?v={video_id}" if video_id else None,
                },
                {"id": "Content", "title": "Video title", "comments": "Comments added"},
            )
        )
    return posts


def _days(table: Table) -> list[dt.date]:
    days = []
    for row in _rows(table):
        text = row.get("Date") or ""
        try:
            days.append(dt.date.fromisoformat(text))
        except ValueError:
            date = full_date(text, language_of([text], with_year=True) or "en")
            if date is None:
                raise row.error(
                    "Date", f'found "{text}", expected a date like 2026-11-20'
                ) from None
            days.append(date)
    return days


def _view_shares(table: Table) -> list[tuple[str, float]]:
    """(label, percent of views) from a `Views (%)` column, else from views over the Total row."""
    label_column = table.header[0]
    if "Views (%)" in table.header:
        return [
            (label, share)
            for row in _rows(table)
            if (label := row.get(label_column)) and (share := row.share("Views (%)")) is not None
        ]
    total_row = next((row for row in table if row.cells and row.cells[0].strip() == "Total"), None)
    rows = _rows(table)
    total = total_row.count("Views") if total_row else None
    if not total:
        total = sum(row.count("Views") or 0 for row in rows)
    if not total:
        return []
    return [
        (label, round(views / total * 100, 2))
        for row in rows
        if (label := row.get(label_column)) and (views := row.count("Views")) is not None
    ]


def _age_band(label: str) -> str:
    """ "age18-24", "18–24 years", "65+" as the kit's "18-24" and "65+"."""
    match = _AGE.search(label)
    if not match:
        return label
    return f"{match[1]}-{match[2]}" if match[2] else f"{match[1]}+"


def _range_end(files: list[ExportFile]) -> dt.date | None:
    """The end of the range in the folder's name (`Content 2026-08-01_2026-11-20 Channel`)."""
    ends = [
        dt.date.fromisoformat(match[2])
        for file in files
        for part in file.path.parts
        if (match := _RANGE.search(part))
    ]
    return max(ends, default=None)


def _files_date(files: list[ExportFile], today: dt.date) -> dt.date:
    return max((f.modified for f in files if f.modified), default=today)
