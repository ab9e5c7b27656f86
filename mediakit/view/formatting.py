"""Numbers, money and dates in the kit's locale, all through Babel."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from babel.support import NullTranslations

from mediakit.view.i18n import translations_for


@dataclass(frozen=True)
class Formatter:
    """Words and numbers in one locale: gettext for labels, Babel for figures."""

    locale: Locale
    translations: NullTranslations

    @classmethod
    def for_tag(cls, tag: str) -> Formatter:
        locale = Locale.parse(tag.replace("-", "_"))
        return cls(locale, translations_for(locale))

    @property
    def tag(self) -> str:
        """The BCP 47 tag for `lang` attributes: pt-BR, fr, en."""
        return str(self.locale).replace("_", "-")

    @property
    def direction(self) -> str:
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def handle(self, handle: str) -> str:
        """@name; on a right-to-left page isolated (LRI ... PDI) so the @ stays in front."""
        text = f"@{handle}"
        return f"\u2066{text}\u2069" if self.direction == "rtl" else text

    def gettext(self, message: str) -> str:
        return str(self.translations.gettext(message))

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return str(self.translations.ngettext(singular, plural, count))

    def join(self, items: list[str]) -> str:
        """baking, sourdough and home cooking: the locale's own list pattern."""
        return str(format_list(items, locale=self.locale)) if items else ""

    def month_year(self, value: dt.date) -> str:
        """October 2026, octobre 2026, outubro de 2026."""
        return str(format_skeleton("yMMMM", value, locale=self.locale))

    def count(self, value: float) -> str:
        """18,400"""
        return str(format_decimal(round(value), locale=self.locale))

    def compact(self, value: float) -> str:
        """41.2K, 41,2 k; in full (41.234) where the locale has no short form for the magnitude."""
        short = str(format_compact_decimal(value, locale=self.locale, fraction_digits=1))
        # No unit letter (K, k, mil, Mio., 万) means CLDR has no short form here
        # (German thousands): a rounded full number reads better than "22921,5".
        return short if any(character.isalpha() for character in short) else self.count(value)

    def percent(self, value: float, digits: int = 1) -> str:
        """4.2% from 4.23 (a value already in percent)."""
        # Decimal, not float: 7.63 / 100 as a float prints as 7.629999999999999%.
        share = Decimal(str(round(value, digits))).scaleb(-2)
        return str(format_percent(share, locale=self.locale, decimal_quantization=False))

    def decimal(self, value: float, digits: int = 1) -> str:
        return str(
            format_decimal(
                Decimal(str(round(value, digits))), locale=self.locale, decimal_quantization=False
            )
        )

    def money(self, amount: float, currency: str) -> str:
        """A$650 for whole amounts, A$650.50 otherwise (no cents on yen either way)."""
        pattern = self.locale.currency_formats["standard"]
        if float(amount).is_integer():
            pattern = copy.copy(pattern)
            pattern.frac_prec = (0, 0)
            return str(pattern.apply(amount, self.locale, currency=currency, currency_digits=False))
        return str(pattern.apply(amount, self.locale, currency=currency))

    def date(self, value: dt.date) -> str:
        """Nov 14, 2026"""
        return str(format_date(value, "medium", locale=self.locale))

    def country(self, code: str) -> str:
        return str(self.locale.territories.get(code, code))
