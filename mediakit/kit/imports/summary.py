"""The summary `mediakit import` prints: what changed on each platform, and what the
exports could not give."""

from __future__ import annotations

from pathlib import Path

from mediakit.kit.imports.merge import PlatformChanges
from mediakit.kit.imports.run import ImportReport


def summary_lines(report: ImportReport, kit_path: Path, *, dry_run: bool) -> list[str]:
    lines: list[str] = []
    for change in report.plan.changes:
        lines.append(f"{change.label}, from your {' and '.join(change.sources)}:")
        lines.extend(f"  {line}" for line in _platform_lines(change))
    if report.passed_over:
        lines.append(
            f"Passed over {len(report.passed_over)} file(s) in the folders and zips given "
            "that are not analytics exports."
        )
    if report.plan.reindented:
        lines.append(f"Note: {kit_path.name} is written with regular indentation.")
    nothing = report.plan.kit_text is None and not report.plan.csv_texts
    if dry_run:
        lines.append("Dry run: nothing was written." if not nothing else "Nothing would change.")
    elif nothing:
        lines.append("Nothing changed: the kit already has these figures.")
    else:
        lines.append("Wrote " + ", ".join(str(path) for path in report.written) + ".")
    return lines


def _platform_lines(change: PlatformChanges) -> list[str]:
    lines = []
    if change.posts_file:
        lines.append(
            f"posts: {change.added} added, {change.updated} updated, {change.unchanged} "
            f"unchanged, in {change.posts_file}"
        )
    if change.followers:
        before, after = change.followers
        lines.append(f"followers: {before:,} → {after:,}")
    if change.as_of:
        before_date, after_date = change.as_of
        lines.append(f"as_of: {before_date.isoformat()} → {after_date.isoformat()}")
    if not change.followers:
        lines.append(
            "followers: not in these exports; check that your count is still right and "
            "update it (and as_of) by hand"
        )
    if change.history_added or change.history_updated:
        lines.append(
            f"history: {change.history_added} point(s) added, {change.history_updated} updated"
        )
    if change.audience:
        lines.append(f"audience: {change.audience}")
    lines.extend(f"not in this export: {lack}" for lack in change.lacks)
    lines.extend(f"note: {note}" for note in change.notes)
    return lines
