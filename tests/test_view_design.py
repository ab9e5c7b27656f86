"""What the cover and the sections say in words a brand reads at a glance.

Every expected value here is worked out by hand from the kit in the test.
"""

from __future__ import annotations

import pytest

from mediakit.kit.benchmarks import shipped_benchmarks
from mediakit.view.model import Figure, short_address
from mediakit.view.text import NON_BREAKING_HYPHEN, unbroken
from tests.conftest import MINIMAL_KIT
from tests.test_view import view

AUDIENCE = """\
    audience:
      source: Instagram Insights
      age: {"13-17": 3, "18-24": 30, "25-34": 28, "35-44": 20, "45-54": 12, "55+": 7}
      gender: {female: 62, male: 36, other: 2}
      countries: {BR: 41, PT: 22, US: 9}
"""


def test_the_audience_line_names_the_largest_groups(write_kit) -> None:
    # Largest gender 62 % women. Ages: the largest band is 18-24 (30); it grows
    # toward its larger neighbour 25-34 (28) to 58 %, past half, so 18 to 34.
    # Largest country Brazil, 41 %.
    kit = view(write_kit(MINIMAL_KIT + AUDIENCE))
    assert kit.audience_summary == "62% women · 58% aged 18 to 34 · 41% Brazil"


def test_the_audience_line_reaches_the_open_ended_band(write_kit) -> None:
    # 55+ holds 40 %, its neighbour 45-54 holds 25: together 65 %, "aged 45 and over".
    ages = '      age: {"25-34": 15, "35-44": 20, "45-54": 25, "55+": 40}\n'
    kit = view(write_kit(MINIMAL_KIT + "    audience:\n" + ages))
    assert kit.audience_summary == "65% aged 45 and over"


def test_no_audience_data_means_no_audience_line(write_kit) -> None:
    assert view(write_kit()).audience_summary is None


def test_each_medium_counts_its_audience_in_its_own_words(write_kit) -> None:
    text = """\
    version: 1
    creator: {name: Ana Lima, niches: [baking]}
    contact: {email: ana@example.com}
    platforms:
      - {platform: youtube, handle: analima, followers: 12000, as_of: 2026-11-01, avg_views: 5000}
      - {platform: newsletter, url: "https://ana.example.com/news", followers: 3000, as_of: 2026-11-01}
      - {platform: podcast, url: "https://ana.example.com/pod", followers: 900, as_of: 2026-11-01}
    """
    kit = view(write_kit(text))
    youtube, newsletter, podcast = kit.platforms
    assert (youtube.audience_label, newsletter.audience_label) == ("Subscribers", "Subscribers")
    assert podcast.audience_label != "Followers"
    # Influencer tiers are counted in followers on a social platform: a
    # newsletter's or a podcast's audience is not one.
    assert youtube.tier and not newsletter.tier and not podcast.tier
    assert kit.headline[-1].label == "YouTube views"


def test_a_newsletter_shows_its_open_and_click_rates(write_kit) -> None:
    # Opens ÷ subscribers of each issue: 1200/3000 = 40 %, 1500/3000 = 50 %,
    # 1350/3000 = 45 %: the median is 45 %. Clicks: 90, 150, 120 of 3000 are
    # 3, 5 and 4 %: the median is 4 %.
    text = """\
    version: 1
    creator: {name: Ana Lima, niches: [baking]}
    contact: {email: ana@example.com}
    platforms:
      - platform: newsletter
        url: "https://ana.example.com/news"
        followers: 3000
        as_of: 2026-11-01
        posts:
          - {date: 2026-10-01, views: 1200, clicks: 90}
          - {date: 2026-10-08, views: 1500, clicks: 150}
          - {date: 2026-10-15, views: 1350, clicks: 120}
    """
    kit = view(write_kit(text))
    card = kit.platforms[0]
    assert (card.engagement_label, card.engagement) == ("Open rate", "45%")
    assert Figure("Click rate", "4%") in card.figures
    assert Figure("Newsletter open rate", "45%", "median of its recent issues") in kit.headline


def test_the_card_explains_which_rate_the_benchmark_compares(write_kit) -> None:
    # By reach: 360 / 6000 = 6 % and 600 / 8000 = 7.5 %, median 6.75 %, shown
    # as 6.8 %. The benchmark for 20,000 to 99,999 followers (HypeAuditor)
    # takes the mean of (likes + comments) ÷ followers: 360 / 40000 = 0.9 % and
    # 600 / 40000 = 1.5 %, mean 1.2 %.
    posts = (
        "    posts:\n"
        "      - {date: 2026-10-20, likes: 300, comments: 60, reach: 6000}\n"
        "      - {date: 2026-10-27, likes: 500, comments: 100, reach: 8000}\n"
    )
    kit = MINIMAL_KIT.replace("followers: 12000", "followers: 40000")
    card = view(write_kit(kit + posts), benchmarks=shipped_benchmarks()).platforms[0]
    assert (card.engagement_label, card.engagement, card.engagement_note) == (
        "Engagement rate",
        "6.8%",
        "by reach",
    )
    assert "1.2% is this creator's rate worked out its way" in card.benchmark_note
    assert "(6.8%, by reach) is not compared" in card.benchmark_note


COLLAB = "  - {{brand: {brand}, date: 2026-0{month}-01, results: {{views: {views}, clicks: {clicks}}}}}\n"


def kit_with_collaborations(count: int) -> str:
    brands = ["Acme", "Birch", "Cobalt", "Acme", "Dune", "Ember"]
    rows = "".join(
        COLLAB.format(brand=brands[n], month=n + 1, views=1000 * (n + 1), clicks=10 * (n + 1))
        for n in range(count)
    )
    return MINIMAL_KIT + "collaborations:\n" + rows


def test_up_to_four_collaborations_show_in_full(write_kit) -> None:
    kit = view(write_kit(kit_with_collaborations(4)))
    assert len(kit.featured_collaborations) == 4
    assert kit.more_collaborations == [] and kit.collaboration_totals == []


def test_more_collaborations_show_three_in_full_then_rows_under_totals(write_kit) -> None:
    kit = view(write_kit(kit_with_collaborations(6)))
    assert len(kit.featured_collaborations) == 3
    assert len(kit.more_collaborations) == 3
    # Five brands (Acme twice) in six collaborations; views 1K+2K+...+6K = 21K,
    # clicks 10+20+...+60 = 210.
    assert kit.collaboration_totals == [
        Figure("Brands", "5", "6 collaborations"),
        Figure("Views", "21K", "from 6 collaborations"),
        Figure("Link clicks", "210", "from 6 collaborations"),
    ]


@pytest.mark.parametrize(
    ("logos", "columns"),
    [(1, 1), (3, 3), (6, 6), (7, 4), (8, 4), (12, 6), (13, 5)],
)
def test_logos_fill_balanced_rows(logos: int, columns: int) -> None:
    # Seven logos as 4 + 3 rather than 6 + 1; thirteen as 5 + 5 + 3.
    from mediakit.view.model import KitView

    kit = object.__new__(KitView)
    object.__setattr__(kit, "brand_logos", [object()] * logos)
    assert KitView.logo_columns.fget(kit) == columns  # type: ignore[attr-defined]


def test_addresses_are_shown_short_and_linked_whole() -> None:
    assert short_address("https://www.example.com/work-with-me/") == "example.com/work-with-me"
    long = "https://example.com/" + "a" * 60
    shown = short_address(long)
    assert len(shown) == 44 and shown.endswith("…") and shown.startswith("example.com/aaa")


def test_names_keep_their_hyphens_together() -> None:
    assert unbroken("Mei Chen-Whitfield") == f"Mei Chen{NON_BREAKING_HYPHEN}Whitfield"
    assert unbroken(None) == ""
