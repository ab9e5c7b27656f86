"""The kit's sentences and labels, worded in its locale.

Every phrase a reader sees about a figure (what it measures, how it was
computed, which tier it names) is built here from catalog messages, so the
view model only assembles and a translator finds each sentence whole.
"""

from __future__ import annotations

from mediakit.metrics.benchmarks import Comparison
from mediakit.metrics.engagement import Engagement
from mediakit.metrics.summary import PlatformStats
from mediakit.metrics.tiers import TIERS
from mediakit.model.audience import Audience, parse_age_band
from mediakit.model.platform import Platform, PlatformName
from mediakit.model.rates import Package
from mediakit.view.formatting import Formatter


def tier_definition(fmt: Formatter) -> str:
    floors = sorted(floor for _, floor in TIERS if floor)  # micro, mid, macro, mega
    values = {f"from{i}": fmt.count(floor) for i, floor in enumerate(floors)}
    values.update({f"to{i}": fmt.count(floor - 1) for i, floor in enumerate(floors)})
    return (
        fmt.gettext(
            "Tiers by followers on a platform: nano under %(from0)s; micro %(from0)s to %(to1)s; "
            "mid %(from1)s to %(to2)s; macro %(from2)s to %(to3)s; mega %(from3)s and more."
        )
        % values
    )


def tier_label(tier: str, fmt: Formatter) -> str:
    _ = fmt.gettext
    labels = {
        "nano": _("nano tier"),
        "micro": _("micro tier"),
        "mid": _("mid tier"),
        "macro": _("macro tier"),
        "mega": _("mega tier"),
    }
    return labels[tier]


def basis_word(basis: str, fmt: Formatter) -> str:
    _ = fmt.gettext
    return {"followers": _("followers"), "views": _("views"), "reach": _("reach")}[basis]


def count_words(names: tuple[str, ...], fmt: Formatter, *, averages: bool = False) -> str:
    """likes + comments, or average likes + average comments."""
    _ = fmt.gettext
    words = {
        "likes": _("likes"),
        "comments": _("comments"),
        "shares": _("shares"),
        "saves": _("saves"),
    }
    if averages:
        return " + ".join(_("average %(count)s") % {"count": words[name]} for name in names)
    return " + ".join(words[name] for name in names)


def result_label(key: str, fmt: Formatter) -> str:
    _ = fmt.gettext
    labels = {
        "views": _("Views"),
        "reach": _("Reach"),
        "likes": _("Likes"),
        "comments": _("Comments"),
        "shares": _("Shares"),
        "saves": _("Saves"),
        "clicks": _("Link clicks"),
        "code_uses": _("Code uses"),
        "sales": _("Sales"),
        "engagement_rate": _("Engagement rate"),
    }
    return labels.get(key, key.replace("_", " ").capitalize())


def short_method(engagement: Engagement, fmt: Formatter) -> str:
    basis = basis_word(engagement.basis, fmt)
    if engagement.method == "posts":
        count = engagement.posts_used
        return fmt.ngettext(
            "median of %(num)d post, by %(basis)s", "median of %(num)d posts, by %(basis)s", count
        ) % {"num": count, "basis": basis}
    if engagement.method == "averages":
        return fmt.gettext("from average figures, by %(basis)s") % {"basis": basis}
    return fmt.gettext("as stated by the creator")


def provenance(item: PlatformStats, fmt: Formatter) -> str:
    _ = fmt.gettext
    engagement = item.engagement
    basis = basis_word(engagement.basis, fmt)
    as_of = fmt.date(item.platform.as_of)
    if engagement.method == "posts" and engagement.window_start and engagement.window_end:
        count = engagement.posts_used
        return fmt.ngettext(
            "Median engagement rate of %(num)d recent post (%(start)s to %(end)s): "
            "(%(counts)s) ÷ %(basis)s × 100. Mean %(mean)s. Figures as of %(as_of)s.",
            "Median engagement rate of %(num)d recent posts (%(start)s to %(end)s): "
            "(%(counts)s) ÷ %(basis)s × 100. Mean %(mean)s. Figures as of %(as_of)s.",
            count,
        ) % {
            "num": count,
            "start": fmt.date(engagement.window_start),
            "end": fmt.date(engagement.window_end),
            "counts": count_words(engagement.counts_used, fmt),
            "basis": basis,
            "mean": fmt.percent(engagement.mean or 0),
            "as_of": as_of,
        }
    if engagement.method == "averages":
        counts = count_words(engagement.counts_used, fmt, averages=True)
        if engagement.basis == "followers":
            text = _("(%(counts)s) ÷ followers × 100, from the creator's averages as of %(as_of)s.")
        else:
            text = _(
                "(%(counts)s) ÷ average %(basis)s × 100, from the creator's averages as of %(as_of)s."
            )
        return text % {"counts": counts, "basis": basis, "as_of": as_of}
    if engagement.method == "claimed":
        return _(
            "Engagement rate as stated by the creator on %(as_of)s; no posts were given to recompute it."
        ) % {"as_of": as_of}
    return _("Figures as of %(as_of)s.") % {"as_of": as_of}


def source_sentence(platform: Platform, fmt: Formatter, *, creator_reads: bool) -> str:
    """Where the platform's figures come from, when the kit names it (`source`, set by
    `mediakit import`): "From your TikTok Studio export of Nov 20, 2026." in `stats`, the
    creator's own words; "From the creator's ..." in the kit a brand reads. Empty without."""
    if platform.source is None:
        return ""
    values = {"source": platform.source, "date": fmt.date(platform.as_of)}
    if creator_reads:
        return fmt.gettext("From your %(source)s of %(date)s.") % values
    return fmt.gettext("From the creator's %(source)s of %(date)s.") % values


def price(package: Package, currency: str, fmt: Formatter, show: bool) -> str:
    if not show or package.on_request:
        return fmt.gettext("On request")
    if package.price is not None:
        return fmt.money(package.price, currency)
    return fmt.gettext("from %(price)s") % {"price": fmt.money(package.price_from or 0, currency)}


def benchmark_sentence(comparison: Comparison | None, platform: str, fmt: Formatter) -> str:
    """1.4× the mean of Instagram accounts with 20,000 to 99,999 followers: ... (source, year)."""
    _ = fmt.gettext
    if comparison is None or comparison.multiple is None:
        return _("No published benchmark matches these figures like for like.")
    benchmark = comparison.benchmark
    low = fmt.count(benchmark.followers_min)
    if benchmark.followers_max is None:
        band = _("%(low)s or more") % {"low": low}
    else:
        band = _("%(low)s to %(high)s") % {"low": low, "high": fmt.count(benchmark.followers_max)}
    statistic = _("mean") if benchmark.statistic == "mean" else _("median")
    return _(
        "%(multiple)s× the %(statistic)s of %(platform)s accounts with %(band)s followers: "
        "%(creator)s against %(benchmark)s, both as (%(counts)s) ÷ %(basis)s (%(source)s, %(year)s)."
    ) % {
        "multiple": fmt.decimal(comparison.multiple),
        "statistic": statistic,
        "platform": platform,
        "band": band,
        "creator": fmt.percent(comparison.creator_rate, 2),
        "benchmark": fmt.percent(benchmark.engagement_rate, 2),
        "counts": count_words(tuple(benchmark.counts), fmt),
        "basis": basis_word(benchmark.basis, fmt),
        "source": benchmark.source,
        "year": benchmark.year,
    }


# Where a platform's audience is counted in subscribers, not followers.
SUBSCRIBED = frozenset(
    {PlatformName.youtube, PlatformName.newsletter, PlatformName.podcast, PlatformName.blog}
)
# Influencer tiers are a social-media scale: not for a newsletter, a podcast or a blog.
NOT_SOCIAL = frozenset({PlatformName.newsletter, PlatformName.podcast, PlatformName.blog})


def audience_word(platform: PlatformName, fmt: Formatter) -> str:
    """What the platform's `followers` are called: "Followers" or "Subscribers"."""
    return fmt.gettext("Subscribers") if platform in SUBSCRIBED else fmt.gettext("Followers")


def views_label(platform: PlatformName, from_posts: bool, fmt: Formatter) -> str:
    """A post's `views` in the medium's words: a newsletter's opens, a podcast's downloads."""
    _ = fmt.gettext
    if platform == PlatformName.newsletter:
        return _("Median opens") if from_posts else _("Average opens")
    if platform == PlatformName.podcast:
        return _("Downloads per episode")
    if platform == PlatformName.blog:
        return _("Median page views") if from_posts else _("Average page views")
    return _("Median views") if from_posts else _("Average views")


def headline_views_label(platform: Platform, fmt: Formatter) -> str:
    """ "Instagram views", "Newsletter opens", "Podcast downloads": a headline figure's label."""
    _ = fmt.gettext
    values = {"platform": platform.label}
    if platform.platform == PlatformName.newsletter:
        return _("%(platform)s opens") % values
    if platform.platform == PlatformName.podcast:
        return _("%(platform)s downloads") % values
    if platform.platform == PlatformName.blog:
        return _("%(platform)s page views") % values
    return _("%(platform)s views") % values


def cadence_label(platform: PlatformName, fmt: Formatter) -> str:
    _ = fmt.gettext
    if platform == PlatformName.newsletter:
        return _("Issues a week")
    if platform == PlatformName.podcast:
        return _("Episodes a week")
    return _("Posts a week")


def gender_label(key: str, fmt: Formatter) -> str:
    """An audience's gender key in the kit's language; a key of the creator's own, as written."""
    _ = fmt.gettext
    known = {
        "female": _("Women"),
        "women": _("Women"),
        "male": _("Men"),
        "men": _("Men"),
        "other": _("Other"),
        "non-binary": _("Non-binary"),
        "nonbinary": _("Non-binary"),
        "unknown": _("Not given"),
    }
    return known.get(key.strip().casefold(), key.capitalize())


def audience_summary(audience: Audience, fmt: Formatter) -> str | None:
    """One line a brand reads at a glance: "78 % women · 71 % aged 18 to 34 · 61 % Australia".

    The largest gender; the fewest neighbouring age bands (grown from the largest
    one toward its larger neighbour) that together hold half the audience or more;
    the largest country. Only what the audience data gives; None without any.
    """
    _ = fmt.gettext
    parts = []
    if audience.gender:
        key, share = max(audience.gender.items(), key=lambda pair: pair[1])
        parts.append(
            _("%(share)s %(gender)s")
            % {"share": fmt.percent(share, 0), "gender": gender_label(key, fmt).casefold()}
        )
    if audience.age:
        bands = sorted(audience.age.items(), key=lambda pair: parse_age_band(pair[0]))
        low = high = max(range(len(bands)), key=lambda index: bands[index][1])
        held = bands[low][1]
        while held < 50:
            before = bands[low - 1][1] if low > 0 else -1.0
            after = bands[high + 1][1] if high + 1 < len(bands) else -1.0
            if before < 0 and after < 0:
                break
            if after >= before:
                high += 1
                held += after
            else:
                low -= 1
                held += before
        youngest = parse_age_band(bands[low][0])[0]
        last = bands[high][0]
        if last.strip().endswith("+"):
            ages = _("aged %(low)s and over") % {"low": youngest}
        else:
            ages = _("aged %(low)s to %(high)s") % {
                "low": youngest,
                "high": parse_age_band(last)[1],
            }
        parts.append(f"{fmt.percent(held, 0)} {ages}")
    if audience.countries:
        code, share = max(audience.countries.items(), key=lambda pair: pair[1])
        parts.append(f"{fmt.percent(share, 0)} {fmt.country(code)}")
    return " · ".join(parts) or None


def benchmark_basis_note(item: PlatformStats, fmt: Formatter) -> str:
    """Why the benchmark's rate is not the engagement rate on the card, when they differ."""
    comparison = item.benchmark
    if comparison is None or comparison.multiple is None:
        return ""
    benchmark = comparison.benchmark
    engagement = item.engagement
    same = (
        benchmark.basis == engagement.basis
        and tuple(benchmark.counts) == tuple(engagement.counts_used)
        and benchmark.statistic == "median"
    )
    if same:
        return ""
    return fmt.gettext(
        "The study counts (%(counts)s) ÷ %(basis)s, so %(creator)s is this creator's rate "
        "worked out its way; the engagement rate above (%(rate)s, by %(own_basis)s) is not compared."
    ) % {
        "counts": count_words(tuple(benchmark.counts), fmt),
        "basis": basis_word(benchmark.basis, fmt),
        "creator": fmt.percent(comparison.creator_rate, 2),
        "rate": fmt.percent(engagement.rate or 0),
        "own_basis": basis_word(engagement.basis, fmt),
    }
