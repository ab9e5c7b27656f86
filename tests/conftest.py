from __future__ import annotations

import datetime
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from mediakit.options import BuildOptions

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


@pytest.fixture(scope="session", autouse=True)
def image_cache(tmp_path_factory: pytest.TempPathFactory):
    """Processed images are cached in a temporary folder, never in the user's home."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("image-cache")
        patch.setenv("MEDIAKIT_CACHE_DIR", str(folder))
        yield folder


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


def _alias_bomb(levels: int = 8, width: int = 10) -> str:
    """YAML of a few hundred bytes that expands to width ** levels values ("billion laughs")."""
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


ALIAS_BOMB = _alias_bomb()


@pytest.fixture
def write_kit(tmp_path: Path):
    """Write a kit file (dedented) into tmp_path and return its path."""

    def write(text: str = MINIMAL_KIT, name: str = "mediakit.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


# A fixed "today" so outputs that mention the build date are reproducible.
TODAY = datetime.date(2026, 11, 21)


@pytest.fixture(scope="session", params=SAMPLE_KITS, ids=lambda path: path.parent.name)
def sample_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """Each sample kit built once (site and PDF) for the whole session."""
    from mediakit.build import build_kit

    kit_path: Path = request.param
    return kit_path, build_kit(
        kit_path, tmp_path_factory.mktemp(kit_path.parent.name), BuildOptions(today=TODAY)
    )


# CI runs the property tests on the same examples every time, so a run is
# reproducible and a red build points at a change; local runs keep searching
# at random, and whatever they find is pinned with @example.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
