"""A newsletter's own figures: how many subscribers open an issue, and click in it.

A newsletter's posts are its issues, and a post's `views` are the issue's
opens. Open rate = opens ÷ subscribers × 100 and click rate = clicks ÷
subscribers × 100, each the median over the recent issues that give the
count (the window engagement uses); subscribers are the platform's
`followers`. None without a count or subscribers.
"""

from __future__ import annotations

import statistics

from mediakit.metrics.engagement import recent_window
from mediakit.model.platform import Platform, PlatformName


def open_rate(platform: Platform) -> float | None:
    return _median_share(platform, "views")


def click_rate(platform: Platform) -> float | None:
    return _median_share(platform, "clicks")


def _median_share(platform: Platform, count: str) -> float | None:
    if platform.platform != PlatformName.newsletter or not platform.followers:
        return None
    shares = [
        value / platform.followers * 100
        for post in recent_window(platform.posts)
        if (value := getattr(post, count)) is not None
    ]
    return statistics.median(shares) if shares else None
