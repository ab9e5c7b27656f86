"""A shortlist worded for a person: every figure with the working behind it.

`shortlist_rows` gives one row per creator, ranked creators first, each with
its arithmetic spelled out ("62% × 78% = 48.4%"), for `shortlist.html`, and
the raw figures for `shortlist.csv`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mediakit.metrics.shortlist import Score
from mediakit.model.brief import Brief
from mediakit.view.formatting import Formatter

CSV_COLUMNS = (
    "rank",
    "creator",
    "folder",
    "on_target_percent",
    "age_percent",
    "gender_percent",
    "countries_percent",
    "unknown",
    "platform",
    "average_views",
    "on_target_views_per_post",
    "package",
    "price",
    "currency",
    "cost_per_1000_on_target_views",
    "niche_matches",
    "listed_apart_because",
    "pitch",
)


@dataclass(frozen=True)
class ScoredCreator:
    """A creator of the roster and what scoring it gave."""

    folder: str  # the kit's folder, as a slug
    kit: str  # the kit file, as given
    score: Score


@dataclass(frozen=True)
class ShortlistRow:
    rank: int | None
    name: str
    folder: str
    on_target: str
    on_target_working: str
    reach: str
    reach_working: str
    cost: str
    cost_working: str
    niches: str
    apart_because: str | None
    pitch_href: str | None
    csv: dict[str, Any]


def shortlist_rows(
    ranked: list[ScoredCreator],
    apart: list[ScoredCreator],
    brief: Brief,
    pitches: dict[str, str],
    fmt: Formatter,
) -> list[ShortlistRow]:
    """Rows for the ranked creators (rank 1 first), then those listed apart.
    `pitches` maps a creator's folder to its pitch folder, for the top ones."""
    rows = [_row(index, item, brief, pitches, fmt) for index, item in enumerate(ranked, 1)]
    rows += [_row(None, item, brief, pitches, fmt) for item in apart]
    return rows


def _percent(share: float | None, fmt: Formatter) -> str:
    return fmt.percent(share * 100, 1) if share is not None else "unknown"


def _row(
    rank: int | None,
    item: ScoredCreator,
    brief: Brief,
    pitches: dict[str, str],
    fmt: Formatter,
) -> ShortlistRow:
    score = item.score
    fit = score.fit
    parts = []
    if brief.target.age:
        parts.append(f"age {', '.join(brief.target.age)} {_percent(fit.age, fmt)}")
    if brief.target.gender:
        parts.append(f"{', '.join(brief.target.gender)} {_percent(fit.gender, fmt)}")
    if brief.target.countries:
        parts.append(f"{', '.join(brief.target.countries)} {_percent(fit.countries, fmt)}")
    known = [part for part in parts if not part.endswith("unknown")]
    on_target = _percent(fit.on_target, fmt)
    if fit.on_target is None:
        working = "; ".join(parts) or "the brief targets no one in particular"
    elif not parts:
        working = "the brief targets no one in particular: the whole audience"
    else:
        working = " × ".join(known) + f" = {on_target}"
        if fit.unknown:
            working += f" ({', '.join(fit.unknown)} unknown: left out)"
    reach = score.reach
    cost = score.cheapest
    return ShortlistRow(
        rank=rank,
        name=score.name,
        folder=item.folder,
        on_target=on_target,
        on_target_working=working,
        reach=fmt.count(round(reach.on_target_views)) if reach else "",
        reach_working=(
            f"{reach.platform}: {fmt.count(round(reach.average_views))} views × {on_target}"
            if reach
            else ""
        ),
        cost=(
            fmt.money(round(cost.cost_per_thousand, 2), cost.currency)
            if cost
            else "no on-target views"
            if reach and not reach.on_target_views
            else "no price"
        ),
        cost_working=(
            f"{cost.package}: {fmt.money(cost.price, cost.currency)} ÷ "
            f"({fmt.count(round(cost.average_views))} × {on_target} ÷ 1,000)"
            if cost
            else ""
        ),
        niches=", ".join(fit.niche_matches),
        apart_because=score.apart_because,
        pitch_href=pitches.get(item.folder),
        csv={
            "rank": rank or "",
            "creator": score.name,
            "folder": item.folder,
            "on_target_percent": _csv_percent(fit.on_target),
            "age_percent": _csv_percent(fit.age),
            "gender_percent": _csv_percent(fit.gender),
            "countries_percent": _csv_percent(fit.countries),
            "unknown": " ".join(fit.unknown),
            "platform": reach.platform if reach else "",
            "average_views": round(reach.average_views, 1) if reach else "",
            "on_target_views_per_post": round(reach.on_target_views, 1) if reach else "",
            "package": cost.package if cost else "",
            "price": cost.price if cost else "",
            "currency": cost.currency if cost else "",
            "cost_per_1000_on_target_views": round(cost.cost_per_thousand, 2) if cost else "",
            "niche_matches": " ".join(fit.niche_matches),
            "listed_apart_because": score.apart_because or "",
            "pitch": pitches.get(item.folder, ""),
        },
    )


def _csv_percent(share: float | None) -> float | str:
    return "" if share is None else round(share * 100, 2)
