"""The sample kits' pages, compared with reviewed copies in tests/golden/.

After an intended change to templates or wording, regenerate them with
`python -m pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import difflib
from typing import Any

import pytest

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def test_site_matches_golden(sample_build: Any, request: pytest.FixtureRequest) -> None:
    kit_path, result = sample_build
    actual = (result.out_dir / "index.html").read_text(encoding="utf-8")
    golden = GOLDEN / kit_path.parent.name / "index.html"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote {golden.relative_to(ROOT)}; review the diff")
    assert golden.is_file(), "no golden file yet: run with --update-golden and review it"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                "golden",
                "built",
                n=2,
            )
        )
        pytest.fail(
            f"{kit_path.parent.name}/index.html differs from its golden copy:\n{diff[:4000]}"
        )
