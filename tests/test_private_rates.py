"""`rates.public: false`: no price anywhere under the site folder, prices in the PDF for emailing.

Every file the build publishes is read as a brand (or a search engine) would:
the pages, the JSON, the sitemap, the PDF the site links. None may carry a
price; the PDF written outside the site for emailing, and a pitch's PDF, must.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.cli import cli
from mediakit.images import share_card
from mediakit.options import BuildOptions
from mediakit.pitch import pitch_briefs
from mediakit.render import prepare as prepare_module
from tests.conftest import MINIMAL_KIT, SAMPLES, TODAY

# Prices no other figure of the kit comes near, so any of their digits in a
# published file is a leak: 7319 and 4273 for packages, 611 for an add-on.
PRIVATE_RATES = """\
rates:
  currency: USD
  public: false
  packages:
    - {name: Instagram Reel, platform: instagram, price: 7319}
    - {name: Stories, platform: instagram, price_from: 4273}
  add_ons:
    - {name: Usage rights, price: 611}
  terms: Half upfront, the rest on posting. Usage rights for 30 days.
"""
# 7319 as any locale writes it: 7319, 7,319, 7.319, 7 319 (with any space).
PRICE = re.compile(r"7[\s,.\u00a0\u202f]?319|4[\s,.\u00a0\u202f]?273|\b611\b")
TEXT_FILES = {".html", ".json", ".xml", ".txt", ".svg", ".css", ".js", ""}
IMAGE_FILES = {".png", ".webp", ".jpg", ".ico"}


def private_kit(tmp_path: Path, locale: str = "en") -> Path:
    shutil.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", tmp_path / "photo.jpg")
    kit = tmp_path / "mediakit.yaml"
    text = MINIMAL_KIT.replace("  niches: [baking]", "  niches: [baking]\n  photo: photo.jpg")
    kit.write_text(
        f"{text}locale: {locale}\nsite:\n  base_url: https://ana.github.io/kit/\n{PRIVATE_RATES}",
        encoding="utf-8",
    )
    return kit


def published_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("locale", ["en", "de"])
def test_nothing_under_the_site_folder_carries_a_price(
    tmp_path: Path, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    draw_card = share_card.publish_share_card

    def record_card(card, *args, **kwargs):
        drawn.append(" ".join([card.name, card.handle or "", *(v for v, _ in card.figures)]))
        return draw_card(card, *args, **kwargs)

    monkeypatch.setattr(prepare_module, "publish_share_card", record_card)
    kit = private_kit(tmp_path, locale)
    result = build_kit(
        kit, tmp_path / "site", BuildOptions(today=TODAY, email_pdf_dir=tmp_path / "pitches")
    )
    files = [path for path in (tmp_path / "site").rglob("*") if path.is_file()]
    read = 0
    for path in files:
        if path.suffix in IMAGE_FILES or path.parent.name == "fonts":
            continue  # pictures and fonts: checked through what was drawn, below
        assert path.suffix in TEXT_FILES | {".pdf"}, f"unexpected file {path.name}"
        text = published_text(path)
        assert PRICE.search(text) is None, f"{path.relative_to(tmp_path)} shows a price"
        read += 1
    assert read >= 7  # index, 404, JSON, sitemap, robots, the PDF, the stylesheet...
    # The share card is the one picture drawn from the kit's figures.
    assert drawn and all(PRICE.search(text) is None for text in drawn)
    # Where the prices were, the site and its PDF say they are on request.
    assert result.pdf is not None and result.pdf.parent == tmp_path / "site"
    on_request = {"en": "On request", "de": "Auf Anfrage"}[locale]
    assert on_request in published_text(result.pdf)
    assert on_request in published_text(tmp_path / "site" / "index.html")


def test_the_pdf_for_emailing_carries_the_prices(tmp_path: Path) -> None:
    kit = private_kit(tmp_path)
    result = build_kit(
        kit, tmp_path / "site", BuildOptions(today=TODAY, email_pdf_dir=tmp_path / "pitches")
    )
    assert result.email_pdf == tmp_path / "pitches" / "ana-lima-media-kit.pdf"
    text = published_text(result.email_pdf)
    assert "$7,319" in text and "from $4,273" in text and "+$611" in text
    assert not result.email_pdf.is_relative_to(tmp_path / "site")


def test_public_rates_need_no_second_pdf(tmp_path: Path) -> None:
    kit = private_kit(tmp_path)
    kit.write_text(kit.read_text().replace("public: false", "public: true"), encoding="utf-8")
    result = build_kit(
        kit, tmp_path / "site", BuildOptions(today=TODAY, email_pdf_dir=tmp_path / "pitches")
    )
    assert result.email_pdf is None and not (tmp_path / "pitches").exists()
    assert result.pdf is not None and "$7,319" in published_text(result.pdf)


def test_pitch_pdfs_keep_the_prices(tmp_path: Path) -> None:
    kit = private_kit(tmp_path)
    brief = tmp_path / "brief.yaml"
    brief.write_text("brand: Flour Co.\nniches: [baking]\ntarget: {age: 25-44}\n")
    (result,) = pitch_briefs(
        kit, [brief], tmp_path / "pitches", BuildOptions(today=TODAY), workers=1
    )
    assert result.ok and result.folder is not None
    assert "$7,319" in published_text(result.folder / "ana-lima-media-kit.pdf")


def test_build_says_which_pdf_to_email(tmp_path: Path, runner: CliRunner) -> None:
    kit = private_kit(tmp_path)
    result = runner.invoke(cli, ["build", str(kit), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    email_pdf = tmp_path / "pitches" / "ana-lima-media-kit.pdf"
    assert f"Built {email_pdf}  (with your prices: attach this one to emails)" in result.output
    assert email_pdf.is_file()
    site_pdf = tmp_path / "site" / "ana-lima-media-kit.pdf"
    assert f"Built {site_pdf}  (for the site: rates on request)" in result.output


def test_a_build_in_another_language_keeps_the_kits_own_pdf_for_emailing(tmp_path: Path) -> None:
    kit = private_kit(tmp_path)
    pitches = tmp_path / "pitches"
    english = build_kit(kit, tmp_path / "site", BuildOptions(today=TODAY, email_pdf_dir=pitches))
    french = build_kit(
        kit, tmp_path / "site-fr", BuildOptions(today=TODAY, email_pdf_dir=pitches, locale="fr")
    )
    assert english.email_pdf == pitches / "ana-lima-media-kit.pdf"
    assert french.email_pdf == pitches / "ana-lima-media-kit-fr.pdf"
    assert "7 319" in published_text(french.email_pdf).replace("\u202f", " ").replace("\xa0", " ")
    assert english.email_pdf.is_file()


@pytest.mark.parametrize(
    ("terms", "found"),
    [
        ("Extra edits are $120 each.", "$120"),
        ("Extra edits: 120 USD each.", "120 USD"),
        ("Minimum spend USD1,500.", "USD1,500"),
    ],
)
def test_a_price_typed_into_published_text_is_flagged(
    tmp_path: Path, terms: str, found: str
) -> None:
    from mediakit.check import check_kit

    kit = private_kit(tmp_path)
    text = kit.read_text().replace(
        "terms: Half upfront, the rest on posting. Usage rights for 30 days.", f'terms: "{terms}"'
    )
    kit.write_text(text, encoding="utf-8")
    (warning,) = [w for w in check_kit(kit, today=TODAY).warnings if "rates.public" in w.message]
    assert warning.key_path == ("rates", "terms")
    assert warning.message.startswith(f'"{found}" is published with this text')
    # Public rates may name prices anywhere; words about money without a price are fine.
    kit.write_text(text.replace("public: false", "public: true"), encoding="utf-8")
    assert not [w for w in check_kit(kit, today=TODAY).warnings if "rates.public" in w.message]


def test_terms_without_a_price_are_not_flagged(tmp_path: Path) -> None:
    from mediakit.check import check_kit

    kit = private_kit(tmp_path)  # "Half upfront, the rest on posting. Usage rights for 30 days."
    assert not [w for w in check_kit(kit, today=TODAY).warnings if "rates.public" in w.message]
