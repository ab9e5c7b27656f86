"""Absurd values and oversized input get a located error, never a traceback or a bloated kit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mediakit.check import check_kit
from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.model.types import MAX_LINE, MAX_MARKDOWN
from tests.conftest import MINIMAL_KIT


def first_problem(path: Path) -> str:
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(path))
    return caught.value.problems[0].format().replace(str(path), "KIT")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "    engagement_rate: .nan\n",
            "KIT:12:22  platforms[0].engagement_rate: found nan, expected a finite number",
        ),
        (
            "    engagement_rate: .inf\n",
            "KIT:12:22  platforms[0].engagement_rate: found inf, expected a finite number",
        ),
        (
            "rates:\n  currency: USD\n  packages:\n    - {name: A, price: -1}\n",
            "KIT:15:24  rates.packages[0].price: found -1, expected 0 or more",
        ),
        (
            'audience:\n  age: {"18-24": 101}\n',
            "KIT:13:18  audience.age.18-24: found 101, expected 100 or less",
        ),
    ],
)
def test_absurd_numbers(write_kit, extra: str, expected: str) -> None:
    assert first_problem(write_kit(MINIMAL_KIT + extra)).startswith(expected)


def test_a_huge_number_is_refused_and_not_echoed_in_full(write_kit) -> None:
    message = first_problem(write_kit(MINIMAL_KIT.replace("12000", "1" + "0" * 400)))
    assert message.startswith("KIT:10:16  platforms[0].followers: found 1000")
    assert len(message) < 200


def test_text_too_long(write_kit) -> None:
    long_name = "A" * (MAX_LINE + 1)
    message = first_problem(write_kit(MINIMAL_KIT.replace("Ana Lima", long_name)))
    assert message.startswith(
        f"KIT:3:9  creator.name: holds {MAX_LINE + 1} characters; at most {MAX_LINE} are accepted"
    )


def test_markdown_too_long(write_kit) -> None:
    bio = "word " * (MAX_MARKDOWN // 5 + 10)
    # 4,010 "word " = 20,050 characters; YAML drops the trailing space: 20,049.
    message = first_problem(
        write_kit(MINIMAL_KIT.replace("  niches: [baking]", f"  niches: [baking]\n  bio: {bio}"))
    )
    assert message.startswith(
        "KIT:5:8  creator.bio: holds 20,049 characters; at most 20,000 are accepted"
    )


def test_too_many_items(write_kit) -> None:
    niches = ", ".join(f"n{i}" for i in range(301))
    message = first_problem(write_kit(MINIMAL_KIT.replace("[baking]", f"[{niches}]")))
    assert message.startswith("KIT:4:11  creator.niches: holds 301 items; at most 300 are accepted")


def test_too_many_posts(write_kit) -> None:
    posts = "".join(f"      - {{date: 2026-01-01, likes: {i}}}\n" for i in range(5001))
    message = first_problem(write_kit(MINIMAL_KIT + "    posts:\n" + posts))
    assert message.startswith(
        "KIT:13:7  platforms[0].posts: holds 5,001 items; at most 5,000 are accepted"
    )


def test_deep_nesting(write_kit) -> None:
    assert "nests lists or mappings too deeply" in first_problem(
        write_kit("a: " + "[" * 5000 + "]" * 5000 + "\n")
    )


def test_future_date_warns(write_kit) -> None:
    checked = check_kit(
        write_kit(MINIMAL_KIT.replace("2026-11-01", "2062-11-01")), today=dt.date(2026, 11, 21)
    )
    assert [w.format().split("  ", 1)[1] for w in checked.warnings] == [
        "platforms[0].as_of: warning: 2062-11-01 is in the future; check the year."
    ]


def test_pdf_name_cannot_climb_out(write_kit) -> None:
    message = first_problem(write_kit(MINIMAL_KIT + "site:\n  pdf_name: ../../evil.pdf\n"))
    assert message.startswith(
        'KIT:13:13  site.pdf_name: found "../../evil.pdf", expected a plain file name'
    )
