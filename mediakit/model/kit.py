"""The whole kit file."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from mediakit.model.audience import Audience
from mediakit.model.base import KitModel
from mediakit.model.collaboration import MAX_COLLABORATIONS, Collaboration, Testimonial
from mediakit.model.creator import Contact, Creator
from mediakit.model.platform import Platform
from mediakit.model.rates import Rates
from mediakit.model.theme import Site, Theme
from mediakit.model.types import KitFile, LocaleTag


class Kit(KitModel):
    """A creator's media kit (mediakit.yaml, format version 1)."""

    version: Literal[1]
    """The format version; always 1."""
    locale: LocaleTag = "en"
    """Language and number formats: en, es, fr, de, pt..."""
    creator: Creator
    contact: Contact
    platforms: list[Platform] = Field(min_length=1, max_length=50)
    audience: Audience | None = None
    collaborations: list[Collaboration] = Field(default_factory=list, max_length=MAX_COLLABORATIONS)
    testimonials: list[Testimonial] = Field(default_factory=list, max_length=MAX_COLLABORATIONS)
    rates: Rates | None = None
    theme: Theme = Field(default_factory=Theme)
    site: Site = Field(default_factory=Site)
    benchmarks: KitFile | None = None
    """A benchmarks file to compare engagement with, instead of the shipped one."""

    @property
    def primary_audience(self) -> Audience | None:
        """The kit's audience, else the first platform's own."""
        if self.audience and not self.audience.is_empty:
            return self.audience
        return next(
            (p.audience for p in self.platforms if p.audience and not p.audience.is_empty), None
        )
