"""Engagement, as the spec defines it: every figure can be checked by hand.

E (engagements of a post) = likes + comments + shares + saves, counting only
the ones given: a missing count is left out, not taken as zero.  A post's
rate is E / basis * 100; the headline rate is the median over the 30 most
recent posts, and the mean over the same posts is reported beside it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from mediakit.model.platform import EngagementBasis, Platform, PlatformName, Post

WINDOW_SIZE = 30
ENGAGEMENT_COUNTS = ("likes", "comments", "shares", "saves")
VIEW_BASED_PLATFORMS = frozenset({PlatformName.tiktok, PlatformName.youtube, PlatformName.twitch})

Method = Literal["posts", "averages", "claimed"]


def engagements(post: Post, counts: Sequence[str] = ENGAGEMENT_COUNTS) -> int | None:
    """E of one post (of `counts`, by default all four), or None when it gives none of them."""
    given = [getattr(post, name) for name in counts if getattr(post, name) is not None]
    return sum(given) if given else None


def default_basis(platform: Platform) -> EngagementBasis:
    """The spec's default: views for video platforms, reach where every post carries it."""
    if platform.engagement_basis:
        return platform.engagement_basis
    if platform.platform in VIEW_BASED_PLATFORMS:
        return "views"
    if platform.posts and all(post.reach is not None for post in platform.posts):
        return "reach"
    return "followers"


def post_rate(
    post: Post, basis: EngagementBasis, followers: int, counts: Sequence[str] = ENGAGEMENT_COUNTS
) -> float | None:
    """E / basis * 100 for one post; None when E or the basis figure is missing or zero."""
    total = engagements(post, counts)
    divisor = {"followers": followers, "views": post.views, "reach": post.reach}[basis]
    if total is None or not divisor:
        return None
    return total / divisor * 100


def recent_window(posts: Sequence[Post], size: int = WINDOW_SIZE) -> list[Post]:
    """The `size` most recent posts, oldest first."""
    ordered = sorted(posts, key=lambda post: post.date)
    return ordered[-size:]


def viral_posts(window: Sequence[Post]) -> list[Post]:
    """Posts whose E lies above Q3 + 1.5 × IQR of the window's E values."""
    values = [e for post in window if (e := engagements(post)) is not None]
    if len(values) < 2:
        return []
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    fence = q3 + 1.5 * (q3 - q1)
    return [post for post in window if (e := engagements(post)) is not None and e > fence]


def showcase_posts(posts: Sequence[Post], size: int = 3) -> list[int]:
    """Where in `posts` the recent posts with a picture are, most engaging first,
    at most `size`: the creator's own content, shown with its figures."""
    window = {id(post) for post in recent_window(posts)}
    pictured = [
        index for index, post in enumerate(posts) if post.image is not None and id(post) in window
    ]
    pictured.sort(key=lambda index: -(engagements(posts[index]) or 0))
    return pictured[:size]


@dataclass(frozen=True)
class Engagement:
    """The headline engagement of one platform, with what it was computed from."""

    basis: EngagementBasis
    method: Method | None
    rate: float | None = None  # percent; the median when computed from posts
    mean: float | None = None  # percent; posts only
    posts_used: int = 0
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    counts_used: tuple[str, ...] = ()
    viral: tuple[Post, ...] = field(default_factory=tuple)


def platform_engagement(platform: Platform) -> Engagement:
    """Headline engagement: from posts, else from summary averages, else the creator's claim."""
    basis = default_basis(platform)
    window = recent_window(platform.posts)
    rated = [
        (post, rate)
        for post in window
        if (rate := post_rate(post, basis, platform.followers)) is not None
    ]
    viral = tuple(viral_posts(window))
    if rated:
        rates = [rate for _, rate in rated]
        used = {
            name
            for post, _ in rated
            for name in ENGAGEMENT_COUNTS
            if getattr(post, name) is not None
        }
        return Engagement(
            basis=basis,
            method="posts",
            rate=statistics.median(rates),
            mean=statistics.fmean(rates),
            posts_used=len(rated),
            window_start=window[0].date,
            window_end=window[-1].date,
            counts_used=tuple(name for name in ENGAGEMENT_COUNTS if name in used),
            viral=viral,
        )
    from_averages = summary_rate(platform, basis)
    if from_averages is not None:
        rate, counts = from_averages
        return Engagement(
            basis=basis, method="averages", rate=rate, counts_used=counts, viral=viral
        )
    if platform.engagement_rate is not None:
        return Engagement(basis=basis, method="claimed", rate=platform.engagement_rate, viral=viral)
    return Engagement(basis=basis, method=None, viral=viral)


def summary_rate(
    platform: Platform, basis: EngagementBasis, names: Sequence[str] = ENGAGEMENT_COUNTS
) -> tuple[float, tuple[str, ...]] | None:
    """(avg_likes + avg_comments + avg_shares + avg_saves) / basis figure * 100, from the given ones."""
    counts = {
        name: value for name in names if (value := getattr(platform, f"avg_{name}")) is not None
    }
    divisor = {
        "followers": platform.followers,
        "views": platform.avg_views,
        "reach": platform.avg_reach,
    }[basis]
    if not counts or not divisor:
        return None
    return sum(counts.values()) / divisor * 100, tuple(counts)


def average_views(platform: Platform) -> float | None:
    """Median views over the window's posts that give views; else the summary avg_views."""
    views = [post.views for post in recent_window(platform.posts) if post.views is not None]
    if views:
        return float(statistics.median(views))
    return float(platform.avg_views) if platform.avg_views is not None else None


def claim_differs(claimed: float, computed: float, tolerance: float = 0.10) -> bool:
    """True when a claimed rate is more than `tolerance` (relative) away from the computed one."""
    if computed == 0:
        return claimed != 0
    return abs(claimed - computed) / computed > tolerance
