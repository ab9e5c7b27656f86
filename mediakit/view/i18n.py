"""Translations of the kit's labels, from standard gettext catalogs.

Catalogs live in `mediakit/locale/<language>/LC_MESSAGES/mediakit.po`; adding a
language is adding a catalog (see CONTRIBUTING.md).  They are compiled in
memory by Babel when first used, so the repository holds only text.  A label
missing from a catalog reads in English.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "mediakit"


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> list[str]:
    return sorted(
        folder.name for folder in LOCALE_DIR.iterdir() if catalog_path(folder.name).is_file()
    )


@cache
def translations_for(locale: Locale) -> NullTranslations:
    """The most specific catalog for `locale` (pt_BR, then pt), or none: English."""
    for candidate in (str(locale), locale.language):
        path = catalog_path(candidate)
        if path.is_file():
            with path.open("rb") as po_file:
                catalog = read_po(po_file, locale=candidate, domain=DOMAIN)
            compiled = io.BytesIO()
            write_mo(compiled, catalog)
            compiled.seek(0)
            return Translations(fp=compiled, domain=DOMAIN)
    return NullTranslations()
