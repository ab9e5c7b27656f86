"""Dates as the studios write them: "May 16" with no year, "Sep 27, 2026", "16 mai".

Month names follow the language the creator's studio is set to. They come
from Babel's CLDR data for the five languages mediakit speaks, every width
and form ("sept.", "septembre", "Sep", "September"), never from a table
typed here. A file's dates are read in the one language that reads them all,
so "mar" is March in Spanish files without being guessed in others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from babel.dates import get_month_names

LANGUAGES = ("en", "fr", "es", "de", "pt")
_WORDS = re.compile(r"[^\W\d_]+|\d+")


@cache
def month_numbers(language: str) -> dict[str, int]:
    """Every name of every month in `language`, folded: {"sep": 9, "september": 9, ...}."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, language).items():
                names[_fold(name)] = int(number)
    return names


def _fold(word: str) -> str:
    return word.casefold().strip(". ")


def _parts(text: str, language: str) -> tuple[int | None, list[int]]:
    """The month a text names in `language` (None when no word is a month), and its numbers."""
    month = None
    numbers = []
    for word in _WORDS.findall(text):
        if word.isdigit():
            numbers.append(int(word))
        elif (found := month_numbers(language).get(_fold(word))) is not None and month is None:
            month = found
    return month, numbers


def month_day(text: str, language: str) -> tuple[int, int] | None:
    """ "May 16", "16 mai", "16 de mayo", "16. Mai" as (5, 16); None when it is not one."""
    month, numbers = _parts(text, language)
    if month is None or len(numbers) != 1 or not 1 <= numbers[0] <= 31:
        return None
    return month, numbers[0]


def full_date(text: str, language: str) -> dt.date | None:
    """ "Sep 27, 2026", "27 sept. 2026" as a date; None when it is not one."""
    month, numbers = _parts(text, language)
    days = [n for n in numbers if 1 <= n <= 31]
    years = [n for n in numbers if n >= 1000]
    if month is None or len(numbers) != 2 or not days or not years:
        return None
    try:
        return dt.date(years[0], month, days[0])
    except ValueError:
        return None


def language_of(texts: Iterable[str], *, with_year: bool) -> str | None:
    """The first of the five languages in which every text reads as a date; None if none does."""
    texts = [text for text in texts if text.strip()]
    read = full_date if with_year else month_day
    for language in LANGUAGES:
        if all(read(text, language) is not None for text in texts):
            return language
    return None


def latest_date_on_or_before(month: int, day: int, latest: dt.date) -> dt.date:
    """The date of `month` and `day` in the last year that does not pass `latest`.

    TikTok writes "May 16" with no year: the export cannot speak of a day
    after its own date, so the year is the latest that keeps the date on or
    before it. February 29 goes back to the last leap year.
    """
    year = latest.year
    while True:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # February 29 in a common year
            year -= 1
            continue
        if candidate <= latest:
            return candidate
        year -= 1
