"""The documents are true: SECURITY.md's limits are the code's, and links lead somewhere."""

from __future__ import annotations

import re

import pytest

from mediakit import media
from mediakit.load import MAX_FILE_BYTES, MAX_VALUES
from mediakit.model.collaboration import MAX_COLLABORATIONS
from mediakit.model.platform import MAX_POSTS
from mediakit.model.types import (
    MAX_COUNT,
    MAX_ITEMS,
    MAX_LINE,
    MAX_MARKDOWN,
    MAX_PARAGRAPH,
    MAX_PRICE,
)
from tests.conftest import ROOT


def test_security_limits_match_the_code() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    rows = {
        "| kit file, posts CSV file |": f"{MAX_FILE_BYTES // 2**20} MB each",
        "| values in the kit once YAML aliases are expanded |": f"{MAX_VALUES:,}",
        "| posts per platform, follower history points per platform |": f"{MAX_POSTS:,}",
        "| collaborations, testimonials |": f"{MAX_COLLABORATIONS} each",
        "| items in any other list or mapping (niches, countries, packages...) |": f"{MAX_ITEMS}",
        "| one-line text (a name, a title) |": f"{MAX_LINE} characters",
        "| a quote or a description |": f"{MAX_PARAGRAPH:,} characters",
        "| Markdown text (bio, summary, terms) |": f"{MAX_MARKDOWN:,} characters",
        "| a count (followers, views...) |": f"{MAX_COUNT // 10**9} billion",
        "| a price |": f"{MAX_PRICE // 10**9} billion",
        "| an image file |": f"{media.MAX_IMAGE_BYTES // 2**20} MB and {media.MAX_PIXELS // 10**6} million pixels",
    }
    for row, value in rows.items():
        assert f"{row} {value} |" in text, row


@pytest.mark.parametrize(
    "document", ["README.md", "CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md"]
)
def test_relative_links_and_pictures_exist(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    relative = [t for t in targets if "://" not in t and not t.startswith("mailto:")]
    missing = [t for t in relative if not (ROOT / t).exists()]
    assert missing == [], f"{document} points at files that do not exist"
