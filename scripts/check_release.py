"""Check that a release tag matches the version and that CHANGELOG.md has its section.

The version is written once, in mediakit/__init__.py; a tag `vX.Y.Z` must name
exactly that version, and CHANGELOG.md must have a `## X.Y.Z` section (with
its date) for what the release brings.

    python scripts/check_release.py v0.1.0
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_version(root: Path = ROOT) -> str:
    text = (root / "mediakit" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise ValueError("mediakit/__init__.py has no __version__ line")
    return match.group(1)


def release_problems(tag: str, root: Path = ROOT) -> list[str]:
    version = package_version(root)
    problems = []
    if tag != f"v{version}":
        problems.append(
            f"the tag {tag} does not match the version {version} in mediakit/__init__.py; "
            f"tag the release v{version}, or change the version first"
        )
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^## {re.escape(version)} \(\d{{4}}-\d{{2}}-\d{{2}}\)$", re.MULTILINE)
    if not heading.search(changelog):
        problems.append(
            f"CHANGELOG.md has no section '## {version} (YYYY-MM-DD)'; "
            "rename 'Unreleased' to it and date it"
        )
    return problems


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    problems = release_problems(arguments[0])
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{arguments[0]}: version and CHANGELOG section agree")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
