"""The site works on GitHub Pages as built: support files, canonical address, public data."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit import __version__
from mediakit.build import build_kit
from mediakit.cli import cli
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
    build_kit(write_kit(), tmp_path / "site", pdf=False, today=TODAY)
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
    build_kit(kit, tmp_path / "site", pdf=False, today=TODAY)
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


def test_private_prices_stay_out_of_the_site_but_in_the_pdf(write_kit, tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = build_kit(write_kit(MINIMAL_KIT + PRIVATE_RATES), tmp_path / "site", today=TODAY)
    site = tmp_path / "site"
    for name in ("index.html", "404.html", "mediakit.json"):
        assert "777" not in (site / name).read_text(), name
    package = json.loads((site / "mediakit.json").read_text())["rates"]["packages"][0]
    assert package == {
        "name": "Reel",
        "platform": None,
        "price": None,
        "price_from": None,
        "on_request": True,
    }
    assert result.pdf is not None
    assert "$777" in "".join(page.extract_text() or "" for page in PdfReader(result.pdf).pages)


def test_public_data_holds_the_figures_and_no_photo_path(write_kit, tmp_path: Path) -> None:
    build_kit(write_kit(), tmp_path / "site", pdf=False, today=TODAY)
    data = json.loads((tmp_path / "site" / "mediakit.json").read_text())
    assert data["creator"]["name"] == "Ana Lima"
    assert "photo" not in data["creator"]
    assert data["stats"]["platforms"][0]["followers"] == 12000


def test_init_writes_a_pages_workflow_that_validates(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    workflow = tmp_path / ".github" / "workflows" / "pages.yml"
    text = workflow.read_text()
    for needed in (
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "pages: write",
        "id-token: write",
        "group: pages",
        "mediakit build mediakit.yaml -o site",
        # The release that wrote the workflow builds the kit, until the creator upgrades.
        f'pip install "mediakit=={__version__}"',
    ):
        assert needed in text, needed
    checker = shutil.which("check-jsonschema")
    if checker is None:
        pytest.fail("check-jsonschema is a test dependency: pip install -e '.[test]'")
    # GitHub's published workflow schema, as vendored by check-jsonschema (no network).
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sharing_tags_and_structured_data(write_kit, tmp_path: Path) -> None:
    import shutil as copy

    from tests.conftest import SAMPLES

    copy.copy(SAMPLES / "tomas-reyes" / "images" / "photo.jpg", tmp_path / "me.jpg")
    text = MINIMAL_KIT.replace(
        "  niches: [baking]", "  niches: [baking]\n  photo: me.jpg\n  tagline: Bread & more"
    )
    kit = write_kit(text + "site:\n  base_url: https://ana.github.io/kit/\n")
    build_kit(kit, tmp_path / "site", pdf=False, today=TODAY)
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
    build_kit(write_kit(), tmp_path / "site", pdf=False, today=TODAY)
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "og:image" not in html and "og:url" not in html
    assert '<meta name="twitter:card" content="summary">' in html
