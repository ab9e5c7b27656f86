"""Things a brand would question in the figures themselves.

`validate` and `build` report them as warnings (they fail only with
--strict); `mediakit audit` lists them first, as high-severity findings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mediakit.advice.placeholders import remaining_placeholders
from mediakit.errors import KeyPath, Problem
from mediakit.kit.load import LoadedYaml
from mediakit.metrics.engagement import claim_differs
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit

STALE_AFTER_DAYS = 90


@dataclass(frozen=True)
class Concern:
    """What a brand would question (`subject`, `what`), where, and what to do (`fix`)."""

    subject: str
    what: str
    fix: str
    loc: KeyPath


def kit_concerns(kit: Kit, stats: KitStats, today: dt.date) -> list[Concern]:
    concerns: list[Concern] = []

    def dated(subject: str, date: dt.date | None, loc: KeyPath) -> None:
        if date is None:
            return
        if date > today:
            concerns.append(
                Concern(subject, f"{date.isoformat()} is in the future", "check the year.", loc)
            )
        elif (today - date).days > STALE_AFTER_DAYS:
            concerns.append(
                Concern(
                    subject,
                    f"these figures are from {date.isoformat()}, {(today - date).days} days ago",
                    f"brands expect numbers from the last {STALE_AFTER_DAYS} days. "
                    "Update them and the date.",
                    loc,
                )
            )

    for index, item in enumerate(stats.platforms):
        platform = item.platform
        dated(platform.label, platform.as_of, ("platforms", index, "as_of"))
        if platform.audience:
            dated(
                f"{platform.label} audience",
                platform.audience.as_of,
                ("platforms", index, "audience", "as_of"),
            )
        computed = item.engagement
        claimed = platform.engagement_rate
        if (
            claimed is not None
            and computed.method == "posts"
            and computed.rate is not None
            and claim_differs(claimed, computed.rate)
        ):
            concerns.append(
                Concern(
                    platform.label,
                    f"you state {claimed:g} %, but your posts give {computed.rate:.2f} % "
                    f"(median of {computed.posts_used} posts, by {computed.basis})",
                    "the kit shows the computed figure. Correct or remove the stated rate.",
                    ("platforms", index, "engagement_rate"),
                )
            )
    if kit.audience:
        dated("Audience", kit.audience.as_of, ("audience", "as_of"))
    concerns += private_prices_in_text(kit)
    return concerns


def private_prices_in_text(kit: Kit) -> list[Concern]:
    """With `rates.public: false` every price field is hidden, but the creator's
    own words (terms, descriptions) are published as written: a price typed
    into them would go out with them."""
    rates = kit.rates
    if rates is None or rates.public:
        return []
    from babel.numbers import get_currency_symbol  # only kits with private rates pay for it

    marks = {rates.currency, get_currency_symbol(rates.currency, "en")}
    marks.add(get_currency_symbol(rates.currency, kit.locale.replace("-", "_")))
    mark = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    amount = r"\d(?:[\d.,]*\d)?"
    price = re.compile(rf"(?:{mark})\s?{amount}|{amount}\s?(?:{mark})(?![A-Za-z])")
    texts: list[tuple[KeyPath, str | None]] = [(("rates", "terms"), rates.terms)]
    for index, package in enumerate(rates.packages):
        texts.append((("rates", "packages", index, "description"), package.description))
        texts += [
            (("rates", "packages", index, "includes", item), text)
            for item, text in enumerate(package.includes)
        ]
    for index, add_on in enumerate(rates.add_ons):
        texts.append((("rates", "add_ons", index, "description"), add_on.description))
    return [
        Concern(
            "Private rates",
            f'"{found.group(0)}" is published with this text, though rates.public is false',
            "move the price out of it (the PDF for emailing lists your prices), or make rates public.",
            loc,
        )
        for loc, text in texts
        if text and (found := price.search(text))
    ]


def kit_warnings(kit: Kit, stats: KitStats, document: LoadedYaml, today: dt.date) -> list[Problem]:
    """The starter's examples still in the kit, then what a brand would question."""
    return [
        *remaining_placeholders(document),
        *(
            document.problem(concern.loc, f"{concern.what}; {concern.fix}", severity="warning")
            for concern in kit_concerns(kit, stats, today)
        ),
    ]
