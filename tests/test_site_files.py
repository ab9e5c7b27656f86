"""The site works on GitHub Pages as built: support files, canonical address, public data."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from mediakit.build import build_kit
from mediakit.options import BuildOptions
from tests.conftest import MINIMAL_KIT

TODAY = dt.date(2026, 11, 21)
PRIVATE_RATES = """\
rates:
  currency: USD
  public: false
  packages:
    - {name: Reel, price: 777}
"""


def test_support_files_without_an_address(write_kit, tmp_path: Path) -> None:
    build_kit(write_kit(), tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    site = tmp_path / "site"
    assert (site / ".nojekyll").read_text() == ""
    assert (site / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    assert not (site / "sitemap.xml").exists()
    assert 'rel="canonical"' not in (site / "index.html").read_text()
    assert 'href="./"' in (site / "404.html").read_text()


def test_address_gives_canonical_sitemap_and_cname(write_kit, tmp_path: Path) -> None:
    kit = write_kit(
        MINIMAL_KIT
        + "site:\n  base_url: https://ana.github.io/kit/\n  cname: kit.ana.example.com\n"
    )
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    site = tmp_path / "site"
    assert (
        '<link rel="canonical" href="https://ana.github.io/kit/">'
        in (site / "index.html").read_text()
    )
    assert "<loc>https://ana.github.io/kit/</loc>" in (site / "sitemap.xml").read_text()
    assert "Sitemap: https://ana.github.io/kit/sitemap.xml" in (site / "robots.txt").read_text()
    assert (site / "CNAME").read_text() == "kit.ana.example.com\n"
    not_found = (site / "404.html").read_text()
    assert '<a href="https://ana.github.io/kit/">' in not_found  # works at any depth
    # Styles and the icon are inline: nothing relative that could break.
    assert "assets/" not in not_found
    links = re.findall(r"<link [^>]*>", not_found)
    assert links and all('href="data:image/png;base64,' in link for link in links), links


def test_private_prices_are_on_request_in_the_public_data(write_kit, tmp_path: Path) -> None:
    # tests/test_private_rates.py reads every published file for prices; here,
    # the shape programs reading mediakit.json rely on.
    build_kit(
        write_kit(MINIMAL_KIT + PRIVATE_RATES),
        tmp_path / "site",
        BuildOptions(pdf=False, today=TODAY),
    )
    package = json.loads((tmp_path / "site" / "mediakit.json").read_text())["rates"]["packages"][0]
    assert package == {
        "name": "Reel",
        "platform": None,
        "price": None,
        "price_from": None,
        "on_request": True,
    }


def test_public_data_holds_the_figures_and_no_photo_path(write_kit, tmp_path: Path) -> None:
    build_kit(write_kit(), tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    data = json.loads((tmp_path / "site" / "mediakit.json").read_text())
    assert data["creator"]["name"] == "Ana Lima"
    assert "photo" not in data["creator"]
    assert data["stats"]["platforms"][0]["followers"] == 12000


def test_sharing_tags_and_structured_data(write_kit, tmp_path: Path) -> None:
    import shutil as copy

    from tests.conftest import SAMPLES

    copy.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", tmp_path / "me.jpg")
    text = MINIMAL_KIT.replace(
        "  niches: [baking]", "  niches: [baking]\n  photo: me.jpg\n  tagline: Bread & more"
    )
    kit = write_kit(text + "site:\n  base_url: https://ana.github.io/kit/\n")
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:url" content="https://ana.github.io/kit/">' in html
    image = html.split('<meta property="og:image" content="', 1)[1].split('"', 1)[0]
    assert (
        image.startswith("https://ana.github.io/kit/assets/share-")
        and (tmp_path / "site" / image.split("/kit/", 1)[1]).is_file()
    )
    assert f'<meta name="twitter:image" content="{image}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    photo = html.split('<img class="hero__photo" src="', 1)[1].split('"', 1)[0]
    json_ld = json.loads(
        html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    )
    person = json_ld["mainEntity"]
    assert json_ld["@type"] == "ProfilePage" and person["@type"] == "Person"
    assert person["name"] == "Ana Lima" and person["description"] == "Bread & more"
    assert person["sameAs"] == ["https://www.instagram.com/analima/"]
    assert person["image"] == "https://ana.github.io/kit/" + photo  # the person, not the card


def test_no_absolute_preview_without_the_site_address(write_kit, tmp_path: Path) -> None:
    build_kit(write_kit(), tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "og:image" not in html and "og:url" not in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_the_pages_address_fills_in_for_a_kit_without_one(write_kit, tmp_path: Path) -> None:
    """What the Pages workflow does: `--base-url` from GitHub, given without the final slash."""
    import pypdfium2 as pdfium
    import zxingcpp

    result = build_kit(
        write_kit(),
        tmp_path / "site",
        BuildOptions(today=TODAY, base_url="https://ana.github.io/kit"),
    )
    site = tmp_path / "site"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://ana.github.io/kit/">' in html
    assert '<meta property="og:image" content="https://ana.github.io/kit/assets/share-' in html
    assert "<loc>https://ana.github.io/kit/</loc>" in (site / "sitemap.xml").read_text()
    assert result.pdf is not None
    page = pdfium.PdfDocument(result.pdf)[0]
    codes = [code.text for code in zxingcpp.read_barcodes(page.render(scale=150 / 72).to_pil())]
    assert codes == ["https://ana.github.io/kit/"]


def test_the_kits_own_address_wins_over_the_pages_address(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT + "site:\n  base_url: https://kit.ana.example.com/\n")
    build_kit(
        kit,
        tmp_path / "site",
        BuildOptions(pdf=False, today=TODAY, base_url="https://ana.github.io/kit"),
    )
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://kit.ana.example.com/">' in html
    assert "github.io" not in html


def test_base_url_must_be_a_web_address(runner, write_kit) -> None:
    from mediakit.cli import cli

    result = runner.invoke(cli, ["build", str(write_kit()), "--base-url", "ana.github.io/kit"])
    assert result.exit_code == 2
    assert "is not a web address such as https://you.github.io/mediakit/" in result.output
