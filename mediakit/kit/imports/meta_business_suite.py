"""Meta Business Suite's posts export (CSV), for Instagram or Facebook.

Insights > Content > Export data gives one row a post:
`"Post ID","Account ID","Account username","Account name",Description,
"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,
Views,Reach,Likes,Shares,Follows,Comments,Saves`. Publish time reads
`03/25/2025 22:00` (month first); `Date` says `Lifetime` (totals since
publishing); numbers may be quoted with separators (`"15,000"`); exports from
before 2025 have `Impressions` where newer ones have `Views`.
"""

from __future__ import annotations

import datetime as dt
import re

from mediakit.errors import KitError, Problem
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.imports.table import Row, header_of, read_table, short_title
from mediakit.model.platform import PlatformName, Post

NAME = "Meta Business Suite posts export (CSV)"
SOURCE = "Meta Business Suite export"
COLUMNS = ("Post ID", "Publish time", "Permalink", "Post type", "Likes", "Comments")
_PUBLISH_TIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+\d{1,2}:\d{2})?")


def claims(file: ExportFile) -> bool:
    header = header_of(file)
    return all(column in header for column in ("Post ID", "Publish time", "Permalink"))


def read(files: list[ExportFile], today: dt.date) -> list[Export]:
    posts: dict[PlatformName, list[Post]] = {}
    problems: list[Problem] = []
    for file in files:
        table = read_table(file)
        # Views replaced Impressions in Meta's exports in 2025; a file has one or the other.
        views_column = "Views" if "Views" in table.header else "Impressions"
        rows = list(table)
        day_first = _day_first(rows)
        for row in rows:
            try:
                platform, post = _post(row, views_column, day_first)
            except KitError as error:
                problems.extend(error.problems)
                continue
            posts.setdefault(platform, []).append(post)
    if problems:
        raise KitError(problems)
    file_date = max((f.modified for f in files if f.modified), default=today)
    return [
        Export(
            platform=platform,
            source=SOURCE,
            files=tuple(str(f.path) for f in files),
            # The export holds no date of its own: its file's date, or its newest post's.
            date=max(file_date, *(post.date for post in platform_posts)),
            posts=tuple(platform_posts),
        )
        for platform, platform_posts in posts.items()
    ]


def _day_first(rows: list[Row]) -> bool:
    """Meta writes month first (03/25/2025); a first number above 12 means day first."""
    for row in rows:
        match = _PUBLISH_TIME.match(row.get("Publish time") or "")
        if match and int(match[1]) > 12:
            return True
    return False


def _post(row: Row, views_column: str, day_first: bool) -> tuple[PlatformName, Post]:
    published = row.get("Publish time") or ""
    match = _PUBLISH_TIME.match(published)
    if not match:
        raise row.error(
            "Publish time", f'found "{published}", expected a date like 03/25/2025 22:00'
        )
    month, day = (int(match[2]), int(match[1])) if day_first else (int(match[1]), int(match[2]))
    try:
        date = dt.date(int(match[3]), month, day)
    except ValueError:
        raise row.error("Publish time", f'found "{published}", which is not a date') from None
    permalink = row.get("Permalink") or ""
    post_type = (row.get("Post type") or "").upper()
    # Instagram rows are "IG image", "IG carousel", "IG reel" and link to instagram.com.
    instagram = "instagram.com" in permalink or post_type.startswith("IG")
    post = row.model(
        Post,
        {
            "date": date,
            "likes": row.count("Likes"),
            "comments": row.count("Comments"),
            "shares": row.count("Shares"),
            "saves": row.count("Saves"),
            "views": row.count(views_column),
            "reach": row.count("Reach"),
            "url": permalink or None,
            "title": short_title(row.get("Description")),
            "id": row.get("Post ID") or None,
        },
        {"url": "Permalink", "id": "Post ID", "title": "Description", "views": views_column},
    )
    return (PlatformName.instagram if instagram else PlatformName.facebook), post
