"""Value types shared by the models: counts, percentages, dates, codes, URLs, paths.

Each type accepts what a creator naturally writes (`"18.4k"`, `2026-11`,
`au`) and turns it into one canonical Python value, or fails with a message
that says what was found and what was expected.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from mediakit.errors import escape_controls, quoted
from mediakit.model.numbers import UnclearNumber, misread_thousands, read_number

# What the schema lets an editor accept as a number written as text (digits and
# separators); `mediakit.model.numbers` decides what it means in the kit's locale.
_NUMBER_TEXT = r"^\s*[0-9][0-9.,'\u2019 \u00a0\u202f\u2009]*"
# Beyond any real audience (the largest accounts have under a billion
# followers); a larger number is a typo.
MAX_COUNT = 10**11


def found(value: Any) -> str:
    """A short, readable rendering of what the creator wrote."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return escape_controls(_shorten(str(value)))


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _kit_locale(info: ValidationInfo | None) -> str:
    """The kit's locale, which decides the decimal sign; English when validating alone."""
    context = (info.context if info else None) or {}
    locale = context.get("locale")
    return locale if isinstance(locale, str) else "en"


def _unclear(error: UnclearNumber) -> PydanticCustomError:
    return PydanticCustomError("number_unclear", "{message}", {"message": error.message})


def _unquoted_thousands(value: float) -> str | None:
    """`followers: 12.500` without quotes: YAML reads the number 12.5. ruamel keeps how it
    was written (digits before the point, total width), so the advice can quote it back."""
    before, width = getattr(value, "_prec", None), getattr(value, "_width", None)
    if not (isinstance(before, int) and isinstance(width, int)):
        return None
    if not 1 <= before <= 3 or width - before - 1 != 3:
        return None
    written = f"{value:.3f}"
    return (
        f"found {written}, which YAML reads as the number {value:g} (a decimal point); "
        f"a count is a whole number: write {written.replace('.', '')}"
    )


def parse_count(value: Any, info: ValidationInfo) -> int:
    """The `Count` validator: `read_count` in the kit's locale."""
    return read_count(value, _kit_locale(info))


def read_count(value: Any, locale: str = "en") -> int:
    """`18400`, `"18.4k"`, `"1.2M"`, `"12,500"`, `"12 500"` -> a non-negative whole number;
    `locale` (the kit's) decides the decimal sign ("12,5k" is 12500 in French)."""
    result: Decimal | None = None
    if isinstance(value, bool):
        result = None
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float) and value.is_integer():
        result = Decimal(int(value))
    elif isinstance(value, float) and (advice := _unquoted_thousands(value)):
        raise PydanticCustomError("count_misread", "{message}", {"message": advice})
    elif isinstance(value, str):
        try:
            result = read_number(value, locale, suffix=True)
        except UnclearNumber as error:
            raise _unclear(error) from None
        unwhole = result is not None and result != result.to_integral_value()
        if unwhole and (advice := misread_thousands(value, locale)):
            raise PydanticCustomError("count_misread", "{message}", {"message": advice})
    if result is None or result != result.to_integral_value() or result < 0:
        raise PydanticCustomError(
            "count",
            'found {found}, expected a whole number of 0 or more, such as 18400 or "18.4k"',
            {"found": found(value)},
        )
    if result > MAX_COUNT:
        raise PydanticCustomError(
            "count_too_large",
            "found {found}, which is more than any real account has; check for extra digits",
            {"found": found(value)},
        )
    return int(result)


Count = Annotated[
    int,
    BeforeValidator(parse_count),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": _NUMBER_TEXT + r"\s*[kKmM]?\s*$"},
            ],
            "description": 'A whole number; "18.4k", "1.2M", "12,500" and "12 500" are accepted '
            '(the kit\'s locale decides the decimal sign: "12,5k" in a French kit).',
        }
    ),
]


def _percent(value: Any, info: ValidationInfo) -> Any:
    """`41`, `4.2`, `"41%"`, `"4,2 %"` (in a French kit) -> a number; the range is checked after."""
    if isinstance(value, str):
        try:
            number = read_number(value, _kit_locale(info), percent=True)
        except UnclearNumber as error:
            raise _unclear(error) from None
        if number is not None:
            return float(number)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError(
            "percent", "found {found}, expected a number from 0 to 100", {"found": found(value)}
        )
    return value


Percent = Annotated[
    float,
    BeforeValidator(_percent),
    Field(ge=0, le=100),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": _NUMBER_TEXT + r"\s*%?\s*$"},
            ],
            "description": 'A percentage from 0 to 100; "41%" is accepted.',
        }
    ),
]


def _amount(value: Any, info: ValidationInfo) -> Any:
    """A price or a budget: `650`, `650.50`, `"1,500"`, `"1 500"`, `"650,50"` (in a French kit)."""
    if isinstance(value, str):
        try:
            number = read_number(value, _kit_locale(info))
        except UnclearNumber as error:
            raise _unclear(error) from None
        if number is not None:
            return float(number)
        raise PydanticCustomError(
            "amount",
            "found {found}, expected an amount such as 650 or 1500.50",
            {"found": found(value)},
        )
    return value


def _amount_schema(maximum: int | None) -> WithJsonSchema:
    number: dict[str, Any] = {"type": "number", "minimum": 0}
    if maximum is not None:
        number["maximum"] = maximum
    return WithJsonSchema(
        {
            "anyOf": [number, {"type": "string", "pattern": _NUMBER_TEXT + r"\s*$"}],
            "description": 'An amount: 650, 650.50, "1,500" or "1 500".',
        }
    )


# Prices are money, not counts: decimals are allowed, but not negatives or absurd values.
MAX_PRICE = 10**9

Amount = Annotated[float, BeforeValidator(_amount), Field(ge=0), _amount_schema(None)]
"""A budget: 0 or more."""

Price = Annotated[
    float, BeforeValidator(_amount), Field(ge=0, le=MAX_PRICE), _amount_schema(MAX_PRICE)
]
"""A price: 0 to a billion."""


def parse_date(value: Any) -> dt.date:
    """`2026-11-01` or `2026-11` (taken as the 1st of the month)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}", text):
                return dt.date.fromisoformat(text + "-01")
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError(
        "date",
        "found {found}, expected a date written YYYY-MM-DD (2026-11-01) or YYYY-MM (2026-11)",
        {"found": found(value)},
    )


KitDate = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
            "description": "A date: YYYY-MM-DD or YYYY-MM.",
        }
    ),
]


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, from Babel's CLDR data."""
    from babel import Locale

    territories: Any = Locale("en").territories
    return frozenset(
        code for code in territories if len(code) == 2 and code.isalpha() and code != "ZZ"
    )


@cache
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _code_in(codes: Any, kind: str, expected: str) -> Any:
    """A validator accepting a code from `codes()` in any case, stored upper-case."""

    def validate(value: Any) -> str:
        if isinstance(value, str) and value.strip().upper() in codes():
            return value.strip().upper()
        raise PydanticCustomError(
            kind, "found {found}, expected " + expected, {"found": found(value)}
        )

    return validate


CountryCode = Annotated[
    str,
    BeforeValidator(
        _code_in(country_codes, "country", "a two-letter ISO country code such as AU, US, GB or NO")
    ),
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166-1 alpha-2."}
    ),
]

CurrencyCode = Annotated[
    str,
    BeforeValidator(
        _code_in(
            currency_codes, "currency", "a three-letter ISO currency code such as USD, EUR or AUD"
        )
    ),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{3}$", "description": "ISO 4217."}),
]


def _locale(value: Any) -> str:
    from babel import Locale, UnknownLocaleError

    if isinstance(value, str) and re.fullmatch(
        r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", value.strip()
    ):
        try:
            Locale.parse(value.strip().replace("-", "_"))
            return value.strip()
        except (UnknownLocaleError, ValueError):
            pass
    raise PydanticCustomError(
        "locale",
        "found {found}, expected a language code such as en, es, fr, de, pt or pt-BR",
        {"found": found(value)},
    )


LocaleTag = Annotated[
    str,
    BeforeValidator(_locale),
    WithJsonSchema(
        {"type": "string", "description": "A language code: en, es, fr, de, pt, pt-BR..."}
    ),
]


# Nothing invisible in an address: controls, and the characters that reorder
# or hide text (bidi marks and isolates, zero-width spaces, the BOM).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _web_url(value: Any) -> str:
    if isinstance(value, str) and not _INVISIBLE.search(value):
        text = value.strip()
        try:
            parts = urlsplit(text)
        except ValueError:
            parts = None
        if (
            parts
            and parts.scheme in ("http", "https")
            and parts.netloc
            and not re.search(r"[\s<>\"'`]", text)
        ):
            return text
    raise PydanticCustomError(
        "url",
        "found {found}, expected a web address starting with https:// (or http://)",
        {"found": found(value)},
    )


WebUrl = Annotated[
    str, BeforeValidator(_web_url), WithJsonSchema({"type": "string", "format": "uri"})
]


def _email(value: Any) -> str:
    if (
        isinstance(value, str)
        and not _INVISIBLE.search(value)
        and re.fullmatch(r"[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[^@\s<>\"'`]+", value.strip())
    ):
        return value.strip()
    raise PydanticCustomError(
        "email",
        "found {found}, expected an email address such as you@example.com",
        {"found": found(value)},
    )


Email = Annotated[
    str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})
]


def _phone(value: Any) -> str:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        if re.fullmatch(r"\+?[0-9][0-9 ().\-]{2,30}", text):
            return text
    raise PydanticCustomError(
        "phone",
        "found {found}, expected a phone number such as +61 400 000 000",
        {"found": found(value)},
    )


Phone = Annotated[
    str,
    BeforeValidator(_phone),
    WithJsonSchema({"type": "string", "description": "e.g. +61 400 000 000"}),
]


def _handle(value: Any) -> str:
    if isinstance(value, str):
        text = value.strip().removeprefix("@")
        if re.fullmatch(r"[\w.\-]{1,100}", text):
            return text
    raise PydanticCustomError(
        "handle",
        "found {found}, expected a handle of letters, digits, dots, dashes or underscores (a leading @ is fine)",
        {"found": found(value)},
    )


Handle = Annotated[str, BeforeValidator(_handle), WithJsonSchema({"type": "string"})]


_FOCUS_TEXT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s+(\d+(?:\.\d+)?)\s*%\s*$")


def parse_focus(value: Any) -> tuple[float, float]:
    """`"50% 30%"` -> (0.5, 0.3): across then down from the top-left, as CSS object-position."""
    if isinstance(value, str) and (match := _FOCUS_TEXT.match(value)):
        across, down = float(match[1]), float(match[2])
        if across <= 100 and down <= 100:
            return across / 100, down / 100
    raise PydanticCustomError(
        "focus",
        'found {found}, expected two percentages, across then down, such as "50% 30%"',
        {"found": found(value)},
    )


FocalPoint = Annotated[
    tuple[float, float],
    BeforeValidator(parse_focus),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*\d+(\.\d+)?\s*%\s+\d+(\.\d+)?\s*%\s*$",
            "description": 'A point in an image, across then down: "50% 30%".',
        }
    ),
]


def _kit_file(value: Any, info: ValidationInfo) -> Path:
    """A relative path to an existing file inside the kit's folder."""
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError(
            "path",
            "found {found}, expected a file path such as images/photo.jpg",
            {"found": found(value)},
        )
    text = value.strip()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        raise PydanticCustomError(
            "path_url",
            "found a web address; images are read from files in the kit's folder, never downloaded. "
            "Save the file beside the kit and give its path",
        )
    context = info.context or {}
    kit_dir: Path | None = context.get("kit_dir")
    if kit_dir is None:  # validating without a kit on disk (e.g. schema tests)
        return Path(text)
    candidate = Path(text)
    if candidate.is_absolute():
        raise PydanticCustomError(
            "path_absolute",
            "found the absolute path {found}; give a path relative to the kit's folder, such as images/photo.jpg",
            {"found": found(text)},
        )
    root = kit_dir.resolve()
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root):
        raise PydanticCustomError(
            "path_outside",
            "{found} leads outside the kit's folder; copy the file into the folder and use that path",
            {"found": found(text)},
        )
    if not resolved.is_file():
        raise PydanticCustomError(
            "path_missing",
            "there is no file {found} in the kit's folder ({folder})",
            {"found": found(text), "folder": str(kit_dir)},
        )
    return resolved


KitFile = Annotated[
    Path,
    BeforeValidator(_kit_file),
    WithJsonSchema({"type": "string", "description": "A path relative to the kit file's folder."}),
]


def _strip_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _non_empty(value: str) -> str:
    if not value:
        raise PydanticCustomError("empty", "is empty; write something here or remove the key")
    return value


# Limits on what one value may hold: far above any real kit, low enough that
# pasted junk or a hostile file cannot bloat the outputs.
MAX_LINE = 300
MAX_PARAGRAPH = 2_000
MAX_MARKDOWN = 20_000
MAX_ITEMS = 300  # countries: about 250 exist

# Control characters (C0, DEL, C1) are never typed in a kit; YAML's escapes
# ("\e", "\0", "\a") would carry ESC, NUL and BEL into the page, the PDF's
# metadata, email.txt and the terminal. Fields of one line (a name, a brand)
# take no line break either: in email.txt a brand "X\nBcc: ..." would add a
# header line. Fields of several paragraphs (bio, summaries, terms, quotes,
# descriptions) keep line breaks and tabs.
ONE_LINE_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
PARAGRAPHS_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def refuse_controls(value: str, forbidden: re.Pattern[str]) -> str:
    """`value`, or a located error naming the first character `forbidden` matches."""
    match = forbidden.search(value)
    if match is None:
        return value
    before = value[: match.start()]
    where = f"after {quoted(before[-30:])}" if before else "at the start"
    if match[0] in _LINE_BREAKS:
        raise PydanticCustomError(
            "line_break",
            "found a line break {where}; this field is one line: join the lines or shorten it",
            {"where": where},
        )
    raise PydanticCustomError(
        "control_character",
        "found the control character {character} {where}, which cannot be printed; remove it",
        {"character": escape_controls(match[0]), "where": where},
    )


def _one_line(value: str) -> str:
    return refuse_controls(value, ONE_LINE_FORBIDDEN)


def _paragraphs(value: str) -> str:
    return refuse_controls(value, PARAGRAPHS_FORBIDDEN)


Text = Annotated[
    str,
    BeforeValidator(_strip_text),
    AfterValidator(_non_empty),
    AfterValidator(_one_line),
    Field(max_length=MAX_LINE),
]
"""A short, non-empty piece of plain text on one line: a name, a title, a brand."""

Paragraph = Annotated[
    str,
    BeforeValidator(_strip_text),
    AfterValidator(_non_empty),
    AfterValidator(_paragraphs),
    Field(max_length=MAX_PARAGRAPH),
]
"""A few sentences of plain text, line breaks allowed: a quote, a description."""

Markdown = Annotated[
    str,
    AfterValidator(_paragraphs),
    Field(max_length=MAX_MARKDOWN),
    WithJsonSchema({"type": "string", "description": "Markdown text (links, **bold**, lists)."}),
]
