"""The view model: what a theme's templates are given, as `kit` (see CONTRIBUTING's
"Making a theme"). This is the contract between mediakit and every theme:
fields are added, never renamed or given another meaning.

Every value here is ready to print: numbers are formatted in the kit's locale
and sentences worded (mediakit/view/kit_view.py builds them), so a template
only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from mediakit.images.favicon import SiteIcons
from mediakit.images.pipeline import PublishedImage
from mediakit.view.charts import Chart

Target = Literal["site", "print"]


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class PlatformView:
    name: str
    slug: str
    handle: str | None
    url: str | None
    followers: str
    followers_exact: str
    tier: str
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


@dataclass(frozen=True)
class PitchView:
    brand: str
    campaign: str | None
    fit: list[Figure]
    unknown_note: str | None
    niche_matches: str  # "baking, sourdough and home cooking", or empty
    on_target_views: list[Figure]
    cost_per_thousand: list[Figure]
