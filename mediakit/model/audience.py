"""Who follows the creator: distributions of age, gender, countries and cities."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from mediakit.model.base import KitModel
from mediakit.model.types import MAX_ITEMS, CountryCode, KitDate, Percent, Text

# Rounding in analytics exports can push a full distribution a little over 100.
MAX_DISTRIBUTION_SUM = 100.5
# Spaces only around the dash: `\s` would let a tab or a control character
# through into a label the kit shows.
_AGE_BAND = re.compile(r"^([0-9]{1,3}) *(?:- *([0-9]{1,3})|\+)$")
# An open band "A+" is counted as A to A+9 (the spec's convention).
OPEN_BAND_YEARS = 10


def _sums_to_at_most_100(shares: dict[str, float]) -> dict[str, float]:
    total = sum(shares.values())
    if total > MAX_DISTRIBUTION_SUM:
        raise PydanticCustomError(
            "distribution_sum",
            "the shares add up to {total}, more than 100; the rest of the audience is counted as "
            "'other' automatically, so the shares may add up to less than 100 but not more",
            {"total": round(total, 2)},
        )
    return shares


def parse_age_band(band: str) -> tuple[int, int]:
    """`"18-24"` -> (18, 24); `"55+"` -> (55, 64): whole years, both ends included."""
    match = _AGE_BAND.match(band.strip(" "))
    if not match:
        raise ValueError(band)
    low = int(match[1])
    high = int(match[2]) if match[2] else low + OPEN_BAND_YEARS - 1
    if high < low:
        raise ValueError(band)
    return low, high


def _age_bands(shares: dict[str, float]) -> dict[str, float]:
    spans: list[tuple[int, int, str]] = []
    for band in shares:
        try:
            low, high = parse_age_band(band)
        except ValueError:
            raise PydanticCustomError(
                "age_band",
                'found the age band "{band}", expected "A-B" such as "18-24", or "A+" such as "55+"',
                {"band": band},
            ) from None
        spans.append((low, high, band))
    spans.sort()
    for (_, high, band), (low, _, next_band) in pairwise(spans):
        if low <= high:
            raise PydanticCustomError(
                "age_overlap",
                'the age bands "{a}" and "{b}" overlap; each age may belong to one band only',
                {"a": band, "b": next_band},
            )
    return shares


Distribution = Annotated[dict[Text, Percent], AfterValidator(_sums_to_at_most_100)]
AgeDistribution = Annotated[
    dict[str, Percent], AfterValidator(_age_bands), AfterValidator(_sums_to_at_most_100)
]
CountryDistribution = Annotated[dict[CountryCode, Percent], AfterValidator(_sums_to_at_most_100)]


class Audience(KitModel):
    source: Text | None = None
    """Where the numbers come from, e.g. "Instagram Insights"."""
    as_of: KitDate | None = None
    """When these numbers were read."""
    age: AgeDistribution = Field(default_factory=dict, max_length=MAX_ITEMS)
    """Percent of the audience per age band: {"18-24": 27, "25-34": 44, "55+": 2}."""
    gender: Distribution = Field(default_factory=dict, max_length=MAX_ITEMS)
    """Percent per gender: {female: 78, male: 20, other: 2}."""
    countries: CountryDistribution = Field(default_factory=dict, max_length=MAX_ITEMS)
    """Percent per ISO country code: {AU: 61, NZ: 9, NO: 1}."""
    cities: Distribution = Field(default_factory=dict, max_length=MAX_ITEMS)
    """Percent per city: {Melbourne: 24}."""
    interests: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    real_followers: Percent | None = None
    """Share judged authentic by an audit tool, in percent."""

    @property
    def is_empty(self) -> bool:
        return not (self.age or self.gender or self.countries or self.cities or self.interests)
