"""Substack's `posts.csv`, from Settings > Exports > Create a new export: the newsletter's posts, not how they did.

`post_id,post_date,is_published,email_sent_at,type,audience,title,subtitle,podcast_url`:
it gives the posting cadence (posts a week) and nothing to compute
engagement from, which the import says.
"""

from __future__ import annotations

import datetime as dt

from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.imports.table import header_of, read_table
from mediakit.model.platform import PlatformName, Post

NAME = "Substack posts.csv (from Settings > Exports)"
SOURCE = "Substack export"
COLUMNS = ("post_id", "post_date", "is_published", "type", "title")


def claims(file: ExportFile) -> bool:
    header = header_of(file)
    return header[:3] == ("post_id", "post_date", "is_published")


def read(files: list[ExportFile], today: dt.date) -> list[Export]:
    posts: list[Post] = []
    drafts = 0
    for file in files:
        for row in read_table(file):
            if (row.get("is_published") or "").casefold() != "true":
                drafts += 1  # drafts and scheduled posts were never sent
                continue
            text = row.get("post_date") or ""
            try:
                date = dt.date.fromisoformat(text[:10])
            except ValueError:
                raise row.error(
                    "post_date", f'found "{text}", expected a date like 2026-10-02T14:00:00.000Z'
                ) from None
            posts.append(
                row.model(
                    Post,
                    {"date": date, "title": row.get("title") or None, "id": row.get("post_id")},
                    {"id": "post_id", "title": "title", "date": "post_date"},
                )
            )
    date = max(
        [*(f.modified for f in files if f.modified), *(post.date for post in posts)],
        default=today,
    )
    return [
        Export(
            platform=PlatformName.newsletter,
            source=SOURCE,
            files=tuple(str(f.path) for f in files),
            date=date,
            posts=tuple(posts),
            lacks=(
                "opens, likes and comments (Substack's posts.csv lists posts only: posts a week "
                "is computed, engagement is not)",
            ),
            notes=(f"{drafts} unpublished post(s) left out",) if drafts else (),
        )
    ]
