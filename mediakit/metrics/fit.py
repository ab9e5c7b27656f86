"""How much of a creator's audience a brand's brief wants to reach.

Each dimension is a share from 0 to 1 of the audience.  A dimension the brief
targets but the audience does not report is unknown (None), never zero, and
is left out of the on-target product.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from mediakit.model.audience import Audience, parse_age_band
from mediakit.model.brief import Brief


def age_share(bands: Mapping[str, float], target_bands: Sequence[str]) -> float | None:
    """Σ band share × (whole years of the band inside the target) / (years in the band)."""
    if not bands or not target_bands:
        return None
    wanted: set[int] = set()
    for band in target_bands:
        low, high = parse_age_band(band)
        wanted.update(range(low, high + 1))
    total = 0.0
    for band, share in bands.items():
        low, high = parse_age_band(band)
        years = range(low, high + 1)
        inside = sum(1 for year in years if year in wanted)
        total += share / 100 * inside / len(years)
    return min(total, 1.0)  # distributions may sum to 100.5 from rounding


def summed_share(shares: Mapping[str, float], targets: Iterable[str]) -> float | None:
    """Summed share of the targeted keys (case-insensitive), as 0..1."""
    wanted = {target.casefold() for target in targets}
    if not shares or not wanted:
        return None
    total = sum(share for key, share in shares.items() if key.casefold() in wanted) / 100
    return min(total, 1.0)  # distributions may sum to 100.5 from rounding


@dataclass(frozen=True)
class Fit:
    age: float | None
    gender: float | None
    countries: float | None
    on_target: float | None
    niche_matches: tuple[str, ...]
    unknown: tuple[str, ...] = field(default_factory=tuple)  # targeted but not reported


def audience_fit(audience: Audience | None, brief: Brief, creator_niches: Iterable[str]) -> Fit:
    target = brief.target
    audience = audience or Audience()
    dimensions = {
        "age": (bool(target.age), bool(audience.age), age_share(audience.age, target.age)),
        "gender": (
            bool(target.gender),
            bool(audience.gender),
            summed_share(audience.gender, target.gender),
        ),
        "countries": (
            bool(target.countries),
            bool(audience.countries),
            summed_share(audience.countries, target.countries),
        ),
    }
    unknown = tuple(
        name for name, (targeted, reported, _) in dimensions.items() if targeted and not reported
    )
    known = [share for targeted, reported, share in dimensions.values() if targeted and reported]
    if known:
        on_target: float | None = 1.0
        for share in known:
            on_target = (on_target or 0.0) * (share or 0.0)
    elif unknown:
        on_target = None  # everything the brand asked about is unknown
    else:
        on_target = 1.0  # the brand targets no one in particular: the whole audience
    return Fit(
        age=dimensions["age"][2],
        gender=dimensions["gender"][2],
        countries=dimensions["countries"][2],
        on_target=on_target,
        niche_matches=niche_matches(brief.niches, creator_niches),
        unknown=unknown,
    )


def niche_matches(brief_niches: Iterable[str], creator_niches: Iterable[str]) -> tuple[str, ...]:
    """The brief's niches that the creator (or a past collaboration) shares, case-insensitively."""
    mine = {niche.casefold() for niche in creator_niches}
    return tuple(niche for niche in brief_niches if niche.casefold() in mine)


def cost_per_thousand_on_target(
    price: float, average_views: float | None, on_target: float | None
) -> float | None:
    """price / (average views × on-target share / 1000)."""
    if not average_views or not on_target:
        return None
    return price / (average_views * on_target / 1000)
