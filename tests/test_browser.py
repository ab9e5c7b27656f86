"""The built site in a real browser: Debian's Chromium driven by Playwright.

For every theme and both sample kits, at a phone's and a laptop's width, the
site is served under a sub-path (as GitHub Pages serves a project site at
/REPO/) and must load with no failed request, no request leaving its own
origin, no horizontal scroll and no axe-core violation. The HTML must pass the
Nu Html Checker. One test drives `mediakit serve`: an edit shows in the page.

Needs Debian's Chromium and, for the Nu Html Checker, Java and vnu.jar:
`sudo scripts/install-test-tools` installs them (tests/tools.py skips these
tests without them, and fails them under CI). axe-core comes with the Python
package axe-playwright-python.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from mediakit.build import build_kit
from mediakit.kit.starter import create_starter_kit
from mediakit.options import BuildOptions
from mediakit.render.themes import available_themes
from mediakit.roster import build_roster
from mediakit.serve import preview
from mediakit.shortlist import shortlist_roster
from tests.chromium import launch
from tests.conftest import MINIMAL_KIT, SAMPLE_KITS, SAMPLES, TODAY
from tests.test_roster import ANA, CLEO, ZOE, make_roster
from tests.tools import VNU, require

pytestmark = pytest.mark.slow

WIDTHS = [390, 1280]
THEMES = sorted(available_themes())
# Both samples, and the starter kit `mediakit init` writes, as a new user first sees it.
KITS = [*(path.parent.name for path in SAMPLE_KITS), "starter"]
PROJECT = "repo"  # the sub-path, as in https://USER.github.io/repo/


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a folder of built sites like GitHub Pages: a missing page gets the site's 404.html."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        site = self.path.strip("/").split("/")[:2]
        not_found = Path(self.directory, *site, "404.html")
        if code == 404 and len(site) == 2 and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


@dataclass
class Sites:
    root: Path
    origin: str
    folders: dict[tuple[str, str], Path] = field(default_factory=dict)

    def url(self, kit: str, theme: str, page: str = "") -> str:
        return f"{self.origin}/{kit}/{PROJECT}-{theme}/{page}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    root = tmp_path_factory.mktemp("pages")
    built = Sites(root, "")
    starter = tmp_path_factory.mktemp("starter")
    create_starter_kit(starter)
    kits = {
        **{path.parent.name: path for path in SAMPLE_KITS},
        "starter": starter / "mediakit.yaml",
    }
    # A roster of every kit above and the test roster's creators of other shapes
    # (a long name, no audience data, another locale), served like a kit's site.
    roster = tmp_path_factory.mktemp("roster")
    for name, kit_path in kits.items():
        shutil.copytree(kit_path.parent, roster / name, ignore=shutil.ignore_patterns("site"))
    make_roster(roster, {"ana": ANA, "zoe": ZOE, "cleo": CLEO})
    build_roster(roster, root / "roster" / PROJECT, BuildOptions(today=TODAY, pdf=False))
    brief = SAMPLES / "maya-okafor" / "briefs" / "golden-grain-flour.yaml"
    shortlist_roster(brief, roster, root / "shortlist", BuildOptions(today=TODAY), top=0)
    for name, kit_path in kits.items():
        for theme in THEMES:
            folder = root / name / f"{PROJECT}-{theme}"
            # The pages only: no browser opens the PDF, which they still link.
            options = BuildOptions(theme=theme, today=TODAY, pdf=False, keep_pdf=True)
            build_kit(kit_path, folder, options)
            built.folders[name, theme] = folder
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PagesHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    built.origin = f"http://127.0.0.1:{server.server_address[1]}"
    yield built
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def open_page(browser: Any, url: str, width: int) -> tuple[Any, Visit]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    visit = Visit()
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on(
        "requestfailed",
        lambda request: visit.failures.append(f"{request.url}: {request.failure}"),
    )

    def failed(response: Any) -> None:
        if response.status >= 400 and response.url != url:
            visit.failures.append(f"{response.url}: HTTP {response.status}")

    page.on("response", failed)
    page.goto(url, wait_until="networkidle")
    return page, visit


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page, shortened to what a failure message needs."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "where": [
                " ".join(map(str, node["target"])) + ": " + node["failureSummary"]
                for node in violation["nodes"][:3]
            ],
        }
        for violation in results.response["violations"]
    ]


def test_axe_finds_what_it_should(browser: Any, tmp_path: Path) -> None:
    """The checker really checks: a page with an unlabelled picture and no language fails it."""
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><title>x</title><img src='data:,'><p>Text</p>")
        rules = {violation["rule"] for violation in axe_violations(page)}
    finally:
        page.close()
    assert {"image-alt", "html-has-lang"} <= rules


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("kit", KITS)
def test_site_in_chromium(browser: Any, sites: Sites, kit: str, theme: str, width: int) -> None:
    url = sites.url(kit, theme)
    page, visit = open_page(browser, url, width)
    try:
        assert visit.failures == []
        off_site = [u for u in visit.requests if not u.startswith(sites.origin + "/")]
        assert off_site == [], "requests left the site's origin"
        # Relative URLs only: everything the page loads lives under its own sub-path.
        assert all(u.startswith(url) for u in visit.requests), visit.requests
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        assert axe_violations(page) == []
        # The icon the page declares is served.
        icons = page.eval_on_selector_all("link[rel~=icon]", "links => links.map(l => l.href)")
        assert icons, "no favicon declared"
        for icon in icons:
            assert page.request.get(icon).ok, icon
    finally:
        page.close()


ROSTER_PAGES = ["", "_roster/by-engagement.html", "_roster/niche/baking.html"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_path", ROSTER_PAGES)
def test_roster_site_in_chromium(browser: Any, sites: Sites, page_path: str, width: int) -> None:
    """The roster's pages pass a kit's checks: nothing fails or leaves the site, no
    sideways scroll, no axe-core violation, an icon; sorting and filtering are links."""
    top = f"{sites.origin}/roster/{PROJECT}/"
    page, visit = open_page(browser, top + page_path, width)
    try:
        assert visit.failures == []
        assert all(u.startswith(top) for u in visit.requests), visit.requests
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        assert axe_violations(page) == []
        icons = page.eval_on_selector_all("link[rel~=icon]", "links => links.map(l => l.href)")
        assert icons and all(page.request.get(icon).ok for icon in icons)
        # Without JavaScript: following the "Engagement" link sorts, a niche filters.
        assert page.evaluate("document.scripts.length") == 0
        cards = page.locator(".card__name a")
        assert cards.count() > 0
        for name in ("Engagement", "Audience"):
            page.get_by_role("link", name=name, exact=True).click()
            page.wait_for_load_state()
            assert page.locator(".card__name a").count() > 0
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_shortlist_page_in_chromium(browser: Any, sites: Sites, width: int) -> None:
    url = f"{sites.origin}/shortlist/shortlist.html"
    page, visit = open_page(browser, url, width)
    try:
        assert visit.failures == []
        assert all(u.startswith(sites.origin + "/shortlist/") for u in visit.requests)
        # The tables scroll inside their own region on a phone; the page does not.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        assert axe_violations(page) == []
        assert page.locator("tbody tr").count() > 0
    finally:
        page.close()


@pytest.mark.parametrize("theme", THEMES)
def test_404_page_in_chromium(browser: Any, sites: Sites, theme: str) -> None:
    # A mistyped link deep under the project's path still gets a styled page.
    url = sites.url(KITS[0], theme, "no/such/page")
    page, visit = open_page(browser, url, 390)
    try:
        assert visit.failures == []
        assert all(u.startswith(sites.origin + "/") for u in visit.requests)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert axe_violations(page) == []
    finally:
        page.close()


def test_html_passes_the_nu_html_checker(sites: Sites) -> None:
    require("java", "vnu")
    pages = sorted(str(p) for folder in sites.folders.values() for p in folder.glob("*.html"))
    roster = sites.root / "roster" / PROJECT
    roster_pages = [
        str(roster / "index.html"),
        *map(str, sorted(roster.glob("_roster/**/*.html"))),
        str(roster / "_roster" / "roster.css"),
        str(sites.root / "shortlist" / "shortlist.html"),
    ]
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--also-check-css", *pages, *roster_pages],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(run.stderr)["messages"]
    problems = [
        f"{Path(m.get('url', '')).parent.name}/{Path(m.get('url', '')).name}:"
        f"{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in messages
        if m["type"] != "info" or m.get("subType") == "warning"
    ]
    assert problems == []
    assert len(pages) == 2 * len(sites.folders)  # index.html and 404.html of every site
    assert len(roster_pages) > 10  # the roster's pages, filtered and sorted, and its CSS


def test_serve_shows_an_edit_in_the_browser(browser: Any, tmp_path: Path) -> None:
    kit = tmp_path / "kit" / "mediakit.yaml"
    kit.parent.mkdir()
    kit.write_text(MINIMAL_KIT, encoding="utf-8")
    with preview(kit, tmp_path / "preview" / "site", port=0, log=lambda _: None) as server:
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.goto(server.url)
        page.wait_for_function("document.body.innerText.includes('Ana Lima')", timeout=60_000)

        # New pages are swapped in, not reloaded: the page's own state and its
        # scroll position survive every edit, the second as well as the first.
        page.evaluate("window.scrollTo(0, 300); window.stillTheSamePage = true")
        scrolled = page.evaluate("window.scrollY")
        assert scrolled > 0
        started = dt.datetime.now()
        for name in ("Ana Lima Souza", "Ana Lima Souza Reis"):
            kit.write_text(MINIMAL_KIT.replace("Ana Lima", name), encoding="utf-8")
            page.wait_for_function(
                f"document.querySelector('h1').innerText === {name!r}", timeout=60_000
            )
            assert page.evaluate("window.stillTheSamePage") is True
            assert page.evaluate("window.scrollY") == scrolled
        seconds = (dt.datetime.now() - started).total_seconds()
        print(f"two edits shown in the browser after {seconds:.2f} s")  # timed in benchmarks/

        kit.write_text(MINIMAL_KIT.replace("12000", "lots"), encoding="utf-8")
        page.wait_for_function(
            "document.getElementById('mediakit-preview-notice')"
            ".innerText.includes('platforms[0].followers')",
            timeout=60_000,
        )
        assert page.locator("#mediakit-preview-notice").is_visible()
        assert "Ana Lima Souza Reis" in page.inner_text("body")  # the last good page stays

        kit.write_text(MINIMAL_KIT, encoding="utf-8")
        page.wait_for_function(
            "!document.body.innerText.includes('Ana Lima Souza')", timeout=60_000
        )
        notice = page.locator("#mediakit-preview-notice")
        # The error is gone (a "PDF updated" notice may follow on its own).
        assert not notice.is_visible() or "followers" not in notice.inner_text()
        page.close()
