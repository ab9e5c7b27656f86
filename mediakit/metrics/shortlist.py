"""One creator scored against a brand's brief, and a roster ranked by it.

The figures are the fit formulas of the format specification (metrics/fit.py):
the on-target share of the audience, on-target views per post (average
views × on-target share) and, for a package with a price, the cost per
1,000 on-target views. Creators are ranked by on-target views per post on the
brief's platforms (all of theirs when the brief names none): how many of the
people the brand wants one post reaches.

A creator whose figures cannot answer the brief (no audience figure for
anything it targets, none of its platforms, no views figure) is listed apart
with the reason, never ranked as if the answer were zero. A real zero (an
audience reported entirely outside the target) is ranked, last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mediakit.metrics.fit import Fit, audience_fit, cost_per_thousand_on_target
from mediakit.metrics.summary import KitStats, PlatformStats
from mediakit.model.brief import Brief
from mediakit.model.kit import Kit


@dataclass(frozen=True)
class Reach:
    platform: str  # its label: Instagram
    average_views: float
    on_target_views: float  # average views × on-target share


@dataclass(frozen=True)
class PackageCost:
    package: str
    platform: str
    price: float
    currency: str
    average_views: float
    cost_per_thousand: float  # price ÷ (average views × on-target share ÷ 1000)


@dataclass(frozen=True)
class Score:
    name: str
    fit: Fit
    reach: Reach | None  # the best of the brief's platforms
    cheapest: PackageCost | None  # the lowest cost per 1,000 on-target views
    apart_because: str | None  # why the creator cannot be ranked, if so

    @property
    def ranked(self) -> bool:
        return self.apart_because is None


def score_creator(kit: Kit, stats: KitStats, brief: Brief) -> Score:
    niches = [*kit.creator.niches, *(niche for c in kit.collaborations for niche in c.niches)]
    fit = audience_fit(kit.primary_audience, brief, niches)
    wanted = {platform.value for platform in brief.platforms}
    considered = [
        item for item in stats.platforms if not wanted or item.platform.platform.value in wanted
    ]
    reaches = [
        Reach(item.platform.label, item.average_views, item.average_views * fit.on_target)
        for item in considered
        if item.average_views and fit.on_target is not None
    ]
    reach = max(reaches, key=lambda r: (r.on_target_views, r.average_views), default=None)
    costs = []
    views = {item.platform.platform: item for item in considered}
    for package in kit.rates.packages if kit.rates else []:
        item = views.get(package.platform) if package.platform else None
        if package.price is None or item is None or not item.average_views:
            continue
        cost = cost_per_thousand_on_target(package.price, item.average_views, fit.on_target)
        if cost is not None and kit.rates is not None:
            costs.append(
                PackageCost(
                    package.name,
                    item.platform.label,
                    package.price,
                    kit.rates.currency,
                    item.average_views,
                    cost,
                )
            )
    cheapest = min(costs, key=lambda c: c.cost_per_thousand, default=None)
    return Score(kit.creator.name, fit, reach, cheapest, _apart_because(fit, considered, brief))


def _apart_because(fit: Fit, considered: Sequence[PlatformStats], brief: Brief) -> str | None:
    if fit.on_target is None:
        return f"the audience data gives no {_words(list(fit.unknown))}, which the brief targets"
    if not considered:
        names = [platform.value for platform in brief.platforms]
        return f"not on {_words(names, 'or')}"
    if not any(item.average_views for item in considered):
        return "no views figure on the brief's platforms" if brief.platforms else "no views figure"
    return None


def _words(items: list[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def ranking_key(score: Score) -> tuple[float, float, str]:
    """Most on-target views per post first; then the larger on-target share; then by name."""
    views = score.reach.on_target_views if score.reach else 0.0
    return (-views, -(score.fit.on_target or 0.0), score.name.casefold())
