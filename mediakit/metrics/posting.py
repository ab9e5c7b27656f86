"""How often the creator posts."""

from __future__ import annotations

from collections.abc import Sequence

from mediakit.model.platform import Post


def posts_per_week(window: Sequence[Post]) -> float | None:
    """Posts in the window / (days from first to last post / 7); None below two posts or zero days."""
    if len(window) < 2:
        return None
    dates = sorted(post.date for post in window)
    days = (dates[-1] - dates[0]).days
    if days == 0:
        return None
    return len(window) / (days / 7)
