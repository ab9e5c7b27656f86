from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
SAMPLE_KITS = sorted(SAMPLES.glob("*/mediakit.yaml"))

# Reproducible PDF dates in every test build.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1763251200")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden HTML files from the current output (review the diff!).",
    )


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


MINIMAL_KIT = """\
version: 1
creator:
  name: Ana Lima
  niches: [baking]
contact:
  email: ana@example.com
platforms:
  - platform: instagram
    handle: analima
    followers: 12000
    as_of: 2026-11-01
"""


@pytest.fixture
def write_kit(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a kit file (dedented) into tmp_path and return its path."""

    def write(text: str = MINIMAL_KIT, name: str = "mediakit.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
