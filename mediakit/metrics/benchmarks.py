"""A creator's engagement against a published benchmark, like for like.

The creator's rate is recomputed the benchmark's way before comparing: the
same basis, the same counts summed (only posts that give every one of them),
and the same statistic (mean or median) over the recent window. Where that
cannot be done, there is no comparison: "no benchmark", never an unlike one.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from mediakit.metrics.engagement import post_rate, recent_window, summary_rate
from mediakit.model.benchmark import Benchmark
from mediakit.model.platform import Platform


@dataclass(frozen=True)
class Comparison:
    benchmark: Benchmark
    creator_rate: float  # percent, computed the benchmark's way
    posts_used: int  # 0 when computed from the creator's average figures

    @property
    def multiple(self) -> float | None:
        rate = self.benchmark.engagement_rate
        return self.creator_rate / rate if rate else None


def compare(platform: Platform, benchmarks: Sequence[Benchmark]) -> Comparison | None:
    """The newest matching benchmark the creator's figures can be compared with."""
    candidates = sorted(
        (b for b in benchmarks if b.platform == platform.platform and b.covers(platform.followers)),
        key=lambda benchmark: benchmark.year,
        reverse=True,
    )
    for benchmark in candidates:
        computed = rate_like(platform, benchmark)
        if computed is not None:
            return Comparison(benchmark, *computed)
    return None


def rate_like(platform: Platform, benchmark: Benchmark) -> tuple[float, int] | None:
    """(the creator's rate computed as the benchmark was, posts used), or None."""
    counts = benchmark.counts
    window = [
        post
        for post in recent_window(platform.posts)
        if all(getattr(post, name) is not None for name in counts)
    ]
    rates = [
        rate
        for post in window
        if (rate := post_rate(post, benchmark.basis, platform.followers, counts)) is not None
    ]
    if rates:
        value = (
            statistics.fmean(rates) if benchmark.statistic == "mean" else statistics.median(rates)
        )
        return value, len(rates)
    if not platform.posts:
        summary = summary_rate(platform, benchmark.basis, counts)
        if summary is not None and len(summary[1]) == len(counts):  # every count the source sums
            return summary[0], 0
    return None
