"""Every metric against figures worked out by hand (the working is in the comments)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mediakit.metrics.engagement import (
    average_views,
    claim_differs,
    default_basis,
    engagements,
    platform_engagement,
    viral_posts,
)
from mediakit.metrics.fit import age_share, audience_fit, cost_per_thousand_on_target, summed_share
from mediakit.metrics.growth import monthly_growth
from mediakit.metrics.posting import posts_per_week
from mediakit.metrics.tiers import tier
from mediakit.model.audience import Audience
from mediakit.model.brief import Brief
from mediakit.model.platform import HistoryPoint, Platform, Post


def post(day: int, **counts: Any) -> Post:
    return Post.model_validate({"date": dt.date(2026, 1, 1) + dt.timedelta(days=day), **counts})


def platform(**fields: Any) -> Platform:
    return Platform.model_validate(
        {"platform": "instagram", "followers": 1000, "as_of": "2026-03-01", **fields}
    )


def test_engagements_leave_missing_counts_out() -> None:
    assert engagements(post(0, likes=10, comments=5)) == 15
    assert engagements(post(0, likes=10, comments=5, shares=2, saves=3)) == 20
    assert engagements(post(0, views=500)) is None  # no count at all: not zero


def test_headline_rate_is_median_and_mean_by_followers() -> None:
    # Followers 1000. E = 15, 20, 50 -> 1.5 %, 2.0 %, 5.0 %; the fourth post has no counts.
    # Median 2.0; mean (1.5 + 2 + 5) / 3 = 2.8333.
    result = platform_engagement(
        platform(
            posts=[
                {"date": "2026-01-01", "likes": 10, "comments": 5},
                {"date": "2026-01-08", "likes": 20},
                {"date": "2026-01-15", "likes": 30, "comments": 10, "saves": 10},
                {"date": "2026-01-22"},
            ]
        )
    )
    assert result.method == "posts"
    assert result.basis == "followers"
    assert result.rate == pytest.approx(2.0)
    assert result.mean == pytest.approx(8.5 / 3)
    assert result.posts_used == 3
    assert result.counts_used == ("likes", "comments", "saves")
    assert (result.window_start, result.window_end) == (dt.date(2026, 1, 1), dt.date(2026, 1, 22))


def test_window_is_the_30_most_recent_posts_in_any_input_order() -> None:
    # 35 posts, post i has i likes on 100 followers: rate i %. Window = i 5..34;
    # median (19 + 20) / 2 = 19.5, mean 19.5. Given newest first to check sorting.
    posts = [
        {"date": f"2026-02-{1 + i % 28:02d}" if i < 28 else f"2026-03-{i - 27:02d}", "likes": i}
        for i in range(35)
    ]
    result = platform_engagement(platform(followers=100, posts=list(reversed(posts))))
    assert result.posts_used == 30
    assert result.rate == pytest.approx(19.5)
    assert result.mean == pytest.approx(19.5)


def test_views_basis_skips_posts_without_views() -> None:
    # 50 / 1000 = 5 %, 30 / 600 = 5 %, 90 / 1000 = 9 %; the post without views is skipped.
    result = platform_engagement(
        platform(
            platform="tiktok",
            posts=[
                {"date": "2026-01-01", "likes": 50, "views": 1000},
                {"date": "2026-01-02", "likes": 25, "comments": 5, "views": 600},
                {"date": "2026-01-03", "likes": 90, "views": 1000},
                {"date": "2026-01-04", "likes": 999},
            ],
        )
    )
    assert result.basis == "views"
    assert result.posts_used == 3
    assert result.rate == pytest.approx(5.0)
    assert result.mean == pytest.approx(19 / 3)


def test_default_basis() -> None:
    assert default_basis(platform(platform="tiktok")) == "views"
    assert default_basis(platform(platform="youtube")) == "views"
    assert default_basis(platform(platform="twitch")) == "views"
    assert default_basis(platform(posts=[{"date": "2026-01-01", "reach": 10}])) == "reach"
    mixed = [{"date": "2026-01-01", "reach": 10}, {"date": "2026-01-02"}]
    assert default_basis(platform(posts=mixed)) == "followers"
    assert default_basis(platform()) == "followers"
    assert default_basis(platform(platform="tiktok", engagement_basis="followers")) == "followers"


def test_rate_from_summary_averages_without_posts() -> None:
    # (300 + 20) / 4000 views * 100 = 8 %.
    result = platform_engagement(
        platform(platform="youtube", avg_views=4000, avg_likes=300, avg_comments=20)
    )
    assert result.method == "averages"
    assert result.rate == pytest.approx(8.0)
    assert result.counts_used == ("likes", "comments")
    # By followers: (30 + 10) / 1000 = 4 %.
    assert platform_engagement(platform(avg_likes=30, avg_comments=10)).rate == pytest.approx(4.0)


def test_claimed_rate_is_used_only_when_nothing_can_be_computed() -> None:
    assert platform_engagement(platform(engagement_rate=3.1)).method == "claimed"
    assert platform_engagement(platform()).rate is None


def test_viral_posts_lie_above_the_iqr_fence() -> None:
    # E = 10, 11, 12, 13, 14, 100. Inclusive quartiles: Q1 = 11 + 0.25 = 11.25,
    # Q3 = 13 + 0.75 = 13.75, IQR = 2.5, fence = 13.75 + 3.75 = 17.5: only 100 is above.
    window = [post(i, likes=likes) for i, likes in enumerate([10, 11, 12, 13, 14, 100])]
    assert [engagements(p) for p in viral_posts(window)] == [100]
    assert viral_posts(window[:5]) == []
    assert viral_posts(window[:1]) == []


def test_average_views_is_the_median_of_posts_else_avg_views() -> None:
    with_posts = platform(
        posts=[{"date": f"2026-01-0{d}", "views": v} for d, v in [(1, 100), (2, 300), (3, 1000)]]
    )
    assert average_views(with_posts) == 300
    assert average_views(platform(avg_views=2500)) == 2500
    assert average_views(platform()) is None


def test_posting_frequency() -> None:
    # 5 posts from day 0 to day 14: 5 / (14 / 7) = 2.5 a week.
    assert posts_per_week([post(d) for d in (0, 3, 7, 10, 14)]) == pytest.approx(2.5)
    assert posts_per_week([post(0)]) is None
    assert posts_per_week([post(3), post(3)]) is None


def test_monthly_growth_compounds_from_first_history_point_to_latest_count() -> None:
    # 1000 on Jan 1 to 1210 on Mar 2 (as_of, later than the last point): 60 days,
    # months = 60 / 30.4375 = 1.97125; 1.21 ** (1 / 1.97125) - 1 = 10.153 %.
    history = [
        HistoryPoint(date=dt.date(2026, 1, 1), followers=1000),
        HistoryPoint(date=dt.date(2026, 2, 1), followers=1100),
    ]
    growth = monthly_growth(history, 1210, dt.date(2026, 3, 2))
    assert growth is not None
    assert growth.monthly_rate == pytest.approx(10.153, abs=0.001)
    assert growth.end_followers == 1210
    # as_of not later than the last point: the last point counts (1000 -> 1100 in 31 days).
    growth = monthly_growth(history, 5000, dt.date(2026, 2, 1))
    assert growth is not None
    assert growth.monthly_rate == pytest.approx((1.1 ** (30.4375 / 31) - 1) * 100)
    # Fewer than 30 days between the two: not shown.
    assert monthly_growth(history[:1], 1210, dt.date(2026, 1, 30)) is None
    assert monthly_growth([], 1210, dt.date(2026, 3, 2)) is None


@pytest.mark.parametrize(
    ("followers", "expected"),
    [
        (0, "nano"),
        (9_999, "nano"),
        (10_000, "micro"),
        (99_999, "micro"),
        (100_000, "mid"),
        (499_999, "mid"),
        (500_000, "macro"),
        (999_999, "macro"),
        (1_000_000, "mega"),
    ],
)
def test_tiers(followers: int, expected: str) -> None:
    assert tier(followers) == expected


@pytest.mark.parametrize(
    ("claimed", "computed", "differs"),
    [
        (5.0, 4.4, True),  # 0.6 / 4.4 = 13.6 %
        (4.6, 4.4, False),  # 0.2 / 4.4 = 4.5 %
        (4.84, 4.4, False),  # 0.44 / 4.4 = exactly 10 %: not more than
        (4.85, 4.4, True),  # 0.45 / 4.4 = 10.2 %
        (3.98, 4.4, False),  # 0.42 / 4.4 = 9.5 % (of the computed rate, not the claim)
        (0, 0, False),
        (1, 0, True),
    ],
)
def test_claim_differs_by_more_than_ten_percent_relative(
    claimed: float, computed: float, differs: bool
) -> None:
    assert claim_differs(claimed, computed) is differs


AGES = {"13-17": 2, "18-24": 27, "25-34": 44, "35-44": 19, "45-54": 6, "55+": 2}


def test_age_share_counts_partial_bands_by_whole_years() -> None:
    # 18-24 against 21-34: 4 of 7 years -> 27 * 4/7 = 15.4286; 25-34 whole: 44. Total 59.4286 %.
    assert age_share(AGES, ["21-34"]) == pytest.approx((27 * 4 / 7 + 44) / 100)
    # The spec's example band alone.
    assert age_share({"18-24": 100}, ["21-34"]) == pytest.approx(4 / 7)


def test_age_share_open_band_counts_ten_years() -> None:
    # Target 50+ = 50..59. 45-54: 5 of 10 years -> 3; 55+ = 55..64: 5 of 10 -> 1. Total 4 %.
    assert age_share(AGES, ["50+"]) == pytest.approx(0.04)
    # Two target bands: 13-17 (whole, 2) + 35-44 (whole, 19) = 21 %.
    assert age_share(AGES, ["13-17", "35-44"]) == pytest.approx(0.21)


def test_fit_multiplies_known_dimensions_and_leaves_unknown_out() -> None:
    audience = Audience.model_validate(
        {
            "age": AGES,
            "gender": {"female": 78, "male": 20},
            "countries": {"AU": 61, "NZ": 9, "NO": 1},
        }
    )
    brief = Brief.model_validate(
        {
            "brand": "Acme",
            "niches": ["Baking", "gardening"],
            "target": {"age": "21-34", "gender": ["female"], "countries": ["AU", "NZ"]},
        }
    )
    fit = audience_fit(audience, brief, ["baking", "sourdough"])
    assert fit.gender == pytest.approx(0.78)
    assert fit.countries == pytest.approx(0.70)
    assert fit.on_target == pytest.approx(0.594286 * 0.78 * 0.70, abs=1e-5)  # 0.32448
    assert fit.niche_matches == ("Baking",)
    assert fit.unknown == ()

    no_gender = audience.model_copy(update={"gender": {}})
    fit = audience_fit(no_gender, brief, [])
    assert fit.gender is None
    assert fit.unknown == ("gender",)
    assert fit.on_target == pytest.approx(0.594286 * 0.70, abs=1e-5)
    assert audience_fit(None, brief, []).on_target is None


def test_summed_share_is_case_insensitive_and_unknown_when_unreported() -> None:
    assert summed_share({"Female": 60, "male": 40}, ["female"]) == pytest.approx(0.6)
    assert summed_share({}, ["female"]) is None


def test_cost_per_thousand_on_target_views() -> None:
    # 650 / (20000 * 0.5 / 1000) = 65.
    assert cost_per_thousand_on_target(650, 20000, 0.5) == pytest.approx(65)
    assert cost_per_thousand_on_target(650, None, 0.5) is None
    assert cost_per_thousand_on_target(650, 20000, None) is None
    assert cost_per_thousand_on_target(0, 20000, 0.5) == 0  # a free post costs nothing
