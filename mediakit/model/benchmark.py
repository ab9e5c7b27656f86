"""A benchmarks file: published engagement rates, each with its source and method."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from mediakit.model.base import KitModel
from mediakit.model.platform import EngagementBasis, PlatformName
from mediakit.model.types import Count, Percent, Text, WebUrl

EngagementCount = Literal["likes", "comments", "shares", "saves"]


class Benchmark(KitModel):
    platform: PlatformName
    followers_min: Count
    """The source's own follower band, both ends included."""
    followers_max: Count | None = None
    """None: no upper end."""
    basis: EngagementBasis
    """What the source divides engagements by."""
    counts: list[EngagementCount] = Field(min_length=1)
    """The counts the source sums, e.g. [likes, comments]."""
    statistic: Literal["mean", "median"]
    engagement_rate: Percent
    source: Text
    title: Text
    year: int = Field(ge=2000, le=2100)
    url: WebUrl
    sample: Text | None = None

    @model_validator(mode="after")
    def _band_in_order(self) -> Benchmark:
        if self.followers_max is not None and self.followers_max < self.followers_min:
            raise PydanticCustomError("band", "followers_max is below followers_min")
        return self

    def covers(self, followers: int) -> bool:
        return self.followers_min <= followers and (
            self.followers_max is None or followers <= self.followers_max
        )


class BenchmarkFile(KitModel):
    version: Literal[1]
    benchmarks: list[Benchmark] = Field(max_length=1000)
