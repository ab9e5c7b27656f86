"""Numbers as people write them: thousands separators, percent signs, the locale's decimal sign."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.model.kit import Kit
from tests.conftest import MINIMAL_KIT


def kit_with(write_kit: Any, locale: str, followers: str, extra: str = "") -> Kit:
    text = f"locale: {locale}\n" + MINIMAL_KIT.replace(
        "followers: 12000", f"followers: {followers}"
    )
    return parse_kit(load_yaml(write_kit(text + extra)))


def problems(path: Path) -> list[str]:
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(path))
    return [p.format().replace(str(path), "KIT") for p in caught.value.problems]


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        ("en", '"12,500"', 12_500),  # "," separates thousands in English
        ("en", "12,500", 12_500),  # unquoted, YAML 1.2 reads it as text: same thing
        ("en", '"12 500"', 12_500),  # a space separates thousands in every language
        ("fr", '"12\u202f500"', 12_500),  # French's own narrow no-break space
        ("fr", '"12\u00a0500"', 12_500),  # and the no-break space editors type
        ("fr", '"12,5k"', 12_500),  # 12.5 × 1000: "," is the French decimal sign
        ("de", '"12.500"', 12_500),  # "." separates thousands in German
        ("de", '"1.234.567"', 1_234_567),
        ("de", '"2,5M"', 2_500_000),  # 2.5 × 1,000,000
        ("de-CH", '"12\'500"', 12_500),  # the Swiss apostrophe
        ("en", '"1,234.5k"', 1_234_500),  # 1234.5 × 1000
        ("fr", '"18.4k"', 18_400),  # the spec's own form reads the same in every language
        ("pt-BR", '"1,2M"', 1_200_000),
    ],
)
def test_counts_as_people_write_them(
    write_kit: Any, locale: str, written: str, expected: int
) -> None:
    assert kit_with(write_kit, locale, written).platforms[0].followers == expected


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        ("en", "41%", 41.0),
        ("en", '"4.2 %"', 4.2),
        ("fr", '"4,2 %"', 4.2),  # French writes a space before % and a decimal comma
        ("de", '"3,75%"', 3.75),
    ],
)
def test_percentages_with_a_percent_sign(
    write_kit: Any, locale: str, written: str, expected: float
) -> None:
    kit = kit_with(
        write_kit,
        locale,
        "1000",
        f"audience:\n  gender: {{female: {written}}}\n  real_followers: {written}\n",
    )
    assert kit.audience is not None
    assert kit.audience.gender == {"female": expected}
    assert kit.audience.real_followers == expected


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        ("en", '"1,500"', 1500.0),
        ("en", '"1,500.50"', 1500.5),
        ("fr", '"1 500"', 1500.0),
        ("fr", '"650,50"', 650.5),
        ("de", '"1.500,50"', 1500.5),
    ],
)
def test_prices_with_separators(write_kit: Any, locale: str, written: str, expected: float) -> None:
    rates = f"rates:\n  currency: EUR\n  packages:\n    - {{name: Reel, price: {written}}}\n"
    kit = kit_with(write_kit, locale, "1000", rates)
    assert kit.rates is not None and kit.rates.packages[0].price == expected


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        # In French "," is the decimal sign: "12,500" is twelve and a half, not a count.
        (
            "fr",
            '"12,500"',
            'KIT:11:16  platforms[0].followers: found "12,500", which is 12,5 in this kit\'s '
            'language (locale fr), where "," is the decimal sign; a count is a whole number: '
            'write 12500 (or "12 500")',
        ),
        # And in English "." is: "12.500" is twelve and a half.
        (
            "en",
            '"12.500"',
            'KIT:11:16  platforms[0].followers: found "12.500", which is 12.5 in this kit\'s '
            'language (locale en), where "." is the decimal sign; a count is a whole number: '
            'write 12500 (or "12 500")',
        ),
        # "12,5k" in an English kit: "," separates thousands there, and "12,5" has no
        # group of three, so the only sensible reading is 12.5k = 12500; say to write it.
        (
            "en",
            '"12,5k"',
            'KIT:11:16  platforms[0].followers: found "12,5k", which this kit (locale en) cannot '
            'read as one number: here "." is the decimal sign and "," separates thousands; '
            "write 12500 if that is what you mean",
        ),
        # "12.500" in a French kit: a German thousands point (12500) or an English
        # decimal point (12.5)? Both readings are given, in the kit's own form.
        (
            "fr",
            '"12.500"',
            'KIT:11:16  platforms[0].followers: found "12.500", which this kit (locale fr) cannot '
            'read as one number: here "," is the decimal sign and a space separates thousands; '
            "write 12,5 or 12500, whichever you mean",
        ),
    ],
)
def test_ambiguous_numbers_say_exactly_what_to_write(
    write_kit: Any, locale: str, written: str, expected: str
) -> None:
    text = f"locale: {locale}\n" + MINIMAL_KIT.replace("followers: 12000", f"followers: {written}")
    assert problems(write_kit(text)) == [expected]


def test_a_percent_that_reads_two_ways(write_kit: Any) -> None:
    text = MINIMAL_KIT + "audience:\n  real_followers: 4,5%\n"
    [message] = problems(write_kit(text))
    assert message.startswith('KIT:13:19  audience.real_followers: found "4,5%", which this kit')
    assert message.endswith("write 4.5 if that is what you mean")


def test_posts_csv_numbers_follow_the_kit_locale(write_kit: Any, tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text(
        'date,likes,views\n2026-10-01,"1,2k",12 500\n', encoding="utf-8"
    )
    text = "locale: fr\n" + MINIMAL_KIT + "    posts_csv: posts.csv\n"
    kit = parse_kit(load_yaml(write_kit(text)))
    post = kit.platforms[0].posts[0]
    assert (post.likes, post.views) == (1200, 12_500)  # 1.2 × 1000; twelve thousand five hundred


def test_an_unquoted_thousands_point_says_what_to_write(write_kit: Any) -> None:
    # Without quotes YAML reads 12.500 as the number 12.5, whatever the kit's locale:
    # ruamel keeps how it was written (2 digits, a point, 3 digits), so the message can say.
    text = "locale: de\n" + MINIMAL_KIT.replace("followers: 12000", "followers: 12.500")
    assert problems(write_kit(text)) == [
        "KIT:11:16  platforms[0].followers: found 12.500, which YAML reads as the number 12.5 "
        "(a decimal point); a count is a whole number: write 12500"
    ]
