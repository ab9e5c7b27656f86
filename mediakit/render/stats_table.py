"""The readable table `mediakit stats` prints, in the kit's language."""

from __future__ import annotations

from mediakit.metrics.summary import KitStats
from mediakit.view.formatting import Formatter
from mediakit.view.wording import basis_word, benchmark_sentence, provenance, source_sentence


def stats_table(stats: KitStats, locale: str) -> str:
    fmt = Formatter.for_tag(locale)
    _ = fmt.gettext

    def percent(value: float | None) -> str:
        return fmt.percent(value, 2) if value is not None else "-"

    rows = [
        (
            _("Platform"),
            _("Followers"),
            _("Tier"),
            _("Engagement"),
            _("Mean"),
            _("Basis"),
            _("Views"),
            _("Posts/wk"),
            _("Growth/mo"),
            _("Viral"),
            _("vs bench."),
        )
    ]
    for item in stats.platforms:
        engagement = item.engagement
        rows.append(
            (
                item.platform.label,
                fmt.count(item.platform.followers),
                item.tier,
                percent(engagement.rate),
                percent(engagement.mean),
                basis_word(engagement.basis, fmt),
                fmt.count(item.average_views) if item.average_views is not None else "-",
                fmt.decimal(item.posts_per_week) if item.posts_per_week is not None else "-",
                percent(item.growth.monthly_rate if item.growth else None),
                str(len(engagement.viral)),
                f"{fmt.decimal(item.benchmark.multiple)}×"
                if item.benchmark and item.benchmark.multiple
                else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append("")
    lines.append(
        _("Total followers: %(total)s. Stats as of %(date)s.")
        % {"total": fmt.count(stats.total_followers), "date": fmt.date(stats.stats_as_of)}
    )
    # How each platform's rate was found (posts, averages or the creator's
    # word), as the kit itself says it, and its benchmark.
    for item in stats.platforms:
        source = source_sentence(item.platform, fmt, creator_reads=True)
        lines.append(
            f"{item.platform.label}: {provenance(item, fmt)} "
            + (f"{source} " if source else "")
            + benchmark_sentence(item.benchmark, item.platform.label, fmt)
        )
    return "\n".join(lines)
