"""`mediakit audit`: what a brand manager would question in a kit, and how to fix it.

Pure checks over a validated kit and its computed figures. The build never
runs them: a kit with findings still builds; the audit only advises.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from dataclasses import dataclass
from typing import Literal

from mediakit.advice.concerns import kit_concerns
from mediakit.advice.placeholders import leftover_examples
from mediakit.errors import KeyPath, format_key_path
from mediakit.kit.load import LoadedYaml
from mediakit.metrics.engagement import recent_window
from mediakit.metrics.growth import DAYS_PER_MONTH, follower_points
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit
from mediakit.model.platform import Platform, PlatformName

Severity = Literal["high", "medium", "low"]

# A month-on-month jump this large, far above the creator's usual pace, is
# what bought followers look like in a history (giveaways do it too).
JUMP_MONTHLY_GROWTH = 0.25
JUMP_TIMES_USUAL = 3
# Brands and platforms expect most posts to be the creator's own content.
MAX_SPONSORED_SHARE = 0.30
# Words that show the terms cover each topic a brand asks about.
TERM_TOPICS = {
    "payment": r"pay|upfront|invoice|deposit|net ?\d+|on signing|half|\d+ ?%",
    "usage rights": r"usage|licen[cs]e|whitelist|rights",
    "exclusivity": r"exclusiv|compet",
}


@dataclass(frozen=True)
class Finding:
    severity: Severity
    title: str
    fix: str
    loc: KeyPath = ()


# Where each platform's own export is downloaded, for platforms `mediakit import` reads;
# the README's "Bring your numbers in" says the same.
IMPORTABLE = {
    PlatformName.instagram: (
        "Meta Business Suite: Insights > Content > Export data (CSV)",
        "posts.csv",
    ),
    PlatformName.facebook: (
        "Meta Business Suite: Insights > Content > Export data (CSV)",
        "posts.csv",
    ),
    PlatformName.tiktok: (
        "TikTok Studio on the web: Analytics, the download button of the Content and "
        "Followers tabs (choose CSV)",
        "Content.zip Followers.zip",
    ),
    PlatformName.youtube: (
        "YouTube Studio: Analytics > Advanced mode > Export current view > "
        "Comma-separated values (.csv)",
        '"Content 2026-08-01_2026-11-20 Channel"',
    ),
    PlatformName.newsletter: (
        "Substack (if you publish there): Settings > Exports > Create a new export",
        "posts.csv",
    ),
}
AVERAGE_KEYS = ("avg_views", "avg_likes", "avg_comments", "avg_shares", "avg_saves", "avg_reach")


def audit_kit(
    kit: Kit, stats: KitStats, today: dt.date, *, document: LoadedYaml | None = None
) -> list[Finding]:
    """Findings, most severe first; with the kit's `document`, the starter's
    examples it still holds come first of all, and advice names the kit's file."""
    kit_name = str(document.path) if document is not None else "mediakit.yaml"
    leftovers = [
        Finding(
            "high",
            f"{format_key_path(leftover.loc)} {leftover.what}: a brand would take it for yours.",
            leftover.fix[0].upper() + leftover.fix[1:],
            leftover.loc,
        )
        for leftover in (leftover_examples(document) if document is not None else [])
    ]
    findings: list[Finding] = []
    # Stale or future dates and a stated rate the posts contradict: the same
    # checks `validate` warns about, here at the top of the list.
    findings += [
        Finding("high", f"{c.subject}: {c.what}.", c.fix[0].upper() + c.fix[1:], c.loc)
        for c in kit_concerns(kit, stats, today)
    ]
    for index, item in enumerate(stats.platforms):
        platform = item.platform
        where: KeyPath = ("platforms", index)
        for start, end, monthly in suspicious_jumps(platform):
            findings.append(
                Finding(
                    "high",
                    f"{platform.label}: followers grew {monthly:.0%} a month between {start.isoformat()} "
                    f"and {end.isoformat()}, far above your usual pace. Brands read this as bought followers.",
                    "If a giveaway or a viral post explains it, say so in your bio or a collaboration summary; "
                    "otherwise expect questions.",
                    (*where, "history"),
                )
            )
        window = recent_window(platform.posts)
        sponsored = sum(post.sponsored for post in window)
        if window and sponsored / len(window) > MAX_SPONSORED_SHARE:
            findings.append(
                Finding(
                    "medium",
                    f"{platform.label}: {sponsored} of your {len(window)} recent posts are sponsored "
                    f"({sponsored / len(window):.0%}; more than {MAX_SPONSORED_SHARE:.0%} looks like an ad feed).",
                    "Balance sponsored posts with your own content before pitching.",
                    (*where, "posts"),
                )
            )
    findings.extend(_typed_by_hand(kit, kit_name))
    if kit.primary_audience is None:
        findings.append(
            Finding(
                "high",
                "No audience data: brands cannot tell whether your followers are their customers.",
                "Add audience: age, gender and countries from your app's insights, with source and as_of.",
                ("audience",),
            )
        )
    findings.extend(_rate_findings(kit))
    if not kit.contact.email:
        findings.append(
            Finding(
                "low",
                "No email address: most brands reply by email.",
                "Add contact.email.",
                ("contact",),
            )
        )
    with_results = [c for c in kit.collaborations if c.results]
    if not with_results:
        findings.append(
            Finding(
                "medium",
                "No past results: brands want numbers from earlier partnerships.",
                "Add collaborations with results (views, clicks, code uses, sales).",
                ("collaborations",),
            )
        )
    # An example still to replace is the one thing to say about its spot.
    replaced_first = {finding.loc for finding in leftovers}
    findings = [finding for finding in findings if finding.loc not in replaced_first]
    order = {"high": 0, "medium": 1, "low": 2}
    return leftovers + sorted(findings, key=lambda finding: order[finding.severity])


def _typed_by_hand(kit: Kit, kit_name: str) -> list[Finding]:
    """Figures typed into the kit (posts: or avg_*, no `source`) where the platform's own
    export could bring them in: brands trust numbers that say where they come from."""
    findings = []
    for index, platform in enumerate(kit.platforms):
        where_to_click = IMPORTABLE.get(platform.platform)
        if where_to_click is None or platform.source is not None:
            continue
        typed_posts = bool(platform.posts) and platform.posts_csv is None
        averages = [key for key in AVERAGE_KEYS if getattr(platform, key) is not None]
        if not (typed_posts or averages):
            continue
        what = "posts" if typed_posts else ", ".join(averages)
        download, example = where_to_click
        findings.append(
            Finding(
                "medium",
                f"{platform.label}: your {what} were typed by hand; a typo becomes a figure a "
                "brand reads, and the kit cannot say where they come from.",
                f"Download your export from {download}, then run "
                f"`mediakit import {example} --kit {kit_name}`: the kit then names its source.",
                ("platforms", index, "posts" if typed_posts else averages[0]),
            )
        )
    return findings


def suspicious_jumps(platform: Platform) -> list[tuple[dt.date, dt.date, float]]:
    """History intervals growing > 25 % a month and > 3x the median interval's pace."""
    points = follower_points(platform.history, platform.followers, platform.as_of)
    paces: list[tuple[dt.date, dt.date, float]] = []
    for before, after in itertools.pairwise(points):
        days = (after.date - before.date).days
        if days <= 0 or before.followers == 0:
            continue
        monthly = (after.followers / before.followers) ** (DAYS_PER_MONTH / days) - 1
        paces.append((before.date, after.date, monthly))
    if len(paces) < 3:  # too short a history to know the usual pace
        return []
    usual = statistics.median(pace for _, _, pace in paces)
    return [
        (start, end, pace)
        for start, end, pace in paces
        if pace > JUMP_MONTHLY_GROWTH and pace > JUMP_TIMES_USUAL * max(usual, 0.0)
    ]


def _rate_findings(kit: Kit) -> list[Finding]:
    rates = kit.rates
    if rates is None or not rates.packages:
        return [
            Finding(
                "medium",
                "No rate card: brands will ask what you charge.",
                "Add rates with at least one package (an exact price, a floor, or on request).",
                ("rates",),
            )
        ]
    terms = rates.terms or ""
    missing = [
        topic
        for topic, pattern in TERM_TOPICS.items()
        if not re.search(pattern, terms, re.IGNORECASE)
    ]
    if not missing:
        return []
    return [
        Finding(
            "medium",
            f"Your terms do not seem to cover {', '.join(missing)} (looked for words such as "
            f"{'; '.join(TERM_TOPICS[topic].split('|')[0] for topic in missing)}).",
            "State payment terms, how long and where the brand may reuse your content, and any exclusivity.",
            ("rates", "terms") if rates.terms else ("rates",),
        )
    ]
