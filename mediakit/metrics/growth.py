"""Follower growth from the history a creator records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mediakit.model.platform import HistoryPoint

DAYS_PER_MONTH = 30.4375  # 365.25 / 12
MIN_DAYS = 30


@dataclass(frozen=True)
class Growth:
    monthly_rate: float  # percent, compound average per month
    start: dt.date
    end: dt.date
    start_followers: int
    end_followers: int


def monthly_growth(
    history: Sequence[HistoryPoint], followers: int, as_of: dt.date
) -> Growth | None:
    """(F_last / F_first) ** (1 / months) - 1, in percent.

    F_first is the earliest history point; F_last is `followers` at `as_of`
    when that is later than the last history point, else the last point.
    None with fewer than 30 days between the two, or a first count of zero.
    """
    if not history:
        return None
    points = sorted(history, key=lambda point: point.date)
    first = points[0]
    last_date, last_count = points[-1].date, points[-1].followers
    if as_of > last_date:
        last_date, last_count = as_of, followers
    days = (last_date - first.date).days
    if days < MIN_DAYS or first.followers == 0:
        return None
    months = days / DAYS_PER_MONTH
    rate = ((last_count / first.followers) ** (1 / months) - 1) * 100
    return Growth(rate, first.date, last_date, first.followers, last_count)
