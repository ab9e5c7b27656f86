"""The view model: what each output shows, worded and ordered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from mediakit.images.publish import Images
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.metrics.summary import kit_stats
from mediakit.model.benchmark import Benchmark
from mediakit.view.kit_view import build_view
from mediakit.view.model import Figure, KitView, Target
from tests.conftest import MINIMAL_KIT

RATES = """\
rates:
  currency: EUR
  public: false
  packages:
    - {name: Reel, price: 650}
    - {name: Story, price_from: 120.5}
    - {name: Series, on_request: true}
  add_ons:
    - {name: Usage rights, percent: 25}
"""


def view(
    path: Path,
    target: Target = "site",
    *,
    prices: bool = True,
    benchmarks: Sequence[Benchmark] = (),
) -> KitView:
    kit = parse_kit(load_yaml(path))
    return build_view(
        kit,
        kit_stats(kit, benchmarks),
        Images(),
        target=target,
        pdf_href=None,
        today=dt.date(2026, 11, 21),
        prices=prices,
    )


def test_hidden_prices_read_on_request(write_kit) -> None:
    # What the public site and its PDF show with `rates.public: false`
    # (tests/test_private_rates.py checks that every published file obeys).
    path = write_kit(MINIMAL_KIT + RATES)
    hidden, shown = view(path, prices=False), view(path, "print", prices=True)
    assert hidden.rates is not None and shown.rates is not None
    assert not hidden.rates.prices_shown and shown.rates.prices_shown
    assert [p.price for p in hidden.rates.packages] == ["On request"] * 3
    assert [a.value for a in hidden.rates.add_ons] == ["On request"]
    assert [p.price for p in shown.rates.packages] == ["€650", "from €120.50", "On request"]
    assert [a.value for a in shown.rates.add_ons] == ["+25% of the package"]


def test_sections_without_data_are_left_out(write_kit) -> None:
    assert view(write_kit()).sections == ["profile", "platforms", "contact"]


def test_sections_follow_the_theme_order(write_kit) -> None:
    text = MINIMAL_KIT + RATES + "theme:\n  sections: [rates, contact, audience, profile]\n"
    # audience has no data, so it is left out even though it is asked for.
    assert view(write_kit(text)).sections == ["rates", "contact", "profile"]


def test_headline_leads_with_followers_and_engagement(write_kit) -> None:
    # 240 / 12000 = 2 %.
    kit = view(
        write_kit(
            MINIMAL_KIT + "    posts:\n      - {date: 2026-10-30, likes: 200, comments: 40}\n"
        )
    )
    assert [(f.label, f.value) for f in kit.headline] == [
        ("Total audience", "12K"),
        ("Instagram engagement", "2%"),
    ]
    assert kit.platforms[0].provenance.startswith(
        "Median engagement rate of 1 recent post (Oct 30, 2026 to Oct 30, 2026): (likes + comments) ÷ followers × 100."
    )
    assert kit.stats_as_of == "Nov 1, 2026"


def test_views_are_called_median_only_when_computed_from_posts(write_kit) -> None:
    stated = view(write_kit(MINIMAL_KIT + "    avg_views: 3400\n"))
    assert stated.headline[-1] == Figure("Instagram views", "3.4K", "average per post, as stated")
    assert stated.platforms[0].figures[0] == Figure("Average views", "3.4K")
    posts = "    posts:\n      - {date: 2026-10-30, views: 3000}\n      - {date: 2026-10-31, views: 4000}\n"
    computed = view(write_kit(MINIMAL_KIT + posts))
    assert computed.headline[-1] == Figure("Instagram views", "3.5K", "median per post")


def test_the_figures_name_their_source_with_the_as_of_date(write_kit, runner) -> None:
    # `source` (set by `mediakit import`) and as_of 2026-11-01 word where the figures come from:
    # to a brand in the kit, to the creator in `stats`, in the kit's language.
    text = MINIMAL_KIT + "    source: TikTok Studio export\n"
    kit = view(write_kit(text))
    assert kit.platforms[0].provenance.endswith(
        "Figures as of Nov 1, 2026. From the creator's TikTok Studio export of Nov 1, 2026."
    )
    from mediakit.cli import cli

    table = runner.invoke(cli, ["stats", str(write_kit(text))])
    assert "From your TikTok Studio export of Nov 1, 2026." in table.output
    french = runner.invoke(cli, ["stats", str(write_kit(text)), "--locale", "fr"])
    assert "Source : votre TikTok Studio export du 1 nov. 2026." in french.output
    # Without a source, nothing claims one.
    assert "From " not in view(write_kit()).platforms[0].provenance
