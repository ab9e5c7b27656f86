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


def follower_points(
    history: Sequence[HistoryPoint], followers: int, as_of: dt.date
) -> list[HistoryPoint]:
    """The history in date order, then today's count when it is newer: the
    series growth, the growth chart and the audit's jump check all read."""
    points = sorted(history, key=lambda point: point.date)
    if points and as_of > points[-1].date:
        points.append(HistoryPoint(date=as_of, followers=followers))
    return points


def monthly_growth(
    history: Sequence[HistoryPoint], followers: int, as_of: dt.date
) -> Growth | None:
    """(F_last / F_first) ** (1 / months) - 1, in percent.

    F_first is the earliest history point; F_last is `followers` at `as_of`
    when that is later than the last history point, else the last point.
    None with fewer than 30 days between the two, or a first count of zero.
    """
    points = follower_points(history, followers, as_of)
    if not points:
        return None
    first = points[0]
    last_date, last_count = points[-1].date, points[-1].followers
    days = (last_date - first.date).days
    if days < MIN_DAYS or first.followers == 0:
        return None
    months = days / DAYS_PER_MONTH
    rate = ((last_count / first.followers) ** (1 / months) - 1) * 100
    return Growth(rate, first.date, last_date, first.followers, last_count)
