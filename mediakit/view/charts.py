"""Charts, drawn in Python: audience shares, follower growth, engagement against a benchmark.

Each function is pure: figures in, one `Chart` out. Every text from the kit is
escaped; numbers and dates arrive formatted in the kit's locale.

Class names themes may restyle (kept stable):

    .chart                  the chart; also .chart--bars or .chart--growth
    .chart__rows            a bar chart's list; .chart__row one label, figure and bar
    .chart__label           a bar's label
    .chart__value           a bar's figure
    .chart__benchmark       the row of the benchmark (on .chart__row)
    .chart__bars            the small <svg> that draws one bar and its track
    .chart__track           the empty part of a bar
    .chart__bar             a bar; .chart__bar--benchmark for the benchmark's
    .chart__plot            the growth chart's drawing and its figure labels
    .chart__grid            horizontal grid lines of the growth chart
    .chart__line            the growth line
    .chart__dot             the growth line's latest point
    .chart__axis            a tick label (.chart__axis--y figures, .chart__dates the dates)

The shapes are SVG; the words and figures are HTML. WeasyPrint 70 draws SVG
<text> one letter at a time, without shaping or bidi: Arabic came out
reversed and unjoined in the PDF. HTML text is laid out properly by both
WeasyPrint and browsers, so labels, figures and axis ticks sit in HTML next
to (or over) the SVG.

Why colours are presentation attributes as well as classes: WeasyPrint draws
an inline <svg> as an image, and the page's stylesheet does not reach inside
it (only attributes and a <style> inside the SVG do; var() is not understood
there). Browsers let any page CSS rule win over a presentation attribute. So
every shape carries its colour as an attribute (what the PDF shows: the kit's
or theme's accent and base.css's neutrals) and a class that the theme's CSS
restyles on the site with var(--accent). A <style> inside the SVG is avoided
on purpose: in a browser it would apply to the whole page and beat the
theme's own rules.

Bars are drawn with percent widths in an SVG that is 100 % wide and a few px
high, so they fill any card; the growth chart scales through its viewBox,
and its tick labels are placed in percent of the same box.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_skeleton
from markupsafe import Markup, escape

from mediakit.view.formatting import Formatter

# base.css's tokens: the PDF's colours (see the module docstring).
DEFAULT_ACCENT = "#1d6b66"
MUTED = "#5a6068"
LINE = "#e4e1db"
TRACK = "#ece9e3"

MIN_BAR = 0.75  # percent of the track: a share above zero never vanishes


@dataclass(frozen=True)
class Scale:
    """The growth chart's viewBox for one medium: about its size there in px, so lines keep
    their weight (a card is ~300 px wide on a phone and on paper, wider on a desktop)."""

    growth_width: float
    growth_height: float


SITE = Scale(growth_width=360, growth_height=150)
# Flatter on paper: page 1 also holds the hero and the headline figures.
PRINT = Scale(growth_width=300, growth_height=100)


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float  # what the bar's length is proportional to
    shown: str  # the value as printed, in the kit's locale
    benchmark: bool = False


@dataclass(frozen=True)
class Chart:
    id: str  # unique within the page
    title: str
    description: str  # the text alternative: every value the chart shows
    html: Markup

    def __html__(self) -> str:
        return str(self.html)


def bar_chart(
    chart_id: str,
    title: str,
    items: Sequence[BarItem],
    fmt: Formatter,
    *,
    accent: str = DEFAULT_ACCENT,
    full: float | None = None,
) -> Chart | None:
    """Horizontal bars: label and figure on one line, the bar under them.

    The list of labels and figures is the text alternative; the bars are
    decoration for the eye (aria-hidden). Bar lengths are proportional to
    `value`: the whole track is `full` (100 for shares in percent, so 41 % fills
    less than half of it), or the longest bar when `full` is None. None when
    there is nothing to draw.
    """
    if not items:
        return None
    rtl = fmt.direction == "rtl"
    widest = full if full is not None else max(item.value for item in items)
    rows = []
    for item in items:
        length = bar_length(item.value, widest)
        row_kind = " chart__benchmark" if item.benchmark else ""
        bar_kind = " chart__bar--benchmark" if item.benchmark else ""
        rows.append(
            f'<li class="chart__row{row_kind}">'
            f'<span class="chart__label">{escape(item.label)}</span> '
            f'<span class="chart__value">{escape(item.shown)}</span>'
            '<svg class="chart__bars" xmlns="http://www.w3.org/2000/svg" width="100%" '
            'height="6" aria-hidden="true" focusable="false">'
            # Hidden from browsers (the row's text says it); the PDF's tags still
            # need a name for every drawing (PDF/UA has no decorative figures).
            f"<title>{escape(_value_list([(item.label, item.shown)], fmt))}</title>"
            f'<rect class="chart__track" width="100%" height="100%" rx="3" fill="{TRACK}"/>'
            f'<rect class="chart__bar{bar_kind}" x="{_n(100 - length if rtl else 0)}%" '
            f'width="{_n(length)}%" height="100%" rx="3" '
            f'fill="{MUTED if item.benchmark else accent}"/>'
            "</svg></li>"
        )
    description = _value_list([(item.label, item.shown) for item in items], fmt)
    html = Markup(
        f'<figure class="chart chart--bars" id="{chart_id}">'
        f'<figcaption class="visually-hidden">{escape(title)}</figcaption>'
        f'<ul class="chart__rows">{"".join(rows)}</ul></figure>'
    )
    return Chart(chart_id, title, description, html)


def bar_length(value: float, widest: float) -> float:
    """Percent of the track: proportional to `value`, at least a sliver when above zero."""
    if value <= 0 or widest <= 0:
        return 0.0
    return round(max(value / widest * 100, MIN_BAR), 2)


def growth_chart(
    chart_id: str,
    title: str,
    points: Sequence[tuple[dt.date, int]],
    fmt: Formatter,
    *,
    scale: Scale = SITE,
    accent: str = DEFAULT_ACCENT,
) -> Chart | None:
    """Followers over time: a line through the dated counts, figures up the side, dates under.

    The SVG is the accessible image (its <title> and a <desc> listing every
    dated count); the tick labels are for the eye. Time runs left to right on
    every page, as in charts in right-to-left languages too. None with fewer
    than two dates.
    """
    ordered = sorted(dict(points).items())
    if len(ordered) < 2:
        return None
    width, height = scale.growth_width, scale.growth_height
    ticks = nice_ticks(min(count for _, count in ordered), max(count for _, count in ordered))
    low, high = ticks[0], ticks[-1]
    first_day, last_day = ordered[0][0], ordered[-1][0]
    inset = 4  # px inside each end, so the dot and the line's caps are not cut

    def x_of(day: dt.date) -> float:
        return inset + (day - first_day).days / (last_day - first_day).days * (width - 2 * inset)

    def y_of(count: float) -> float:
        return inset + (high - count) / (high - low) * (height - 2 * inset)

    grid = "".join(
        f'<line class="chart__grid" x1="0" x2="{_n(width)}" y1="{_n(y_of(tick))}" '
        f'y2="{_n(y_of(tick))}" stroke="{LINE}" stroke-width="1"/>'
        for tick in ticks
    )
    line = " ".join(f"{_n(x_of(day))},{_n(y_of(count))}" for day, count in ordered)
    last_x, last_y = x_of(last_day), y_of(ordered[-1][1])
    description = _value_list([(fmt.date(day), fmt.count(count)) for day, count in ordered], fmt)
    svg = (
        f'<svg class="chart__svg" xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>{grid}'
        f'<polyline class="chart__line" points="{line}" fill="none" stroke="{accent}" '
        'stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>'
        f'<circle class="chart__dot" cx="{_n(last_x)}" cy="{_n(last_y)}" r="3" fill="{accent}"/>'
        "</svg>"
    )
    # Figures beside their grid lines, placed in percent of the drawing's height.
    figures = "".join(
        f'<span class="chart__axis chart__axis--y" style="top: {_n(y_of(tick) / height * 100)}%">'
        f"{escape(fmt.compact(tick))}</span>"
        for tick in ticks
    )
    middle = first_day + (last_day - first_day) / 2
    dates = "".join(
        f"<span>{escape(_month(day, fmt))}</span>" for day in (first_day, middle, last_day)
    )
    html = Markup(
        f'<figure class="chart chart--growth" id="{chart_id}" dir="ltr">'
        f'<div class="chart__plot">{svg}'
        f'<div class="chart__figures" aria-hidden="true">{figures}</div></div>'
        f'<div class="chart__axis chart__dates" aria-hidden="true">{dates}</div></figure>'
    )
    return Chart(chart_id, title, description, html)


def nice_ticks(low: float, high: float, count: int = 3) -> list[float]:
    """Round values from at or below `low` to at or above `high`, in about `count` steps of
    1, 2, 2.5 or 5 × 10^n (whole numbers: these are follower counts)."""
    raw = max((high - low) / count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    stop = max(math.ceil(high / step) * step, start + step)
    return [start + index * step for index in range(round((stop - start) / step) + 1)]


def _month(day: dt.date, fmt: Formatter) -> str:
    """Nov 2025, nov. 2025, 2025年11月: short enough for an axis."""
    return str(format_skeleton("yMMM", day, locale=fmt.locale))


def _value_list(pairs: Sequence[tuple[str, str]], fmt: Formatter) -> str:
    pattern = fmt.gettext("%(label)s: %(value)s")
    return "; ".join(pattern % {"label": label, "value": value} for label, value in pairs)


def _n(value: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
