"""The documents are true: SECURITY.md's limits are the code's, and links lead somewhere."""

from __future__ import annotations

import re

import pytest

from mediakit.images import pipeline as media
from mediakit.kit.imports import sources
from mediakit.kit.load import MAX_FILE_BYTES, MAX_VALUES
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
        "| an import: one file, or one member of a zip once unpacked |": f"{MAX_FILE_BYTES // 2**20} MB",
        "| an import: all CSV and JSON files read |": f"{sources.MAX_TOTAL_BYTES // 2**20} MB and {sources.MAX_FILES:,} files",
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


def test_the_readme_installs_this_release_by_its_distribution_name() -> None:
    from mediakit import DISTRIBUTION, __version__

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'pip install "{DISTRIBUTION}=={__version__}"' in text
    assert f"mediakit {__version__} (pip package {DISTRIBUTION})" in text
    assert "pip install mediakit" not in text  # PyPI's `mediakit` is another project
