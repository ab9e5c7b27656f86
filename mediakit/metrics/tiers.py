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
TIER_DEFINITION = (
    "Tiers by followers on a platform: nano under 10,000; micro 10,000 to 99,999; "
    "mid 100,000 to 499,999; macro 500,000 to 999,999; mega 1,000,000 and more."
)


def tier(followers: int) -> str:
    for name, floor in TIERS:
        if followers >= floor:
            return name
    return "nano"
