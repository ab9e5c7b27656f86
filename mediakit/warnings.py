"""Things a brand would question, reported as warnings: they fail only with --strict."""

from __future__ import annotations

import datetime as dt

from mediakit.errors import Problem
from mediakit.load import LoadedYaml
from mediakit.metrics.engagement import claim_differs
from mediakit.metrics.summary import KitStats
from mediakit.model.kit import Kit

STALE_AFTER_DAYS = 90


def kit_warnings(kit: Kit, stats: KitStats, document: LoadedYaml, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []

    def stale(date: dt.date | None, loc: tuple[str | int, ...]) -> None:
        if date is None:
            return
        if date > today:
            problems.append(
                document.problem(
                    loc, f"{date.isoformat()} is in the future; check the year.", severity="warning"
                )
            )
        elif (today - date).days > STALE_AFTER_DAYS:
            problems.append(
                document.problem(
                    loc,
                    f"these figures are from {date.isoformat()}, {(today - date).days} days ago; "
                    "brands expect numbers from the last 90 days. Update them and the date.",
                    severity="warning",
                )
            )

    for index, item in enumerate(stats.platforms):
        platform = item.platform
        stale(platform.as_of, ("platforms", index, "as_of"))
        if platform.audience:
            stale(platform.audience.as_of, ("platforms", index, "audience", "as_of"))
        computed = item.engagement
        claimed = platform.engagement_rate
        recomputed = computed.method == "posts" and computed.rate is not None
        if claimed is not None and recomputed and claim_differs(claimed, computed.rate or 0.0):
            problems.append(
                document.problem(
                    ("platforms", index, "engagement_rate"),
                    f"you state {claimed:g} %, but your posts give {computed.rate:.2f} % "
                    f"(median of {computed.posts_used} posts, by {computed.basis}); "
                    "the kit shows the computed figure. Correct or remove the stated rate.",
                    severity="warning",
                )
            )
    if kit.audience:
        stale(kit.audience.as_of, ("audience", "as_of"))
    return problems
