"""What one export gives, whatever platform wrote it: the neutral shape merge reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediakit.model.audience import Audience
from mediakit.model.platform import HistoryPoint, PlatformName, Post


@dataclass(frozen=True)
class Export:
    """The figures one export gives for one platform.

    `date` is the export's own date: the last day its figures cover, else the
    date of its files. Followers are the count on that day. The audience
    carries its `source` and `as_of`. `lacks` says, in a creator's words, what
    this export cannot give (Substack's post list has no likes).
    """

    platform: PlatformName
    source: str  # "TikTok Studio export": the kit's `source` and `audience.source`
    files: tuple[str, ...]  # the files read, for the summary
    date: dt.date
    posts: tuple[Post, ...] = ()
    history: tuple[HistoryPoint, ...] = ()
    followers: int | None = None
    audience: Audience | None = None
    lacks: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what was read but left out, and why
