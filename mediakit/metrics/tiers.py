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
    for name, floor in TIERS:
        if followers >= floor:
            return name
    return "nano"
