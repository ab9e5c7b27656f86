"""A roster's cards: each creator's public figures, and the pages that list them.

`roster_entry` takes what one build computed and keeps only what a card shows
(the same public data goes into `roster.json`); `roster_pages` turns all the
entries into pages ready to print: every creator, then one page for each
niche, platform and audience country, each sorted by audience and by
engagement. Filtering and sorting are plain links between those pages, so
the roster works without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from mediakit.images.pipeline import PublishedImage
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit
from mediakit.output import slug as slug_of
from mediakit.view.formatting import Formatter

TOP_COUNTRIES = 3
SortKey = Literal["audience", "engagement"]


@dataclass(frozen=True)
class Photo:
    src: str  # relative to the kit's own folder
    width: int
    height: int
    srcset: str
    modern_srcset: str


@dataclass(frozen=True)
class PlatformFigure:
    platform: str  # the kit format's name: instagram, tiktok...
    label: str  # Instagram, TikTok...
    followers: int


@dataclass(frozen=True)
class RosterEntry:
    """One creator's public figures, as `roster.json` holds them."""

    slug: str  # the kit's folder in the roster site
    name: str
    handle: str | None
    niches: list[str]
    platforms: list[PlatformFigure]
    total_followers: int
    engagement_rate: float | None  # percent: the largest platform with a rate
    engagement_platform: str | None
    top_countries: list[tuple[str, float]]  # (ISO code, percent of the audience)
    photo: Photo | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["top_countries"] = [{"country": c, "share": s} for c, s in self.top_countries]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RosterEntry:
        photo = data.get("photo")
        return cls(
            slug=data["slug"],
            name=data["name"],
            handle=data.get("handle"),
            niches=list(data["niches"]),
            platforms=[PlatformFigure(**item) for item in data["platforms"]],
            total_followers=int(data["total_followers"]),
            engagement_rate=data.get("engagement_rate"),
            engagement_platform=data.get("engagement_platform"),
            top_countries=[(item["country"], item["share"]) for item in data["top_countries"]],
            photo=Photo(**photo) if photo else None,
        )


def roster_entry(slug: str, kit: Kit, stats: KitStats, photo: PublishedImage | None) -> RosterEntry:
    # The headline rate, as the kit's own headline shows first: its largest
    # platform that has one.
    by_size = sorted(stats.platforms, key=lambda item: item.platform.followers, reverse=True)
    rated = next((item for item in by_size if item.engagement.rate is not None), None)
    audience = kit.primary_audience
    countries = sorted(
        (audience.countries.items() if audience else []), key=lambda pair: (-pair[1], pair[0])
    )
    return RosterEntry(
        slug=slug,
        name=kit.creator.name,
        handle=kit.creator.handle,
        niches=list(kit.creator.niches),
        platforms=[
            PlatformFigure(p.platform.value, p.label, p.followers)
            for p in sorted(kit.platforms, key=lambda p: -p.followers)
        ],
        total_followers=stats.total_followers,
        engagement_rate=rated.engagement.rate if rated else None,
        engagement_platform=rated.platform.label if rated else None,
        top_countries=[(code, share) for code, share in countries[:TOP_COUNTRIES]],
        photo=_photo(photo),
    )


def _photo(photo: PublishedImage | None) -> Photo | None:
    if photo is None:
        return None
    smallest = photo.fallback[0]
    return Photo(smallest.href, smallest.width, smallest.height, photo.srcset, photo.modern_srcset)


# Pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class CardView:
    name: str
    handle: str | None
    href: str  # the kit's site
    photo: Photo | None  # hrefs relative to the page
    niches: str
    platforms: list[str]  # "Instagram 41.2K"
    audience: str
    engagement: str  # "4.2% on Instagram", or a plain "no engagement figure"
    countries: str


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    current: bool = False
    count: int | None = None


@dataclass(frozen=True)
class RosterPageView:
    path: str  # relative to the roster site: "index.html", "_roster/niche/baking.html"
    lang: str
    title: str
    heading: str
    root: str  # "" or "../../": the way from this page back to the roster's top
    stylesheet: str
    summary: str
    cards: list[CardView]
    sorts: list[Link]
    filters: dict[str, list[Link]]  # "Niche" -> links, with the active one marked
    clear_filter: Link | None
    unranked_note: str | None = None


@dataclass(frozen=True)
class Facet:
    kind: str  # "niche", "platform", "country"
    key: str  # the slug in the page's name
    label: str
    members: frozenset[str]  # entry slugs


STYLESHEET = "_roster/roster.css"
KINDS = ("niche", "platform", "country")
FACET_TITLES = {"niche": "Niche", "platform": "Platform", "country": "Audience country"}


def facets(entries: Sequence[RosterEntry], fmt: Formatter) -> list[Facet]:
    """Every niche, platform and top audience country some creator has, in name order."""
    found: dict[tuple[str, str], tuple[str, set[str]]] = {}

    def add(kind: str, key: str, label: str, member: str) -> None:
        if key:
            found.setdefault((kind, key), (label, set()))[1].add(member)

    for entry in entries:
        for niche in entry.niches:
            add("niche", slug_of(niche), niche, entry.slug)
        for platform in entry.platforms:
            add("platform", platform.platform, platform.label, entry.slug)
        for code, _share in entry.top_countries:
            add("country", code.lower(), fmt.country(code), entry.slug)
    return [
        Facet(kind, key, label, frozenset(members))
        for (kind, key), (label, members) in sorted(
            found.items(), key=lambda item: (KINDS.index(item[0][0]), item[1][0].casefold())
        )
    ]


def sorted_entries(entries: Iterable[RosterEntry], by: SortKey) -> list[RosterEntry]:
    """Largest first; a creator with no engagement figure comes after every one that
    has one (unknown is not zero), then by name."""
    if by == "audience":
        return sorted(entries, key=lambda e: (-e.total_followers, e.name.casefold(), e.slug))
    return sorted(
        entries,
        key=lambda e: (
            e.engagement_rate is None,
            -(e.engagement_rate or 0.0),
            e.name.casefold(),
            e.slug,
        ),
    )


def page_path(facet: Facet | None, by: SortKey) -> str:
    if facet is None:
        return "index.html" if by == "audience" else "_roster/by-engagement.html"
    suffix = "" if by == "audience" else "-by-engagement"
    return f"_roster/{facet.kind}/{facet.key}{suffix}.html"


def roster_pages(entries: Sequence[RosterEntry], fmt: Formatter) -> list[RosterPageView]:
    """The roster's pages: all creators and every facet, each in both orders."""
    all_facets = facets(entries, fmt)
    pages = []
    for facet in [None, *all_facets]:
        members = [e for e in entries if facet is None or e.slug in facet.members]
        for by in ("audience", "engagement"):
            pages.append(_page(members, facet, by, all_facets, fmt, len(entries)))
    return pages


def _page(
    members: list[RosterEntry],
    facet: Facet | None,
    by: SortKey,
    all_facets: list[Facet],
    fmt: Formatter,
    total: int,
) -> RosterPageView:
    path = page_path(facet, by)
    root = "../" * path.count("/")
    ordered = sorted_entries(members, by)
    unrated = sum(1 for e in members if e.engagement_rate is None)
    filters: dict[str, list[Link]] = {}
    for item in all_facets:
        filters.setdefault(FACET_TITLES[item.kind], []).append(
            Link(item.label, root + page_path(item, by), item == facet, len(item.members))
        )
    what = f"{FACET_TITLES[facet.kind]}: {facet.label}" if facet else "All creators"
    order = "by audience" if by == "audience" else "by engagement"
    creators = _count(len(members), "creator", "creators")
    return RosterPageView(
        path=path,
        lang=fmt.tag,
        title=f"Roster · {what} · {order}",
        heading="Roster" if facet is None else f"Roster · {facet.label}",
        root=root,
        stylesheet=root + STYLESHEET,
        summary=f"{creators} of {total}, largest {'audience' if by == 'audience' else 'engagement rate'} first."
        if facet
        else f"{creators}, largest {'audience' if by == 'audience' else 'engagement rate'} first.",
        cards=[_card(entry, root, fmt) for entry in ordered],
        sorts=[
            Link("Audience", root + page_path(facet, "audience"), by == "audience"),
            Link("Engagement", root + page_path(facet, "engagement"), by == "engagement"),
        ],
        filters=filters,
        clear_filter=Link("All creators", root + page_path(None, by)) if facet else None,
        unranked_note=(
            f"{_count(unrated, 'creator has', 'creators have')} no engagement figure: "
            "listed last, not counted as zero."
            if by == "engagement" and unrated
            else None
        ),
    )


def _count(number: int, one: str, many: str) -> str:
    # The roster's own pages are in English for now (numbers follow the locale).
    return f"{number} {one if number == 1 else many}"


def _card(entry: RosterEntry, root: str, fmt: Formatter) -> CardView:
    prefix = f"{root}{entry.slug}/"
    photo = None
    if entry.photo:
        photo = Photo(
            prefix + entry.photo.src,
            entry.photo.width,
            entry.photo.height,
            _prefixed(entry.photo.srcset, prefix),
            _prefixed(entry.photo.modern_srcset, prefix),
        )
    engagement = (
        f"{fmt.percent(entry.engagement_rate)} on {entry.engagement_platform}"
        if entry.engagement_rate is not None
        else "No engagement figure"
    )
    countries = fmt.join(
        [f"{fmt.country(code)} {fmt.percent(share, 0)}" for code, share in entry.top_countries]
    )
    return CardView(
        name=entry.name,
        handle=fmt.handle(entry.handle) if entry.handle else None,
        href=prefix,
        photo=photo,
        niches=", ".join(entry.niches),
        platforms=[f"{p.label} {fmt.compact(p.followers)}" for p in entry.platforms],
        audience=fmt.compact(entry.total_followers),
        engagement=engagement,
        countries=countries or "No audience data",
    )


def _prefixed(srcset: str, prefix: str) -> str:
    return ", ".join(prefix + item.strip() for item in srcset.split(",") if item.strip())
