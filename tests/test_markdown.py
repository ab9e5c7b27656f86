"""Markdown from a kit is public: only formatting and absolute links survive."""

from __future__ import annotations

import pytest

from mediakit.view.markdown import render_markdown


def test_formatting_and_web_links_survive() -> None:
    html = render_markdown("I bake **sourdough**. See [my blog](https://example.com/blog).")
    assert "<strong>sourdough</strong>" in html
    assert 'href="https://example.com/blog"' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "[file](file:///etc/passwd)",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<link rel="attachment" href="/etc/passwd">',
        '<base href="https://evil.example/">',
        '<a href="https://ok.example" onclick="alert(1)" style="color:red">x</a>',
        "[relative](../../etc/passwd)",
    ],
)
def test_hostile_markup_is_removed(hostile: str) -> None:
    html = str(render_markdown(f"Hello {hostile} world")).lower()
    for forbidden in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:",
        "file:",
        "<iframe",
        "<style",
        "<link",
        "<base",
        "style=",
        "passwd",
    ):
        assert forbidden not in html, (forbidden, html)
    assert "hello" in html and "world" in html
