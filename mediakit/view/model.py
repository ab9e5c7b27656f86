"""The view model: what a theme's templates are given, as `kit` (see CONTRIBUTING's
"Making a theme"). This is the contract between mediakit and every theme:
fields are added, never renamed or given another meaning.

Every value here is ready to print: numbers are formatted in the kit's locale
and sentences worded (mediakit/view/kit_view.py builds them), so a template
only lays them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from markupsafe import Markup

from mediakit.images.favicon import SiteIcons
from mediakit.images.pipeline import PublishedImage
from mediakit.view.charts import Chart

Target = Literal["site", "print"]
# A web address is shown at most this long (the link keeps all of it).
SHORT_ADDRESS = 44


def short_address(url: str) -> str:
    """`https://www.example.com/work-with-me/` as `example.com/work-with-me`, and a
    long one cut with an ellipsis: the link a reader follows keeps the whole address."""
    text = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return text if len(text) <= SHORT_ADDRESS else text[: SHORT_ADDRESS - 1] + "…"


# Up to four collaborations show in full; with more, the first three do and
# the rest follow as compact rows, under a line of totals.
FULL_COLLABORATIONS_UP_TO = 4
FEATURED_COLLABORATIONS = 3
MAX_LOGOS_PER_ROW = 6


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class PostView:
    """One of a platform's posts shown with its picture (the creator's own content)."""

    title: str  # the post's title, or its date
    date: str
    engagements: str  # "2.4K engagements", worded
    url: str | None
    image: PublishedImage


@dataclass(frozen=True)
class PlatformView:
    name: str
    slug: str
    handle: str | None
    url: str | None
    followers: str
    followers_exact: str
    tier: str  # empty where influencer tiers do not apply (newsletters, podcasts, blogs)
    engagement: str | None
    basis: str
    provenance: str
    figures: list[Figure]
    standout_posts: list[Figure]
    as_of: str
    benchmark: str
    benchmark_url: str | None
    growth_chart: Chart | None = None  # followers over time, from `history`
    benchmark_chart: Chart | None = None  # only where a like-for-like benchmark exists
    # In the platform's own words: "Followers", or "Subscribers" for YouTube,
    # newsletters and podcasts.
    audience_label: str = ""
    # "Engagement rate", or a newsletter's "Open rate"; its note says how.
    engagement_label: str = ""
    engagement_note: str = ""
    # Why the benchmark's rate differs from `engagement`, when it is worked out
    # another way (the study's basis, counts or statistic); empty otherwise.
    benchmark_note: str = ""
    showcase: list[PostView] = field(default_factory=list)


@dataclass(frozen=True)
class AudienceView:
    source: str | None
    as_of: str | None
    charts: list[Chart]  # age, gender, top countries, top cities: those the kit gives
    interests: list[str]
    real_followers: str | None


@dataclass(frozen=True)
class QuoteView:
    quote: str
    author: str
    role: str | None


@dataclass(frozen=True)
class LogoView:
    brand: str
    image: PublishedImage


@dataclass(frozen=True)
class CollaborationView:
    brand: str
    date: str
    platform: str | None
    deliverables: list[str]
    summary: Markup
    url: str | None
    results: list[Figure]
    logo: PublishedImage | None
    image: PublishedImage | None
    testimonial: QuoteView | None


@dataclass(frozen=True)
class PackageView:
    name: str
    platform: str | None
    price: str
    description: str | None
    includes: list[str]


@dataclass(frozen=True)
class RatesView:
    packages: list[PackageView]
    add_ons: list[Figure]
    terms: Markup
    valid_until: str | None
    prices_shown: bool


@dataclass(frozen=True)
class ContactView:
    email: str | None
    website: str | None
    booking_url: str | None
    phone: str | None
    note: str | None

    @property
    def website_shown(self) -> str | None:
        return short_address(self.website) if self.website else None

    @property
    def booking_shown(self) -> str | None:
        return short_address(self.booking_url) if self.booking_url else None

    @property
    def phone_href(self) -> str | None:
        """tel:+61400000000 — the number without the spaces and punctuation people write."""
        if not self.phone:
            return None
        return (
            "tel:"
            + ("+" if self.phone.startswith("+") else "")
            + "".join(filter(str.isdigit, self.phone))
        )


@dataclass(frozen=True)
class KitView:
    target: Target
    lang: str  # BCP 47: en, pt-BR
    dir: str  # ltr, or rtl for Arabic and Hebrew kits
    title: str
    description: str
    name: str
    handle: str | None
    tagline: str | None
    bio: Markup
    photo: PublishedImage | None
    location: str | None
    languages: list[str]
    niches: list[str]
    headline: list[Figure]
    stats_as_of: str
    platforms: list[PlatformView]
    audience: AudienceView | None
    collaborations: list[CollaborationView]
    testimonials: list[QuoteView]
    rates: RatesView | None
    contact: ContactView
    sections: list[str]
    pdf_href: str | None
    site_url: str | None
    tier_definition: str
    paper: str
    accent: str | None
    generated_on: str
    pitch: PitchView | None = None  # set when the kit is tailored to one brand (mediakit pitch)
    structured_data: str = ""  # JSON-LD, escaped for a <script> element
    share_image: str | None = (
        None  # absolute address of the preview image, when the site's is known
    )
    share_image_size: tuple[int, int] | None = None  # its width and height, when known
    icons: SiteIcons | None = None
    # "78 % women · 71 % aged 18 to 34 · 61 % Australia", from the audience data.
    audience_summary: str | None = None
    # The past partners' logos, for a "worked with" strip; balanced in rows of
    # `logo_columns` (7 logos: 4 + 3, not 6 + 1).
    brand_logos: list[LogoView] = field(default_factory=list)
    # Across all collaborations, when there are more than four: brands, views, clicks...
    collaboration_totals: list[Figure] = field(default_factory=list)
    # The accent washed out for tinted panels (#RRGGBB), where the accent is known.
    accent_soft: str | None = None
    accent_wash: str | None = None

    @property
    def site_shown(self) -> str | None:
        return short_address(self.site_url) if self.site_url else None

    @property
    def logo_columns(self) -> int:
        count = len(self.brand_logos)
        rows = -(-count // MAX_LOGOS_PER_ROW) or 1
        return max(1, -(-count // rows))

    @property
    def featured_collaborations(self) -> list[CollaborationView]:
        """The most relevant ones, in full; all of them when there are few."""
        if len(self.collaborations) <= FULL_COLLABORATIONS_UP_TO:
            return self.collaborations
        return self.collaborations[:FEATURED_COLLABORATIONS]

    @property
    def more_collaborations(self) -> list[CollaborationView]:
        """The rest, shown as compact rows."""
        return self.collaborations[len(self.featured_collaborations) :]


@dataclass(frozen=True)
class PitchView:
    brand: str
    campaign: str | None
    fit: list[Figure]
    unknown_note: str | None
    niche_matches: str  # "baking, sourdough and home cooking", or empty
    on_target_views: list[Figure]
    cost_per_thousand: list[Figure]
