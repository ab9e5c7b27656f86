"""TikTok Studio's analytics downloads: a zip per tab, a CSV per table inside.

`Content.csv` lists videos, `Overview.csv` daily totals, `FollowerHistory.csv`
the follower count per day, `FollowerGender.csv` and
`FollowerTopTerritories.csv` the followers' shares as fractions (0.62). Dates
read "May 16" with no year, in the Studio's language; files start with a
byte-order mark; `undefined` means not given. Studio offers CSV or XLSX:
mediakit reads CSV (see `detect.py` for the message XLSX gets).
"""

from __future__ import annotations

import datetime as dt
import re

from mediakit.kit.imports.countries import shares_by_country
from mediakit.kit.imports.dates import full_date, language_of, latest_date_on_or_before, month_day
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.imports.table import Row, Table, header_of, read_table, short_title, validated
from mediakit.model.audience import Audience
from mediakit.model.platform import HistoryPoint, PlatformName, Post

NAME = "TikTok Studio download (CSV in a zip)"
SOURCE = "TikTok Studio export"
HEADERS = {
    "content": (
        "Time",
        "Video title",
        "Video link",
        "Post time",
        "Total likes",
        "Total comments",
        "Total shares",
        "Total views",
    ),
    "overview": ("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"),
    "follower_history": ("Date", "Followers", "Difference in followers from previous day"),
    "gender": ("Gender", "Distribution"),
    "territories": ("Top territories", "Distribution"),
}
COLUMNS = tuple(sorted({column for header in HEADERS.values() for column in header}))
_VIDEO_ID = re.compile(r"/video/(\d+)")
# TikTok names genders in English whatever the Studio's language.
GENDERS = {"female": "female", "male": "male", "other": "other", "others": "other"}


def table_kind(file: ExportFile) -> str | None:
    header = header_of(file)
    return next((kind for kind, known in HEADERS.items() if header == known), None)


def claims(file: ExportFile) -> bool:
    return table_kind(file) is not None


def read(files: list[ExportFile], today: dt.date) -> list[Export]:
    # The files' own date bounds every date in them: "May 16" is the last May 16 on or
    # before the day the export was made, never one in the future.
    made = max((f.modified for f in files if f.modified), default=today)
    tables: dict[str, list[Table]] = {kind: [] for kind in HEADERS}
    for file in files:
        kind = table_kind(file)
        if kind:
            tables[kind].append(read_table(file))
    posts: list[Post] = []
    history: list[HistoryPoint] = []
    days: list[dt.date] = []
    notes: list[str] = []
    for table in tables["content"]:
        posts.extend(_videos(table, made))
    for table in tables["follower_history"]:
        history.extend(_followers(table, made))
    for table in tables["overview"]:
        days.extend(date for _, date in _dated_rows(table, "Date", made))
        notes.append(
            f"{table.path.name}: daily totals for the whole account have no place in the "
            "kit; its dates give the export's range."
        )
    gender = {
        GENDERS.get(label.casefold(), label.casefold()): share
        for table in tables["gender"]
        for label, share in _shares(table, "Gender")
    }
    countries, unknown = shares_by_country(
        [
            (label, share)
            for table in tables["territories"]
            for label, share in _shares(table, "Top territories")
            if label.casefold() != "others"  # the rest: the kit counts it as other
        ]
    )
    if unknown:
        notes.append(f"territories left as other: {', '.join(unknown)} (not ISO country codes)")
    days.extend(point.date for point in history)
    date = max(days, default=made)
    audience = None
    if gender or countries:
        where = (tables["gender"] or tables["territories"])[0].path
        audience = validated(
            Audience,
            {"source": SOURCE, "as_of": date, "gender": gender, "countries": countries},
            where,
        )
    latest = max(history, key=lambda point: point.date, default=None)
    lacks = ["saves and reach (TikTok Studio's Content table has neither)"] if posts else []
    return [
        Export(
            platform=PlatformName.tiktok,
            source=SOURCE,
            files=tuple(str(f.path) for f in files),
            date=date,
            posts=tuple(posts),
            history=tuple(history),
            followers=latest.followers if latest else None,
            audience=audience,
            lacks=tuple(lacks),
            notes=tuple(notes),
        )
    ]


def _dated_rows(table: Table, column: str, made: dt.date) -> list[tuple[Row, dt.date]]:
    """Each row with its date: "May 16" in the Studio's language, the year inferred."""
    rows = list(table)
    texts = [row.get(column) or "" for row in rows]
    with_year = language_of(texts, with_year=True)
    language = with_year or language_of(texts, with_year=False)
    if language is None:
        first = next((row for row in rows if row.get(column)), rows[0] if rows else None)
        if first is None:
            return []
        raise first.error(
            column,
            f'found "{first.get(column)}", expected a date such as "May 16" '
            "(in English, French, Spanish, German or Portuguese)",
        )
    dated = []
    for row, text in zip(rows, texts, strict=True):
        if with_year:
            date = full_date(text, language)
        else:
            month, day = month_day(text, language) or (0, 0)
            date = latest_date_on_or_before(month, day, made)
        assert date is not None  # language_of read every text
        dated.append((row, date))
    return dated


def _videos(table: Table, made: dt.date) -> list[Post]:
    posts = []
    for row, date in _dated_rows(table, "Post time", made):
        link = row.get("Video link") or ""
        video_id = _VIDEO_ID.search(link)
        posts.append(
            row.model(
                Post,
                {
                    "date": date,
                    "likes": row.count("Total likes"),
                    "comments": row.count("Total comments"),
                    "shares": row.count("Total shares"),
                    "views": row.count("Total views"),
                    "url": link or None,
                    "title": short_title(row.get("Video title")),
                    "id": video_id[1] if video_id else None,
                },
                {"url": "Video link", "title": "Video title", "date": "Post time"},
            )
        )
    return posts


def _followers(table: Table, made: dt.date) -> list[HistoryPoint]:
    points = []
    for row, date in _dated_rows(table, "Date", made):
        followers = row.count("Followers")
        if followers is not None:  # `undefined`: that day's count is not known
            points.append(HistoryPoint(date=date, followers=followers))
    return points


def _shares(table: Table, label_column: str) -> list[tuple[str, float]]:
    shares = []
    for row in table:
        label = row.get(label_column)
        share = row.fraction_as_percent("Distribution")
        if label and share is not None:
            shares.append((label, share))
    return shares
