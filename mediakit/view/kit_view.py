"""Stage 4: the kit's view (mediakit/view/model.py), built from the kit and its figures.

Every figure a template shows is computed and worded here: templates only lay
things out, and anything a test should reach lives in Python.  Whether prices are shown is the caller's choice (`prices`): with
`rates.public: false` the site and the PDF it links say "on request", while
the PDF for emailing and a pitch's PDF carry the prices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediakit.images.accent import mix_with_white
from mediakit.images.publish import Images
from mediakit.metrics.engagement import engagements, showcase_posts
from mediakit.metrics.growth import follower_points
from mediakit.metrics.summary import KitStats, PlatformStats
from mediakit.model.audience import Audience, parse_age_band
from mediakit.model.collaboration import Collaboration
from mediakit.model.kit import Kit
from mediakit.model.platform import PLATFORM_LABELS, Platform, PlatformName
from mediakit.model.rates import Rates
from mediakit.model.theme import SECTION_NAMES
from mediakit.view.charts import (
    DEFAULT_ACCENT,
    PRINT,
    SITE,
    BarItem,
    Chart,
    Scale,
    bar_chart,
    growth_chart,
)
from mediakit.view.formatting import Formatter
from mediakit.view.markdown import render_markdown
from mediakit.view.model import (
    FULL_COLLABORATIONS_UP_TO,
    AudienceView,
    CollaborationView,
    ContactView,
    Figure,
    KitView,
    LogoView,
    PackageView,
    PlatformView,
    PostView,
    QuoteView,
    RatesView,
    Target,
)
from mediakit.view.structured_data import structured_data
from mediakit.view.wording import (
    NOT_SOCIAL,
    audience_summary,
    audience_word,
    basis_word,
    benchmark_basis_note,
    benchmark_sentence,
    cadence_label,
    gender_label,
    headline_views_label,
    price,
    provenance,
    result_label,
    short_method,
    source_sentence,
    tier_definition,
    tier_label,
    views_label,
)

TOP_COUNTRIES = 6
TOP_CITIES = 5
MAX_HEADLINE_FIGURES = 4


def build_view(
    kit: Kit,
    stats: KitStats,
    images: Images,
    *,
    target: Target,
    pdf_href: str | None,
    today: dt.date,
    prices: bool,
    accent: str | None = None,
) -> KitView:
    fmt = Formatter.for_tag(kit.locale)
    _ = fmt.gettext
    creator = kit.creator
    # Sized for the medium; coloured with the accent the PDF cannot read from CSS (charts.py).
    charts = ChartStyle(PRINT if target == "print" else SITE, accent or DEFAULT_ACCENT)
    platforms = [
        _platform_view(index, item, images, fmt, charts)
        for index, item in enumerate(stats.platforms)
    ]
    audience = _audience_view(kit, fmt, charts)
    collaborations = [
        _collaboration_view(index, collab, images, fmt)
        for index, collab in sorted(
            enumerate(kit.collaborations), key=lambda pair: pair[1].date, reverse=True
        )
    ]
    testimonials = [QuoteView(t.quote, t.author, _role(t.role, t.brand)) for t in kit.testimonials]
    rates = _rates_view(kit.rates, fmt, show_prices=prices) if kit.rates else None
    present = {
        "profile": True,
        "engagement": any(p.engagement for p in platforms),
        "platforms": True,
        "audience": audience is not None
        and bool(audience.charts or audience.interests or audience.real_followers),
        "collaborations": bool(collaborations),
        "testimonials": bool(testimonials),
        "rates": rates is not None and bool(rates.packages),
        "contact": True,
    }
    order: list[str] = list(kit.theme.sections or SECTION_NAMES)
    handle = fmt.handle(creator.handle) if creator.handle else None
    tagline = creator.tagline
    niches = ", ".join(creator.niches)
    share = images.share_card or images.photo  # the drawn card, else the headshot
    return KitView(
        target=target,
        lang=fmt.tag,
        dir=fmt.direction,
        title=_("%(name)s · Media kit") % {"name": creator.name},
        description=tagline
        or _("%(name)s: %(niches)s creator. Media kit and rates.")
        % {"name": creator.name, "niches": niches},
        name=creator.name,
        handle=handle,
        tagline=tagline,
        bio=render_markdown(creator.bio),
        photo=images.photo,
        location=creator.location,
        languages=list(creator.languages),
        niches=list(creator.niches),
        headline=_headline(stats, kit.primary_audience, fmt)[:MAX_HEADLINE_FIGURES],
        stats_as_of=fmt.date(stats.stats_as_of),
        platforms=platforms,
        audience=audience,
        collaborations=collaborations,
        testimonials=testimonials,
        rates=rates,
        contact=ContactView(
            kit.contact.email,
            kit.contact.website,
            kit.contact.booking_url,
            kit.contact.phone,
            kit.contact.note,
        ),
        sections=[name for name in order if present.get(name)],
        pdf_href=pdf_href,
        site_url=kit.site.base_url,
        tier_definition=tier_definition(fmt),
        paper=kit.theme.paper,
        accent=accent,
        generated_on=fmt.date(today),
        structured_data=structured_data(kit, images.photo.href if images.photo else None),
        share_image=(
            kit.site.base_url.rstrip("/") + "/" + share.href
            if kit.site.base_url and share
            else None
        ),
        share_image_size=(share.width, share.height) if share else None,
        icons=images.icons,
        audience_summary=(
            audience_summary(kit.primary_audience, fmt) if kit.primary_audience else None
        ),
        brand_logos=[
            LogoView(collab.brand, collab.logo) for collab in collaborations if collab.logo
        ],
        collaboration_totals=_collaboration_totals(kit, fmt),
        accent_soft=mix_with_white(accent, 0.86) if accent else None,
        accent_wash=mix_with_white(accent, 0.94) if accent else None,
    )


def _headline(stats: KitStats, audience: Audience | None, fmt: Formatter) -> list[Figure]:
    _ = fmt.gettext
    count = len(stats.platforms)
    figures = [
        Figure(
            _("Total audience"),
            fmt.compact(stats.total_followers),
            fmt.ngettext("across %(num)d platform", "across %(num)d platforms", count)
            % {"num": count},
        )
    ]
    by_size = sorted(stats.platforms, key=lambda item: item.platform.followers, reverse=True)
    for item in by_size:
        if item.open_rate is not None:
            figures.append(
                Figure(
                    _("%(platform)s open rate") % {"platform": item.platform.label},
                    fmt.percent(item.open_rate),
                    _("median of its recent issues"),
                )
            )
        elif item.engagement.rate is not None:
            figures.append(
                Figure(
                    _("%(platform)s engagement") % {"platform": item.platform.label},
                    fmt.percent(item.engagement.rate),
                    short_method(item.engagement, fmt),
                )
            )
    views = [item for item in by_size if item.average_views]
    if views and len(figures) < MAX_HEADLINE_FIGURES:
        top = max(views, key=lambda item: item.average_views or 0)
        note = _("median per post") if top.views_from_posts else _("average per post, as stated")
        label = headline_views_label(top.platform, fmt)
        figures.append(Figure(label, fmt.compact(top.average_views or 0), note))
    if audience and audience.countries and len(figures) < MAX_HEADLINE_FIGURES:
        code, share = max(audience.countries.items(), key=lambda pair: pair[1])
        label = _("Audience in %(country)s") % {"country": fmt.country(code)}
        figures.append(Figure(label, fmt.percent(share, 0), audience.source or ""))
    return figures


@dataclass(frozen=True)
class ChartStyle:
    scale: Scale
    accent: str


def _platform_view(
    index: int, item: PlatformStats, images: Images, fmt: Formatter, charts: ChartStyle
) -> PlatformView:
    _ = fmt.gettext
    platform = item.platform
    name = platform.platform
    figures = []
    if item.average_views is not None:
        label = views_label(name, item.views_from_posts, fmt)
        figures.append(Figure(label, fmt.compact(item.average_views)))
    if item.posts_per_week is not None:
        figures.append(Figure(cadence_label(name, fmt), fmt.decimal(item.posts_per_week)))
    if item.click_rate is not None:
        figures.append(Figure(_("Click rate"), fmt.percent(item.click_rate)))
    if item.growth is not None:
        figures.append(
            Figure(
                _("Monthly growth"),
                fmt.percent(item.growth.monthly_rate),
                _("since %(date)s") % {"date": fmt.date(item.growth.start)},
            )
        )
    if item.engagement.mean is not None and item.open_rate is None:
        figures.append(Figure(_("Mean engagement"), fmt.percent(item.engagement.mean)))
    standout = [
        Figure(
            post.title or fmt.date(post.date), fmt.compact(engagements(post) or 0), post.url or ""
        )
        for post in item.engagement.viral
    ]
    engagement: str | None
    if item.open_rate is not None:  # a newsletter: how many subscribers open an issue
        engagement = fmt.percent(item.open_rate)
        engagement_label = _("Open rate")
        engagement_note = _("opens ÷ subscribers, median of recent issues")
    else:
        engagement = fmt.percent(item.engagement.rate) if item.engagement.rate is not None else None
        engagement_label = _("Engagement rate")
        engagement_note = _("by %(basis)s") % {"basis": basis_word(item.engagement.basis, fmt)}
    return PlatformView(
        name=platform.label,
        slug=name.value,
        handle=fmt.handle(platform.handle) if platform.handle else None,
        url=platform.profile_url,
        followers=fmt.compact(platform.followers),
        followers_exact=fmt.count(platform.followers),
        tier="" if name in NOT_SOCIAL else tier_label(item.tier, fmt),
        engagement=engagement,
        basis=basis_word(item.engagement.basis, fmt),
        provenance=" ".join(
            part
            for part in (provenance(item, fmt), source_sentence(platform, fmt, creator_reads=False))
            if part
        ),
        figures=figures,
        standout_posts=standout,
        as_of=fmt.date(platform.as_of),
        benchmark=benchmark_sentence(item.benchmark, platform.label, fmt),
        benchmark_url=item.benchmark.benchmark.url if item.benchmark else None,
        growth_chart=growth_chart(
            f"chart-growth-{index}",
            _("%(platform)s followers over time") % {"platform": platform.label},
            _growth_points(platform),
            fmt,
            scale=charts.scale,
            accent=charts.accent,
        ),
        benchmark_chart=_benchmark_chart(index, item, fmt, charts),
        audience_label=audience_word(name, fmt),
        engagement_label=engagement_label,
        engagement_note=engagement_note,
        benchmark_note=benchmark_basis_note(item, fmt),
        showcase=[
            PostView(
                title=post.title or fmt.date(post.date),
                date=fmt.date(post.date),
                engagements=_("%(count)s engagements")
                % {"count": fmt.compact(engagements(post) or 0)},
                url=post.url,
                image=picture,
            )
            for number in showcase_posts(platform.posts)
            if (picture := images.posts.get((index, number))) is not None
            for post in [platform.posts[number]]
        ],
    )


def _growth_points(platform: Platform) -> list[tuple[dt.date, int]]:
    history = follower_points(platform.history, platform.followers, platform.as_of)
    return [(point.date, point.followers) for point in history]


def _benchmark_chart(
    index: int, item: PlatformStats, fmt: Formatter, charts: ChartStyle
) -> Chart | None:
    comparison = item.benchmark
    if comparison is None or comparison.multiple is None:
        return None  # no like-for-like benchmark: nothing to set the rate against
    _ = fmt.gettext
    benchmark = comparison.benchmark
    statistic = _("mean") if benchmark.statistic == "mean" else _("median")
    rates = [
        BarItem(
            fmt.handle(item.platform.handle) if item.platform.handle else item.platform.label,
            comparison.creator_rate,
            fmt.percent(comparison.creator_rate, 2),
        ),
        BarItem(
            _("Benchmark (%(statistic)s)") % {"statistic": statistic},
            benchmark.engagement_rate,
            fmt.percent(benchmark.engagement_rate, 2),
            benchmark=True,
        ),
    ]
    title = _("%(platform)s engagement against the benchmark") % {"platform": item.platform.label}
    return bar_chart(f"chart-benchmark-{index}", title, rates, fmt, accent=charts.accent)


def _shares(
    shares: dict[str, float], fmt: Formatter, *, limit: int | None = None, sort: bool = True
) -> list[BarItem]:
    items = list(shares.items())
    if sort:
        items.sort(key=lambda pair: pair[1], reverse=True)
    if limit is not None:
        items = items[:limit]
    return [
        BarItem(label, share, fmt.percent(share, 0 if share >= 10 else 1)) for label, share in items
    ]


def _audience_view(kit: Kit, fmt: Formatter, charts: ChartStyle) -> AudienceView | None:
    _ = fmt.gettext
    audience = kit.primary_audience
    source = audience.source if audience else None
    if audience is None:
        return None
    ages = dict(sorted(audience.age.items(), key=lambda pair: parse_age_band(pair[0])))
    countries = {fmt.country(code): share for code, share in audience.countries.items()}
    genders = {gender_label(label, fmt): share for label, share in audience.gender.items()}
    drawn = [
        # Shares of the whole audience: the track is 100 %.
        bar_chart(f"chart-{name}", title, bars, fmt, accent=charts.accent, full=100)
        for name, title, bars in (
            ("age", _("Age"), _shares(ages, fmt, sort=False)),
            ("gender", _("Gender"), _shares(genders, fmt)),
            ("countries", _("Top countries"), _shares(countries, fmt, limit=TOP_COUNTRIES)),
            ("cities", _("Top cities"), _shares(audience.cities, fmt, limit=TOP_CITIES)),
        )
    ]
    return AudienceView(
        source=source,
        as_of=fmt.date(audience.as_of) if audience.as_of else None,
        charts=[chart for chart in drawn if chart is not None],
        interests=list(audience.interests),
        real_followers=fmt.percent(audience.real_followers, 0)
        if audience.real_followers is not None
        else None,
    )


TOTALLED_RESULTS = ("views", "clicks", "code_uses", "sales")


def _collaboration_totals(kit: Kit, fmt: Formatter) -> list[Figure]:
    """Brands, and the results the collaborations give, summed: only above four of them."""
    _ = fmt.gettext
    collabs = kit.collaborations
    if len(collabs) <= FULL_COLLABORATIONS_UP_TO:
        return []
    brands = len({collab.brand.casefold() for collab in collabs})
    totals = [
        Figure(
            _("Brands"),
            fmt.count(brands),
            fmt.ngettext("%(num)d collaboration", "%(num)d collaborations", len(collabs))
            % {"num": len(collabs)},
        )
    ]
    for key in TOTALLED_RESULTS:
        given = [
            value
            for collab in collabs
            if collab.results and isinstance(value := getattr(collab.results, key, None), int)
        ]
        if given:
            note = fmt.ngettext(
                "from %(num)d collaboration", "from %(num)d collaborations", len(given)
            ) % {"num": len(given)}
            totals.append(Figure(result_label(key, fmt), fmt.compact(sum(given)), note))
    return totals


def _result_value(key: str, value: object, fmt: Formatter) -> str:
    if key == "engagement_rate" and isinstance(value, (int, float)):
        return fmt.percent(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt.compact(value) if value >= 10_000 else fmt.count(value)
    return str(value)


def _collaboration_view(
    index: int, collab: Collaboration, images: Images, fmt: Formatter
) -> CollaborationView:
    results: list[Figure] = []
    if collab.results:
        given = collab.results.model_dump(
            exclude_none=True, exclude=set(collab.results.extra_results())
        )
        for key, value in given.items():
            results.append(Figure(result_label(key, fmt), _result_value(key, value, fmt)))
        for key, value in collab.results.extra_results().items():
            results.append(Figure(result_label(key, fmt), _result_value(key, value, fmt)))
    testimonial = collab.testimonial
    return CollaborationView(
        brand=collab.brand,
        date=fmt.month_year(collab.date),
        platform=_platform_label(collab.platform.value) if collab.platform else None,
        deliverables=list(collab.deliverables),
        summary=render_markdown(collab.summary),
        url=collab.url,
        results=results,
        logo=images.logos.get(index),
        image=images.stills.get(index),
        testimonial=QuoteView(testimonial.quote, testimonial.author, testimonial.role)
        if testimonial
        else None,
    )


def _platform_label(value: str) -> str:
    return PLATFORM_LABELS[PlatformName(value)]


def _rates_view(rates: Rates, fmt: Formatter, *, show_prices: bool) -> RatesView:
    packages = [
        PackageView(
            name=package.name,
            platform=_platform_label(package.platform.value) if package.platform else None,
            price=price(package, rates.currency, fmt, show_prices),
            description=package.description,
            includes=list(package.includes),
        )
        for package in rates.packages
    ]
    add_ons = []
    for add_on in rates.add_ons:
        if not show_prices:
            value = fmt.gettext("On request")
        elif add_on.price is not None:
            value = f"+{fmt.money(add_on.price, rates.currency)}"
        else:
            value = fmt.gettext("+%(percent)s of the package") % {
                "percent": fmt.percent(add_on.percent or 0, 0)
            }
        add_ons.append(Figure(add_on.name, value, add_on.description or ""))
    return RatesView(
        packages=packages,
        add_ons=add_ons,
        terms=render_markdown(rates.terms),
        valid_until=fmt.date(rates.valid_until) if rates.valid_until else None,
        prices_shown=show_prices,
    )


def _role(role: str | None, brand: str | None) -> str | None:
    parts = [part for part in (role, brand) if part]
    return ", ".join(parts) if parts else None
