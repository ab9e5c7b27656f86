"""All computed figures of a kit, gathered once so every output shows the same numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mediakit.metrics.benchmarks import Comparison, compare
from mediakit.metrics.engagement import (
    Engagement,
    average_views,
    platform_engagement,
    recent_window,
)
from mediakit.metrics.growth import Growth, monthly_growth
from mediakit.metrics.newsletter import click_rate, open_rate
from mediakit.metrics.posting import posts_per_week
from mediakit.metrics.tiers import tier
from mediakit.model.benchmark import Benchmark
from mediakit.model.kit import Kit
from mediakit.model.platform import Platform


@dataclass(frozen=True)
class PlatformStats:
    platform: Platform
    tier: str
    engagement: Engagement
    average_views: float | None
    views_from_posts: bool  # median of posts' views, rather than the stated avg_views
    posts_per_week: float | None
    growth: Growth | None
    benchmark: Comparison | None = None
    open_rate: float | None = None  # newsletters: median opens ÷ subscribers, in percent
    click_rate: float | None = None  # newsletters: median clicks ÷ subscribers, in percent


@dataclass(frozen=True)
class KitStats:
    total_followers: int
    platforms: tuple[PlatformStats, ...]

    @property
    def stats_as_of(self) -> dt.date:
        """The oldest `as_of` among platforms: every figure was read on or after it."""
        return min(stats.platform.as_of for stats in self.platforms)


def platform_stats(platform: Platform, benchmarks: Sequence[Benchmark] = ()) -> PlatformStats:
    return PlatformStats(
        platform=platform,
        tier=tier(platform.followers),
        engagement=platform_engagement(platform),
        average_views=average_views(platform),
        views_from_posts=any(post.views is not None for post in recent_window(platform.posts)),
        posts_per_week=posts_per_week(recent_window(platform.posts)),
        growth=monthly_growth(platform.history, platform.followers, platform.as_of),
        benchmark=compare(platform, benchmarks),
        open_rate=open_rate(platform),
        click_rate=click_rate(platform),
    )


def kit_stats(kit: Kit, benchmarks: Sequence[Benchmark] = ()) -> KitStats:
    per_platform = tuple(platform_stats(platform, benchmarks) for platform in kit.platforms)
    return KitStats(
        total_followers=sum(platform.followers for platform in kit.platforms),
        platforms=per_platform,
    )


def benchmark_json(comparison: Comparison | None) -> dict[str, Any] | None:
    if comparison is None:
        return None
    benchmark = comparison.benchmark
    return {
        "multiple": comparison.multiple,
        "creator_rate": comparison.creator_rate,
        "creator_posts": comparison.posts_used,
        "benchmark_rate": benchmark.engagement_rate,
        "basis": benchmark.basis,
        "counts": list(benchmark.counts),
        "statistic": benchmark.statistic,
        "followers_band": [benchmark.followers_min, benchmark.followers_max],
        "source": benchmark.source,
        "title": benchmark.title,
        "year": benchmark.year,
        "url": benchmark.url,
    }


def stats_json(stats: KitStats) -> dict[str, Any]:
    """The spec's `mediakit stats --json` object (rates and growth in percent)."""
    return {
        "total_followers": stats.total_followers,
        "stats_as_of": stats.stats_as_of.isoformat(),
        "platforms": [
            {
                "platform": item.platform.platform.value,
                "followers": item.platform.followers,
                "tier": item.tier,
                "engagement_rate": item.engagement.rate,
                "engagement_rate_mean": item.engagement.mean,
                "engagement_basis": item.engagement.basis,
                "engagement_method": item.engagement.method,
                "engagement_posts": item.engagement.posts_used,
                "avg_views": item.average_views,
                "posts_per_week": item.posts_per_week,
                "monthly_growth": item.growth.monthly_rate if item.growth else None,
                "viral_posts": len(item.engagement.viral),
                "open_rate": item.open_rate,
                "click_rate": item.click_rate,
                "benchmark": benchmark_json(item.benchmark),
                "as_of": item.platform.as_of.isoformat(),
            }
            for item in stats.platforms
        ],
    }
