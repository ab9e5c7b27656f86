"""Numbers as people write them: "12,500", "12 500", "41%", "12,5k" in a French kit.

The kit's locale decides which of "." and "," is the decimal sign (Babel's
CLDR data: "." in English, "," in French, German, Spanish, Portuguese); the
other one, where the locale uses it, separates thousands. A space (plain or
no-break) or an apostrophe between groups of three digits separates thousands
in every locale. The spec's own form keeps working everywhere: "18.4k", a
point followed by anything but three digits, is a decimal point.

Babel's `parse_decimal` is not used for the reading itself: it accepts
exponents, signs and other scripts' digits, reads "12.500" as 12.5 in a French
kit, and cannot say which two readings made a value unclear, which is what a
creator needs to be told.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

# Separators of thousands in every locale: spaces (plain, no-break, narrow
# no-break, thin) and apostrophes (Swiss "12'500").
_GROUP_SPACES = " \u00a0\u202f\u2009'\u2019"
_SPACED = re.compile(f"[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}})+(?:[.,][0-9]+)?")
_SHAPE = re.compile(f"[0-9][0-9.,{_GROUP_SPACES}]*")
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000}


class UnclearNumber(ValueError):
    """A value that reads as a number in more than one way, or in none the locale allows."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@cache
def separators(locale: str) -> tuple[str, str | None]:
    """The locale's decimal sign ("." or ","), and its thousands separator when it is the other."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        parsed = Locale("en")
    decimal = "," if get_decimal_symbol(parsed) == "," else "."
    other = "." if decimal == "," else ","
    return decimal, other if get_group_symbol(parsed) == other else None


def read_number(
    text: str, locale: str, *, suffix: bool = False, percent: bool = False
) -> Decimal | None:
    """The number `text` means in `locale`, or None when it is not a number at all.

    With `suffix`, "k" and "M" multiply by a thousand and a million; with
    `percent`, a trailing "%" is allowed. Raises `UnclearNumber` when the
    value reads two ways, with a message that says what to write.
    """
    written = text.strip()
    if percent and written.endswith("%"):
        written = written[:-1].rstrip(_GROUP_SPACES)
    multiplier = 1
    if suffix and written[-1:].lower() in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[written[-1].lower()]
        written = written[:-1].rstrip(" ")
    if not _SHAPE.fullmatch(written) or not written[-1].isdigit():
        return None
    decimal, group = separators(locale)
    if any(character in _GROUP_SPACES for character in written):
        if not _SPACED.fullmatch(written):
            raise UnclearNumber(_unclear(text, locale, _digits_only(written, multiplier)))
        written = "".join(c for c in written if c not in _GROUP_SPACES)
    value = _in_convention(written, decimal, group)
    if value is None and _is_spec_decimal(written):
        value = Decimal(written)
    if value is None:
        raise UnclearNumber(_unclear(text, locale, _other_readings(written, decimal, multiplier)))
    return value * multiplier


def misread_thousands(text: str, locale: str) -> str | None:
    """For a count that came out with a fraction ("12,500" is 12.5 in French): the
    advice to write the whole number it looks like, or None when it does not look like one."""
    decimal, _ = separators(locale)
    written = text.strip()
    match = re.fullmatch(rf"([0-9]{{1,3}})\{decimal}([0-9]{{3}})", written)
    if not match:
        return None
    whole = match[1] + match[2]
    return (
        f"found {_quote(text)}, which is {match[1]}{decimal}{match[2].rstrip('0') or '0'} "
        f'in this kit\'s language (locale {locale}), where "{decimal}" is the decimal sign; '
        f'a count is a whole number: write {whole} (or "{match[1]} {match[2]}")'
    )


def _in_convention(written: str, decimal: str, group: str | None) -> Decimal | None:
    """`written` read with `decimal` as the decimal sign and `group` between thousands."""
    grouped = (
        rf"[0-9]{{1,3}}(?:\{group}[0-9]{{3}})+(?:\{decimal}[0-9]+)?" if group is not None else None
    )
    plain = rf"[0-9]+(?:\{decimal}[0-9]+)?"
    if re.fullmatch(plain, written) or (grouped and re.fullmatch(grouped, written)):
        digits = written.replace(group, "") if group else written
        return Decimal(digits.replace(decimal, "."))
    return None


def _is_spec_decimal(written: str) -> bool:
    """The spec's "18.4k": one point, not followed by exactly three digits (a group)."""
    match = re.fullmatch(r"[0-9]+\.([0-9]+)", written)
    return match is not None and len(match[1]) != 3


def _other_readings(written: str, decimal: str, multiplier: int) -> list[Decimal]:
    """What `written` would mean in the conventions the locale does not use."""
    readings = []
    for other_decimal, other_group in ((".", ","), (",", ".")):
        value = _in_convention(written, other_decimal, other_group)
        if value is not None and value * multiplier not in readings:
            readings.append(value * multiplier)
    return readings


def _digits_only(written: str, multiplier: int) -> list[Decimal]:
    digits = "".join(c for c in written if c.isdigit())
    return [Decimal(digits) * multiplier] if digits else []


def _unclear(text: str, locale: str, readings: list[Decimal]) -> str:
    decimal, group = separators(locale)
    separator = f'"{group}"' if group else "a space"
    if readings:
        choices = " or ".join(_plain(value, decimal) for value in readings)
        advice = f"write {choices}, whichever you mean"
        if len(readings) == 1:
            advice = f"write {choices} if that is what you mean"
    else:
        advice = "write the number with digits only"
    return (
        f"found {_quote(text)}, which this kit (locale {locale}) cannot read as one number: "
        f'here "{decimal}" is the decimal sign and {separator} separates thousands; {advice}'
    )


def _plain(value: Decimal, decimal: str) -> str:
    """A value written so that no locale can misread it: digits, and the locale's decimal sign."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", decimal)


def _quote(text: str) -> str:
    from mediakit.errors import quoted

    return quoted(text)
