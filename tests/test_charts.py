"""Charts: geometry follows the figures, words stay text, and both media show them."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from mediakit.view.charts import BarItem, Chart, bar_chart, growth_chart, nice_ticks
from mediakit.view.formatting import Formatter
from tests.test_hostile import PAYLOAD

SVG = "{http://www.w3.org/2000/svg}"
EN = Formatter.for_tag("en")


def tree(chart: Chart | None) -> ET.Element:
    """The chart parsed as XML: a chart that is not well-formed fails here."""
    assert chart is not None
    return ET.fromstring(str(chart.html))


def bars(chart: Chart | None) -> list[tuple[float, float]]:
    """(x, width) in percent of the track for each bar."""
    return [
        (float(rect.get("x", "0%").rstrip("%")), float(rect.get("width", "").rstrip("%")))
        for rect in tree(chart).iter(f"{SVG}rect")
        if "chart__bar" in (rect.get("class") or "").split()
    ]


def texts(chart: Chart | None, css_class: str) -> list[str]:
    return [
        "".join(element.itertext())
        for element in tree(chart).iter()
        if css_class in (element.get("class") or "").split()
    ]


SHARES = [BarItem("25–34", 40, "40%"), BarItem("18–24", 30, "30%"), BarItem("35–44", 10, "10%")]


def test_bar_lengths_are_proportional_to_the_values() -> None:
    lengths = [width for _, width in bars(bar_chart("c", "Age", SHARES, EN))]
    assert lengths == pytest.approx([100, 75, 25])  # 40, 30 and 10 against the widest, 40


def test_shares_are_drawn_on_a_track_of_100_percent() -> None:
    # 41 % and 81 % of an audience: the first bar is about half the second, and
    # neither fills the track (scaled to the widest, 81 % would look like all of it).
    items = [BarItem("Women", 81, "81%"), BarItem("Men", 41, "41%")]
    lengths = [width for _, width in bars(bar_chart("c", "Gender", items, EN, full=100))]
    assert lengths == pytest.approx([81, 41])


def test_the_kits_audience_bars_are_shares_of_the_whole(maya: Any) -> None:
    html = (maya.out_dir / "index.html").read_text(encoding="utf-8")
    gender = html.split('id="chart-gender"', 1)[1].split("</figure>", 1)[0]
    widths = [
        float(w) for w in re.findall(r'class="chart__bar" x="[\d.]+%" width="([\d.]+)%"', gender)
    ]
    assert widths == pytest.approx([81, 18, 1])  # Maya's audience: 81 % women, 18 % men, 1 % other


def test_a_small_share_stays_visible_and_zero_draws_nothing() -> None:
    items = [BarItem("a", 99.9, "99.9%"), BarItem("b", 0.1, "0.1%"), BarItem("c", 0, "0%")]
    lengths = [width for _, width in bars(bar_chart("c", "t", items, EN))]
    assert 0 < lengths[1] < 1 and lengths[2] == 0


def test_labels_and_figures_are_text_in_order() -> None:
    chart = bar_chart("c", "Age", SHARES, EN)
    assert texts(chart, "chart__label") == ["25–34", "18–24", "35–44"]
    assert texts(chart, "chart__value") == ["40%", "30%", "10%"]
    assert "Age" in texts(chart, "visually-hidden")


def test_right_to_left_bars_grow_from_the_right() -> None:
    geometry = bars(bar_chart("c", "t", SHARES, Formatter.for_tag("ar")))
    assert [x + width for x, width in geometry] == pytest.approx([100, 100, 100])
    assert [x for x, _ in geometry] == pytest.approx([0, 25, 75])


def test_hostile_labels_and_titles_stay_text() -> None:
    chart = bar_chart("c", PAYLOAD, [BarItem(PAYLOAD, 1, PAYLOAD)], EN)
    markup = str(chart.html) if chart else ""
    assert "<script" not in markup and "<img" not in markup
    assert texts(chart, "chart__label") == [PAYLOAD]
    history = [(dt.date(2026, 1, 1), 10), (dt.date(2026, 3, 1), 20)]
    growth = tree(growth_chart("g", PAYLOAD, history, EN))
    assert "".join(growth.iter(f"{SVG}title").__next__().itertext()) == PAYLOAD


def test_no_chart_without_data() -> None:
    assert bar_chart("c", "t", [], EN) is None
    assert growth_chart("g", "t", [], EN) is None
    assert growth_chart("g", "t", [(dt.date(2026, 1, 1), 100)], EN) is None


HISTORY = [
    (dt.date(2026, 3, 1), 13_000),
    (dt.date(2026, 1, 1), 12_000),  # out of order, as a kit may give it
    (dt.date(2026, 2, 1), 12_400),
    (dt.date(2026, 6, 1), 15_800),
]


def line_points(chart: Chart | None) -> list[tuple[float, float]]:
    line = next(tree(chart).iter(f"{SVG}polyline"))
    pairs = (point.split(",") for point in (line.get("points") or "").split())
    return [(float(x), float(y)) for x, y in pairs]


def test_growth_points_run_in_date_order_and_scale_with_time_and_count() -> None:
    points = line_points(growth_chart("g", "t", HISTORY, EN))
    ordered = sorted(HISTORY)
    xs = [x for x, _ in points]
    assert xs == sorted(xs)
    # x proportional to days since the first date, y to the count (SVG y grows downwards).
    days = [(day - ordered[0][0]).days for day, _ in ordered]
    per_day = (xs[-1] - xs[0]) / days[-1]
    assert xs == pytest.approx([xs[0] + d * per_day for d in days], abs=0.01)
    counts = [count for _, count in ordered]
    per_follower = (points[0][1] - points[-1][1]) / (counts[-1] - counts[0])
    assert [y for _, y in points] == pytest.approx(
        [points[0][1] - (c - counts[0]) * per_follower for c in counts], abs=0.01
    )


def test_growth_ticks_cover_the_range_and_are_formatted_in_the_locale() -> None:
    german = Formatter.for_tag("de")
    chart = growth_chart("g", "Follower", HISTORY, german)
    assert chart is not None
    # 12,000 to 15,800 followers: steps of 2,000 cover it in three round ticks.
    assert nice_ticks(12_000, 15_800) == [12_000, 14_000, 16_000]
    assert texts(chart, "chart__axis--y") == ["12.000", "14.000", "16.000"]
    # The text alternative lists every dated count, in German.
    assert chart.description.startswith("01.01.2026: 12.000; 01.02.2026: 12.400")
    assert chart.description.endswith("01.06.2026: 15.800")
    assert "Jan. 2026" in texts(chart, "chart__dates")[0]


def test_text_alternative_names_the_chart() -> None:
    svg = next(tree(growth_chart("g-1", "Followers", HISTORY, EN)).iter(f"{SVG}svg"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "g-1-title g-1-desc"
    assert "Jun 1, 2026: 15,800" in "".join(next(svg.iter(f"{SVG}desc")).itertext())


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        self.references += (found.get("aria-labelledby") or "").split()


@pytest.fixture(scope="module")
def maya(tmp_path_factory: pytest.TempPathFactory) -> Any:
    kit = Path(__file__).parent.parent / "sample_data" / "maya-okafor" / "mediakit.yaml"
    result = build_kit(
        kit, tmp_path_factory.mktemp("charts"), BuildOptions(today=dt.date(2026, 11, 21))
    )
    assert result.pdf is not None
    return result


def test_the_site_shows_every_chart_with_unique_ids(maya: Any) -> None:
    html = (maya.out_dir / "index.html").read_text(encoding="utf-8")
    page = Ids()
    page.feed(html)
    assert [name for name, count in Counter(page.ids).items() if count > 1] == []
    assert set(page.references) <= set(page.ids)  # every name points at something
    charts = re.findall(r'class="chart chart--(\w+)" id="([\w-]+)"', html)
    # The benchmark is a note beside the method, not a second rate on the card.
    assert sorted(charts) == sorted(
        [("bars", f"chart-{name}") for name in ("age", "gender", "countries", "cities")]
        + [("growth", "chart-growth-0"), ("growth", "chart-growth-1")]
    )


def test_the_pdf_shows_the_charts_titles_and_labels(maya: Any) -> None:
    text = " ".join((page.extract_text() or "") for page in PdfReader(maya.pdf).pages)
    text = " ".join(text.split()).casefold()  # mini-titles are set in capitals
    for words in (
        "Instagram followers over time",
        "United Kingdom",
        "Nov 2025",
    ):
        assert words.casefold() in text, words
