"""Hostile text in every field of a kit: the site and the PDF show it as text, never run it."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mediakit.build import build_kit
from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.options import BuildOptions
from tests.conftest import ALIAS_BOMB

PAYLOAD = (
    "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
    '<a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>'
    '<style>body{display:none}</style><base href="https://evil.example/">'
    '<link rel="attachment" href="/etc/passwd">'
)
MARKDOWN_PAYLOAD = (
    PAYLOAD + "\n\n[click](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) "
    "[file](file:///etc/passwd) ![img](https://evil.example/pixel.png)"
)


def hostile_kit() -> dict[str, Any]:
    text, markdown = PAYLOAD, MARKDOWN_PAYLOAD
    return {
        "version": 1,
        "creator": {
            "name": text,
            "tagline": text,
            "bio": markdown,
            "location": text,
            "languages": [text],
            "niches": [text],
        },
        "contact": {"email": "a@example.com", "phone": "+61 400 000 000", "note": text},
        "platforms": [
            {
                "platform": "instagram",
                "handle": "ok",
                "followers": 1000,
                "as_of": "2026-11-01",
                "posts": [
                    {"date": f"2026-10-{d:02d}", "likes": 10, "title": text} for d in range(1, 10)
                ]
                + [{"date": "2026-10-20", "likes": 5000, "title": text}],
            }
        ],
        "audience": {
            "source": text,
            "gender": {text: 50},
            "cities": {text: 10},
            "interests": [text],
            "countries": {"NO": 5},
        },
        "collaborations": [
            {
                "brand": text,
                "date": "2026-09",
                "deliverables": [text],
                "summary": markdown,
                "niches": [text],
                "results": {"views": 10, text: text},
                "testimonial": {"quote": text, "author": text, "role": text},
            }
        ],
        "testimonials": [{"quote": text, "author": text, "role": text, "brand": text}],
        "rates": {
            "currency": "USD",
            "terms": markdown,
            "packages": [{"name": text, "price": 1, "description": text, "includes": [text]}],
            "add_ons": [{"name": text, "price": 2, "description": text}],
        },
    }


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.style_text = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style_text += data


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "mediakit.yaml").write_text(
        json.dumps(hostile_kit()), encoding="utf-8"
    )  # JSON is YAML 1.2
    result = build_kit(
        folder / "mediakit.yaml", folder / "site", BuildOptions(today=dt.date(2026, 11, 21))
    )
    assert result.pdf is not None
    return (folder / "site" / "index.html").read_text(encoding="utf-8"), result.pdf


def test_no_markup_from_the_kit_survives_in_the_site(built: tuple[str, Path]) -> None:
    html, _ = built
    page = Elements()
    page.feed(html)
    tags = [tag for tag, _ in page.tags]
    for forbidden in ("iframe", "object", "embed", "base", "form"):
        assert forbidden not in tags, forbidden
    # The only script is the page's own JSON-LD: data, not code, and inert.
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [
        [("type", "application/ld+json")]
    ]
    json_ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in json_ld and ">" not in json_ld
    assert json.loads(json_ld)["mainEntity"]["name"] == PAYLOAD  # kept whole, as data
    assert [attrs for tag, attrs in page.tags if tag == "link"] == [
        [("rel", "icon"), ("href", "favicon.ico"), ("sizes", "any")],
        [("rel", "icon"), ("href", "favicon-32.png"), ("type", "image/png"), ("sizes", "32x32")],
        [("rel", "apple-touch-icon"), ("href", "apple-touch-icon.png")],
        [("rel", "stylesheet"), ("href", "assets/site.css")],
    ]
    assert "display:none" not in page.style_text
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert (
                    not (value or "")
                    .strip()
                    .lower()
                    .startswith(("javascript:", "data:", "file:", "vbscript:"))
                ), value
        if tag == "img":
            assert (dict(attrs)["src"] or "").startswith("assets/"), (
                attrs
            )  # only images the pipeline made


def test_the_text_is_shown_escaped(built: tuple[str, Path]) -> None:
    html, _ = built
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pdf_links_stay_absolute_web_or_mail(built: tuple[str, Path]) -> None:
    _, pdf = built
    reader = PdfReader(pdf)
    uris = [
        annotation.get_object()["/A"].get("/URI", "")
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
        if "/A" in annotation.get_object()
    ]
    assert all(uri.startswith(("https://", "http://", "mailto:", "tel:")) for uri in uris), uris
    assert "tel:+61400000000" in uris
    assert not any("evil.example" in uri for uri in uris)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (("contact", "website"), "javascript:alert(1)", "expected a web address"),
        (("contact", "website"), "javascript://example.com/%0Aalert(1)", "expected a web address"),
        (("contact", "website"), "ftp://example.com/kit.pdf", "expected a web address"),
        (("contact", "website"), "data:text/html,<script>", "expected a web address"),
        (("contact", "booking_url"), "file:///etc/passwd", "expected a web address"),
        (("contact", "website"), 'https://ok.example/"><script>', "expected a web address"),
        (("contact", "email"), "a@b.co<script>", "expected an email address"),
        (("creator", "handle"), 'me"><script>', "expected a handle"),
        (("contact", "phone"), "<script>alert(1)</script>", "expected a phone number"),
        (("theme", "accent"), "#000;}body{display:none", "expected a colour"),
        (("site", "cname"), "evil.example/<script>", "not in the expected form"),
    ],
)
def test_links_handles_and_theme_values_are_checked(
    tmp_path: Path, field: tuple[str, str], value: str, message: str
) -> None:
    kit = hostile_kit()
    kit.setdefault(field[0], {})[field[1]] = value
    path = tmp_path / "mediakit.yaml"
    path.write_text(json.dumps(kit), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(path))
    problems = [p for p in caught.value.problems if p.key_path == field]
    assert problems and message in problems[0].message
    assert problems[0].line is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("brand: Acme\nbrand: Evil\n", 'duplicate key "brand"'),
        ("brand: Acme\nbudget: .inf\n", "expected a finite number"),
        ("brand: Acme\ntarget: {age: '<script>'}\n", "expected an age band"),
        ("brand: Acme\ntarget: {countries: [XX]}\n", "two-letter ISO country code"),
        ("brand: Acme\nplatforms: [myspace]\n", "expected one of: instagram"),
        ("- brand: Acme\n", "expected keys and values"),
        ("brand: [Acme]\n", "expected text"),
        (ALIAS_BOMB, "aliases"),
    ],
)
def test_hostile_briefs_get_located_errors(tmp_path: Path, text: str, message: str) -> None:
    from mediakit.kit.validate import validate_document
    from mediakit.model.brief import Brief

    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        validate_document(load_yaml(path), Brief)
    formatted = caught.value.problems[0].format()
    assert message in formatted
    assert formatted.startswith(str(path))
