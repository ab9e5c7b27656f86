"""Follower tiers, as brands name them."""

from __future__ import annotations

# Lower bounds, largest first.
TIERS = (
    ("mega", 1_000_000),
    ("macro", 500_000),
    ("mid", 100_000),
    ("micro", 10_000),
    ("nano", 0),
)


def tier(followers: int) -> str:
    # The last floor is 0 and counts are never negative: one always matches.
    return next(name for name, floor in TIERS if followers >= floor)
