"""Past sponsored work, and what brands said about it."""

from __future__ import annotations

import math

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from mediakit.model.base import KitModel
from mediakit.model.platform import PlatformName
from mediakit.model.types import (
    MAX_COUNT,
    MAX_ITEMS,
    MAX_LINE,
    ONE_LINE_FORBIDDEN,
    Count,
    KitDate,
    KitFile,
    Markdown,
    Paragraph,
    Percent,
    Text,
    WebUrl,
    found,
    refuse_controls,
)

MAX_COLLABORATIONS = 500


class Testimonial(KitModel):
    quote: Paragraph
    author: Text
    role: Text | None = None
    brand: Text | None = None


class CollaborationTestimonial(KitModel):
    quote: Paragraph
    author: Text
    role: Text | None = None


class Results(KitModel):
    """Well-known result figures; any other key is shown as given."""

    model_config = ConfigDict(**{**KitModel.model_config, "extra": "allow"})

    views: Count | None = None
    reach: Count | None = None
    likes: Count | None = None
    comments: Count | None = None
    shares: Count | None = None
    saves: Count | None = None
    clicks: Count | None = None
    code_uses: Count | None = None
    sales: Count | None = None
    engagement_rate: Percent | None = None
    """In percent."""

    @model_validator(mode="after")
    def _extra_results_are_figures_or_text(self) -> Results:
        for key, value in (self.model_extra or {}).items():
            # Shown as a label and a value beside the known results: one line each.
            refuse_controls(str(key), ONE_LINE_FORBIDDEN)
            if isinstance(value, str):
                refuse_controls(value, ONE_LINE_FORBIDDEN)
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if number and not (math.isfinite(value) and abs(value) <= MAX_COUNT):
                raise PydanticCustomError(
                    "result_value",
                    "{key}: found {found}, expected a finite number no larger than any real result",
                    {"key": key, "found": found(value)},
                )
            if not number and not (isinstance(value, str) and 0 < len(value) <= MAX_LINE):
                raise PydanticCustomError(
                    "result_value",
                    "{key}: found {found}, expected a number or a short text",
                    {"key": key, "found": found(value)},
                )
        return self

    def extra_results(self) -> dict[str, object]:
        return dict(self.model_extra or {})


class Collaboration(KitModel):
    brand: Text
    date: KitDate
    logo: KitFile | None = None
    image: KitFile | None = None
    """A still of the content."""
    platform: PlatformName | None = None
    deliverables: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    """e.g. ["1 Reel", "3 Stories"]."""
    summary: Markdown | None = None
    """What was made and why it worked (Markdown)."""
    url: WebUrl | None = None
    """The live post."""
    niches: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    """Used to rank relevance to a brand."""
    results: Results | None = None
    testimonial: CollaborationTestimonial | None = None
