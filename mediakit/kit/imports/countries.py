"""Country names as exports write them ("Brasil", "Allemagne") turned into ISO codes.

The names come from Babel's CLDR data in the five languages mediakit speaks,
so "Estados Unidos", "États-Unis" and "Vereinigte Staaten" are all US.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from babel import Locale

from mediakit.kit.imports.dates import LANGUAGES
from mediakit.model.types import country_codes


def _fold(name: str) -> str:
    """Case, accents and punctuation set aside: "Côte d’Ivoire" and "cote d'ivoire" agree."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in text if c.isalnum())


@cache
def _codes_by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in LANGUAGES:
        territories: Any = Locale(language).territories
        for code in country_codes():
            if code in territories:
                names.setdefault(_fold(territories[code]), code)
    return names


def country_code(name: str) -> str | None:
    """ "Brasil" -> "BR"; a two-letter code passes through; None when no language knows it."""
    text = name.strip()
    if len(text) == 2 and text.upper() in country_codes():
        return text.upper()
    return _codes_by_name().get(_fold(text))


def shares_by_country(pairs: list[tuple[str, float]]) -> tuple[dict[str, float], list[str]]:
    """{ISO code: share} from (name or code, share) pairs, and the names no language knows,
    which the kit then counts as other rather than guess."""
    shares: dict[str, float] = {}
    unknown: list[str] = []
    for name, share in pairs:
        code = country_code(name)
        if code is None:
            unknown.append(name)
        else:
            shares[code] = round(shares.get(code, 0) + share, 2)
    return shares, unknown
