"""Kits in the creator's language: catalogs, fallback, formats, direction and the override."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, cast

import pytest
from babel.messages.checkers import python_format
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner

from mediakit.build import build_kit
from mediakit.cli import cli
from mediakit.options import BuildOptions
from mediakit.view.formatting import Formatter
from mediakit.view.i18n import LOCALE_DIR, catalog_path, shipped_languages
from tests.conftest import MINIMAL_KIT, ROOT

TEMPLATE = LOCALE_DIR / "mediakit.pot"
REQUIRED_LANGUAGES = {"de", "es", "fr", "pt"}
TODAY = dt.date(2026, 11, 21)


def template_ids() -> set[Any]:
    with TEMPLATE.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def test_the_required_languages_are_shipped() -> None:
    assert set(shipped_languages()) >= REQUIRED_LANGUAGES


def test_the_template_lists_every_label_in_the_code_and_themes() -> None:
    # What `pybabel extract -F babel.cfg` would write: a stale template fails here.
    method_map = [("mediakit/**.py", "python"), ("themes/**/templates/**.html", "jinja2")]
    options = {"themes/**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords: dict[str, tuple[int, ...] | None] = {"_": None, "gettext": None, "ngettext": (1, 2)}
    keywords = {name: spec or (1,) for name, spec in keywords.items()}
    found = {
        text if isinstance(text, str) else tuple(text)
        for _, _, text, _, _ in extract_from_dir(str(ROOT), method_map, options, keywords=keywords)
        if text
    }
    assert found == template_ids(), "run the extract command in babel.cfg and update the catalogs"


@pytest.mark.parametrize("language", sorted(REQUIRED_LANGUAGES))
def test_catalog_is_complete_and_keeps_placeholders(language: str) -> None:
    with catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    translated = {message.id: message for message in catalog if message.id}
    missing = template_ids() - set(translated)
    assert not missing, f"{language}: untranslated {sorted(map(str, missing))[:5]}"
    for message in translated.values():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: empty translation of {message.id!r}"
        assert not message.fuzzy, f"{language}: fuzzy {message.id!r}"
        python_format(catalog, message)  # raises when placeholders differ


def test_a_label_missing_from_a_catalog_reads_in_english() -> None:
    assert Formatter.for_tag("fr").gettext("A label no catalog has") == "A label no catalog has"
    italian = Formatter.for_tag("it")  # no Italian catalog: English words, Italian numbers
    assert italian.gettext("Total audience") == "Total audience"
    assert italian.count(41200) == "41.200"


def test_regional_variants_use_the_language_catalog() -> None:
    brazil, portugal = Formatter.for_tag("pt-BR"), Formatter.for_tag("pt")
    assert (
        brazil.gettext("Total audience") == portugal.gettext("Total audience") != "Total audience"
    )
    assert brazil.tag == "pt-BR"


@pytest.mark.parametrize(
    ("tag", "compact", "money", "date"),
    [
        ("en", "41.2K", "A$650", "Nov 14, 2026"),
        ("fr", "41,2\xa0k", "650\xa0$AU", "14 nov. 2026"),
        ("de", "41.234", "650\xa0AU$", "14.11.2026"),  # German has no short form for thousands
        ("es", "41,2\xa0mil", "650\xa0AUD", "14 nov 2026"),
        ("pt-BR", "41,2\xa0mil", "AU$\xa0650", "14 de nov. de 2026"),
    ],
)
def test_numbers_money_and_dates_come_from_the_locale(
    tag: str, compact: str, money: str, date: str
) -> None:
    fmt = Formatter.for_tag(tag)
    assert fmt.compact(41234) == compact
    assert fmt.compact(22921.5) == fmt.compact(22922)  # a median may be fractional
    assert fmt.money(650, "AUD") == money
    assert fmt.date(dt.date(2026, 11, 14)) == date
    # Yen has no minor unit: never cents, even for an amount with decimals.
    yen = fmt.money(1200.5, "JPY")
    assert "50" not in yen
    assert fmt.money(1200.4, "JPY") == fmt.money(1200, "JPY")


def test_cents_are_kept_where_the_currency_has_them() -> None:
    assert Formatter.for_tag("en").money(650.5, "AUD") == "A$650.50"
    assert Formatter.for_tag("fr").money(650.5, "EUR") == "650,50\xa0€"


def test_country_names_in_the_kit_language() -> None:
    assert Formatter.for_tag("fr").country("NO") == "Norvège"
    assert Formatter.for_tag("de").country("AU") == "Australien"


def kit_with_audience(write_kit) -> Path:
    # One post, so the kit has an engagement figure and its "At a glance" section.
    post = "    posts:\n      - {date: 2026-10-30, likes: 200, comments: 40}\n"
    return Path(write_kit(MINIMAL_KIT + post + "audience:\n  countries: {AU: 61, NO: 1}\n"))


def test_locale_override_builds_another_language_from_one_kit(write_kit, tmp_path: Path) -> None:
    kit = kit_with_audience(write_kit)
    build_kit(kit, tmp_path / "en", BuildOptions(pdf=False, today=TODAY))
    build_kit(kit, tmp_path / "fr", BuildOptions(pdf=False, locale="fr", today=TODAY))
    english = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    french = (tmp_path / "fr" / "index.html").read_text(encoding="utf-8")
    fmt = Formatter.for_tag("fr")
    assert '<html lang="en" dir="ltr">' in english and "Total audience" in english
    assert '<html lang="fr" dir="ltr">' in french
    assert fmt.gettext("Total audience") in french and "Total audience" not in french
    assert "Australie" in french  # the country's name in French


def test_locale_in_the_kit_and_pdf_language(write_kit, tmp_path: Path) -> None:
    from pypdf import PdfReader

    kit = write_kit(MINIMAL_KIT + "locale: pt-BR\n")
    result = build_kit(kit, tmp_path / "site", BuildOptions(today=TODAY))
    assert '<html lang="pt-BR" dir="ltr">' in (tmp_path / "site" / "index.html").read_text(
        encoding="utf-8"
    )
    assert result.pdf is not None
    assert cast(Any, PdfReader(result.pdf).trailer["/Root"])["/Lang"] == "pt-BR"


def test_right_to_left_locales_turn_the_page(write_kit, tmp_path: Path) -> None:
    build_kit(write_kit(), tmp_path / "ar", BuildOptions(pdf=False, locale="ar", today=TODAY))
    assert '<html lang="ar" dir="rtl">' in (tmp_path / "ar" / "index.html").read_text(
        encoding="utf-8"
    )


def test_cli_locale_option(write_kit, runner: CliRunner, tmp_path: Path) -> None:
    kit = kit_with_audience(write_kit)
    table = runner.invoke(cli, ["stats", str(kit), "--locale", "de"])
    assert table.exit_code == 0
    assert Formatter.for_tag("de").gettext("Platform") in table.output
    assert "12.000" in table.output  # German digit grouping
    built = runner.invoke(
        cli, ["build", str(kit), "--no-pdf", "--locale", "es", "-o", str(tmp_path / "es")]
    )
    assert built.exit_code == 0, built.stderr
    assert '<html lang="es"' in (tmp_path / "es" / "index.html").read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["build", str(kit), "--locale", "klingon"])
    assert bad.exit_code == 2
    assert "is not a language code" in bad.stderr
    # JSON stays machine-readable whatever the locale.
    data = json.loads(runner.invoke(cli, ["stats", str(kit), "--json", "--locale", "fr"]).stdout)
    assert data["platforms"][0]["followers"] == 12000


def test_handles_keep_their_at_sign_in_front_on_right_to_left_pages() -> None:
    assert Formatter.for_tag("en").handle("maya") == "@maya"
    assert Formatter.for_tag("ar").handle("maya") == "\u2066@maya\u2069"
