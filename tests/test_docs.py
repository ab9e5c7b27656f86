"""The limits SECURITY.md promises are the ones the code enforces."""

from __future__ import annotations

from mediakit import media
from mediakit.load import MAX_FILE_BYTES, MAX_VALUES
from mediakit.model.collaboration import MAX_COLLABORATIONS
from mediakit.model.platform import MAX_POSTS
from mediakit.model.rates import MAX_PRICE
from mediakit.model.types import MAX_COUNT, MAX_ITEMS, MAX_LINE, MAX_MARKDOWN, MAX_PARAGRAPH
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
